// SPDX-License-Identifier: GPL-3.0-or-later
// The data routes (spec/API.md §6): what each source holds, pages of records with search, and the
// upload of a Portal da Transparência CSV/ZIP with its progress and its rejects report. The import
// runs on the server after the upload; its progress and final report arrive on the /ws channels
// (import events carry the job id the upload answered with) and, so that a server without channels
// or a dropped socket does not leave the bar hanging, from the job's status route polled meanwhile.
#pragma once

#include "core/apijob.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QFile;
class QTimer;
class QNetworkReply;

namespace cidadao::client {

class Connection;

struct DataSourceInfo
{
    QString source;       // contracts | expenses | agreements | biddings | servants | ...
    qint64 records = 0;
    QString firstDate;    // YYYY-MM-DD, empty when unknown
    QString lastDate;
    QString lastImport;   // ISO timestamp of the last import, empty if never
    protocol::Json raw;

    static DataSourceInfo fromJson(const protocol::Json& json);
};

struct ImportRowError
{
    qint64 line = 0;
    QString column;
    QString reason; // the server's English sentence: shown only for a code this version does not know
    QString code;   // unterminated_quote | field_count | invalid_date | invalid_number | invalid_integer | ...
    QString value;  // the field as written, for the value codes
    qint64 expectedFields = 0;
    qint64 foundFields = 0;
};

struct ImportReport
{
    QString status; // imported | rejected | cancelled
    QString error;  // why a file was rejected whole: the server's English sentence
    QString errorCode; // the same as a code (see the server's ImportReport): shown in the user's words
    QStringList missingColumns;
    qint64 rowsRead = 0;
    qint64 rowsImported = 0;
    qint64 rowsRejected = 0;
    QList<ImportRowError> firstErrors;
    protocol::Json raw;

    bool succeeded() const { return status == QLatin1String("imported"); }
    static ImportReport fromJson(const protocol::Json& json);
};

class DataClient : public QObject
{
    Q_OBJECT
public:
    explicit DataClient(Connection& connection, QObject* parent = nullptr);
    ~DataClient() override;

    ApiJob* fetchSources();
    ApiJob* fetchRecords(const QString& source, const QString& query = {}, const QString& cursor = {}, int limit = 50);
    static QList<DataSourceInfo> sourcesFrom(const protocol::Json& answer);
    // Removes one import with all its records (administrators only: the local account is one).
    // A 404 means it is gone already.
    ApiJob* removeImport(qint64 importId);

    // Uploads the file (source empty: the server detects it from the header). One at a time.
    bool importFile(const QString& path, const QString& source = {});
    void cancelImport();
    bool isImporting() const { return m_importing; }
    QString importJobId() const { return m_jobId; }

Q_SIGNALS:
    void uploadProgress(qint64 sent, qint64 total);
    // After the upload: the server's own progress (0..100) and row counts.
    void importProgress(int percent, qint64 rowsImported, qint64 rowsRejected);
    void importFinished(const cidadao::client::ImportReport& report);
    void importFailed(const cidadao::protocol::ApiError& error);

private:
    void sendUpload(bool afterRefresh);
    void onChannelMessage(const QString& type, const protocol::Json& payload);
    void onJobState(const QString& type, const protocol::Json& state);
    void poll();

    Connection& m_connection;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QFile> m_file;
    QString m_source;
    QString m_jobId;
    QString m_statusPath;
    QTimer* m_pollTimer = nullptr;
    bool m_polling = false;
    bool m_importing = false;
};

} // namespace cidadao::client
