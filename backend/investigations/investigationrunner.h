// SPDX-License-Identifier: GPL-3.0-or-later
// One investigation's work, on the calling (worker) thread: data_retrieval (the loader, narrowed by
// the request's dates and organisation), anomaly_detection (the engine's detectors of the requested
// types), pattern_analysis (Anita's patterns), report_generation (findings → AnomalyResult, focused
// by vendor/value/UF). Progress and each finding go to callbacks; cancellation is checked between
// and inside phases.
#pragma once

#include "protocol/investigation.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cidadao::store {
class Database;
}

namespace cidadao::investigations {

struct RunProgress
{
    QString phase;           // an InvestigationPhase word
    double progress = 0.0;   // 0..1 over the whole run
    qint64 recordsProcessed = 0;
    qint64 anomaliesDetected = 0;
    qint64 expectedRecords = 0; // before loading: the source table's approximate size
};

struct RunSettings
{
    int detectorThreads = 0;
    int maxAffectedRecords = 50;
};

struct RunOutcome
{
    bool cancelled = false;
    qint64 totalRecords = 0;
    QList<protocol::AnomalyResult> results;
    protocol::Json patterns = protocol::Json::object();
    QString summary;
    double confidenceScore = 0.0;
};

struct RunCallbacks
{
    std::function<void(const RunProgress&)> progress;
    std::function<void(const protocol::AnomalyResult&)> anomaly;
};

// db: a connection usable on this thread (read-only is enough). Throws on store errors.
RunOutcome runInvestigation(store::Database& db, const protocol::InvestigationRequest& request,
                            const RunSettings& settings, const std::atomic_bool& cancel, const RunCallbacks& callbacks);

// The detectors that report under the requested API types.
QSet<QString> detectorsFor(const QStringList& anomalyTypes);

} // namespace cidadao::investigations
