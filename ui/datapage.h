// SPDX-License-Identifier: GPL-3.0-or-later
// The Data page: what each source holds, import of Portal da Transparência CSV/ZIP files with a
// progress bar and the rejects report, records of a source with search, and (local mode) reloading
// the sample data set.
#pragma once

#include "core/clientcontext.h"
#include "core/dataclient.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;
class QComboBox;
class QGroupBox;

namespace cidadao::ui {

class MessageBanner;
class RecordsModel;

class DataPage : public QWidget
{
    Q_OBJECT
public:
    explicit DataPage(client::ClientContext& context, QWidget* parent = nullptr);
    ~DataPage() override;

    // Imports these files one after the other (what "Import files…" does after its file dialog).
    void importFiles(const QStringList& paths);
    void refreshSources();
    void showSource(const QString& source);
    void setSearchText(const QString& text);
    void setSampleReloadAvailable(bool available);

    MessageBanner* banner() const { return m_banner; }
    RecordsModel* records() const { return m_records; }
    QList<client::DataSourceInfo> sources() const { return m_sources; }
    QString currentSource() const { return m_currentSource; }
    bool isImporting() const { return !m_queue.isEmpty() || m_client->isImporting(); }
    const client::ImportReport& lastReport() const { return m_lastReport; }
    int importProgress() const;

    QTableWidget* rejectsTable() const { return m_rejects; }

    static QString sourceTitle(const QString& source);
    // A rejected row's reason in the user's language, from the report's code; the server's sentence
    // for a code this version does not know.
    static QString rejectReason(const client::ImportRowError& error);
    // Why a whole file was refused, in the user's language (the server's sentence for an unknown code).
    static QString fileRejectReason(const client::ImportReport& report);

Q_SIGNALS:
    void reloadSampleRequested();
    void signInRequested();
    void restartServerRequested();
    void sourcesLoaded();
    void recordsLoaded();
    void importDone(const cidadao::client::ImportReport& report);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void reloadSample();
    void removeSampleImports(QList<qint64> ids);
    void chooseFiles();
    void importNext();
    void loadRecords(bool more);
    void showReport(const client::ImportReport& report, const QString& file);
    void renderReport();
    void showError(const protocol::ApiError& error, std::function<void()> retry);
    void fillSources();

    client::ClientContext& m_context;
    client::DataClient* m_client = nullptr;
    MessageBanner* m_banner = nullptr;
    QLabel* m_sourcesTitle = nullptr;
    QListWidget* m_sourceList = nullptr;
    QPushButton* m_import = nullptr;
    QComboBox* m_importSource = nullptr;
    QPushButton* m_reloadSample = nullptr;
    QPushButton* m_refresh = nullptr;
    QGroupBox* m_importBox = nullptr;
    QLabel* m_importLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_reportSummary = nullptr;
    QTableWidget* m_rejects = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QTableView* m_table = nullptr;
    RecordsModel* m_records = nullptr;
    QPushButton* m_more = nullptr;
    QLabel* m_recordsTitle = nullptr;
    QList<client::DataSourceInfo> m_sources;
    QString m_currentSource;
    QString m_nextCursor;
    QStringList m_queue;
    QString m_currentFile;
    client::ImportReport m_lastReport;
    client::ImportReport m_shownReport; // the report on screen, for a language change
    QString m_shownReportFile;
    quint64 m_recordsRequest = 0;
};

} // namespace cidadao::ui
