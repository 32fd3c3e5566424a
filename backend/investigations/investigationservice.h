// SPDX-License-Identifier: GPL-3.0-or-later
// Investigations (spec/API.md §5): validates a request, stores it, runs it on the service's own worker
// pool (data_retrieval → anomaly_detection → pattern_analysis → report_generation → completed), and
// tells the EventHub about progress, each finding and the end. State lives in SQLite (migration 0005):
// a server that died mid-run finds that investigation `failed` (reason "interrupted") at the next
// start. Every method is called on the server's main thread and returns at once (no run happens on
// the caller's thread); visibility: a user sees their own investigations, an admin sees all, and an
// anonymous caller (--allow-anonymous) reaches an anonymous investigation only by its random id.
#pragma once

#include "events/eventhub.h"
#include "http/request.h"
#include "protocol/investigation.h"
#include "protocol/pagination.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace cidadao::investigations {

struct ServiceConfig
{
    QString databasePath;      // the server's database file (already migrated)
    int concurrentRuns = 1;    // investigations running at once; the engine itself uses threads
    int detectorThreads = 0;   // engine::DetectorOptions::threads (0 = all cores)
    int maxAffectedRecords = 50; // evidence rows kept per finding (the count is always complete)
};

// One row of GET /investigations: InvestigationStatus fields plus what a list needs to show.
struct InvestigationSummary
{
    protocol::InvestigationStatus status;
    QString query;
    QString dataSource;
    QString ownerUserId;
    QDateTime createdAt;
    std::optional<QDateTime> completedAt;
    QString reason; // failed/cancelled only: why
};
void to_json(protocol::Json& out, const InvestigationSummary& value);

struct ListQuery
{
    std::optional<QString> status; // an InvestigationState word; validated by the service (422 "status")
    protocol::CursorPaginationRequest page;
};

class InvestigationService : public QObject
{
    Q_OBJECT
public:
    // Opens its own connections to config.databasePath and marks interrupted runs failed. Throws
    // store::StoreError when the database cannot be opened.
    InvestigationService(ServiceConfig config, events::EventHub& events, QObject* parent = nullptr);
    ~InvestigationService() override; // cancels running investigations and waits for them

    // Validates (throws protocol::ApiException / ValidationFailure on bad input), persists, queues the
    // run and returns at once.
    protocol::InvestigationStarted start(const http::Principal& owner, const protocol::InvestigationRequest& request);
    // nullopt: absent or not visible to `who` (callers answer 404).
    std::optional<protocol::InvestigationStatus> status(const http::Principal& who, const QString& id) const;
    // Throws ApiException(409 Conflict) while the investigation is not finished.
    std::optional<protocol::InvestigationResponse> results(const http::Principal& who, const QString& id) const;
    // Requests cancellation; returns the status after it (cancelled). Throws ApiException(409) if the
    // investigation had already finished.
    std::optional<protocol::InvestigationStatus> cancel(const http::Principal& who, const QString& id);
    // Own investigations (admins: all), newest first, cursor-paginated; none for anonymous callers,
    // who share one identity and reach theirs only by id. Throws ValidationFailure.
    protocol::CursorPaginationResponse<InvestigationSummary> list(const http::Principal& who,
                                                                   const ListQuery& query) const;
    // The summary row (owner, query, reason, ...) of one visible investigation.
    std::optional<InvestigationSummary> summary(const http::Principal& who, const QString& id) const;

    // Stops accepting work, cancels the running investigations and waits for them.
    void shutdown();

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cidadao::investigations
