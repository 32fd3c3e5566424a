// SPDX-License-Identifier: GPL-3.0-or-later
// One client of /ws (spec/API.md §9, the genesis seed): authenticated at connect, then
// subscribe/unsubscribe, ping/pong and execute_workflow, with the seed's error codes. Protocol
// errors keep the connection open; only a bad token (1008), an oversize message (1009) or a client
// that reads too slowly (kCloseSlowConsumer) close it. Everything sent goes through a bounded
// SendQueue; incoming messages are counted against a per-connection budget (RATE_LIMITED).
// Extension: `cancel_workflow {executionId}` stops a running execution of the caller's.
#pragma once

#include "channelhub.h"
#include "sendqueue.h"

#include "http/authgate.h"
#include "http/websocketconnection.h"

#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace cidadao::workflows {

// Starts a workflow for a principal; returns the execution id, or nullopt when there is no such
// workflow. The requester is subscribed to the execution's channel before its first event.
// definition: the payload's `definition` (a composed workflow), null when absent. May throw
// protocol::ApiException (422 → INVALID_MESSAGE) or any other exception (→ INTERNAL_ERROR, e.g. a
// store::StoreError when the execution cannot be recorded).
using WorkflowLauncher = std::function<std::optional<QString>(const http::Principal& principal, const QString& workflowId,
                                                              const protocol::Json& input, const QString& correlationId,
                                                              ChannelSubscriber* requester,
                                                              const protocol::Json& definition)>;

// Asks a running execution to stop (the `cancel_workflow` extension): nullopt when the execution is
// absent or not the principal's; "cancelling" when asked; otherwise the status of one that is not
// running (see WorkflowService::requestCancel).
using WorkflowCanceller =
    std::function<std::optional<QString>(const http::Principal& principal, const QString& executionId)>;

struct ChannelLimits
{
    int messagesPerMinute = 600; // client messages per connection and minute; more get RATE_LIMITED
    SendQueueLimits queue;
};

class ChannelSocket : public http::WebSocketConnection, public ChannelSubscriber
{
    Q_OBJECT
public:
    ChannelSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChannelHub& hub, http::Principal principal,
                  WorkflowLauncher launcher, ChannelLimits limits, WorkflowCanceller canceller = {});
    ~ChannelSocket() override;

    // Authenticates the upgrade and returns the connection, or sends UNAUTHORIZED, closes with
    // 1008 and returns nullptr.
    static ChannelSocket* accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChannelHub& hub,
                                 const http::AuthGate& gate, WorkflowLauncher launcher, ChannelLimits limits = {},
                                 WorkflowCanceller canceller = {});

    void deliver(const QString& envelopeText) override;

protected:
    void onMessage(const QByteArray& utf8) override;
    void onMessageTooLarge(qint64 size) override;

private:
    void sendError(const char* code, const QString& message, const std::optional<QString>& correlationId = {},
                   const protocol::Json& details = protocol::Json::object());
    void send(const QString& type, const protocol::Json& payload, const std::optional<QString>& correlationId = {},
              std::optional<qint64> timestamp = {});
    void changeSubscriptions(const protocol::Json& payload, bool subscribe, const std::optional<QString>& correlationId);
    void cancelWorkflow(const protocol::Json& payload, const std::optional<QString>& correlationId);
    // Counts one client message; false (after answering RATE_LIMITED) when over the budget.
    bool withinBudget();

    ChannelHub& m_hub;
    http::Principal m_principal;
    WorkflowLauncher m_launcher;
    WorkflowCanceller m_canceller;
    ChannelLimits m_limits;
    SendQueue* m_queue;
    QElapsedTimer m_window;
    int m_windowCount = 0;
};

} // namespace cidadao::workflows
