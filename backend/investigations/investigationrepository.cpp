// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationrepository.h"

#include "store/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>

namespace cidadao::investigations::repository {

namespace {

int sqlite3BindIndex(store::Statement& s, const char* name)
{
    return sqlite3_bind_parameter_index(s.handle(), name);
}

constexpr std::string_view kColumns =
    "id, owner_id, query, data_source, request, status, current_phase, progress, records_processed, "
    "anomalies_detected, reason, created_ms, completed_ms, total_records, summary, confidence_score, "
    "processing_time, patterns";

protocol::Json parseOr(const QString& text, protocol::Json fallback)
{
    if (text.isEmpty())
        return fallback;
    protocol::Json value = protocol::Json::parse(text.toStdString(), nullptr, false);
    return value.is_discarded() ? fallback : value;
}

InvestigationRecord readRow(store::Statement& s)
{
    InvestigationRecord r;
    r.id = s.text(0);
    r.ownerId = s.text(1);
    r.query = s.text(2);
    r.dataSource = s.text(3);
    r.request = parseOr(s.text(4), protocol::Json::object());
    r.status = s.text(5);
    r.phase = s.text(6);
    r.progress = s.real(7);
    r.recordsProcessed = s.int64(8);
    r.anomaliesDetected = s.int64(9);
    r.reason = s.text(10);
    r.createdMs = s.int64(11);
    if (!s.isNull(12))
        r.completedMs = s.int64(12);
    r.totalRecords = s.int64(13);
    r.summary = s.text(14);
    r.confidenceScore = s.real(15);
    r.processingTime = s.real(16);
    r.patterns = parseOr(s.text(17), protocol::Json::object());
    return r;
}

std::string dump(const protocol::Json& json)
{
    return json.dump(-1, ' ', false, protocol::Json::error_handler_t::replace);
}

// " AND owner_id = ? AND status = ?" for the filter; binds start at `index`.
std::string whereOf(const ListFilter& filter)
{
    std::string where = " WHERE 1";
    if (filter.ownerId)
        where += " AND owner_id = :owner";
    if (filter.status)
        where += " AND status = :status";
    return where;
}

void bindFilter(store::Statement& s, const ListFilter& filter)
{
    const auto bindNamed = [&s](const char* name, const QString& value) {
        const int index = sqlite3BindIndex(s, name);
        if (index > 0)
            s.bind(index, value);
    };
    if (filter.ownerId)
        bindNamed(":owner", *filter.ownerId);
    if (filter.status)
        bindNamed(":status", *filter.status);
}

} // namespace

void insert(store::Database& db, const InvestigationRecord& r)
{
    store::Statement s = db.prepare(
        "INSERT INTO investigations (id, owner_id, query, data_source, request, status, current_phase, progress, "
        "records_processed, anomalies_detected, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bindAll(r.id, r.ownerId, r.query, r.dataSource, std::string_view(dump(r.request)), r.status, r.phase,
              r.progress, r.recordsProcessed, r.anomaliesDetected, r.createdMs);
    s.run();
}

void updateProgress(store::Database& db, const InvestigationRecord& r)
{
    // Never turns a finished row back into a running one (a late progress write after a cancel).
    store::Statement s = db.prepare(
        "UPDATE investigations SET status = ?, current_phase = ?, progress = ?, records_processed = ?, "
        "anomalies_detected = ? WHERE id = ? AND status IN ('started', 'processing')");
    s.bindAll(r.status, r.phase, r.progress, r.recordsProcessed, r.anomaliesDetected, r.id);
    s.run();
}

void finish(store::Database& db, const InvestigationRecord& r)
{
    store::Statement s = db.prepare(
        "UPDATE investigations SET status = ?, current_phase = ?, progress = ?, records_processed = ?, "
        "anomalies_detected = ?, reason = ?, completed_ms = ?, total_records = ?, summary = ?, confidence_score = ?, "
        "processing_time = ?, results = ?, patterns = ? WHERE id = ?");
    s.bindAll(r.status, r.phase, r.progress, r.recordsProcessed, r.anomaliesDetected,
              r.reason.isEmpty() ? QString() : r.reason, r.completedMs, r.totalRecords, r.summary, r.confidenceScore,
              r.processingTime, std::string_view(dump(r.results)), std::string_view(dump(r.patterns)), r.id);
    s.run();
}

int markInterrupted(store::Database& db, const QString& reason, qint64 nowMs)
{
    store::Statement s = db.prepare(
        "UPDATE investigations SET status = 'failed', reason = ?, completed_ms = ?, results = '[]' "
        "WHERE status IN ('started', 'processing')");
    s.bindAll(reason, nowMs);
    s.run();
    return db.changes();
}

std::optional<InvestigationRecord> find(store::Database& db, const QString& id, bool withResults)
{
    std::string sql = "SELECT " + std::string(kColumns) + (withResults ? ", results" : ", NULL") +
                      " FROM investigations WHERE id = ?";
    store::Statement s = db.prepare(sql);
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    InvestigationRecord record = readRow(s);
    if (withResults)
        record.results = parseOr(s.text(18), protocol::Json::array());
    return record;
}

std::vector<InvestigationRecord> page(store::Database& db, const ListFilter& filter,
                                      const std::optional<ListPosition>& after,
                                      const std::optional<ListPosition>& before, int limit)
{
    std::string sql = "SELECT " + std::string(kColumns) + " FROM investigations" + whereOf(filter);
    // Keyset pagination on (created_ms, id): stable under inserts, no OFFSET scans.
    if (after)
        sql += " AND (created_ms, id) < (:after_ms, :after_id)";
    if (before)
        sql += " AND (created_ms, id) > (:before_ms, :before_id)";
    // Backwards pages are read oldest-first from the position, then reversed.
    sql += before ? " ORDER BY created_ms ASC, id ASC" : " ORDER BY created_ms DESC, id DESC";
    sql += " LIMIT :limit";
    store::Statement s = db.prepare(sql);
    bindFilter(s, filter);
    if (after) {
        s.bind(sqlite3BindIndex(s, ":after_ms"), after->createdMs);
        s.bind(sqlite3BindIndex(s, ":after_id"), after->id);
    }
    if (before) {
        s.bind(sqlite3BindIndex(s, ":before_ms"), before->createdMs);
        s.bind(sqlite3BindIndex(s, ":before_id"), before->id);
    }
    s.bind(sqlite3BindIndex(s, ":limit"), limit);
    std::vector<InvestigationRecord> rows;
    while (s.step())
        rows.push_back(readRow(s));
    if (before)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

qint64 count(store::Database& db, const ListFilter& filter)
{
    store::Statement s = db.prepare("SELECT count(*) FROM investigations" + whereOf(filter));
    bindFilter(s, filter);
    s.step();
    return s.int64(0);
}

} // namespace cidadao::investigations::repository
