// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationdashboard.h"

#include "anomalydetail.h"
#include "anomalytableproxy.h"
#include "dashboardcharts.h"
#include "dashboardstats.h"
#include "progressdelegate.h"

#include "core/services/investigationsservice.h"
#include "protocol/vocabulary.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace cidadao::ui {

using client::AnomalyModel;
using client::InvestigationsService;

namespace {

const QStringList TileNames = {QStringLiteral("records"), QStringLiteral("anomalies"), QStringLiteral("serious"),
                               QStringLiteral("confidence"), QStringLiteral("duration")};

} // namespace

InvestigationDashboard::InvestigationDashboard(InvestigationsService* service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
    , m_tiles(new QWidget(this))
    , m_charts(new DashboardCharts(this))
    , m_search(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_proxy(new AnomalyTableProxy(this))
    , m_detail(new AnomalyDetail(this))
    , m_format(new QComboBox(this))
    , m_export(new QPushButton(this))
    , m_exportState(new QLabel(this))
{
    setObjectName(QStringLiteral("investigationDashboard"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("investigationProgress"));
    m_progress->setRange(0, 100);
    m_cancel->setObjectName(QStringLiteral("cancelInvestigation"));
    m_search->setObjectName(QStringLiteral("anomalySearch"));
    m_search->setClearButtonEnabled(true);
    m_severity->setObjectName(QStringLiteral("severityFilter"));
    m_severity->addItem(QString(), QString());
    for (const char* severity : protocol::Severity::All)
        m_severity->addItem(QString(), QLatin1String(severity));
    m_type->setObjectName(QStringLiteral("typeFilter"));
    // The filters' words ("Qualquer gravidade") were cut off at the default width.
    m_severity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_type->addItem(QString(), QString());
    for (const char* type : protocol::AnomalyType::All)
        m_type->addItem(QString(), QLatin1String(type));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
    m_format->addItem(QStringLiteral("CSV"), QStringLiteral("csv"));
    m_format->addItem(QStringLiteral("Markdown"), QStringLiteral("md"));
    m_format->addItem(QStringLiteral("JSON"), QStringLiteral("json"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_exportState->setObjectName(QStringLiteral("exportState"));

    auto* tiles = new QHBoxLayout(m_tiles);
    tiles->setContentsMargins(0, 0, 0, 0);
    for (const QString& name : TileNames) {
        QLabel* tile = addTile(name);
        tiles->addWidget(tile);
    }

    m_proxy->setSourceModel(service->anomalies());
    m_proxy->setSortRole(Qt::DisplayRole);
    m_table->setObjectName(QStringLiteral("anomalyTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AnomalyModel::SeverityColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_state);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_severity);
    filters->addWidget(m_type);
    auto* tablePane = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(filters);
    tableLayout->addWidget(m_table, 1);
    auto* split = new QSplitter(this);
    split->addWidget(tablePane);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportState, 1);
    exportRow->addWidget(m_format);
    exportRow->addWidget(m_export);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tiles);
    layout->addWidget(m_charts, 2);
    layout->addWidget(split, 3);
    layout->addLayout(exportRow);

    connect(service, &InvestigationsService::progressed, this, &InvestigationDashboard::onProgress);
    connect(service, &InvestigationsService::resultsLoaded, this, &InvestigationDashboard::onResults);
    connect(service, &InvestigationsService::exported, this, [this](const QString& path, const QString&) {
        m_exportState->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_search, &QLineEdit::textChanged, this, &InvestigationDashboard::applyFilters);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &InvestigationDashboard::applyFilters);
    connect(m_type, &QComboBox::currentIndexChanged, this, &InvestigationDashboard::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InvestigationDashboard::onSelection);
    connect(m_export, &QPushButton::clicked, this, &InvestigationDashboard::startExport);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_service->currentId().isEmpty())
            m_service->cancel(m_service->currentId());
    });
    retranslate();
    showCurrent();
}

QLabel* InvestigationDashboard::addTile(const QString& name)
{
    auto* tile = new QLabel(m_tiles);
    tile->setObjectName(QStringLiteral("tile_%1").arg(name));
    tile->setAlignment(Qt::AlignCenter);
    tile->setTextFormat(Qt::RichText);
    tile->setMinimumHeight(56);
    tile->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border: 1px solid palette(mid);"
                                       " border-radius: 6px; padding: 6px; }"));
    m_tileLabels << tile;
    return tile;
}

QString InvestigationDashboard::tileText(const QString& name) const
{
    const QLabel* tile = m_tiles->findChild<QLabel*>(QStringLiteral("tile_%1").arg(name));
    return tile ? tile->text() : QString();
}

void InvestigationDashboard::onProgress(const protocol::InvestigationStatus& status)
{
    if (status.investigationId == m_service->currentId())
        showCurrent();
}

void InvestigationDashboard::onResults()
{
    showCurrent();
    m_table->resizeColumnsToContents();
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
}

