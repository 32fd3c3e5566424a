// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in workflows of spec/API.md §9, each a DAG whose nodes do the real work:
// - investigation: retrieve → detect → analyze_patterns → report (the phases of a real
//   investigation run by the InvestigationService, see investigationtracker.h);
// - import: parse → validate → store → index (backend/data's Importer);
// - watchlist: load → rerun → diff → notify (saved investigations; only new findings notified).
// A definition is built per execution: its nodes share that execution's in-memory state (the
// loaded Dataset, the findings), which is too large to pass through node outputs.
#pragma once

#include "workflowdefinition.h"

#include <functional>

namespace cidadao::workflows {

class WorkflowRepository;
class InvestigationTracker;

// Sends a notification to notifications:{userId}. Thread-safe (nodes call it from the pool).
using Notifier = std::function<void(const QString& userId, const QString& kind, const QString& message,
                                    const protocol::Json& data)>;

// Reports an agent's state (IDLE | PROCESSING | COMPLETED | ERROR | REFLECTING). Thread-safe.
using AgentStatusReporter = std::function<void(const QString& agentId, const QString& status, const protocol::Json& details)>;

struct BuiltinContext
{
    QString databasePath;
    QString inboxDir; // the `import` workflow's `file` input names a file here
    WorkflowRepository* repository = nullptr;
    InvestigationTracker* investigations = nullptr; // null: the investigation workflow fails at once
    Notifier notify;
    AgentStatusReporter agentStatus; // the investigation's nodes are the agents' work
    int detectorThreads = 1;
    RetryPolicy retry; // of every built-in node
};

// One node of a built-in workflow, with the context's retry policy (every built-in node has it).
inline NodeSpec makeNode(const BuiltinContext& context, const char* id, const QString& name, QStringList dependsOn,
                         NodeAction action)
{
    NodeSpec spec;
    spec.id = QLatin1String(id);
    spec.name = name;
    spec.dependsOn = std::move(dependsOn);
    spec.action = std::move(action);
    spec.retry = context.retry;
    return spec;
}

WorkflowDefinition investigationWorkflow(const BuiltinContext& context);
WorkflowDefinition importWorkflow(const BuiltinContext& context);
WorkflowDefinition watchlistWorkflow(const BuiltinContext& context);

// "watchlist_findings": the watchlist's notification kind (an extension of NotificationKind).
inline constexpr char kWatchlistFindings[] = "watchlist_findings";

} // namespace cidadao::workflows
