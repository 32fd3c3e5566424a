// SPDX-License-Identifier: GPL-3.0-or-later
// GET /, the health family and /api/v1/info (spec/API.md §10).
#pragma once

#include "http/httpserver.h"
#include "protocol/decoding.h"

#include <QDateTime>
#include <QStringList>

#include <functional>

namespace cidadao::server {

struct ServiceInfo
{
    QString mode;            // "embedded" | "server"
    QStringList features;    // what this server supports; the client reads it
    QString websocketBase;   // e.g. "ws://127.0.0.1:8000", for GET /
    // The "voice" member of /api/v1/info (which languages work offline), when voice is on.
    std::function<protocol::Json()> voice;
};

class HealthController
{
public:
    HealthController(const ServiceInfo& info, std::function<bool()> databaseReady, const http::HttpServer& server);
    void registerRoutes(http::Router& router);

private:
    void root(http::Request& request, http::Responder& responder) const;
    void health(http::Request& request, http::Responder& responder) const;
    void live(http::Request& request, http::Responder& responder) const;
    void ready(http::Request& request, http::Responder& responder) const;
    void info(http::Request& request, http::Responder& responder) const;

    const ServiceInfo& m_info;
    std::function<bool()> m_databaseReady;
    const http::HttpServer& m_server;
    QDateTime m_startedAt;
};

} // namespace cidadao::server
