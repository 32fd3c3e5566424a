// SPDX-License-Identifier: GPL-3.0-or-later
// Waits for an ApiJob and keeps a copy of its outcome (the job deletes itself once finished).
#pragma once

#include "core/apijob.h"

#include <QTest>

#include <memory>

namespace cidadao::testing {

struct JobResult
{
    bool done = false;
    client::ApiJob::Status status = client::ApiJob::Status::Pending;
    int httpStatus = 0;
    int attempts = 0;
    bool refreshed = false;
    protocol::Json json;
    protocol::ApiError error;
};

inline std::shared_ptr<JobResult> watch(client::ApiJob* job)
{
    auto result = std::make_shared<JobResult>();
    QObject::connect(job, &client::ApiJob::finished, job, [result](client::ApiJob* finished) {
        result->done = true;
        result->status = finished->status();
        result->httpStatus = finished->httpStatus();
        result->attempts = finished->attempts();
        result->refreshed = finished->refreshedToken();
        result->json = finished->json();
        result->error = finished->error();
    });
    return result;
}

// Returns false if the job did not finish within timeoutMs.
inline bool waitFor(const std::shared_ptr<JobResult>& result, int timeoutMs = 30000)
{
    return QTest::qWaitFor([&result] { return result->done; }, timeoutMs);
}

inline JobResult run(client::ApiJob* job, int timeoutMs = 30000)
{
    auto result = watch(job);
    waitFor(result, timeoutMs);
    return *result;
}

} // namespace cidadao::testing
