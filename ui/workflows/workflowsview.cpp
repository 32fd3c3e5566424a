// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowsview.h"

#include "workflowgraphview.h"

#include "core/workflows/workflowsservice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cidadao::ui {

using protocol::Json;

namespace {

// A starting point for each built-in, so that Run works without reading the API first.
QString exampleInput(const QString& workflowId)
{
    if (workflowId == QLatin1String("investigation"))
        return QStringLiteral("{\n  \"query\": \"contratos de 2024\",\n  \"data_source\": \"contracts\",\n"
                              "  \"anomaly_types\": [\"price\", \"vendor\", \"temporal\", \"payment\"]\n}");
    if (workflowId == QLatin1String("import"))
        return QStringLiteral("{\n  \"file\": \"contratos.csv\"\n}");
    return QStringLiteral("{}");
}

QString text(const Json& object, const char* key)
{
    return object.contains(key) && object[key].is_string() ? object[key].get<QString>() : QString();
}

// The execution statuses of API.md §9 (running | completed | failed | cancelled) in the user's language;
// anything newer a server sends is shown as sent.
QString statusTitle(const QString& status)
{
    if (status == QLatin1String("running"))
        return WorkflowsView::tr("running");
    if (status == QLatin1String("completed"))
        return WorkflowsView::tr("completed");
    if (status == QLatin1String("failed"))
        return WorkflowsView::tr("failed");
    if (status == QLatin1String("cancelled"))
        return WorkflowsView::tr("cancelled");
    return status;
}

} // namespace

WorkflowsView::WorkflowsView(client::WorkflowsService& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_definitions(new QListWidget(this))
    , m_input(new QPlainTextEdit(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_graph(new WorkflowGraphView(this))
    , m_history(new QTableWidget(0, 4, this))
    , m_status(new QLabel(this))
    , m_definitionsTitle(new QLabel(this))
    , m_inputTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("workflowsView"));
    m_definitions->setObjectName(QStringLiteral("workflowDefinitions"));
    m_input->setObjectName(QStringLiteral("workflowInput"));
    m_run->setObjectName(QStringLiteral("runWorkflow"));
    m_cancel->setObjectName(QStringLiteral("cancelWorkflow"));
    m_graph->setObjectName(QStringLiteral("workflowGraph"));
    m_history->setObjectName(QStringLiteral("workflowHistory"));
    m_status->setObjectName(QStringLiteral("workflowStatus"));
    m_definitionsTitle->setBuddy(m_definitions);
    m_inputTitle->setBuddy(m_input);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->verticalHeader()->hide();
    m_cancel->setEnabled(false);
    m_graph->setModel(m_service.graph());

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_definitionsTitle);
    leftLayout->addWidget(m_definitions, 1);
    leftLayout->addWidget(m_inputTitle);
    leftLayout->addWidget(m_input, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    leftLayout->addLayout(buttons);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_graph);
    scroll->setWidgetResizable(true);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(scroll);
    right->addWidget(m_history);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    retranslate();

    connect(m_run, &QPushButton::clicked, this, &WorkflowsView::run);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_service.currentExecutionId().isEmpty())
            m_service.cancel(m_service.currentExecutionId());
    });
    connect(m_definitions, &QListWidget::currentRowChanged, this, &WorkflowsView::selectionChanged);
    connect(m_history, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        const QString id = m_history->item(row, 0)->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            m_service.watch(id);
    });
    connect(&m_service, &client::WorkflowsService::definitionsChanged, this, &WorkflowsView::showDefinitions);
    connect(&m_service, &client::WorkflowsService::historyChanged, this, &WorkflowsView::showHistory);
    connect(&m_service, &client::WorkflowsService::executionStarted, this, [this](const QString& executionId) {
        m_cancel->setEnabled(true);
        setStatus(tr("Running %1…").arg(executionId.left(8)));
        m_service.refreshHistory();
    });
    connect(&m_service, &client::WorkflowsService::executionFinished, this,
            [this](const QString&, bool ok, const QString& error, const QString& nodeId) {
                m_cancel->setEnabled(false);
                m_run->setEnabled(true);
                setStatus(ok ? tr("Finished") : nodeId.isEmpty() ? tr("Stopped: %1").arg(error)
                                                                 : tr("Failed at %1: %2").arg(nodeId, error));
            });
    connect(&m_service, &client::WorkflowsService::errorOccurred, this, [this](const QString&, const QString& message) {
        m_run->setEnabled(true);
        setStatus(message);
    });
}

void WorkflowsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showHistory();
        if (m_definitions->count() > 0)
            m_service.refreshDefinitions(); // the server names workflows and steps in the new language
    }
    QWidget::changeEvent(event);
}

void WorkflowsView::retranslate()
{
    setWindowTitle(tr("Workflows"));
    m_definitionsTitle->setText(tr("&Workflows"));
    m_inputTitle->setText(tr("In&put"));
    m_run->setText(tr("&Run"));
    m_cancel->setText(tr("Cancel run"));
    m_definitions->setAccessibleName(tr("Workflows"));
    m_input->setAccessibleName(tr("Workflow input (JSON)"));
    m_input->setPlaceholderText(tr("Input as JSON"));
    m_history->setHorizontalHeaderLabels({tr("Workflow"), tr("Status"), tr("Started"), tr("Error")});
    m_history->setAccessibleName(tr("Workflow history"));
}

void WorkflowsView::refresh()
{
    m_service.refreshDefinitions();
    m_service.refreshHistory();
}

QString WorkflowsView::selectedWorkflow() const
{
    const QListWidgetItem* item = m_definitions->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString WorkflowsView::statusText() const
{
    return m_status->text();
}

void WorkflowsView::setStatus(const QString& text)
{
    m_status->setText(text);
}

void WorkflowsView::showDefinitions()
{
    const QString selected = selectedWorkflow();
    m_definitions->clear();
    for (const protocol::WorkflowDefinition& definition : m_service.definitions()) {
        auto* item = new QListWidgetItem(definition.name.isEmpty() ? definition.id : definition.name, m_definitions);
        item->setData(Qt::UserRole, definition.id);
        item->setToolTip(tr("%n step(s)", nullptr, int(definition.nodes.size())));
        if (definition.id == selected)
            m_definitions->setCurrentItem(item);
    }
    if (!m_definitions->currentItem() && m_definitions->count() > 0)
        m_definitions->setCurrentRow(0);
    // The same workflow re-listed (in another language, say): its graph takes the new step names,
    // unless it shows a run.
    if (const auto definition = m_service.definition(selectedWorkflow());
        definition && !selected.isEmpty() && m_service.graph()->executionId().isEmpty())
        m_service.graph()->setDefinition(*definition);
}

void WorkflowsView::selectionChanged()
{
    const QString id = selectedWorkflow();
    if (id.isEmpty())
        return;
    m_input->setPlainText(exampleInput(id));
    if (const auto definition = m_service.definition(id); definition && m_service.graph()->executionId().isEmpty())
        m_service.graph()->setDefinition(*definition);
}

void WorkflowsView::run()
{
    const QString id = selectedWorkflow();
    if (id.isEmpty())
        return;
    const QByteArray typed = m_input->toPlainText().toUtf8();
    const Json input = typed.trimmed().isEmpty() ? Json::object() : Json::parse(typed.constBegin(), typed.constEnd(), nullptr, false);
    if (input.is_discarded() || !input.is_object()) {
        setStatus(tr("The input must be a JSON object."));
        return;
    }
    if (m_service.execute(id, input).isEmpty()) {
        setStatus(tr("Not connected to the server; try again when the connection is back."));
        return;
    }
    m_run->setEnabled(false);
    setStatus(tr("Starting…"));
}

void WorkflowsView::showHistory()
{
    const QList<Json>& history = m_service.history();
    m_history->setRowCount(int(history.size()));
    for (int row = 0; row < history.size(); ++row) {
        const Json& record = history[row];
        auto* workflow = new QTableWidgetItem(text(record, "workflowId"));
        workflow->setData(Qt::UserRole, text(record, "executionId"));
        m_history->setItem(row, 0, workflow);
        m_history->setItem(row, 1, new QTableWidgetItem(statusTitle(text(record, "status"))));
        m_history->setItem(row, 2, new QTableWidgetItem(text(record, "started_at")));
        m_history->setItem(row, 3, new QTableWidgetItem(text(record, "error")));
    }
}

} // namespace cidadao::ui
