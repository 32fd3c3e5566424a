// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinworkflows.h"
#include "investigationsteps.h"
#include "workflowrepository.h"

#include <memory>

namespace cidadao::workflows {

using protocol::Json;

namespace {

struct WatchedResult
{
    WatchItem item;
    QStringList fingerprints;
    QHash<QString, Json> findings; // by fingerprint
    QStringList fresh;
};

struct WatchlistRun
{
    std::vector<WatchedResult> results;
};

} // namespace

WorkflowDefinition watchlistWorkflow(const BuiltinContext& context)
{
    auto run = std::make_shared<WatchlistRun>();
    WorkflowDefinition definition;
    definition.id = QStringLiteral("watchlist");
    definition.name = QStringLiteral("Watchlist");
    definition.description = QStringLiteral("Re-run saved investigations and notify only findings not seen before");
    WorkflowRepository* repository = context.repository;
    const QString databasePath = context.databasePath;
    const int threads = context.detectorThreads;
    const Notifier notify = context.notify;

    definition.nodes.append(makeNode(context, "load", QStringLiteral("Load saved investigations"), {},
                                     [run, repository](const NodeContext& node) {
                                         const QString only = node.input.value("item_id", std::string()).empty()
                                                                  ? QString()
                                                                  : node.input["item_id"].get<QString>();
                                         run->results.clear();
                                         Json names = Json::array();
                                         for (const WatchItem& item : repository->watches(node.userId)) {
                                             if (!only.isEmpty() && item.id != only)
                                                 continue;
                                             run->results.push_back(WatchedResult{item, {}, {}, {}});
                                             names.push_back(item.name);
                                         }
                                         if (!only.isEmpty() && run->results.empty())
                                             throw NodeFailure(QStringLiteral("no saved investigation %1").arg(only), false);
                                         return Json{{"items", run->results.size()}, {"names", names}};
                                     }));
    definition.nodes.append(makeNode(context, "rerun", QStringLiteral("Re-run them"), {QStringLiteral("load")},
                                     [run, databasePath, threads](const NodeContext& node) {
                                         Json items = Json::array();
                                         for (WatchedResult& result : run->results) {
                                             const auto request = parseInvestigationRequest(result.item.request);
                                             const engine::Dataset data = loadScope(databasePath, request);
                                             const auto findings = detect(data, request, threads, node.cancel);
                                             if (node.cancelled())
                                                 throw NodeFailure(QStringLiteral("cancelled"));
                                             result.fingerprints.clear();
                                             result.findings.clear();
                                             for (const engine::Finding& finding : findings) {
                                                 const QString print = fingerprint(finding, data);
                                                 if (result.findings.contains(print))
                                                     continue;
                                                 result.fingerprints.append(print);
                                                 result.findings.insert(print, findingJson(finding, data));
                                             }
                                             items.push_back(Json{{"id", result.item.id},
                                                                  {"name", result.item.name},
                                                                  {"anomalies_found", result.fingerprints.size()}});
                                         }
                                         return Json{{"items", items}};
                                     }));
    definition.nodes.append(makeNode(context, "diff", QStringLiteral("Keep what is new"), {QStringLiteral("rerun")},
                                     [run, repository](const NodeContext&) {
                                         Json items = Json::array();
                                         qsizetype total = 0;
                                         for (WatchedResult& result : run->results) {
                                             result.fresh = repository->markSeen(result.item.id, result.fingerprints);
                                             total += result.fresh.size();
                                             items.push_back(Json{{"id", result.item.id},
                                                                  {"name", result.item.name},
                                                                  {"new", result.fresh.size()},
                                                                  {"known", result.fingerprints.size() - result.fresh.size()}});
                                         }
                                         return Json{{"new_findings", total}, {"items", items}};
                                     }));
    definition.nodes.append(makeNode(context, "notify", QStringLiteral("Notify new findings"), {QStringLiteral("diff")},
                                     [run, notify](const NodeContext& node) {
                                         int sent = 0;
                                         for (const WatchedResult& result : run->results) {
                                             if (result.fresh.isEmpty() || !notify)
                                                 continue;
                                             Json findings = Json::array();
                                             for (qsizetype i = 0; i < result.fresh.size() && i < 10; ++i)
                                                 findings.push_back(result.findings.value(result.fresh[i]));
                                             notify(node.userId, QLatin1String(kWatchlistFindings),
                                                    QStringLiteral("%1 novas anomalias em “%2”")
                                                        .arg(result.fresh.size())
                                                        .arg(result.item.name),
                                                    Json{{"executionId", node.executionId},
                                                         {"item_id", result.item.id},
                                                         {"new", result.fresh.size()},
                                                         {"findings", findings}});
                                             ++sent;
                                         }
                                         return Json{{"notified", sent}};
                                     }));
    return definition;
}

} // namespace cidadao::workflows
