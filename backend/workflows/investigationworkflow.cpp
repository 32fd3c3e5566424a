// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinworkflows.h"
#include "investigationsteps.h"

#include "engine/anita.h"
#include "protocol/agent.h"

#include <QMutex>

#include <memory>

namespace cidadao::workflows {

using protocol::Json;

namespace {

// What the nodes of one investigation share. detect and analyze_patterns read `data` at once
// (const); each writes only its own member, and report reads them after both are done.
struct InvestigationRun
{
    protocol::InvestigationRequest request;
    engine::Dataset data;
    std::vector<engine::Finding> findings;
};

NodeSpec makeNode(const BuiltinContext& context, const char* id, const QString& name, QStringList dependsOn,
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

} // namespace

WorkflowDefinition investigationWorkflow(const BuiltinContext& context)
{
    auto run = std::make_shared<InvestigationRun>();
    WorkflowDefinition definition;
    definition.id = QStringLiteral("investigation");
    definition.name = QStringLiteral("Investigation");
    definition.description = QStringLiteral("Retrieve records, detect anomalies, analyse patterns, write the report");
    const QString databasePath = context.databasePath;
    const int threads = context.detectorThreads;
    const Notifier notify = context.notify;

    definition.nodes.append(makeNode(context, "retrieve", QStringLiteral("Retrieve records"), {},
                                     asAgent(context, protocol::AgentId::Zumbi, [run, databasePath](const NodeContext& node) {
                                         run->request = parseInvestigationRequest(node.input);
                                         run->data = loadScope(databasePath, run->request);
                                         Json out = datasetCounts(run->data);
                                         out["data_source"] = run->request.dataSource;
                                         return out;
                                     })));
    definition.nodes.append(makeNode(context, "detect", QStringLiteral("Detect anomalies"), {QStringLiteral("retrieve")},
                                     asAgent(context, protocol::AgentId::Zumbi, [run, threads](const NodeContext& node) {
                                         run->findings = detect(run->data, run->request, threads, node.cancel);
                                         if (node.cancelled())
                                             throw NodeFailure(QStringLiteral("cancelled"));
                                         return summarise(run->findings, run->data, 5);
                                     })));
    definition.nodes.append(makeNode(context, "analyze_patterns", QStringLiteral("Analyse patterns"),
                                     {QStringLiteral("retrieve")}, asAgent(context, protocol::AgentId::Anita, [run](const NodeContext& node) {
                                         engine::RunControl control;
                                         control.cancel = node.cancel;
                                         const engine::AnitaReport report = engine::analysePatterns(run->data, control);
                                         return Json{{"contracts", report.contracts},
                                                     {"organ_outliers", report.organOutliers.size()},
                                                     {"multi_organ_vendors", report.multiOrganVendors.size()},
                                                     {"value_bands", report.bands.size()},
                                                     {"dominant_band", report.dominantBand >= 0
                                                                           ? Json(report.bands[std::size_t(report.dominantBand)].label)
                                                                           : Json()}};
                                     })));
    definition.nodes.append(makeNode(
        context, "report", QStringLiteral("Write the report"), {QStringLiteral("detect"), QStringLiteral("analyze_patterns")},
        asAgent(context, protocol::AgentId::Tiradentes, [run, notify](const NodeContext& node) {
            const Json& detected = node.from(QStringLiteral("detect"));
            const Json& patterns = node.from(QStringLiteral("analyze_patterns"));
            const auto found = detected.value("anomalies_found", std::size_t(0));
            const int critical = detected.value("critical", 0);
            const qint64 records = qint64(datasetCounts(run->data)["total"].get<std::size_t>());
            const QString summary =
                QStringLiteral("%1 registros analisados; %2 anomalias encontradas (%3 críticas); %4 órgãos com média "
                               "atípica; %5 fornecedores em vários órgãos.")
                    .arg(records)
                    .arg(found)
                    .arg(critical)
                    .arg(patterns.value("organ_outliers", 0))
                    .arg(patterns.value("multi_organ_vendors", 0));
            Json report{{"summary", summary},
                        {"query", run->request.query},
                        {"total_records_analyzed", records},
                        {"anomalies_found", found},
                        {"critical_anomalies", critical},
                        {"top_findings", detected.value("top", Json::array())}};
            if (notify) {
                // One notification per critical finding, but a flood helps nobody: the first ten.
                int told = 0;
                for (const engine::Finding& finding : run->findings) {
                    if (finding.severity == engine::Severity::Critical && told++ < 10) {
                        notify(node.userId, QLatin1String(protocol::NotificationKind::CriticalAnomaly),
                               finding.explanationPt,
                               Json{{"executionId", node.executionId}, {"finding", findingJson(finding, run->data)}});
                    }
                }
                notify(node.userId, QLatin1String(protocol::NotificationKind::InvestigationFinished), summary,
                       Json{{"executionId", node.executionId}, {"anomalies_found", found}, {"critical_anomalies", critical}});
            }
            return report;
        })));
    return definition;
}

} // namespace cidadao::workflows
