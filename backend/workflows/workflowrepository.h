// SPDX-License-Identifier: GPL-3.0-or-later
// Where workflow executions, their nodes and the watchlist live (migration 0007). All access goes
// through one store::Writer thread, so writes from coordinator threads never contend and a read
// issued after a write sees it. Writes are fire-and-forget; reads wait for their answer.
#pragma once

#include "protocol/jsonqt.h"

#include "store/writer.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace cidadao::workflows {

struct NodeRunRecord
{
    QString nodeId;
    QString status; // completed | failed | cancelled
    int attempts = 1;
    double durationMs = 0.0;
    protocol::Json output; // null when none
    QString error;
    QString finishedAt;
};

struct ExecutionRecord
{
    QString id;
    QString workflowId;
    QString userId;
    QString status = QStringLiteral("running");
    protocol::Json input = protocol::Json::object();
    protocol::Json result; // null until completed
    QString error;
    QString failedNode;
    QString correlationId;
    QString startedAt;
    QString finishedAt;
    QList<NodeRunRecord> nodes;

    // {executionId, workflowId, status, input, result?, error?, nodeId?, correlationId?, started_at,
    //  finished_at?, nodes:[{nodeId, status, attempts, duration_ms, output?, error?, finished_at}]}
    protocol::Json toJson() const;
};

struct WatchItem
{
    QString id;
    QString userId;
    QString name;
    protocol::Json request; // an InvestigationRequest
    QString createdAt;
    QString lastRun;

    protocol::Json toJson() const; // {id, name, request, created_at, last_run?}
};

class WorkflowRepository
{
public:
    // Opens its own connection to an already migrated database.
    explicit WorkflowRepository(const QString& databasePath);

    // Marks executions left 'running' by a previous process failed; returns how many.
    int markInterrupted(const QString& reason);

    // Waits until the row is written and throws store::StoreError when it cannot be (a locked or
    // broken database): an execution that is not recorded must not run, since nothing could then
    // report or recover it.
    void executionStarted(const ExecutionRecord& record);
    void nodeFinished(const QString& executionId, const NodeRunRecord& node);
    void executionFinished(const QString& executionId, const QString& status, const protocol::Json& result,
                           const QString& error, const QString& failedNode);

    std::optional<ExecutionRecord> execution(const QString& executionId);
    // The user's executions, newest first, without their nodes.
    QList<ExecutionRecord> executions(const QString& userId, int limit);

    WatchItem addWatch(const QString& userId, const QString& name, const protocol::Json& request);
    QList<WatchItem> watches(const QString& userId);
    bool removeWatch(const QString& userId, const QString& itemId);
    // Records the fingerprints and returns those not seen before for this item (in input order).
    QStringList markSeen(const QString& itemId, const QStringList& fingerprints);

    // Waits until every write submitted so far is done (tests, shutdown).
    void flush();

    static QString now();

private:
    std::unique_ptr<store::Writer> m_writer;
};

} // namespace cidadao::workflows
