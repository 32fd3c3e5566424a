// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatsocket.h"

#include "investigations/investigationservice.h"
#include "protocol/apierror.h"
#include "protocol/wsenvelopes.h"

#include <QDateTime>
#include <QPointer>

namespace cidadao::chat {

using protocol::Json;
namespace Type = protocol::ChatWsType;
namespace Code = protocol::ChatWsError;

namespace {

Json envelope(const char* type, const Json& data)
{
    Json out;
    protocol::to_json(out, protocol::ChatEnvelope::make(QLatin1String(type), data, QDateTime::currentDateTimeUtc()));
    return out;
}

} // namespace

ChatSocket::ChatSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChatSocketServices services,
                       http::Principal principal, QString sessionId)
    : WebSocketConnection(std::move(socket), messageLimit)
    , m_services(services)
    , m_principal(std::move(principal))
    , m_sessionId(std::move(sessionId))
{
}

ChatSocket::~ChatSocket()
{
    m_services.watchers.unwatchAll(this);
}

ChatSocket* ChatSocket::accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChatSocketServices services,
                               const http::AuthGate& gate, std::optional<QString> sessionId,
                               std::optional<QString> investigationId)
{
    QString failure;
    auto principal = gate.authenticateSocket(*socket, true, &failure);
    if (principal && sessionId
        && (sessionId->isEmpty() || sessionId->size() > protocol::IdMaxLength
            || services.chat.store().access(principal->userId, *sessionId) == ChatStore::Access::Foreign)) {
        principal.reset();
        failure = QStringLiteral("this session belongs to another user");
    }
    if (!principal) {
        const Json refusal = envelope(Type::Error, Json{{"code", Code::Unauthorized},
                                                        {"message", failure.isEmpty() ? QStringLiteral("a valid token is required") : failure},
                                                        {"details", Json::object()}});
        socket->sendTextMessage(QString::fromUtf8(protocol::toBytes(refusal)));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        // The socket must outlive its closing handshake: hand it to the event loop.
        QWebSocket* released = socket.release();
        QObject::connect(released, &QWebSocket::disconnected, released, &QObject::deleteLater);
        return nullptr;
    }
    // Anonymous callers share one identity, so their session id is the capability (ChatService::admit).
    // An id this server never issued would be a client-chosen, guessable one: such a caller gets a fresh
    // id instead, announced in the `connection` message it reads before anything else.
    if (principal->anonymous && sessionId
        && services.chat.store().access(principal->userId, *sessionId) == ChatStore::Access::Absent)
        sessionId.reset();
    auto* connection = new ChatSocket(std::move(socket), messageLimit, services, *principal,
                                      sessionId.value_or(protocol::newUuid()));
    protocol::ConnectionPayload hello;
    hello.sessionId = connection->m_sessionId;
    hello.message = QStringLiteral("Conectado ao Cidadão.AI");
    Json data;
    protocol::to_json(data, hello);
    connection->send(Type::Connection, data);
    if (investigationId && !connection->subscribe(*investigationId))
        connection->sendError(Code::InvalidMessage, QStringLiteral("investigation not found"),
                              Json{{"investigation_id", *investigationId}});
    return connection;
}

void ChatSocket::send(const char* type, const Json& data)
{
    sendJson(envelope(type, data));
}

void ChatSocket::sendError(const char* code, const QString& message, const Json& details)
{
    protocol::WsErrorPayload error{QLatin1String(code), message, details};
    Json data;
    protocol::to_json(data, error);
    send(Type::Error, data);
}

void ChatSocket::onMessageTooLarge(qint64 size)
{
    sendError(Code::MessageTooLarge, QStringLiteral("message over the 1 MiB limit"), Json{{"size", size}});
    closeTooLarge();
}

