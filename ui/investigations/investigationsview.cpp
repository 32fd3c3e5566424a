// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationsview.h"

#include "investigationdashboard.h"
#include "investigationform.h"
#include "progressdelegate.h"

#include "ui/chat/bannererror.h"
#include "ui/messagebanner.h"
#include "core/clientcontext.h"
#include "core/connection.h"
#include "core/services/datalookup.h"
#include "core/services/investigationsservice.h"

#include <QEvent>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

namespace cidadao::ui {

using client::InvestigationsService;

InvestigationsView::InvestigationsView(InvestigationsService* service, client::DataLookup* lookup, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_banner(new MessageBanner(this))
    , m_form(new InvestigationForm(lookup, this))
    , m_formScroll(new QScrollArea(this))
    , m_list(new QListView(this))
    , m_refresh(new QPushButton(this))
    , m_dashboard(new InvestigationDashboard(service, this))
{
    setObjectName(QStringLiteral("investigationsView"));
    m_banner->setObjectName(QStringLiteral("investigationsBanner"));
    m_list->setObjectName(QStringLiteral("investigationList"));
    m_list->setModel(service->investigations());
    m_list->setItemDelegate(new ProgressDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMinimumWidth(300);
    m_refresh->setObjectName(QStringLiteral("refreshInvestigations"));

    m_formScroll->setWidget(m_form);
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFrameShape(QFrame::NoFrame);
    // The form scrolls down when the pane is short, never sideways: the pane is kept at least as
    // wide as the form needs (fitFormPane), so nothing on its right is cut off.
    m_formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_form->installEventFilter(this);
    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_formScroll);
    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_refresh);
    left->addWidget(listPane);
    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(m_dashboard);
    split->setStretchFactor(1, 1);
    split->setSizes({380, 900});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(m_form, &InvestigationForm::startRequested, this, [this](const protocol::InvestigationRequest& request) {
        m_banner->clear();
        m_service->start(request);
    });
    connect(service, &InvestigationsService::started, this, &InvestigationsView::openInvestigation);
    connect(service, &InvestigationsService::errorOccurred, this, &InvestigationsView::showError);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        openInvestigation(index.data(client::InvestigationListModel::IdRole).toString());
    });
    connect(m_refresh, &QPushButton::clicked, service, &InvestigationsService::refresh);
    retranslate();
    fitFormPane();
}

InvestigationsView::InvestigationsView(client::ClientContext& context, QWidget* parent)
    : InvestigationsView(new InvestigationsService(&context.connection.api()),
                         new client::DataLookup(&context.connection.api()), parent)
{
    m_service->setParent(this);
    m_form->lookup()->setParent(this);
    client::Connection* connection = &context.connection;
    const auto onConnected = [this, connection] {
        m_service->setPublicRoutes(connection->capabilities().isUpstream());
        setLocalBackend(connection->profile().kind == client::ConnectionProfile::Kind::Local);
        activate();
    };
    connect(connection, &client::Connection::connected, this, onConnected);
    if (connection->isConnected())
        onConnected();
}

void InvestigationsView::setLocalBackend(bool local)
{
    m_localBackend = local;
}

void InvestigationsView::showError(const protocol::ApiError& error)
{
    showApiError(m_banner, error, m_localBackend,
                 {[this] { m_service->retry(); }, [this] { Q_EMIT loginRequested(); },
                  [this] { Q_EMIT restartServerRequested(); }});
}

void InvestigationsView::activate()
{
    m_service->refresh();
}

void InvestigationsView::openInvestigation(const QString& id)
{
    const int row = m_service->investigations()->rowOf(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_service->investigations()->index(row));
    m_service->open(id);
}

void InvestigationsView::retranslate()
{
    setWindowTitle(tr("Investigations"));
    m_refresh->setText(tr("Refresh list"));
}

void InvestigationsView::fitFormPane()
{
    m_formScroll->setMinimumWidth(m_form->minimumSizeHint().width() + m_formScroll->verticalScrollBar()->sizeHint().width());
}

bool InvestigationsView::eventFilter(QObject* watched, QEvent* event)
{
    // The form's minimum width changes with the language (longer labels) and the font.
    if (watched == m_form && event->type() == QEvent::LayoutRequest)
        fitFormPane();
    return QWidget::eventFilter(watched, event);
}

void InvestigationsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
