// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowrepository.h"

#include "protocol/wsenvelopes.h"

#include "store/database.h"
#include "store/transaction.h"

#include <QDateTime>

namespace cidadao::workflows {

using protocol::Json;

namespace {

QString jsonText(const Json& value)
{
    return value.is_null() ? QString() : QString::fromUtf8(protocol::toBytes(value));
}

Json parsedOr(const QString& text, Json fallback)
{
    if (text.isNull())
        return fallback;
    const QByteArray utf8 = text.toUtf8();
    Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

ExecutionRecord readExecution(store::Statement& row)
{
    ExecutionRecord record;
    record.id = row.text(0);
    record.workflowId = row.text(1);
    record.userId = row.text(2);
    record.status = row.text(3);
    record.input = parsedOr(row.text(4), Json::object());
    record.result = parsedOr(row.text(5), Json());
    record.error = row.text(6);
    record.failedNode = row.text(7);
    record.correlationId = row.text(8);
    record.startedAt = row.text(9);
    record.finishedAt = row.text(10);
    return record;
}

constexpr const char* kExecutionColumns =
    "SELECT id, workflow_id, user_id, status, input, result, error, failed_node, correlation_id, started_at, "
    "finished_at FROM workflow_executions ";

} // namespace

Json ExecutionRecord::toJson() const
{
    Json out{{"executionId", id},  {"workflowId", workflowId}, {"status", status},
             {"input", input},     {"started_at", startedAt},  {"nodes", Json::array()}};
    if (!result.is_null())
        out["result"] = result;
    if (!error.isEmpty())
        out["error"] = error;
    if (!failedNode.isEmpty())
        out["nodeId"] = failedNode;
    if (!correlationId.isEmpty())
        out["correlationId"] = correlationId;
    if (!finishedAt.isEmpty())
        out["finished_at"] = finishedAt;
    for (const NodeRunRecord& node : nodes) {
        Json item{{"nodeId", node.nodeId},
                  {"status", node.status},
                  {"attempts", node.attempts},
                  {"duration_ms", node.durationMs},
                  {"finished_at", node.finishedAt}};
        if (!node.output.is_null())
            item["output"] = node.output;
        if (!node.error.isEmpty())
            item["error"] = node.error;
        out["nodes"].push_back(std::move(item));
    }
    return out;
}

Json WatchItem::toJson() const
{
    Json out{{"id", id}, {"name", name}, {"request", request}, {"created_at", createdAt}};
    if (!lastRun.isEmpty())
        out["last_run"] = lastRun;
    return out;
}

WorkflowRepository::WorkflowRepository(const QString& databasePath)
    : m_writer(std::make_unique<store::Writer>(databasePath))
{
}

QString WorkflowRepository::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

int WorkflowRepository::markInterrupted(const QString& reason)
{
    return m_writer
        ->submit([reason, at = now()](store::Database& db) {
            db.prepare("UPDATE workflow_executions SET status = 'failed', error = ?1, finished_at = ?2 "
                       "WHERE status = 'running'")
                .bindAll(reason, at)
                .run();
            return db.changes();
        })
        .get();
}

void WorkflowRepository::executionStarted(const ExecutionRecord& record)
{
    m_writer->submit([record](store::Database& db) {
        db.prepare("INSERT INTO workflow_executions (id, workflow_id, user_id, status, input, correlation_id, started_at) "
                   "VALUES (?1, ?2, ?3, 'running', ?4, ?5, ?6)")
            .bindAll(record.id, record.workflowId, record.userId, jsonText(record.input),
                     record.correlationId.isEmpty() ? QString() : record.correlationId, record.startedAt)
            .run();
    })
        .get();
}

void WorkflowRepository::nodeFinished(const QString& executionId, const NodeRunRecord& node)
{
    m_writer->submit([executionId, node](store::Database& db) {
        db.prepare("INSERT OR REPLACE INTO workflow_node_runs (execution_id, node_id, status, attempts, duration_ms, "
                   "output, error, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bindAll(executionId, node.nodeId, node.status, node.attempts, node.durationMs, jsonText(node.output),
                     node.error.isEmpty() ? QString() : node.error, node.finishedAt)
            .run();
    });
}

void WorkflowRepository::executionFinished(const QString& executionId, const QString& status, const Json& result,
                                           const QString& error, const QString& failedNode)
{
    m_writer->submit([=, at = now()](store::Database& db) {
        db.prepare("UPDATE workflow_executions SET status = ?2, result = ?3, error = ?4, failed_node = ?5, "
                   "finished_at = ?6 WHERE id = ?1")
            .bindAll(executionId, status, jsonText(result), error.isEmpty() ? QString() : error,
                     failedNode.isEmpty() ? QString() : failedNode, at)
            .run();
    });
}

std::optional<ExecutionRecord> WorkflowRepository::execution(const QString& executionId)
{
    return m_writer
        ->submit([executionId](store::Database& db) -> std::optional<ExecutionRecord> {
            store::Statement query = db.prepare(std::string(kExecutionColumns) + "WHERE id = ?1");
            query.bind(1, executionId);
            if (!query.step())
                return std::nullopt;
            ExecutionRecord record = readExecution(query);
            store::Statement nodes = db.prepare("SELECT node_id, status, attempts, duration_ms, output, error, finished_at "
                                                "FROM workflow_node_runs WHERE execution_id = ?1 ORDER BY finished_at");
            nodes.bind(1, executionId);
            while (nodes.step()) {
                record.nodes.append(NodeRunRecord{nodes.text(0), nodes.text(1), int(nodes.int64(2)), nodes.real(3),
                                                  parsedOr(nodes.text(4), Json()), nodes.text(5), nodes.text(6)});
            }
            return record;
        })
        .get();
}

QList<ExecutionRecord> WorkflowRepository::executions(const QString& userId, int limit)
{
    return m_writer
        ->submit([userId, limit](store::Database& db) {
            store::Statement query =
                db.prepare(std::string(kExecutionColumns) + "WHERE user_id = ?1 ORDER BY started_at DESC LIMIT ?2");
            query.bindAll(userId, limit);
            QList<ExecutionRecord> out;
            while (query.step())
                out.append(readExecution(query));
            return out;
        })
        .get();
}

WatchItem WorkflowRepository::addWatch(const QString& userId, const QString& name, const Json& request)
{
    WatchItem item{protocol::newUuid(), userId, name, request, now(), {}};
    m_writer
        ->submit([item](store::Database& db) {
            db.prepare("INSERT INTO watchlist_items (id, user_id, name, request, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .bindAll(item.id, item.userId, item.name, jsonText(item.request), item.createdAt)
                .run();
        })
        .get();
    return item;
}

QList<WatchItem> WorkflowRepository::watches(const QString& userId)
{
    return m_writer
        ->submit([userId](store::Database& db) {
            store::Statement query = db.prepare("SELECT id, user_id, name, request, created_at, last_run "
                                                "FROM watchlist_items WHERE user_id = ?1 ORDER BY created_at");
            query.bind(1, userId);
            QList<WatchItem> out;
            while (query.step()) {
                out.append(WatchItem{query.text(0), query.text(1), query.text(2), parsedOr(query.text(3), Json::object()),
                                     query.text(4), query.text(5)});
            }
            return out;
        })
        .get();
}

bool WorkflowRepository::removeWatch(const QString& userId, const QString& itemId)
{
    return m_writer
        ->submit([userId, itemId](store::Database& db) {
            db.prepare("DELETE FROM watchlist_items WHERE id = ?1 AND user_id = ?2").bindAll(itemId, userId).run();
            return db.changes() > 0;
        })
        .get();
}

QStringList WorkflowRepository::markSeen(const QString& itemId, const QStringList& fingerprints)
{
    return m_writer
        ->submit([itemId, fingerprints, at = now()](store::Database& db) {
            store::Transaction transaction(db);
            store::Statement insert = db.prepare(
                "INSERT OR IGNORE INTO watchlist_seen (item_id, fingerprint, first_seen) VALUES (?1, ?2, ?3)");
            QStringList fresh;
            for (const QString& fingerprint : fingerprints) {
                insert.bindAll(itemId, fingerprint, at);
                insert.run();
                if (db.changes() > 0)
                    fresh.append(fingerprint);
                insert.reset();
            }
            db.prepare("UPDATE watchlist_items SET last_run = ?2 WHERE id = ?1").bindAll(itemId, at).run();
            transaction.commit();
            return fresh;
        })
        .get();
}

void WorkflowRepository::flush()
{
    m_writer->submit([](store::Database&) {}).get();
}

} // namespace cidadao::workflows
