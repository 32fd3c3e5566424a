// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"

#include "acceptlanguage.h"

#include "agents/orchestrator.h"
#include "http/asyncwork.h"
#include "http/ssestream.h"
#include "protocol/apierror.h"
#include "protocol/chatstream.h"
#include "protocol/cursor.h"
#include "protocol/pagination.h"

#include <QDateTime>

#include <limits>

namespace cidadao::server {

using protocol::Json;
using Access = http::Access;

namespace {

protocol::ApiException notFound()
{
    return protocol::ApiException(protocol::ApiError{404, QLatin1String(protocol::ErrorCode::NotFound),
                                                     QStringLiteral("chat session not found"), Json::object()});
}

QString sessionParam(const http::Request& request)
{
    const QString id = request.param(QStringLiteral("id"));
    if (id.isEmpty() || id.size() > protocol::IdMaxLength)
        throw notFound();
    return id;
}

} // namespace

ChatController::ChatController(chat::ChatService& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
}

ChatController::~ChatController()
{
    for (const auto& stream : std::as_const(m_streams))
        stream->close();
}

void ChatController::registerRoutes(http::Router& router)
{
    using namespace std::placeholders;
    const QString base = QStringLiteral("/api/v1/chat");
    router.add("POST", base + QStringLiteral("/message"), std::bind(&ChatController::message, this, _1, _2), Access::AnonymousOk);
    router.add("POST", base + QStringLiteral("/stream"), std::bind(&ChatController::stream, this, _1, _2), Access::AnonymousOk);
    router.add("GET", base + QStringLiteral("/agents"), std::bind(&ChatController::agents, this, _1, _2), Access::Public);
    router.add("GET", base + QStringLiteral("/suggestions"), std::bind(&ChatController::suggestions, this, _1, _2),
               Access::AnonymousOk);
    router.add("GET", base + QStringLiteral("/sessions"), std::bind(&ChatController::sessions, this, _1, _2), Access::AnonymousOk);
    router.add("GET", base + QStringLiteral("/sessions/{id}"), std::bind(&ChatController::session, this, _1, _2),
               Access::AnonymousOk);
    router.add("DELETE", base + QStringLiteral("/sessions/{id}"), std::bind(&ChatController::deleteSession, this, _1, _2),
               Access::AnonymousOk);
    router.add("GET", base + QStringLiteral("/history/{id}"), std::bind(&ChatController::history, this, _1, _2),
               Access::AnonymousOk);
    router.add("DELETE", base + QStringLiteral("/history/{id}"), std::bind(&ChatController::deleteHistory, this, _1, _2),
               Access::AnonymousOk);
    router.add("GET", base + QStringLiteral("/history/{id}/paginated"),
               std::bind(&ChatController::paginatedHistory, this, _1, _2), Access::AnonymousOk);
}

void ChatController::message(http::Request& request, http::Responder& responder)
{
    const auto body = protocol::decode<protocol::ChatRequest>(request.jsonBody());
    const http::Principal principal = *request.principal;
    const QString sessionId = m_service.admit(principal, body.sessionId);
    chat::ChatService* service = &m_service;
    http::answerLater(
        m_service.pool(), this, std::move(responder),
        [service, principal, sessionId, body] { return service->runTurn(principal, sessionId, body, {}); },
        [](http::Responder& out, chat::TurnResult&& turn) {
            Json json;
            protocol::to_json(json, chat::ChatService::toResponse(turn));
            out.json(200, json);
        });
}

void ChatController::stream(http::Request& request, http::Responder& responder)
{
    const auto body = protocol::decode<protocol::ChatRequest>(request.jsonBody());
    const http::Principal principal = *request.principal;
    const QString sessionId = m_service.admit(principal, body.sessionId);

    const quint64 key = ++m_nextStream;
    std::shared_ptr<http::SseStream> sse = responder.startEventStream();
    m_streams.insert(key, sse);
    // The first event goes out now, before the turn is even queued.
    sse->send(protocol::toJson(protocol::StreamStart{QDateTime::currentDateTimeUtc(), sessionId}));

    // Events are posted back to this controller (it outlives the pool's work: the server waits for
    // the pool before destroying it); a client that left turns each send into a no-op, and the turn
    // still runs to its end so that the reply is stored in the history.
    ChatController* controller = this;
    chat::ChatService* service = &m_service;
    m_service.pool().start([controller, service, key, principal, sessionId, body] {
        auto post = [controller, key](Json event, bool last) {
            QMetaObject::invokeMethod(controller, [controller, key, event = std::move(event), last] {
                controller->streamSend(key, event);
                if (last)
                    controller->streamClose(key);
            }, Qt::QueuedConnection);
        };
        const agents::EventSink sink = [post](const protocol::ChatStreamEvent& event) {
            post(protocol::toJson(event), false);
        };
        try {
            const chat::TurnResult turn = service->runTurn(principal, sessionId, body, sink);
            protocol::StreamComplete complete;
            complete.agentId = turn.answer.agentId;
            complete.agentName = turn.answer.agentName;
            complete.suggestedActions = chat::ChatService::actionLabels(turn.answer);
            complete.messageId = turn.messageId;
            complete.confidence = turn.answer.confidence;
            post(protocol::toJson(complete), true);
        } catch (const protocol::ApiException& error) {
            post(protocol::toJson(protocol::StreamError{error.error().message, QLatin1String(protocol::ChatFallbackEndpoint)}),
                 true);
        } catch (const std::exception& error) {
            qWarning("chat stream turn failed: %s", error.what());
            post(protocol::toJson(protocol::StreamError{QStringLiteral("the agents could not answer"),
                                                        QLatin1String(protocol::ChatFallbackEndpoint)}),
                 true);
        }
    });
}

void ChatController::streamSend(quint64 key, const Json& event)
{
    const auto it = m_streams.constFind(key);
    if (it != m_streams.cend())
        (*it)->send(event);
}

void ChatController::streamClose(quint64 key)
{
    const std::shared_ptr<http::SseStream> stream = m_streams.take(key);
    if (stream)
        stream->close();
}

void ChatController::agents(http::Request&, http::Responder& responder)
{
    responder.json(200, protocol::toJsonArray(agents::Orchestrator::agents()));
}

void ChatController::suggestions(http::Request& request, http::Responder& responder)
{
    QString language = request.queryValue(QStringLiteral("lang"));
    if (language.isEmpty())
        language = preferredLanguage(request.header("Accept-Language"));
    responder.json(200, protocol::toJsonArray(agents::Orchestrator::suggestions(language)));
}

void ChatController::sessions(http::Request& request, http::Responder& responder)
{
    const int limit = request.intQuery(QStringLiteral("limit"), 20, 1, 100);
    const int offset = request.intQuery(QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max());
    Json json;
    if (request.principal->anonymous) {
        // Every caller without a token is the same "anonymous" principal (spec §1), so listing its
        // sessions would show each anonymous client everyone else's conversations. Anonymous sessions
        // are private by capability instead: the random session id, returned only to the client whose
        // first message created it, is what opens /sessions/{id} and /history/{id}; the list is empty.
        protocol::ChatSessionList none;
        none.limit = limit;
        none.offset = offset;
        protocol::to_json(json, none);
        responder.json(200, json);
        return;
    }
    protocol::to_json(json, m_service.store().sessions(request.principal->userId, limit, offset));
    responder.json(200, json);
}

void ChatController::session(http::Request& request, http::Responder& responder)
{
    const auto session = m_service.store().session(request.principal->userId, sessionParam(request));
    if (!session)
        throw notFound();
    Json json;
    protocol::to_json(json, *session);
    responder.json(200, json);
}

void ChatController::deleteSession(http::Request& request, http::Responder& responder)
{
    const QString id = sessionParam(request);
    if (!m_service.store().deleteSession(request.principal->userId, id))
        throw notFound();
    m_service.publishDeleted(request.principal->userId, id);
    responder.noContent();
}

void ChatController::history(http::Request& request, http::Responder& responder)
{
    const int limit = request.intQuery(QStringLiteral("limit"), 50, 1, 1000);
    const auto history = m_service.store().history(request.principal->userId, sessionParam(request), limit);
    if (!history)
        throw notFound();
    Json json;
    protocol::to_json(json, *history);
    responder.json(200, json);
}

void ChatController::deleteHistory(http::Request& request, http::Responder& responder)
{
    const QString id = sessionParam(request);
    if (!m_service.store().clearHistory(request.principal->userId, id))
        throw notFound();
    m_service.publishCleared(request.principal->userId, id);
    responder.noContent();
}

void ChatController::paginatedHistory(http::Request& request, http::Responder& responder)
{
    const auto page = protocol::CursorPaginationRequest::fromQuery(request.query, 20);
    const auto result = m_service.store().page(request.principal->userId, sessionParam(request), page);
    if (!result)
        throw notFound();
    Json json;
    protocol::to_json(json, *result);
    responder.json(200, json);
}

} // namespace cidadao::server
