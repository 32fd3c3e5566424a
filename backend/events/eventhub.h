// SPDX-License-Identifier: GPL-3.0-or-later
// What happens inside the server, told to whoever listens: investigation progress and findings,
// finished imports, changes to a user's sessions/messages/investigations (sync_update), agent
// status. Producers call publish*() from any thread; listeners connect to the signals and, because
// the hub lives in the server's main thread and signals to receivers there are queued, they are
// called in their own thread. Payloads are plain JSON (the wire shapes of spec/API.md) so that a
// listener forwards them without re-encoding decisions.
#pragma once

#include "protocol/jsonqt.h"

#include <QObject>
#include <QString>

namespace cidadao::events {

// Entity words of sync_update (spec/API.md §9).
namespace entity {
inline constexpr const char* Session = "session";
inline constexpr const char* Message = "message";
inline constexpr const char* Investigation = "investigation";
} // namespace entity

// Operation words of sync_update.
namespace op {
inline constexpr const char* Created = "created";
inline constexpr const char* Updated = "updated";
inline constexpr const char* Deleted = "deleted";
} // namespace op

class EventHub : public QObject
{
    Q_OBJECT
public:
    explicit EventHub(QObject* parent = nullptr);

    // status: InvestigationStatus JSON (investigation_id, status, progress, current_phase,
    // records_processed, anomalies_detected, estimated_completion).
    void publishInvestigationProgress(const QString& ownerUserId, const QString& investigationId,
                                      const protocol::Json& status);
    // anomaly: AnomalyResult JSON.
    void publishInvestigationAnomaly(const QString& ownerUserId, const QString& investigationId,
                                     const protocol::Json& anomaly);
    // finalStatus: completed | failed | cancelled; summary: {summary, anomalies_found,
    // total_records_analyzed, processing_time, reason?, critical_anomalies}.
    void publishInvestigationFinished(const QString& ownerUserId, const QString& investigationId,
                                      const QString& finalStatus, const protocol::Json& summary);
    // progress: {job_id, source, status, rows_read, rows_imported, rows_rejected, progress}.
    void publishImportProgress(const QString& userId, const QString& jobId, const protocol::Json& progress);
    // report: the import report JSON; succeeded false when the file was rejected whole.
    void publishImportFinished(const QString& userId, const QString& jobId, bool succeeded,
                               const protocol::Json& report);
    // One change to a user's data, as sync_update {entity, id, op} carries it.
    void publishEntityChanged(const QString& userId, const QString& entityWord, const QString& id,
                              const QString& opWord);
    // status: IDLE | PROCESSING | COMPLETED | ERROR | REFLECTING.
    void publishAgentStatus(const QString& agentId, const QString& status, const protocol::Json& details);

Q_SIGNALS:
    void investigationProgress(const QString& ownerUserId, const QString& investigationId,
                               const cidadao::protocol::Json& status);
    void investigationAnomaly(const QString& ownerUserId, const QString& investigationId,
                              const cidadao::protocol::Json& anomaly);
    void investigationFinished(const QString& ownerUserId, const QString& investigationId,
                               const QString& finalStatus, const cidadao::protocol::Json& summary);
    void importProgress(const QString& userId, const QString& jobId, const cidadao::protocol::Json& progress);
    void importFinished(const QString& userId, const QString& jobId, bool succeeded,
                        const cidadao::protocol::Json& report);
    void entityChanged(const QString& userId, const QString& entityWord, const QString& id, const QString& opWord);
    void agentStatusChanged(const QString& agentId, const QString& status, const cidadao::protocol::Json& details);
};

} // namespace cidadao::events
