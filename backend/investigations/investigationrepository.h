// SPDX-License-Identifier: GPL-3.0-or-later
// The `investigations` table (migration 0005) as plain functions over one connection: the service
// calls the writing ones on its Writer thread and the reading ones on a ReaderPool connection.
#pragma once

#include "protocol/jsonqt.h"

#include <QString>

#include <optional>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::investigations {

struct InvestigationRecord
{
    QString id;
    QString ownerId;
    QString query;
    QString dataSource;
    protocol::Json request = protocol::Json::object();
    QString status;
    QString phase;
    double progress = 0.0;
    qint64 recordsProcessed = 0;
    qint64 anomaliesDetected = 0;
    QString reason;
    qint64 createdMs = 0;
    std::optional<qint64> completedMs;
    qint64 totalRecords = 0;
    QString summary;
    double confidenceScore = 0.0;
    double processingTime = 0.0;
    protocol::Json results = protocol::Json::array(); // loaded only when asked for
    protocol::Json patterns = protocol::Json::object();
};

// A position in the list order (created_ms, id).
struct ListPosition
{
    qint64 createdMs = 0;
    QString id;
};

struct ListFilter
{
    std::optional<QString> ownerId; // nullopt: every owner (admins)
    std::optional<QString> status;
};

namespace repository {

void insert(store::Database& db, const InvestigationRecord& record);
void updateProgress(store::Database& db, const InvestigationRecord& record);
// Writes the final state: status, phase, counts, reason, summary, results, patterns, completed_ms.
void finish(store::Database& db, const InvestigationRecord& record);
// Every row left started/processing becomes failed with `reason`; returns how many.
int markInterrupted(store::Database& db, const QString& reason, qint64 nowMs);
std::optional<InvestigationRecord> find(store::Database& db, const QString& id, bool withResults);
// Newest first. after: rows strictly older than the position; before: strictly newer (returned
// newest first too). limit rows at most.
std::vector<InvestigationRecord> page(store::Database& db, const ListFilter& filter,
                                      const std::optional<ListPosition>& after,
                                      const std::optional<ListPosition>& before, int limit);
qint64 count(store::Database& db, const ListFilter& filter);

} // namespace repository

} // namespace cidadao::investigations
