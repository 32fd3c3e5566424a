// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinworkflows.h"
#include "investigationsteps.h"

#include "investigationtracker.h"
#include "protocol/agent.h"
#include "protocol/keys.h"
#include "protocol/vocabulary.h"


namespace cidadao::workflows {

using protocol::Json;

namespace {

// The node as the work of one agent: agent:{id} hears PROCESSING, then COMPLETED or ERROR.
NodeAction asAgent(const BuiltinContext& context, const char* agentId, NodeAction action)
{
    const AgentStatusReporter report = context.agentStatus;
    const QString agent = QLatin1String(agentId);
    return [report, agent, action](const NodeContext& node) {
        const Json details{{"executionId", node.executionId}, {"nodeId", node.nodeId}};
        if (report)
            report(agent, QStringLiteral("PROCESSING"), details);
        try {
            Json out = action(node);
            if (report)
                report(agent, QStringLiteral("COMPLETED"), details);
            return out;
        } catch (...) {
            if (report)
                report(agent, QStringLiteral("ERROR"), details);
            throw;
        }
    };
}

// A stop requested while the phase was ending is still a stop: the wait returned normally, but the
// execution is over, so the node fails and its handler cancels the investigation.
void throwIfCancelled(const NodeContext& node)
{
    if (node.cancelled())
        throw NodeFailure(QStringLiteral("cancelled"), false);
}

} // namespace

// Each node is one phase of a real investigation run by the InvestigationService (listed and
// stored as its owner's): retrieve starts it and waits out data_retrieval, detect and
// analyze_patterns wait out theirs, report waits for the end and reads the results. A cancelled
// execution cancels the investigation; a failed investigation fails the node it was in.
WorkflowDefinition investigationWorkflow(const BuiltinContext& context)
{
    WorkflowDefinition definition;
    definition.id = QStringLiteral("investigation");
    definition.name = QStringLiteral("Investigation");
    definition.description = QStringLiteral("Retrieve records, detect anomalies, analyse patterns, write the report");
    InvestigationTracker* tracker = context.investigations;
    const Notifier notify = context.notify;

    // Every phase node passes the investigation's id on in its output.
    auto idOf = [](const NodeContext& node) {
        for (const Json& output : std::as_const(node.upstream)) {
            if (output.is_object() && output.contains("investigation_id"))
                return QString::fromStdString(output["investigation_id"].get<std::string>());
        }
        return QString();
    };
    // Waits out `phase`; cancels the investigation when the execution is cancelled meanwhile.
    auto phaseNode = [tracker, idOf](const char* phase) {
        const QString phaseWord = QLatin1String(phase);
        return [tracker, idOf, phaseWord](const NodeContext& node) {
            if (!tracker)
                throw NodeFailure(QStringLiteral("investigations are not available"), false);
            const QString id = idOf(node);
            try {
                const InvestigationProgress progress = tracker->waitPast(id, phaseWord, node.cancel);
                throwIfCancelled(node);
                return Json{{"investigation_id", id},
                            {"current_phase", progress.phase},
                            {"records_processed", progress.recordsProcessed},
                            {"anomalies_detected", progress.anomaliesDetected}};
            } catch (const NodeFailure&) {
                if (node.cancelled())
                    tracker->cancel(node.userId, id);
                tracker->forget(id);
                throw;
            }
        };
    };

    definition.nodes.append(makeNode(
        context, "retrieve", QStringLiteral("Retrieve records"), {},
        asAgent(context, protocol::AgentId::Zumbi, [tracker](const NodeContext& node) {
            if (!tracker)
                throw NodeFailure(QStringLiteral("investigations are not available"), false);
            const protocol::InvestigationRequest request = parseInvestigationRequest(node.input);
            const QString id = tracker->start(node.userId, request, node.cancel);
            try {
                const InvestigationProgress progress =
                    tracker->waitPast(id, QLatin1String(protocol::InvestigationPhase::DataRetrieval), node.cancel);
                throwIfCancelled(node);
                return Json{{"investigation_id", id},
                            {"data_source", request.dataSource},
                            {"current_phase", progress.phase},
                            {"records_processed", progress.recordsProcessed}};
            } catch (const NodeFailure&) {
                if (node.cancelled())
                    tracker->cancel(node.userId, id);
                tracker->forget(id);
                throw;
            }
        })));
    definition.nodes.append(makeNode(context, "detect", QStringLiteral("Detect anomalies"), {QStringLiteral("retrieve")},
                                     asAgent(context, protocol::AgentId::Zumbi,
                                             phaseNode(protocol::InvestigationPhase::AnomalyDetection))));
    definition.nodes.append(makeNode(context, "analyze_patterns", QStringLiteral("Analyse patterns"),
                                     {QStringLiteral("detect")},
                                     asAgent(context, protocol::AgentId::Anita,
                                             phaseNode(protocol::InvestigationPhase::PatternAnalysis))));
    definition.nodes.append(makeNode(
        context, "report", QStringLiteral("Write the report"), {QStringLiteral("analyze_patterns")},
        asAgent(context, protocol::AgentId::Tiradentes, [tracker, idOf, notify](const NodeContext& node) {
            if (!tracker)
                throw NodeFailure(QStringLiteral("investigations are not available"), false);
            const QString id = idOf(node);
            protocol::InvestigationResponse response;
            try {
                tracker->waitPast(id, QLatin1String(protocol::InvestigationPhase::ReportGeneration), node.cancel);
                response = tracker->results(node.userId, id, node.cancel);
            } catch (const NodeFailure&) {
                if (node.cancelled())
                    tracker->cancel(node.userId, id);
                tracker->forget(id);
                throw;
            }
            tracker->forget(id);
            int critical = 0;
            Json top = Json::array();
            for (const protocol::AnomalyResult& anomaly : std::as_const(response.results)) {
                if (anomaly.severity == QLatin1String(protocol::Severity::Critical))
                    ++critical;
                if (top.size() < 5) {
                    Json json;
                    protocol::to_json(json, anomaly);
                    json.erase(protocol::Key::AffectedRecords); // the results route has them; node outputs stay small
                    top.push_back(std::move(json));
                }
            }
            Json report{{"investigation_id", id},
                        {"summary", response.summary},
                        {"query", response.query},
                        {"total_records_analyzed", response.totalRecordsAnalyzed},
                        {"anomalies_found", response.anomaliesFound},
                        {"critical_anomalies", critical},
                        {"confidence_score", response.confidenceScore},
                        {"top_findings", top}};
            if (notify) {
                // One notification per critical finding, but a flood helps nobody: the first ten.
                int told = 0;
                for (const protocol::AnomalyResult& anomaly : std::as_const(response.results)) {
                    if (anomaly.severity != QLatin1String(protocol::Severity::Critical) || told++ >= 10)
                        continue;
                    Json finding;
                    protocol::to_json(finding, anomaly);
                    notify(node.userId, QLatin1String(protocol::NotificationKind::CriticalAnomaly), anomaly.description,
                           Json{{"executionId", node.executionId}, {"investigation_id", id}, {"finding", finding}});
                }
                notify(node.userId, QLatin1String(protocol::NotificationKind::InvestigationFinished), response.summary,
                       Json{{"executionId", node.executionId},
                            {"investigation_id", id},
                            {"anomalies_found", response.anomaliesFound},
                            {"critical_anomalies", critical}});
            }
            return report;
        })));
    return definition;
}

} // namespace cidadao::workflows
