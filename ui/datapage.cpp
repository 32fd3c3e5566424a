// SPDX-License-Identifier: GPL-3.0-or-later
#include "datapage.h"

#include "core/backendhost.h"
#include "core/connection.h"
#include "chat/bannererror.h"
#include "messagebanner.h"
#include "recordsmodel.h"
#include "svgicon.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cidadao::ui {

namespace {
constexpr int RecordsPage = 50;
const char* const KnownSources[] = {"contracts", "biddings", "participants", "agreements",
                                    "expenses",  "servants", "sanctions"};
} // namespace

DataPage::DataPage(client::ClientContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_client(new client::DataClient(context.connection, this))
{
    setObjectName(QStringLiteral("dataPage"));
    auto* layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("dataBanner"));
    layout->addWidget(m_banner);

    auto* actions = new QHBoxLayout;
    m_import = new QPushButton(svgIcon(QStringLiteral("import")), QString(), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_importSource = new QComboBox(this);
    m_importSource->setObjectName(QStringLiteral("importSource"));
    m_importSource->addItem(QString(), QString()); // detected from the file's header
    for (const char* source : KnownSources)
        m_importSource->addItem(QString(), QLatin1String(source));
    m_reloadSample = new QPushButton(svgIcon(QStringLiteral("refresh")), QString(), this);
    m_reloadSample->setObjectName(QStringLiteral("reloadSample"));
    m_refresh = new QPushButton(svgIcon(QStringLiteral("refresh")), QString(), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    actions->addWidget(m_import);
    actions->addWidget(m_importSource);
    actions->addStretch();
    actions->addWidget(m_reloadSample);
    actions->addWidget(m_refresh);
    layout->addLayout(actions);

    m_importBox = new QGroupBox(this);
    auto* importLayout = new QVBoxLayout(m_importBox);
    m_importLabel = new QLabel(m_importBox);
    m_progress = new QProgressBar(m_importBox);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 100);
    m_reportSummary = new QLabel(m_importBox);
    m_reportSummary->setObjectName(QStringLiteral("importSummary"));
    m_reportSummary->setWordWrap(true);
    m_rejects = new QTableWidget(0, 3, m_importBox);
    m_rejects->setObjectName(QStringLiteral("rejects"));
    m_rejects->horizontalHeader()->setStretchLastSection(true);
    m_rejects->verticalHeader()->hide();
    m_rejects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejects->setMaximumHeight(160);
    importLayout->addWidget(m_importLabel);
    importLayout->addWidget(m_progress);
    importLayout->addWidget(m_reportSummary);
    importLayout->addWidget(m_rejects);
    m_importBox->hide();
    layout->addWidget(m_importBox);

    auto* splitter = new QSplitter(this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_sourcesTitle = new QLabel(left);
    m_sourceList = new QListWidget(left);
    m_sourceList->setObjectName(QStringLiteral("sourceList"));
    leftLayout->addWidget(m_sourcesTitle);
    leftLayout->addWidget(m_sourceList);
    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    m_recordsTitle = new QLabel(right);
    m_search = new QLineEdit(right);
    m_search->setObjectName(QStringLiteral("recordSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(svgIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    searchRow->addWidget(m_recordsTitle);
    searchRow->addWidget(m_search, 1);
    rightLayout->addLayout(searchRow);
    m_records = new RecordsModel(this);
    m_table = new QTableView(right);
    m_table->setObjectName(QStringLiteral("recordsTable"));
    m_table->setModel(m_records);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setDefaultSectionSize(140);
    m_table->verticalHeader()->hide();
    rightLayout->addWidget(m_table, 1);
    m_more = new QPushButton(right);
    m_more->setObjectName(QStringLiteral("moreRecords"));
    m_more->hide();
    rightLayout->addWidget(m_more, 0, Qt::AlignHCenter);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_searchDelay, &QTimer::timeout, this, [this] { loadRecords(false); });
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        loadRecords(false);
    });
    connect(m_more, &QPushButton::clicked, this, [this] { loadRecords(true); });
    connect(m_import, &QPushButton::clicked, this, &DataPage::chooseFiles);
    connect(m_refresh, &QPushButton::clicked, this, &DataPage::refreshSources);
    connect(m_reloadSample, &QPushButton::clicked, this, &DataPage::reloadSample);
    connect(m_sourceList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            showSource(item->data(Qt::UserRole).toString());
    });

    connect(m_client, &client::DataClient::uploadProgress, this, [this](qint64 sent, qint64 total) {
        // The upload is the first half of the bar; the server's import the second.
        if (total > 0)
            m_progress->setValue(int(sent * 50 / total));
    });
    connect(m_client, &client::DataClient::importProgress, this, [this](int percent, qint64 rows, qint64 rejected) {
        m_progress->setValue(50 + qBound(0, percent, 100) / 2);
        m_importLabel->setText(tr("Importing %1: %n row(s) stored", nullptr, int(rows)).arg(QFileInfo(m_currentFile).fileName())
                               + (rejected ? QStringLiteral(" · ") + tr("%n rejected", nullptr, int(rejected)) : QString()));
    });
    connect(m_client, &client::DataClient::importFinished, this, [this](const client::ImportReport& report) {
        m_progress->setValue(100);
        showReport(report, m_currentFile);
        m_lastReport = report;
        Q_EMIT importDone(report);
        importNext();
    });
    connect(m_client, &client::DataClient::importFailed, this, [this](const protocol::ApiError& error) {
        const QStringList rest = m_queue;
        const QString file = m_currentFile;
        m_queue.clear();
        m_importBox->hide();
        m_lastReport = {};
        m_lastReport.status = QStringLiteral("failed");
        m_lastReport.error = error.message;
        showError(error, [this, file, rest] { importFiles(QStringList{file} + rest); });
        Q_EMIT importDone(m_lastReport);
    });
    connect(&context.connection, &client::Connection::connected, this, &DataPage::refreshSources);
    connect(&context.connection, &client::Connection::stateChanged, this,
            [this] { m_import->setEnabled(m_context.connection.isConnected()); });

    retranslate();
    setSampleReloadAvailable(false);
    m_import->setEnabled(context.connection.isConnected());
}

