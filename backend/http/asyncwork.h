// SPDX-License-Identifier: GPL-3.0-or-later
// Runs slow work (password hashing, imports, detection) on a worker pool and answers on the
// event loop, so the server keeps serving while it runs. An exception from the work becomes a
// 500 envelope (or the ApiError it carries); a client that left by then gets nothing written.
#pragma once

#include "responder.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

#include <exception>
#include <memory>
#include <optional>

namespace cidadao::http {

// What the work produced, or what it threw. QtConcurrent only carries QException subclasses across
// threads (anything else becomes QUnhandledException), so the exception travels as an
// exception_ptr and is rethrown on the answering thread, where ApiException keeps its status.
template<typename Result>
struct WorkOutcome
{
    std::optional<Result> value;
    std::exception_ptr error;
};

// work: R() on the pool; then: void(Responder&, R&&) on the thread of `context`.
template<typename Work, typename Then>
void answerLater(QThreadPool& pool, QObject* context, Responder&& responder, Work work, Then then)
{
    using Result = std::invoke_result_t<Work>;
    using Outcome = WorkOutcome<Result>;
    auto shared = std::make_shared<Responder>(std::move(responder));
    auto* watcher = new QFutureWatcher<Outcome>(context);
    QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, context, [watcher, shared, then]() mutable {
        watcher->deleteLater();
        try {
            Outcome outcome = watcher->future().result();
            if (outcome.error)
                std::rethrow_exception(outcome.error);
            then(*shared, std::move(*outcome.value));
        } catch (const protocol::ApiException& exception) {
            shared->error(exception.error());
        } catch (const protocol::ValidationFailure& failure) {
            shared->error(failure.toApiError());
        } catch (const std::exception&) {
            shared->error(protocol::ApiError{500, QLatin1String(protocol::ErrorCode::InternalServerError),
                                             QStringLiteral("An unexpected error occurred"), protocol::Json::object()});
        }
    });
    watcher->setFuture(QtConcurrent::run(&pool, [work = std::move(work)]() mutable {
        Outcome outcome;
        try {
            outcome.value.emplace(work());
        } catch (...) {
            outcome.error = std::current_exception();
        }
        return outcome;
    }));
}

} // namespace cidadao::http
