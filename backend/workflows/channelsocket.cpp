// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelsocket.h"

#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChannels, "cidadao.channels")

namespace cidadao::workflows {

using protocol::Json;
namespace Type = protocol::WorkflowType;
namespace Error = protocol::WorkflowError;

ChannelSocket::ChannelSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChannelHub& hub,
                             http::Principal principal, WorkflowLauncher launcher, ChannelLimits limits,
                             WorkflowCanceller canceller)
    : WebSocketConnection(std::move(socket), messageLimit)
    , m_hub(hub)
    , m_principal(std::move(principal))
    , m_launcher(std::move(launcher))
    , m_canceller(std::move(canceller))
    , m_limits(limits)
    , m_queue(new SendQueue(this->socket(), limits.queue, this))
{
    m_window.start();
    connect(m_queue, &SendQueue::overflow, this, [this] {
        qCWarning(lcChannels) << "closing a slow subscriber of user" << m_principal.userId << "with code"
                              << kCloseSlowConsumer;
        m_hub.unsubscribeAll(this);
    });
}

ChannelSocket::~ChannelSocket()
{
    m_hub.unsubscribeAll(this);
}

ChannelSocket* ChannelSocket::accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChannelHub& hub,
                                     const http::AuthGate& gate, WorkflowLauncher launcher, ChannelLimits limits,
                                     WorkflowCanceller canceller)
{
    QString failure;
    const auto principal = gate.authenticateSocket(*socket, false, &failure);
    if (!principal) {
        Json envelope;
        protocol::to_json(envelope, protocol::WorkflowEnvelope::make(
                                        QLatin1String(Type::Error),
                                        Json{{"code", Error::Unauthorized}, {"message", "a valid token is required"},
                                             {"details", Json::object()}},
                                        QDateTime::currentDateTimeUtc()));
        socket->sendTextMessage(QString::fromUtf8(protocol::toBytes(envelope)));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        // The socket must outlive its closing handshake: hand it to the event loop.
        QWebSocket* released = socket.release();
        QObject::connect(released, &QWebSocket::disconnected, released, &QObject::deleteLater);
        return nullptr;
    }
    return new ChannelSocket(std::move(socket), messageLimit, hub, *principal, std::move(launcher), limits,
                             std::move(canceller));
}

void ChannelSocket::deliver(const QString& envelopeText)
{
    m_queue->push(envelopeText);
}

bool ChannelSocket::withinBudget()
{
    if (m_window.elapsed() >= 60000) {
        m_window.restart();
        m_windowCount = 0;
    }
    if (++m_windowCount <= m_limits.messagesPerMinute)
        return true;
    if (m_windowCount == m_limits.messagesPerMinute + 1 || m_windowCount % 100 == 0) {
        // Said once per burst (and now and then after), not once per refused message.
        sendError(Error::RateLimited, QStringLiteral("too many messages; slow down"), {},
                  Json{{"limit", m_limits.messagesPerMinute},
                       {"window_seconds", 60},
                       {"retry_after_ms", qMax<qint64>(1, 60000 - m_window.elapsed())}});
    }
    return false;
}

void ChannelSocket::send(const QString& type, const Json& payload, const std::optional<QString>& correlationId,
                         std::optional<qint64> timestamp)
{
    protocol::WorkflowEnvelope envelope =
        protocol::WorkflowEnvelope::make(type, payload, QDateTime::currentDateTimeUtc(), correlationId);
    if (timestamp)
        envelope.timestamp = timestamp;
    Json out;
    protocol::to_json(out, envelope);
    m_queue->push(QString::fromUtf8(protocol::toBytes(out)));
}

void ChannelSocket::sendError(const char* code, const QString& message, const std::optional<QString>& correlationId,
                              const Json& details)
{
    send(QLatin1String(Type::Error), Json{{"code", code}, {"message", message}, {"details", details}}, correlationId);
}

void ChannelSocket::onMessageTooLarge(qint64 size)
{
    sendError(Error::MessageTooLarge, QStringLiteral("message over the limit"), {}, Json{{"size", size}});
    closeTooLarge();
}

