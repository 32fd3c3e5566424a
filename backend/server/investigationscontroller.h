// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/investigations (spec/API.md §5): start, status, results, list, cancel, the SSE stream fed
// by the EventHub, the Tiradentes export, and the upstream /public/* aliases. The work itself runs
// in InvestigationService's pool; exports render on the server's worker pool.
#pragma once

#include "http/router.h"

#include "events/eventhub.h"
#include "investigations/investigationservice.h"

#include <QObject>
#include <QThreadPool>

namespace cidadao::server {

class InvestigationsController : public QObject
{
    Q_OBJECT
public:
    InvestigationsController(investigations::InvestigationService& service, events::EventHub& events,
                             QThreadPool& workers, QObject* parent = nullptr);
    void registerRoutes(http::Router& router);

private:
    void start(http::Request& request, http::Responder& responder);
    void status(http::Request& request, http::Responder& responder);
    void summary(http::Request& request, http::Responder& responder);
    void results(http::Request& request, http::Responder& responder);
    void list(http::Request& request, http::Responder& responder);
    void cancel(http::Request& request, http::Responder& responder);
    void stream(http::Request& request, http::Responder& responder);
    void exportReport(http::Request& request, http::Responder& responder);

    investigations::InvestigationService& m_service;
    events::EventHub& m_events;
    QThreadPool& m_workers;
};

} // namespace cidadao::server
