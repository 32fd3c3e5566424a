// SPDX-License-Identifier: GPL-3.0-or-later
// An investigation the service is running (or has queued, or has finished but not yet written to
// the database): its cancel flag and a snapshot of its state, shared by the worker that runs it and
// the main thread that answers about it.
#pragma once

#include "investigationrepository.h"

#include "protocol/investigation.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <atomic>
#include <mutex>
#include <optional>

namespace cidadao::investigations {

struct LiveRun
{
    protocol::InvestigationRequest request;
    std::atomic_bool cancel{false};
    QElapsedTimer timer;              // since start()
    std::mutex mutex;                 // guards everything below
    InvestigationRecord record;       // the current state; complete once finalized
    std::optional<QDateTime> estimatedCompletion;
    bool finalized = false;           // completed/failed/cancelled decided: never changes again
    qint64 lastPublishMs = -1;        // progress events are throttled
};

} // namespace cidadao::investigations