void ChannelSocket::onMessage(const QByteArray& utf8)
{
    if (!withinBudget())
        return;
    const Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        sendError(Error::InvalidMessage, QStringLiteral("a JSON object is required"));
        return;
    }
    protocol::WorkflowEnvelope envelope;
    try {
        protocol::from_json(parsed, envelope);
    } catch (const protocol::ValidationFailure& failure) {
        sendError(Error::InvalidMessage, QString::fromUtf8(failure.what()), {}, Json{{"field", failure.field()}});
        return;
    }
    const Json payload = envelope.payload.value_or(Json::object());
    const QString& type = envelope.type;
    try {
        if (type == QLatin1String(Type::Ping)) {
            // The client's own number comes back, so it can compute the round trip.
            const qint64 stamp = envelope.timestamp.value_or(payload.value("timestamp", qint64(0)));
            send(QLatin1String(Type::Pong), Json{{"timestamp", stamp}}, envelope.correlationId, stamp);
        } else if (type == QLatin1String(Type::Subscribe) || type == QLatin1String(Type::Unsubscribe)) {
            changeSubscriptions(payload, type == QLatin1String(Type::Subscribe), envelope.correlationId);
        } else if (type == QLatin1String(Type::ExecuteWorkflow)) {
            protocol::ExecuteWorkflowPayload request;
            protocol::from_json(payload, request);
            const auto executionId = m_launcher ? m_launcher(m_principal, request.workflowId, request.input,
                                                             envelope.correlationId.value_or(QString()), this,
                                                             payload.value("definition", Json()))
                                                : std::nullopt;
            if (!executionId) {
                sendError(Error::WorkflowNotFound, QStringLiteral("no workflow named %1").arg(request.workflowId),
                          envelope.correlationId, Json{{"workflowId", request.workflowId}});
                return;
            }
        } else if (type == QLatin1String(Type::CancelWorkflow) && m_canceller) {
            cancelWorkflow(payload, envelope.correlationId);
        } else {
            sendError(Error::UnknownType, QStringLiteral("unknown message type: %1").arg(type), envelope.correlationId,
                      Json{{"type", type}});
        }
    } catch (const protocol::ValidationFailure& failure) {
        sendError(Error::InvalidMessage, QString::fromUtf8(failure.what()), envelope.correlationId,
                  Json{{"field", failure.field()}});
    } catch (const protocol::ApiException& exception) {
        const protocol::ApiError& error = exception.error();
        sendError(error.statusCode == 422 ? Error::InvalidMessage : Error::InternalError, error.message,
                  envelope.correlationId, error.details);
    } catch (const std::exception& exception) {
        qCWarning(lcChannels) << "message failed:" << exception.what();
        sendError(Error::InternalError, QStringLiteral("an unexpected error occurred"), envelope.correlationId);
    }
}

void ChannelSocket::cancelWorkflow(const Json& payload, const std::optional<QString>& correlationId)
{
    if (!payload.contains("executionId") || !payload["executionId"].is_string())
        throw protocol::ValidationFailure(QStringLiteral("executionId"), QStringLiteral("is required"));
    const QString executionId = payload["executionId"].get<QString>();
    const std::optional<QString> outcome = m_canceller(m_principal, executionId);
    if (!outcome) {
        sendError(Error::WorkflowNotFound, QStringLiteral("no execution %1").arg(executionId), correlationId,
                  Json{{"executionId", executionId}});
    } else if (*outcome != QLatin1String("cancelling")) {
        sendError(Error::WorkflowNotFound, QStringLiteral("execution %1 is not running").arg(executionId), correlationId,
                  Json{{"executionId", executionId}, {"status", *outcome}});
    }
    // Accepted: the answer is the execution's own workflow_failed {status: "cancelled"}, so the
    // requester watches its channel (a run started over REST had no subscriber yet).
    const QString channel = QLatin1String(protocol::ChannelKind::Workflow) + QLatin1Char(':') + executionId;
    if (m_hub.mayWatch(m_principal, channel))
        m_hub.subscribe(this, channel);
}

void ChannelSocket::changeSubscriptions(const Json& payload, bool subscribe, const std::optional<QString>& correlationId)
{
    protocol::ChannelsPayload request;
    protocol::from_json(payload, request);
    Json granted = Json::array();
    for (const QString& channel : std::as_const(request.channels)) {
        if (!subscribe) {
            m_hub.unsubscribe(this, channel);
            granted.push_back(channel);
        } else if (m_hub.mayWatch(m_principal, channel)) {
            m_hub.subscribe(this, channel);
            granted.push_back(channel);
        } else {
            sendError(Error::ForbiddenChannel, QStringLiteral("not allowed to watch %1").arg(channel), correlationId,
                      Json{{"channel", channel}});
        }
    }
    send(QLatin1String(subscribe ? Type::Subscribed : Type::Unsubscribed), Json{{"channels", granted}}, correlationId);
}

} // namespace cidadao::workflows
