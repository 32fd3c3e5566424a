// SPDX-License-Identifier: GPL-3.0-or-later
// A workflow a client composes in its execute_workflow message (extension of spec/API.md §9):
// {"workflowId": "custom", "definition": {"name"?, "nodes": [{"id", "name"?, "uses", "dependsOn"?,
// "input"?}]}}, where `uses` names a built-in workflow that the node runs whole (e.g. import, then
// investigation, then watchlist). The DAG is validated before anything runs: a cycle, an unknown
// node or an unknown `uses` is refused with 422 / INVALID_MESSAGE naming the nodes.
#pragma once

#include "builtinworkflows.h"

#include <map>

namespace cidadao::workflows {

using WorkflowFactory = std::function<WorkflowDefinition(const BuiltinContext&)>;

inline constexpr char kCustomWorkflowId[] = "custom";

// Throws protocol::ApiException (422, ValidationError) when the definition cannot run.
WorkflowDefinition compositeWorkflow(const protocol::Json& spec, const std::map<QString, WorkflowFactory>& factories,
                                     const BuiltinContext& context);

} // namespace cidadao::workflows
