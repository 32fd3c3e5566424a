// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/workflows (spec/API.md §9): the definitions, starting one, and (extensions) the history
// of executions, one execution with its nodes, cancelling, and the watchlist the `watchlist`
// workflow re-runs. With --dev, also a channel publisher for the benchmarks and the slow-subscriber
// test (/api/v1/dev/channels/...).
#pragma once

#include "http/router.h"
#include "workflows/workflowservice.h"

#include <QObject>

namespace cidadao::server {

class WorkflowsController : public QObject
{
    Q_OBJECT
public:
    WorkflowsController(workflows::WorkflowService& service, QObject* parent = nullptr);
    void registerRoutes(http::Router& router, bool devMode);

private:
    void list(http::Request& request, http::Responder& responder);
    void execute(http::Request& request, http::Responder& responder);
    void history(http::Request& request, http::Responder& responder);
    void execution(http::Request& request, http::Responder& responder);
    void cancel(http::Request& request, http::Responder& responder);
    void watchlist(http::Request& request, http::Responder& responder);
    void addWatch(http::Request& request, http::Responder& responder);
    void removeWatch(http::Request& request, http::Responder& responder);
    void devPublish(http::Request& request, http::Responder& responder);
    void devSubscribers(http::Request& request, http::Responder& responder);

    workflows::WorkflowService& m_service;
};

} // namespace cidadao::server
