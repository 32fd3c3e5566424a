// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthcontroller.h"

#include "protocol/apierror.h"

namespace cidadao::server {

using protocol::Json;

namespace {
QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

HealthController::HealthController(const ServiceInfo& info, std::function<bool()> databaseReady,
                                   const http::HttpServer& server)
    : m_info(info)
    , m_databaseReady(std::move(databaseReady))
    , m_server(server)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
}

void HealthController::registerRoutes(http::Router& router)
{
    using namespace std::placeholders;
    router.add("GET", QStringLiteral("/"), std::bind(&HealthController::root, this, _1, _2));
    router.add("GET", QStringLiteral("/health"), std::bind(&HealthController::health, this, _1, _2));
    router.add("GET", QStringLiteral("/health/live"), std::bind(&HealthController::live, this, _1, _2));
    router.add("GET", QStringLiteral("/health/ready"), std::bind(&HealthController::ready, this, _1, _2));
    router.add("GET", QStringLiteral("/api/v1/health"), std::bind(&HealthController::health, this, _1, _2));
    router.add("GET", QStringLiteral("/api/v1/info"), std::bind(&HealthController::info, this, _1, _2));
}

void HealthController::root(http::Request&, http::Responder& responder) const
{
    // The voice seed's shape, extended with every endpoint this server serves.
    Json endpoints = Json::object();
    const http::Router& router = m_server.router();
    for (const QString& pattern : router.patterns()) {
        Json methods = Json::array();
        for (const QByteArray& method : router.methodsOf(pattern))
            methods.push_back(method.toStdString());
        endpoints[pattern.toStdString()] = methods;
    }
    Json websockets = Json::array();
    for (const QString& pattern : m_server.webSocketPatterns())
        websockets.push_back(pattern);
    responder.json(200, Json{{"message", "Cidadão.AI API"},
                             {"version", CIDADAO_VERSION},
                             {"websocket_endpoint", QString(m_info.websocketBase + QStringLiteral("/ws/voice-chat"))},
                             {"note", "WebSocket endpoints cannot be opened with HTTP GET; use a WebSocket client."},
                             {"endpoints",
                              {{"health", "/health"},
                               {"websocket", "/ws/voice-chat"},
                               {"test_page", "/test"},
                               {"http", endpoints},
                               {"websockets", websockets}}}});
}

void HealthController::health(http::Request&, http::Responder& responder) const
{
    const bool databaseOk = m_databaseReady();
    responder.json(200, Json{{"status", "healthy"},
                             {"timestamp", isoNow()},
                             {"version", CIDADAO_VERSION},
                             {"uptime_seconds", m_startedAt.secsTo(QDateTime::currentDateTimeUtc())},
                             {"database", databaseOk ? "ok" : "unavailable"}});
}

void HealthController::live(http::Request&, http::Responder& responder) const
{
    responder.json(200, Json{{"status", "alive"}, {"timestamp", isoNow()}});
}

void HealthController::ready(http::Request&, http::Responder& responder) const
{
    if (!m_databaseReady()) {
        responder.error(protocol::ApiError{503, QLatin1String(protocol::ErrorCode::ServiceUnavailable),
                                           QStringLiteral("the database is not open"), Json::object()});
        return;
    }
    responder.json(200, Json{{"status", "ready"}, {"timestamp", isoNow()}});
}

void HealthController::info(http::Request&, http::Responder& responder) const
{
    Json features = Json::array();
    for (const QString& feature : m_info.features)
        features.push_back(feature);
    Json body{{"name", "cidadao-server"},
              {"version", CIDADAO_VERSION},
              {"api_version", "1.0"},
              {"mode", m_info.mode},
              {"features", features}};
    if (m_info.voice)
        body["voice"] = m_info.voice();
    responder.json(200, body);
}

} // namespace cidadao::server