DataPage::~DataPage() = default;

QString DataPage::sourceTitle(const QString& source)
{
    if (source == QLatin1String("contracts"))
        return tr("Contracts");
    if (source == QLatin1String("biddings"))
        return tr("Biddings");
    if (source == QLatin1String("participants"))
        return tr("Bidding participants");
    if (source == QLatin1String("agreements"))
        return tr("Agreements");
    if (source == QLatin1String("expenses"))
        return tr("Expenses");
    if (source == QLatin1String("servants"))
        return tr("Public servants' pay");
    if (source == QLatin1String("sanctions"))
        return tr("Sanctions");
    return source;
}

void DataPage::reloadSample()
{
    // The sample is imported again by the local backend (reloadSampleRequested); the copy loaded
    // before is removed first through the server, or every record would be there twice.
    const client::BackendHost* host = m_context.connection.backend();
    m_reloadSample->setEnabled(false);
    m_banner->clear();
    removeSampleImports(host ? host->sampleImportIds() : QList<qint64>());
}

void DataPage::removeSampleImports(QList<qint64> ids)
{
    if (ids.isEmpty()) {
        m_reloadSample->setEnabled(true);
        Q_EMIT reloadSampleRequested();
        return;
    }
    const qint64 id = ids.takeFirst();
    client::ApiJob* job = m_client->removeImport(id);
    connect(job, &client::ApiJob::finished, this, [this, ids](client::ApiJob* done) {
        // 404: removed already (an earlier reload that stopped half-way).
        if (done->status() != client::ApiJob::Status::Succeeded && done->httpStatus() != 404) {
            m_reloadSample->setEnabled(true);
            showError(done->error(), [this] { reloadSample(); });
            return;
        }
        removeSampleImports(ids);
    });
}

void DataPage::setSampleReloadAvailable(bool available)
{
    m_reloadSample->setVisible(available);
}

int DataPage::importProgress() const
{
    return m_progress->value();
}

void DataPage::refreshSources()
{
    client::ApiJob* job = m_client->fetchSources();
    connect(job, &client::ApiJob::finished, this, [this](client::ApiJob* done) {
        if (done->status() != client::ApiJob::Status::Succeeded) {
            showError(done->error(), [this] { refreshSources(); });
            return;
        }
        m_sources = client::DataClient::sourcesFrom(done->json());
        fillSources();
        Q_EMIT sourcesLoaded();
    });
}

