// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelsclient.h"

#include "protocol/workflow.h"

#include <algorithm>

namespace cidadao::client {

namespace {

QStringList sorted(const QSet<QString>& set)
{
    QStringList list(set.begin(), set.end());
    std::sort(list.begin(), list.end());
    return list;
}

QStringList channelsOf(const protocol::Json& payload)
{
    QStringList out;
    const auto it = payload.find("channels");
    if (it == payload.end() || !it->is_array())
        return out;
    for (const auto& item : *it)
        if (item.is_string())
            out.append(item.get<QString>());
    return out;
}

protocol::Json toArray(const QStringList& list)
{
    protocol::Json out = protocol::Json::array();
    for (const QString& item : list)
        out.push_back(item);
    return out;
}

} // namespace

ChannelsClient::ChannelsClient(Options options, QObject* parent)
    : WebSocketChannel(options, parent)
{
}

bool ChannelsClient::send(const QString& type, const protocol::Json& payload, const QString& correlationId)
{
    protocol::WorkflowEnvelope envelope;
    envelope.type = type;
    envelope.payload = payload;
    envelope.timestamp = now();
    if (!correlationId.isEmpty())
        envelope.correlationId = correlationId;
    protocol::Json out;
    protocol::to_json(out, envelope);
    return sendText(protocol::toBytes(out));
}

void ChannelsClient::subscribe(const QStringList& channels)
{
    for (const QString& channel : channels)
        m_wanted.insert(channel);
    // Sent now when open; otherwise onOpened() sends the whole remembered set.
    send(QLatin1String(protocol::WorkflowType::Subscribe), protocol::Json{{"channels", toArray(channels)}});
}

void ChannelsClient::unsubscribe(const QStringList& channels)
{
    for (const QString& channel : channels) {
        m_wanted.remove(channel);
        m_granted.remove(channel);
    }
    send(QLatin1String(protocol::WorkflowType::Unsubscribe), protocol::Json{{"channels", toArray(channels)}});
}

QStringList ChannelsClient::wantedChannels() const
{
    return sorted(m_wanted);
}

QStringList ChannelsClient::grantedChannels() const
{
    return sorted(m_granted);
}

void ChannelsClient::onOpened()
{
    // The server forgets subscriptions with the connection; a new one starts from nothing.
    m_granted.clear();
    if (!m_wanted.isEmpty())
        send(QLatin1String(protocol::WorkflowType::Subscribe), protocol::Json{{"channels", toArray(sorted(m_wanted))}});
}

QByteArray ChannelsClient::pingFrame(qint64 nowMs)
{
    protocol::WorkflowEnvelope envelope;
    envelope.type = QLatin1String(protocol::WorkflowType::Ping);
    envelope.payload = protocol::Json{{"timestamp", nowMs}};
    envelope.timestamp = nowMs;
    protocol::Json out;
    protocol::to_json(out, envelope);
    return protocol::toBytes(out);
}

void ChannelsClient::onTextMessage(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    const protocol::Json parsed = protocol::Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return;
    protocol::WorkflowEnvelope envelope;
    try {
        protocol::from_json(parsed, envelope);
    } catch (const std::exception&) {
        return; // a message we cannot read is not a reason to drop the connection
    }
    const protocol::Json payload = envelope.payload.value_or(protocol::Json::object());
    const QString& type = envelope.type;
    if (type == QLatin1String(protocol::WorkflowType::Pong)) {
        notePong();
        const auto stamp = payload.find("timestamp");
        if (stamp != payload.end() && stamp->is_number_integer()) {
            m_latencyMs = qMax<qint64>(0, now() - stamp->get<qint64>());
            Q_EMIT pong(*m_latencyMs);
        }
        return;
    }
    if (type == QLatin1String(protocol::WorkflowType::Subscribed)) {
        const QStringList channels = channelsOf(payload);
        for (const QString& channel : channels)
            m_granted.insert(channel);
        Q_EMIT subscribed(channels);
        return;
    }
    if (type == QLatin1String(protocol::WorkflowType::Unsubscribed)) {
        Q_EMIT unsubscribed(channelsOf(payload));
        return;
    }
    if (type == QLatin1String(protocol::WorkflowType::Error)) {
        Q_EMIT serverError(QString::fromStdString(payload.value("code", std::string())),
                           QString::fromStdString(payload.value("message", std::string())));
        return;
    }
    Q_EMIT message(envelope);
}

} // namespace cidadao::client
