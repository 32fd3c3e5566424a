// SPDX-License-Identifier: GPL-3.0-or-later
// What the Workflows view calls: the definitions and history over REST, runs started over /ws with
// a correlationId (so the answer is recognised among every other event), the live node graph of
// the run being watched, desktop-notification material from notifications:{userId}, and
// sync_update from sync:{userId} (a second client of the same user refreshes its history live).
// Latency for the status bar comes from the channel's ping/pong.
#pragma once

#include "latencymeter.h"
#include "workflowgraphmodel.h"

#include "core/apiclient.h"
#include "core/channelsclient.h"

#include <QObject>
#include <QPointer>

namespace cidadao::client {

class WorkflowsService : public QObject
{
    Q_OBJECT
public:
    WorkflowsService(ApiClient& api, ChannelsClient& channels, QObject* parent = nullptr);

    // Subscribes to sync:{userId} and notifications:{userId} (kept across reconnects).
    void setUserId(const QString& userId);
    QString userId() const { return m_userId; }

    void refreshDefinitions();
    const QList<protocol::WorkflowDefinition>& definitions() const { return m_definitions; }
    std::optional<protocol::WorkflowDefinition> definition(const QString& workflowId) const;

    void refreshHistory();
    // Executions, newest first: {executionId, workflowId, status, started_at, finished_at?, error?, nodeId?}.
    const QList<protocol::Json>& history() const { return m_history; }

    // Sends execute_workflow and returns its correlationId; the graph follows that run once the
    // server answers workflow_started. False-y (empty) when the channel is not open.
    QString execute(const QString& workflowId, const protocol::Json& input);
    // Follows a run started elsewhere (another client, REST): loads its record, then its events.
    void watch(const QString& executionId);
    void cancel(const QString& executionId);

    WorkflowGraphModel* graph() { return &m_graph; }
    LatencyMeter* latency() { return &m_latency; }
    QString currentExecutionId() const { return m_graph.executionId(); }

Q_SIGNALS:
    void definitionsChanged();
    void historyChanged();
    void executionStarted(const QString& executionId, const QString& workflowId, const QString& correlationId);
    void nodeCompleted(const QString& executionId, const QString& nodeId, double durationMs);
    void executionFinished(const QString& executionId, bool succeeded, const QString& error, const QString& nodeId);
    void notificationReceived(const QString& kind, const QString& message, const cidadao::protocol::Json& data);
    void syncUpdate(const QString& entity, const QString& id, const QString& op);
    void errorOccurred(const QString& code, const QString& message);

private:
    void onMessage(const protocol::WorkflowEnvelope& envelope);
    void follow(const QString& executionId, const QString& workflowId);

    ApiClient& m_api;
    ChannelsClient& m_channels;
    QString m_userId;
    QList<protocol::WorkflowDefinition> m_definitions;
    QList<protocol::Json> m_history;
    QSet<QString> m_pendingCorrelations; // execute_workflow sent, workflow_started not yet seen
    WorkflowGraphModel m_graph;
    LatencyMeter m_latency;
    QString m_followedChannel;
};

} // namespace cidadao::client