void DataPage::fillSources()
{
    const QString keep = m_currentSource;
    QSignalBlocker block(m_sourceList);
    m_sourceList->clear();
    QLocale locale;
    for (const client::DataSourceInfo& info : std::as_const(m_sources)) {
        QString text = QStringLiteral("%1\n%2").arg(sourceTitle(info.source),
                                                    tr("%1 records").arg(locale.toString(info.records)));
        if (!info.firstDate.isEmpty() || !info.lastDate.isEmpty())
            text += QStringLiteral("\n%1 – %2").arg(info.firstDate, info.lastDate);
        auto* item = new QListWidgetItem(text, m_sourceList);
        item->setData(Qt::UserRole, info.source);
        if (!info.lastImport.isEmpty())
            item->setToolTip(tr("Last import: %1").arg(info.lastImport));
        if (info.source == keep)
            m_sourceList->setCurrentItem(item);
    }
    if (keep.isEmpty() && m_sourceList->count() > 0) {
        m_sourceList->setCurrentRow(0);
        showSource(m_sourceList->item(0)->data(Qt::UserRole).toString());
    }
}

void DataPage::showSource(const QString& source)
{
    m_currentSource = source;
    for (int row = 0; row < m_sourceList->count(); ++row) {
        if (m_sourceList->item(row)->data(Qt::UserRole).toString() == source && m_sourceList->currentRow() != row) {
            QSignalBlocker block(m_sourceList);
            m_sourceList->setCurrentRow(row);
        }
    }
    m_recordsTitle->setText(sourceTitle(source));
    loadRecords(false);
}

void DataPage::setSearchText(const QString& text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    loadRecords(false);
}

void DataPage::loadRecords(bool more)
{
    if (m_currentSource.isEmpty())
        return;
    if (!more) {
        m_records->clear();
        m_nextCursor.clear();
    }
    const quint64 request = ++m_recordsRequest;
    client::ApiJob* job = m_client->fetchRecords(m_currentSource, m_search->text().trimmed(), m_nextCursor, RecordsPage);
    connect(job, &client::ApiJob::finished, this, [this, request](client::ApiJob* done) {
        if (request != m_recordsRequest)
            return; // an answer to a search the user has already changed
        if (done->status() != client::ApiJob::Status::Succeeded) {
            showError(done->error(), [this] { loadRecords(false); });
            return;
        }
        const auto& answer = done->json();
        const auto items = answer.find("items");
        if (items != answer.end())
            m_records->appendPage(*items);
        const auto next = answer.find("next_cursor");
        m_nextCursor = next != answer.end() && next->is_string() ? next->get<QString>() : QString();
        const bool hasMore = answer.value("has_more", false) && !m_nextCursor.isEmpty();
        m_more->setVisible(hasMore);
        Q_EMIT recordsLoaded();
    });
}

void DataPage::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Portal da Transparência files"), QString(),
        tr("Portal files (*.csv *.zip);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void DataPage::importFiles(const QStringList& paths)
{
    m_queue += paths;
    if (!m_client->isImporting())
        importNext();
}

void DataPage::importNext()
{
    if (m_queue.isEmpty()) {
        m_import->setEnabled(m_context.connection.isConnected());
        refreshSources();
        if (!m_currentSource.isEmpty())
            loadRecords(false);
        return;
    }
    m_currentFile = m_queue.takeFirst();
    m_shownReportFile.clear();
    m_import->setEnabled(false);
    m_importBox->show();
    m_progress->setValue(0);
    m_rejects->setRowCount(0);
    m_reportSummary->clear();
    m_importLabel->setText(tr("Sending %1…").arg(QFileInfo(m_currentFile).fileName()));
    if (!m_client->importFile(m_currentFile, m_importSource->currentData().toString())) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The file %1 cannot be read.").arg(QFileInfo(m_currentFile).fileName()));
        importNext();
    }
}

void DataPage::showReport(const client::ImportReport& report, const QString& file)
{
    m_shownReport = report;
    m_shownReportFile = file;
    renderReport();
    if (!report.succeeded()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("%1 is not a Portal da Transparência file this app can read.")
                                  .arg(QFileInfo(file).fileName()),
                              {}, report.error);
    }
}

