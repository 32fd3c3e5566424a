// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationservice.h"

#include "conversions.h"
#include "investigationrunner.h"
#include "liverun.h"

#include "protocol/cursor.h"
#include "protocol/vocabulary.h"
#include "store/readerpool.h"
#include "store/storeerror.h"
#include "store/writer.h"

#include <QHash>
#include <QLoggingCategory>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

Q_LOGGING_CATEGORY(lcInvestigations, "cidadao.investigations", QtInfoMsg)

namespace cidadao::investigations {

namespace {

namespace State = protocol::InvestigationState;
namespace Phase = protocol::InvestigationPhase;

constexpr qint64 kPublishIntervalMs = 200;
// Rows per second the load and the detectors together reach here: only for the first estimate,
// before the run has measured its own pace.
constexpr double kAssumedRecordsPerSecond = 250000.0;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isAdmin(const http::Principal& who)
{
    return who.role == QLatin1String(protocol::UserRole::Admin);
}

bool visibleTo(const http::Principal& who, const QString& ownerId)
{
    return isAdmin(who) || who.userId == ownerId;
}

// A write that meets a long import transaction waits for the lock (busy_timeout, two minutes), then
// retries once more if the database is still busy: the final state of an investigation must not be lost
// to a busy database. Any other error is not the lock's and is not retried.
template<typename Job>
void writeWithRetry(store::Database& db, Job job)
{
    for (int attempt = 0;; ++attempt) {
        try {
            job(db);
            return;
        } catch (const store::StoreError& error) {
            const bool busy = error.sqliteCode() == SQLITE_BUSY || error.sqliteCode() == SQLITE_LOCKED;
            if (!busy || attempt >= 1)
                throw;
            qCWarning(lcInvestigations) << "write retried:" << error.what();
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
}

} // namespace

class InvestigationService::Impl
{
public:
    Impl(ServiceConfig config, events::EventHub& events)
        : m_config(std::move(config))
        , m_events(events)
        , m_readers(m_config.databasePath)
        , m_writer(m_config.databasePath)
    {
        m_pool.setMaxThreadCount(qMax(1, m_config.concurrentRuns));
        // Loading a million records needs more than the default 512 KiB stack? No: the loader
        // allocates on the heap. The pool's threads only need to outlive the runs.
        const int interrupted = m_writer
                                    .submit([](store::Database& db) {
                                        return repository::markInterrupted(db, QStringLiteral("interrupted"), nowMs());
                                    })
                                    .get();
        if (interrupted > 0)
            qCWarning(lcInvestigations) << interrupted << "investigation(s) interrupted by the last shutdown marked failed";
    }

    ~Impl() { shutdown(); }

    void shutdown()
    {
        {
            std::lock_guard lock(m_runsMutex);
            if (m_stopping)
                return;
            m_stopping = true;
            for (const auto& run : std::as_const(m_runs))
                run->cancel = true;
        }
        m_pool.waitForDone();
        // Runs that were queued but never started, or stopped by the flag above, end as interrupted.
        QList<std::shared_ptr<LiveRun>> left;
        {
            std::lock_guard lock(m_runsMutex);
            left = m_runs.values();
        }
        for (const auto& run : std::as_const(left))
            finalize(run, QLatin1String(State::Failed), QStringLiteral("interrupted"), nullptr);
        m_writer.shutdown();
    }

    std::shared_ptr<LiveRun> live(const QString& id) const
    {
        std::lock_guard lock(m_runsMutex);
        return m_runs.value(id);
    }

    // The current record of a visible investigation: the live snapshot when there is one.
    std::optional<InvestigationRecord> recordFor(const http::Principal& who, const QString& id, bool withResults,
                                                 std::optional<QDateTime>* estimate = nullptr) const
    {
        if (const auto run = live(id)) {
            std::lock_guard lock(run->mutex);
            if (!visibleTo(who, run->record.ownerId))
                return std::nullopt;
            if (estimate)
                *estimate = run->estimatedCompletion;
            if (withResults)
                return run->record;
            // A status poll must not copy thousands of findings on the event loop.
            protocol::Json results;
            std::swap(results, run->record.results);
            InvestigationRecord copy = run->record;
            std::swap(results, run->record.results);
            return copy;
        }
        auto record = repository::find(m_readers.connection(), id, withResults);
        if (!record || !visibleTo(who, record->ownerId))
            return std::nullopt;
        return record;
    }

    protocol::InvestigationStarted start(const http::Principal& owner, const protocol::InvestigationRequest& given)
    {
        // Round trip through the wire form: the same validation as a decoded body, for callers
        // (chat tools, workflows) that build a request in code.
        protocol::Json json;
        protocol::to_json(json, given);
        const auto request = protocol::decode<protocol::InvestigationRequest>(json);

        auto run = std::make_shared<LiveRun>();
        run->request = request;
        run->timer.start();
        InvestigationRecord& r = run->record;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.ownerId = owner.userId;
        r.query = request.query;
        r.dataSource = request.dataSource;
        r.request = json;
        r.status = QLatin1String(State::Started);
        r.phase = QLatin1String(Phase::DataRetrieval);
        {
            std::lock_guard lock(m_runsMutex);
            if (m_stopping)
                throw protocol::ApiException(protocol::ApiError{503, QLatin1String(protocol::ErrorCode::ServiceUnavailable),
                                                                QStringLiteral("the server is shutting down"),
                                                                protocol::Json::object()});
            // Strictly increasing: the list is newest first by created_ms, and two investigations
            // started in the same millisecond would otherwise come out in the random order of their ids.
            m_lastCreatedMs = std::max(nowMs(), m_lastCreatedMs + 1);
            r.createdMs = m_lastCreatedMs;
            m_runs.insert(r.id, run);
        }
        const InvestigationRecord inserted = r;
        auto written = m_writer.submit([inserted](store::Database& db) {
            writeWithRetry(db, [&](store::Database& d) { repository::insert(d, inserted); });
        });
        // Normally sub-millisecond; waiting keeps the list consistent with the 202 that follows.
        // During a long import the write lands later, and the live snapshot answers meanwhile.
        written.wait_for(std::chrono::seconds(2));

        m_events.publishEntityChanged(r.ownerId, QLatin1String(events::entity::Investigation), r.id,
                                      QLatin1String(events::op::Created));
        publishProgress(*run, true);
        (void)QtConcurrent::run(&m_pool, [this, run] { execute(run); });

        protocol::InvestigationStarted started;
        started.investigationId = inserted.id;
        started.message = QStringLiteral("Investigation started: %1").arg(request.query.left(100));
        return started;
    }

    std::optional<protocol::InvestigationStatus> cancel(const http::Principal& who, const QString& id)
    {
        const auto run = live(id);
        if (!run) {
            const auto record = repository::find(m_readers.connection(), id, false);
            if (!record || !visibleTo(who, record->ownerId))
                return std::nullopt;
            throw protocol::ApiException(protocol::conflict(
                QStringLiteral("investigation %1 has already finished (%2)").arg(id, record->status)));
        }
        {
            std::lock_guard lock(run->mutex);
            if (!visibleTo(who, run->record.ownerId))
                return std::nullopt;
            if (run->finalized)
                throw protocol::ApiException(protocol::conflict(
                    QStringLiteral("investigation %1 has already finished (%2)").arg(id, run->record.status)));
        }
        run->cancel = true;
        finalize(run, QLatin1String(State::Cancelled), QStringLiteral("cancelled by the user"), nullptr);
        std::lock_guard lock(run->mutex);
        return toStatus(run->record);
    }

    protocol::CursorPaginationResponse<InvestigationSummary> list(const http::Principal& who, const ListQuery& query) const
    {
        ListFilter filter;
        if (!isAdmin(who))
            filter.ownerId = who.userId;
        if (query.status) {
            bool known = false;
            for (const char* word : State::All)
                known = known || *query.status == QLatin1String(word);
            if (!known)
                throw protocol::ValidationFailure(QStringLiteral("status"),
                                                  QStringLiteral("must be one of started, processing, completed, "
                                                                 "failed, cancelled"));
            filter.status = query.status;
        }
        // Every caller without a token is the same "anonymous" principal, so a list would show each
        // anonymous client everyone else's investigations. Theirs are private by capability instead:
        // the random id, returned only to the client that started one, opens it (as chat sessions).
        if (who.anonymous)
            return {};
        std::optional<protocol::Cursor> cursor;
        if (query.page.cursor && !query.page.cursor->isEmpty())
            cursor = protocol::decodeCursor(*query.page.cursor);
        const bool backwards = cursor ? cursor->direction == QLatin1String("prev")
                                      : query.page.direction == QLatin1String("prev");
        std::optional<ListPosition> position;
        if (cursor)
            position = ListPosition{cursor->timestamp.toMSecsSinceEpoch(), cursor->id};

        store::Database& db = m_readers.connection();
        const int limit = query.page.limit;
        std::vector<InvestigationRecord> rows = backwards && position
                                                    ? repository::page(db, filter, std::nullopt, position, limit + 1)
                                                    : repository::page(db, filter, position, std::nullopt, limit + 1);
        const bool more = int(rows.size()) > limit;
        if (more) {
            // The extra row is the farthest one in the direction of travel.
            if (backwards && position)
                rows.erase(rows.begin());
            else
                rows.pop_back();
        }
        const auto encode = [](const InvestigationRecord& r, const char* direction) {
            return protocol::encodeCursor(protocol::Cursor{QDateTime::fromMSecsSinceEpoch(r.createdMs, Qt::UTC), r.id,
                                                           QLatin1String(direction)});
        };
        protocol::CursorPaginationResponse<InvestigationSummary> out;
        for (const InvestigationRecord& row : rows) {
            // A running investigation's row lags behind its live state between phase writes.
            if (const auto run = live(row.id)) {
                std::lock_guard lock(run->mutex);
                out.items.append(toSummary(run->record, run->estimatedCompletion));
            } else {
                out.items.append(toSummary(row));
            }
        }
        if (backwards && position) {
            out.hasMore = more;
            if (!rows.empty()) {
                out.nextCursor = encode(rows.back(), "next");
                if (more)
                    out.prevCursor = encode(rows.front(), "prev");
            }
        } else {
            out.hasMore = more;
            if (more && !rows.empty())
                out.nextCursor = encode(rows.back(), "next");
            if (position && !rows.empty())
                out.prevCursor = encode(rows.front(), "prev");
        }
        out.totalItems = repository::count(db, filter);
        return out;
    }

private:
    void execute(const std::shared_ptr<LiveRun>& run)
    {
        if (run->cancel)
            return; // cancelled (or shutting down) before it started: whoever set the flag finalizes
        {
            std::lock_guard lock(run->mutex);
            if (run->finalized)
                return;
            run->record.status = QLatin1String(State::Processing);
        }
        QString lastPersistedPhase;
        RunCallbacks callbacks;
        callbacks.progress = [&](const RunProgress& p) {
            bool phaseChanged = false;
            {
                std::lock_guard lock(run->mutex);
                if (run->finalized)
                    return;
                InvestigationRecord& r = run->record;
                r.phase = p.phase;
                r.progress = p.progress;
                r.recordsProcessed = p.recordsProcessed;
                r.anomaliesDetected = p.anomaliesDetected;
                const qint64 elapsed = run->timer.elapsed();
                if (p.progress >= 0.05) {
                    run->estimatedCompletion = QDateTime::currentDateTimeUtc().addMSecs(
                        qint64(double(elapsed) * (1.0 - p.progress) / p.progress));
                } else if (p.expectedRecords > 0) {
                    run->estimatedCompletion = QDateTime::currentDateTimeUtc().addMSecs(
                        qint64(1000.0 * double(p.expectedRecords) / kAssumedRecordsPerSecond));
                }
                phaseChanged = p.phase != lastPersistedPhase;
            }
            publishProgress(*run, phaseChanged);
            if (phaseChanged) {
                lastPersistedPhase = p.phase;
                InvestigationRecord snapshot;
                {
                    std::lock_guard lock(run->mutex);
                    snapshot = run->record;
                }
                m_writer.submit([snapshot](store::Database& db) {
                    writeWithRetry(db, [&](store::Database& d) { repository::updateProgress(d, snapshot); });
                });
            }
        };
        callbacks.anomaly = [&](const protocol::AnomalyResult& anomaly) {
            protocol::Json json;
            protocol::to_json(json, anomaly);
            m_events.publishInvestigationAnomaly(run->record.ownerId, run->record.id, json);
        };
        RunSettings settings;
        settings.detectorThreads = m_config.detectorThreads;
        settings.maxAffectedRecords = m_config.maxAffectedRecords;
        try {
            RunOutcome outcome = runInvestigation(m_readers.connection(), run->request, settings, run->cancel, callbacks);
            if (outcome.cancelled) {
                // Cancelled by the user: cancel() has finalized already. Stopped by shutdown: interrupted.
                finalize(run, QLatin1String(State::Failed), QStringLiteral("interrupted"), nullptr);
                return;
            }
            finalize(run, QLatin1String(State::Completed), {}, &outcome);
        } catch (const std::exception& error) {
            qCWarning(lcInvestigations) << "investigation" << run->record.id << "failed:" << error.what();
            finalize(run, QLatin1String(State::Failed), QStringLiteral("internal error"), nullptr);
        }
    }

    // Decides the final state once (the first caller wins), tells the hub, then persists; the run
    // leaves the live map when its final row is in the database.
    void finalize(const std::shared_ptr<LiveRun>& run, const QString& status, const QString& reason,
                  RunOutcome* outcome)
    {
        InvestigationRecord snapshot;
        {
            std::lock_guard lock(run->mutex);
            if (run->finalized)
                return;
            run->finalized = true;
            // The final state becomes visible once stored (below), so that the status route, the
            // list (read from the table) and the events all agree.
            snapshot = run->record;
            InvestigationRecord& r = snapshot;
            r.status = status;
            r.reason = reason;
            r.completedMs = nowMs();
            r.processingTime = double(run->timer.elapsed()) / 1000.0;
            if (outcome) {
                r.phase = QLatin1String(Phase::Completed);
                r.progress = 1.0;
                r.totalRecords = outcome->totalRecords;
                r.recordsProcessed = outcome->totalRecords;
                r.anomaliesDetected = outcome->results.size();
                r.summary = outcome->summary;
                r.confidenceScore = outcome->confidenceScore;
                r.results = protocol::toJsonArray(outcome->results);
                r.patterns = outcome->patterns;
            } else {
                r.results = protocol::Json::array();
                r.anomaliesDetected = 0;
                r.summary = status == QLatin1String(State::Cancelled)
                                ? QStringLiteral("Investigação cancelada.")
                                : QStringLiteral("Investigação interrompida: %1.").arg(reason);
            }
        }
        const QString id = snapshot.id;
        try {
            auto written = m_writer.submit([this, snapshot, id](store::Database& db) {
                try {
                    writeWithRetry(db, [&](store::Database& d) {
                        // The insert may still be queued behind a busy database: finish() then has no
                        // row to update, so make sure there is one.
                        if (d.prepare("SELECT 1 FROM investigations WHERE id = ?").bind(1, id).step() == false)
                            repository::insert(d, snapshot);
                        repository::finish(d, snapshot);
                    });
                } catch (const std::exception& error) {
                    qCWarning(lcInvestigations) << "cannot store investigation" << id << error.what();
                }
                std::lock_guard lock(m_runsMutex);
                m_runs.remove(id);
            });
            // Listeners hear of the end once the row says so: a list filtered by status right after
            // the event must include it.
            written.wait_for(std::chrono::seconds(10));
        } catch (const std::exception&) {
            // The writer has stopped (shutdown): the next start marks the row interrupted.
        }
        {
            std::lock_guard lock(run->mutex);
            run->record = snapshot;
            run->estimatedCompletion.reset();
        }
        protocol::Json statusJson;
        protocol::to_json(statusJson, toStatus(snapshot));
        m_events.publishInvestigationProgress(snapshot.ownerId, snapshot.id, statusJson);
        m_events.publishInvestigationFinished(snapshot.ownerId, snapshot.id, status, finishedSummary(snapshot));
        m_events.publishEntityChanged(snapshot.ownerId, QLatin1String(events::entity::Investigation), snapshot.id,
                                      QLatin1String(events::op::Updated));
        qCInfo(lcInvestigations) << "investigation" << snapshot.id << status << snapshot.anomaliesDetected
                                 << "anomalies in" << snapshot.processingTime << "s";
    }

    void publishProgress(LiveRun& run, bool force)
    {
        protocol::Json json;
        QString owner;
        QString id;
        {
            std::lock_guard lock(run.mutex);
            const qint64 now = run.timer.elapsed();
            if (!force && run.lastPublishMs >= 0 && now - run.lastPublishMs < kPublishIntervalMs)
                return;
            run.lastPublishMs = now;
            protocol::to_json(json, toStatus(run.record, run.estimatedCompletion));
            owner = run.record.ownerId;
            id = run.record.id;
        }
        m_events.publishInvestigationProgress(owner, id, json);
    }

    ServiceConfig m_config;
    events::EventHub& m_events;
    mutable store::ReaderPool m_readers;
    mutable std::mutex m_runsMutex;
    QHash<QString, std::shared_ptr<LiveRun>> m_runs;
    bool m_stopping = false;
    qint64 m_lastCreatedMs = 0; // guarded by m_runsMutex
    store::Writer m_writer; // after the map: drained (and its jobs touch the map) before the map dies
    QThreadPool m_pool;     // last: waited for first
};

InvestigationService::InvestigationService(ServiceConfig config, events::EventHub& events, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(std::move(config), events))
{
}

InvestigationService::~InvestigationService() = default;

protocol::InvestigationStarted InvestigationService::start(const http::Principal& owner,
                                                           const protocol::InvestigationRequest& request)
{
    return d->start(owner, request);
}

std::optional<protocol::InvestigationStatus> InvestigationService::status(const http::Principal& who,
                                                                          const QString& id) const
{
    std::optional<QDateTime> estimate;
    const auto record = d->recordFor(who, id, false, &estimate);
    if (!record)
        return std::nullopt;
    return toStatus(*record, estimate);
}

std::optional<protocol::InvestigationResponse> InvestigationService::results(const http::Principal& who,
                                                                             const QString& id) const
{
    const auto record = d->recordFor(who, id, true);
    if (!record)
        return std::nullopt;
    if (!isFinishedState(record->status)) {
        protocol::ApiError error = protocol::conflict(
            QStringLiteral("investigation %1 is still running (%2)").arg(id, record->phase));
        error.details = protocol::Json{{"status", record->status.toStdString()},
                                       {"current_phase", record->phase.toStdString()},
                                       {"progress", record->progress}};
        throw protocol::ApiException(error);
    }
    return toResponse(*record);
}

std::optional<protocol::InvestigationStatus> InvestigationService::cancel(const http::Principal& who, const QString& id)
{
    return d->cancel(who, id);
}

protocol::CursorPaginationResponse<InvestigationSummary> InvestigationService::list(const http::Principal& who,
                                                                                     const ListQuery& query) const
{
    return d->list(who, query);
}

std::optional<InvestigationSummary> InvestigationService::summary(const http::Principal& who, const QString& id) const
{
    std::optional<QDateTime> estimate;
    const auto record = d->recordFor(who, id, false, &estimate);
    if (!record)
        return std::nullopt;
    return toSummary(*record, estimate);
}

void InvestigationService::shutdown()
{
    d->shutdown();
}

} // namespace cidadao::investigations
