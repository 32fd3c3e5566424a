// SPDX-License-Identifier: GPL-3.0-or-later
// The upstream per-investigation socket, /api/v1/ws/investigations/{id} (spec/API.md §7): it
// subscribes on connect and pushes investigation_update messages in the chat envelope. Built on
// WebSocketChannel, so a dropped connection comes back with backoff and a silent one is detected
// by the heartbeat.
#pragma once

#include "core/websocketchannel.h"
#include "protocol/chatws.h"

namespace cidadao::client {

class InvestigationSocket : public WebSocketChannel
{
    Q_OBJECT
public:
    InvestigationSocket(QString investigationId, Options options = {}, QObject* parent = nullptr);

    const QString& investigationId() const { return m_id; }
    // ws(s)://host:port/api/v1/ws/investigations/{id} for an http(s) API base URL.
    static QUrl urlFor(const QUrl& apiBase, const QString& investigationId);

Q_SIGNALS:
    void update(const cidadao::protocol::InvestigationUpdatePayload& update);
    void serverError(const QString& code, const QString& message);

protected:
    void onTextMessage(const QString& text) override;
    QByteArray pingFrame(qint64 nowMs) override;

private:
    QString m_id;
};

} // namespace cidadao::client
