// SPDX-License-Identifier: GPL-3.0-or-later
// Runs slow work (password hashing, imports, detection) on a worker pool and answers on the
// event loop, so the server keeps serving while it runs. An exception from the work becomes a
// 500 envelope (or the ApiError it carries); a client that left by then gets nothing written.
#pragma once

#include "responder.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

#include <memory>

namespace cidadao::http {

// work: R() on the pool; then: void(Responder&, R&&) on the thread of `context`.
template<typename Work, typename Then>
void answerLater(QThreadPool& pool, QObject* context, Responder&& responder, Work work, Then then)
{
    using Result = std::invoke_result_t<Work>;
    auto shared = std::make_shared<Responder>(std::move(responder));
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, shared, then]() mutable {
        watcher->deleteLater();
        try {
            Result result = watcher->future().result();
            then(*shared, std::move(result));
        } catch (const protocol::ApiException& exception) {
            shared->error(exception.error());
        } catch (const protocol::ValidationFailure& failure) {
            shared->error(failure.toApiError());
        } catch (const std::exception&) {
            shared->error(protocol::ApiError{500, QLatin1String(protocol::ErrorCode::InternalServerError),
                                             QStringLiteral("An unexpected error occurred"), protocol::Json::object()});
        }
    });
    watcher->setFuture(QtConcurrent::run(&pool, std::move(work)));
}

} // namespace cidadao::http
