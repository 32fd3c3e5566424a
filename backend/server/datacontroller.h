// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/data (spec/API.md §6): the data sources with their counts and date ranges, import by
// upload (a job on its own pool, progress on the EventHub and at GET /import/{job_id}), and record
// browsing with cursor pagination and text search; removal of an import with its records (admin).
// Reads run on the worker pool: a count over a million rows must not stall the event loop.
#pragma once

#include "http/router.h"

#include "events/eventhub.h"
#include "store/readerpool.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <mutex>

namespace cidadao::server {

class DataController : public QObject
{
    Q_OBJECT
public:
    // databasePath: the server's (migrated) database; uploadDir: where uploaded files wait for import.
    DataController(QString databasePath, QString uploadDir, events::EventHub& events, QThreadPool& workers,
                   QObject* parent = nullptr);
    ~DataController() override; // cancels running imports and waits for them
    void registerRoutes(http::Router& router);

private:
    struct ImportJob
    {
        QString id;
        QString ownerId;
        QString source;
        QString fileName;
        std::atomic_bool cancel{false};
        std::mutex mutex;
        protocol::Json state; // {job_id, source, status, rows_read, rows_imported, rows_rejected, progress, report?}
    };

    void sources(http::Request& request, http::Responder& responder);
    void startImport(http::Request& request, http::Responder& responder);
    void importStatus(http::Request& request, http::Responder& responder);
    void removeImport(http::Request& request, http::Responder& responder);
    void records(http::Request& request, http::Responder& responder);
    void record(http::Request& request, http::Responder& responder);
    void runImport(const std::shared_ptr<ImportJob>& job, const QString& filePath);

    QString m_databasePath;
    QString m_uploadDir;
    events::EventHub& m_events;
    QThreadPool& m_workers;
    std::shared_ptr<store::ReaderPool> m_readers;
    std::mutex m_jobsMutex;
    QHash<QString, std::shared_ptr<ImportJob>> m_jobs;
    QThreadPool m_importPool; // last: waited for first
};

} // namespace cidadao::server
