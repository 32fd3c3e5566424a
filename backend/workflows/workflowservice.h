// SPDX-License-Identifier: GPL-3.0-or-later
// The workflows of one server: the built-in definitions, the runner, the executions' storage, and
// their events on workflow:{executionId} (workflow_started, node_completed, node_retrying,
// workflow_completed / workflow_failed). REST and /ws both start executions here. Lives in the
// main thread; the runner's callbacks are posted back to it before anything is published.
#pragma once

#include "builtinworkflows.h"
#include "compositeworkflow.h"
#include "channelhub.h"
#include "investigationtracker.h"
#include "workflowrepository.h"
#include "workflowrunner.h"

#include "events/eventhub.h"
#include "http/request.h"

#include <QObject>

#include <map>
#include <memory>

namespace cidadao::workflows {

struct WorkflowServiceConfig
{
    QString databasePath; // migrated already
    QString inboxDir;     // where `import` finds files named by `file`
    int nodeThreads = 2;
    int detectorThreads = 1;
    RetryPolicy retry;
    // Runs the `investigation` workflow's investigations; with null, that workflow fails at once.
    investigations::InvestigationService* investigations = nullptr;
};

class WorkflowService : public QObject
{
    Q_OBJECT
public:
    using Factory = WorkflowFactory;

    // events: where agent status goes (the bridge forwards it to agent:{id}); may be null.
    WorkflowService(WorkflowServiceConfig config, ChannelHub& hub, events::EventHub* events = nullptr,
                    QObject* parent = nullptr);
    ~WorkflowService() override;

    // Marks executions a previous process left running as failed; returns how many.
    int recoverInterrupted();

    QList<protocol::WorkflowDefinition> definitions() const;
    bool hasWorkflow(const QString& workflowId) const;

    // Starts a run and returns its execution id; nullopt when there is no such workflow. The
    // requester (the /ws client that asked) is subscribed to workflow:{id} before workflow_started.
    // With workflowId "custom", `definition` composes built-ins (see compositeworkflow.h); a
    // definition that cannot run throws protocol::ApiException (422) before anything starts.
    // Each start and end is also a sync_update {entity: "workflow_execution"} on sync:{userId}.
    // Throws store::StoreError when the execution cannot be recorded; then nothing has started.
    std::optional<QString> execute(const http::Principal& who, const QString& workflowId, const protocol::Json& input,
                                   const QString& correlationId = {}, ChannelSubscriber* requester = nullptr,
                                   const protocol::Json& definition = protocol::Json());
    // False when the execution is not running or not visible to `who`.
    bool cancel(const http::Principal& who, const QString& executionId);
    // What /ws `cancel_workflow` needs to answer: nullopt when the execution is absent or not
    // visible to `who`; "cancelling" when a stop was requested (workflow_failed {status:
    // "cancelled"} follows on its channel); otherwise its status, as it was not running.
    std::optional<QString> requestCancel(const http::Principal& who, const QString& executionId);
    // nullopt when absent or another user's (admins see all).
    std::optional<ExecutionRecord> execution(const http::Principal& who, const QString& executionId);
    QList<ExecutionRecord> history(const http::Principal& who, int limit);

    // Sends {kind, message, data} as a `notification` on notifications:{userId}; any thread.
    void notify(const QString& userId, const QString& kind, const QString& message, const protocol::Json& data);

    WorkflowRepository& repository() { return *m_repository; }
    ChannelHub& hub() { return m_hub; }
    void shutdown();

private:
    void postToMain(std::function<void()> work);
    void publishSync(const QString& userId, const QString& executionId, const char* op);

    WorkflowServiceConfig m_config;
    ChannelHub& m_hub;
    std::unique_ptr<WorkflowRepository> m_repository;
    std::unique_ptr<InvestigationTracker> m_tracker;
    std::unique_ptr<WorkflowRunner> m_runner;
    BuiltinContext m_builtins;
    std::map<QString, Factory> m_factories; // ordered: GET /workflows lists them by id
};

} // namespace cidadao::workflows