void DataPage::renderReport()
{
    // Also called on a language change: the summary stayed in the language of the import otherwise.
    const client::ImportReport& report = m_shownReport;
    const QString name = QFileInfo(m_shownReportFile).fileName();
    QLocale locale;
    if (report.succeeded()) {
        m_importLabel->setText(tr("Imported %1").arg(name));
        m_reportSummary->setText(tr("%1 rows read, %2 stored, %3 rejected.")
                                     .arg(locale.toString(report.rowsRead), locale.toString(report.rowsImported),
                                          locale.toString(report.rowsRejected)));
    } else {
        m_importLabel->setText(tr("%1 was not imported").arg(name));
        m_reportSummary->setText(tr("The file was rejected as a whole: %1").arg(fileRejectReason(report)));
    }
    m_rejects->setRowCount(int(report.firstErrors.size()));
    for (int row = 0; row < report.firstErrors.size(); ++row) {
        const client::ImportRowError& error = report.firstErrors.at(row);
        m_rejects->setItem(row, 0, new QTableWidgetItem(QString::number(error.line)));
        m_rejects->setItem(row, 1, new QTableWidgetItem(error.column));
        auto* reason = new QTableWidgetItem(rejectReason(error));
        reason->setToolTip(error.reason); // the server's own words, for a bug report
        m_rejects->setItem(row, 2, reason);
    }
    m_rejects->setVisible(!report.firstErrors.isEmpty());
}

QString DataPage::fileRejectReason(const client::ImportReport& report)
{
    const QString& code = report.errorCode;
    if (code == QLatin1String("cancelled"))
        return tr("the import was cancelled.");
    if (code == QLatin1String("empty_file"))
        return tr("the file is empty.");
    if (code == QLatin1String("unknown_layout"))
        return tr("its header is not one of a Portal da Transparência file this app knows.");
    if (code == QLatin1String("registry_alone"))
        return tr("this is the servants' Cadastro file: import it together with the Remuneração file.");
    if (code == QLatin1String("missing_columns"))
        return tr("columns the app needs are missing: %1.").arg(report.missingColumns.join(QStringLiteral(", ")));
    if (code == QLatin1String("no_matching_member"))
        return tr("no file inside the ZIP holds data of this kind.");
    if (code == QLatin1String("cannot_open"))
        return tr("the server cannot open the file.");
    if (code == QLatin1String("unreadable"))
        return tr("the file is damaged or cannot be read to the end.");
    if (code == QLatin1String("database"))
        return tr("the database could not store it; nothing was changed.");
    return report.error;
}

QString DataPage::rejectReason(const client::ImportRowError& error)
{
    const QString& code = error.code;
    if (code == QLatin1String("unterminated_quote"))
        return tr("A quoted field is never closed.");
    if (code == QLatin1String("field_count"))
        return tr("The row has %1 fields; the header has %2.").arg(error.foundFields).arg(error.expectedFields);
    if (code == QLatin1String("invalid_date"))
        return tr("“%1” is not a date (DD/MM/YYYY).").arg(error.value);
    if (code == QLatin1String("invalid_number"))
        return tr("“%1” is not a value (like 1.234,56).").arg(error.value);
    if (code == QLatin1String("invalid_integer"))
        return tr("“%1” is not a whole number in the expected range.").arg(error.value);
    if (code == QLatin1String("invalid_flag"))
        return tr("“%1” is neither SIM nor NÃO.").arg(error.value);
    if (code == QLatin1String("unknown_registry"))
        return tr("“%1” is neither CEIS nor CNEP.").arg(error.value);
    return error.reason;
}

void DataPage::showError(const protocol::ApiError& error, std::function<void()> retry)
{
    const bool local = m_context.connection.profile().kind == client::ConnectionProfile::Kind::Local;
    showApiError(m_banner, error, local,
                 {std::move(retry), [this] { Q_EMIT signInRequested(); }, [this] { Q_EMIT restartServerRequested(); }});
}

void DataPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_records->retranslate();
        fillSources();
        if (!m_shownReportFile.isEmpty() && !m_client->isImporting())
            renderReport();
    }
    QWidget::changeEvent(event);
}

void DataPage::retranslate()
{
    setWindowTitle(tr("Data"));
    m_import->setText(tr("&Import files…"));
    m_import->setToolTip(tr("Import CSV or ZIP files downloaded from the Portal da Transparência"));
    m_importSource->setItemText(0, tr("Detect the source"));
    for (int i = 1; i < m_importSource->count(); ++i)
        m_importSource->setItemText(i, sourceTitle(m_importSource->itemData(i).toString()));
    m_reloadSample->setText(tr("Reload the &sample data"));
    m_refresh->setText(tr("Refresh"));
    m_importBox->setTitle(tr("Import"));
    m_rejects->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Reason")});
    m_sourcesTitle->setText(tr("Sources"));
    m_search->setPlaceholderText(tr("Search records (supplier, organ, object, CNPJ…)"));
    m_more->setText(tr("Load more"));
    if (m_currentSource.isEmpty())
        m_recordsTitle->setText(tr("Records"));
    else
        m_recordsTitle->setText(sourceTitle(m_currentSource));
}

} // namespace cidadao::ui
