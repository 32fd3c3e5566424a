// SPDX-License-Identifier: GPL-3.0-or-later
// One client of /ws (spec/API.md §9, the genesis seed): authenticated at connect, then
// subscribe/unsubscribe, ping/pong and execute_workflow, with the seed's error codes. Protocol
// errors keep the connection open; only a bad token (1008) or an oversize message (1009) close it.
#pragma once

#include "channelhub.h"

#include "http/authgate.h"
#include "http/websocketconnection.h"

#include <functional>
#include <optional>

namespace cidadao::workflows {

// Starts a workflow for a principal; returns the execution id, or nullopt when there is no such
// workflow. Empty until the workflow runner is wired in.
using WorkflowLauncher = std::function<std::optional<QString>(const http::Principal& principal, const QString& workflowId,
                                                              const protocol::Json& input, const QString& correlationId)>;

class ChannelSocket : public http::WebSocketConnection, public ChannelSubscriber
{
    Q_OBJECT
public:
    ChannelSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChannelHub& hub, http::Principal principal,
                  WorkflowLauncher launcher);
    ~ChannelSocket() override;

    // Authenticates the upgrade and returns the connection, or sends UNAUTHORIZED, closes with
    // 1008 and returns nullptr.
    static ChannelSocket* accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChannelHub& hub,
                                 const http::AuthGate& gate, WorkflowLauncher launcher);

    void deliver(const protocol::Json& envelope) override;

protected:
    void onMessage(const QByteArray& utf8) override;
    void onMessageTooLarge(qint64 size) override;

private:
    void sendError(const char* code, const QString& message, const std::optional<QString>& correlationId = {},
                   const protocol::Json& details = protocol::Json::object());
    void send(const QString& type, const protocol::Json& payload, const std::optional<QString>& correlationId = {},
              std::optional<qint64> timestamp = {});
    void changeSubscriptions(const protocol::Json& payload, bool subscribe, const std::optional<QString>& correlationId);

    ChannelHub& m_hub;
    http::Principal m_principal;
    WorkflowLauncher m_launcher;
};

} // namespace cidadao::workflows