void ChatSocket::onMessage(const QByteArray& utf8)
{
    const Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        sendError(Code::InvalidMessage, QStringLiteral("a JSON object is required"));
        return;
    }
    protocol::ChatEnvelope message;
    try {
        protocol::from_json(parsed, message);
        const QString& type = message.type;
        if (type == QLatin1String(Type::Ping)) {
            send(Type::Pong, Json::object());
        } else if (type == QLatin1String(Type::ChatMessage)) {
            protocol::ChatMessagePayload payload;
            protocol::from_json(message.data, payload);
            queueChat(payload);
        } else if (type == QLatin1String(Type::SubscribeInvestigation)) {
            protocol::InvestigationSubscription subscription;
            protocol::from_json(message.data, subscription);
            if (!subscribe(subscription.investigationId))
                sendError(Code::InvalidMessage, QStringLiteral("investigation not found"),
                          Json{{"investigation_id", subscription.investigationId}});
        } else if (type == QLatin1String(Type::UnsubscribeInvestigation)) {
            protocol::InvestigationSubscription subscription;
            protocol::from_json(message.data, subscription);
            m_services.watchers.unwatch(this, subscription.investigationId);
        } else {
            sendError(Code::InvalidMessage, QStringLiteral("unknown message type: %1").arg(type), Json{{"type", type}});
        }
    } catch (const protocol::ValidationFailure& failure) {
        sendError(Code::InvalidMessage, QString::fromUtf8(failure.what()), Json{{"field", failure.field()}});
    }
}

bool ChatSocket::subscribe(const QString& investigationId)
{
    auto* service = m_services.investigations;
    if (!service)
        return false;
    // The current state answers the subscription at once: the client knows it took, and where things stand.
    const auto status = service->status(m_principal, investigationId);
    if (!status)
        return false;
    m_services.watchers.watch(this, investigationId);
    Json snapshot;
    protocol::to_json(snapshot, *status);
    Json data;
    protocol::to_json(data, InvestigationWatchers::updateFrom(investigationId, snapshot));
    send(Type::InvestigationUpdate, data);
    return true;
}

void ChatSocket::investigationUpdated(const protocol::InvestigationUpdatePayload& update)
{
    Json data;
    protocol::to_json(data, update);
    send(Type::InvestigationUpdate, data);
}

void ChatSocket::queueChat(const protocol::ChatMessagePayload& payload)
{
    m_pending.enqueue(payload);
    if (!m_busy)
        runNext();
}

void ChatSocket::runNext()
{
    if (m_pending.isEmpty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    const protocol::ChatMessagePayload payload = m_pending.dequeue();
    protocol::ChatRequest request;
    request.message = payload.message;
    request.sessionId = m_sessionId;
    request.context = payload.context;

    // Replies come back through the service (it outlives every worker); the guard drops them if this
    // socket closed meanwhile. Queued calls to one receiver keep their order: chunks, then the end.
    ChatService* service = &m_services.chat;
    const QPointer<ChatSocket> guard(this);
    const http::Principal principal = m_principal;
    const QString sessionId = m_sessionId;
    service->pool().start([service, guard, principal, sessionId, request] {
        const agents::EventSink sink = [service, guard](const protocol::ChatStreamEvent& event) {
            if (const auto* chunk = std::get_if<protocol::StreamChunk>(&event)) {
                const QString content = chunk->content;
                QMetaObject::invokeMethod(service, [guard, content] {
                    if (guard)
                        guard->send(Type::AgentChunk, Json{{"content", content}});
                }, Qt::QueuedConnection);
            }
        };
        try {
            TurnResult turn = service->runTurn(principal, sessionId, request, sink);
            QMetaObject::invokeMethod(service, [guard, turn] {
                if (guard)
                    guard->finishTurn(turn);
            }, Qt::QueuedConnection);
        } catch (const std::exception& error) {
            // The reason stays in the server: errors never leak internals to clients.
            qWarning("chat turn failed: %s", error.what());
            QMetaObject::invokeMethod(service, [guard] {
                if (!guard)
                    return;
                guard->sendError(Code::ProcessingError, QStringLiteral("the agents could not answer"));
                guard->runNext();
            }, Qt::QueuedConnection);
        }
    });
}

void ChatSocket::finishTurn(const TurnResult& turn)
{
    protocol::AgentResponsePayload response;
    response.agentId = turn.answer.agentId;
    response.agentName = turn.answer.agentName;
    response.message = turn.answer.text;
    response.confidence = turn.answer.confidence;
    response.metadata = ChatService::answerMetadata(turn.answer);
    response.metadata["message_id"] = turn.messageId;
    response.metadata["session_id"] = turn.session.id;
    response.metadata["suggested_actions"] = ChatService::actionLabels(turn.answer);
    Json data;
    protocol::to_json(data, response);
    send(Type::AgentResponse, data);
    // An investigation the agents started here is followed on this socket without asking.
    if (turn.answer.investigationId)
        subscribe(*turn.answer.investigationId);
    runNext();
}

} // namespace cidadao::chat
