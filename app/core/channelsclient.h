// SPDX-License-Identifier: GPL-3.0-or-later
// The /ws channels protocol (spec/API.md §9) over a WebSocketChannel: remembers the channels the
// app asked for and subscribes to them again after every reconnect, measures latency from
// ping/pong (the server echoes the client's own timestamp), and hands every other message on.
#pragma once

#include "protocol/wsenvelopes.h"
#include "websocketchannel.h"

#include <QSet>
#include <QStringList>

#include <optional>

namespace cidadao::client {

class ChannelsClient : public WebSocketChannel
{
    Q_OBJECT
public:
    explicit ChannelsClient(Options options = {}, QObject* parent = nullptr);

    void subscribe(const QStringList& channels);
    void unsubscribe(const QStringList& channels);
    QStringList wantedChannels() const;
    QStringList grantedChannels() const;
    std::optional<qint64> latencyMs() const { return m_latencyMs; }
    void ping() { sendPing(); }
    bool send(const QString& type, const protocol::Json& payload, const QString& correlationId = {});

Q_SIGNALS:
    void subscribed(const QStringList& channels);
    void unsubscribed(const QStringList& channels);
    void pong(qint64 latencyMs);
    void serverError(const QString& code, const QString& message);
    void message(const cidadao::protocol::WorkflowEnvelope& envelope);

protected:
    void onOpened() override;
    void onTextMessage(const QString& text) override;
    QByteArray pingFrame(qint64 nowMs) override;

private:
    QSet<QString> m_wanted;
    QSet<QString> m_granted;
    std::optional<qint64> m_latencyMs;
};

} // namespace cidadao::client