void InvestigationDashboard::showCurrent()
{
    const QString id = m_service->currentId();
    const int row = m_service->investigations()->rowOf(id);
    const auto& results = m_service->currentResults();
    if (row >= 0) {
        const client::InvestigationSummary& item = m_service->investigations()->at(row);
        m_title->setText(item.query.isEmpty() ? (results ? results->query : QString()) : item.query);
        const bool finished = InvestigationsService::isFinished(item.status.status);
        QString state = ProgressDelegate::statusLabel(item.status.status);
        const QString phase = ProgressDelegate::phaseLabel(item.status.currentPhase);
        if (!finished && !phase.isEmpty())
            state += QStringLiteral(" · ") + phase;
        m_state->setText(state);
        m_progress->setValue(qBound(0, qRound(item.status.progress * 100.0), 100));
        m_cancel->setVisible(!finished);
    } else {
        m_title->setText(id.isEmpty() ? tr("Start an investigation or pick one from the list.") : QString());
        m_state->clear();
        m_progress->setValue(0);
        m_cancel->hide();
    }
    const QLocale locale;
    const QString noValue = QStringLiteral("—");
    auto setTile = [this](int i, const QString& value, const QString& caption) {
        m_tileLabels.at(i)->setText(QStringLiteral("<span style='font-size:15pt; font-weight:600'>%1</span><br>%2")
                                        .arg(value.toHtmlEscaped(), caption.toHtmlEscaped()));
    };
    const DashboardStats stats = DashboardStats::compute(results ? results->results : QList<protocol::AnomalyResult>());
    const int serious = stats.bySeverity.value(QStringLiteral("high")) + stats.bySeverity.value(QStringLiteral("critical"));
    setTile(0, results ? locale.toString(results->totalRecordsAnalyzed) : noValue, tr("records analysed"));
    setTile(1, results ? locale.toString(results->anomaliesFound) : noValue, tr("anomalies found"));
    setTile(2, results ? locale.toString(serious) : noValue, tr("high or critical"));
    setTile(3, results ? QStringLiteral("%1%").arg(locale.toString(results->confidenceScore * 100.0, 'f', 0)) : noValue,
            tr("confidence"));
    setTile(4, results ? tr("%1 s").arg(locale.toString(results->processingTime, 'f', 1)) : noValue, tr("processing time"));
    m_charts->setStats(stats);
    m_export->setEnabled(results.has_value());
    if (!results)
        m_detail->clear();
}

void InvestigationDashboard::applyFilters()
{
    m_proxy->setText(m_search->text().trimmed());
    m_proxy->setMinimumSeverity(m_severity->currentData().toString());
    const QString type = m_type->currentData().toString();
    m_proxy->setTypes(type.isEmpty() ? QSet<QString>() : QSet<QString>{type});
}

void InvestigationDashboard::onSelection()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QModelIndex source = m_proxy->mapToSource(current);
    m_detail->showAnomaly(m_service->anomalies()->at(source.row()));
}

void InvestigationDashboard::startExport()
{
    const QString id = m_service->currentId();
    if (id.isEmpty() || m_dialog)
        return;
    const QString format = m_format->currentData().toString();
    QString filter;
    if (format == QLatin1String("pdf"))
        filter = tr("PDF documents (*.pdf)");
    else if (format == QLatin1String("csv"))
        filter = tr("CSV tables (*.csv)");
    else if (format == QLatin1String("md"))
        filter = tr("Markdown documents (*.md)");
    else
        filter = tr("JSON files (*.json)");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_dialog = new QFileDialog(this, tr("Export report"), QDir(folder).filePath(QStringLiteral("investigacao-%1.%2")
                                                                                   .arg(id.left(8), format)),
                               filter);
    m_dialog->setObjectName(QStringLiteral("exportDialog"));
    m_dialog->setAcceptMode(QFileDialog::AcceptSave);
    m_dialog->setDefaultSuffix(format);
    // The platform's dialog cannot be driven by tests and is not there on every desktop.
    m_dialog->setOption(QFileDialog::DontUseNativeDialog);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QFileDialog::fileSelected, this, [this, id, format](const QString& path) {
        m_exportState->setText(tr("Exporting…"));
        m_service->exportReport(id, format, path);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void InvestigationDashboard::retranslate()
{
    // The anomalies' own words follow the interface too, where the server sent both languages.
    m_service->anomalies()->setTextLanguage(AnomalyModel::textLanguageFor(QLocale()));
    m_cancel->setText(tr("Cancel"));
    m_search->setPlaceholderText(tr("Search descriptions and explanations"));
    m_severity->setItemText(0, tr("Any severity"));
    for (int i = 1; i < m_severity->count(); ++i)
        m_severity->setItemText(i, tr("%1 or above").arg(DashboardCharts::severityLabel(m_severity->itemData(i).toString())));
    m_type->setItemText(0, tr("All types"));
    for (int i = 1; i < m_type->count(); ++i)
        m_type->setItemText(i, DashboardCharts::typeLabel(m_type->itemData(i).toString()));
    m_export->setText(tr("Export…"));
    showCurrent();
}

void InvestigationDashboard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
