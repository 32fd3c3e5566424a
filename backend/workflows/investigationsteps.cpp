// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationsteps.h"

#include "workflowdefinition.h"

#include "data/loader.h"
#include "store/database.h"

#include <QHash>

namespace cidadao::workflows {

using protocol::Json;

protocol::InvestigationRequest parseInvestigationRequest(const Json& json)
{
    protocol::InvestigationRequest request;
    try {
        protocol::from_json(json, request);
    } catch (const protocol::ValidationFailure& failure) {
        throw NodeFailure(QStringLiteral("input.%1: %2").arg(failure.field(), failure.reason()), false);
    } catch (const std::exception& error) {
        throw NodeFailure(QStringLiteral("input: %1").arg(QString::fromUtf8(error.what())), false);
    }
    return request;
}

engine::Dataset loadScope(const QString& databasePath, const protocol::InvestigationRequest& request)
{
    data::LoadFilter filter;
    const auto& f = request.filters;
    if (f.startDate)
        filter.from = engine::toDay(f.startDate->year(), f.startDate->month(), f.startDate->day());
    if (f.endDate)
        filter.to = engine::toDay(f.endDate->year(), f.endDate->month(), f.endDate->day());
    if (f.organization) {
        bool numeric = false;
        f.organization->toLongLong(&numeric);
        if (numeric)
            filter.organs = QStringList{*f.organization};
    }
    auto db = store::Database::open(databasePath, store::Database::Mode::ReadOnly);
    return data::loadDataset(*db, filter);
}

Json datasetCounts(const engine::Dataset& data)
{
    const std::size_t total = data.contracts.size() + data.biddings.size() + data.participants.size()
                              + data.agreements.size() + data.expenses.size() + data.servants.size()
                              + data.sanctions.size();
    return Json{{"contracts", data.contracts.size()}, {"biddings", data.biddings.size()},
                {"agreements", data.agreements.size()}, {"expenses", data.expenses.size()},
                {"servants", data.servants.size()},   {"sanctions", data.sanctions.size()},
                {"total", total}};
}

std::vector<engine::Finding> detect(const engine::Dataset& data, const protocol::InvestigationRequest& request,
                                    int threads, const std::atomic_bool* cancel)
{
    engine::DetectorOptions options;
    options.threads = threads;
    const QStringList names = engine::detectorNames();
    for (const QString& name : names) {
        if (request.anomalyTypes.contains(engine::detectorType(name)))
            options.enabled.insert(name);
    }
    if (options.enabled.isEmpty())
        return {}; // an empty set would mean "every detector" to the engine
    engine::RunControl control;
    control.cancel = cancel;
    const QDate today = QDate::currentDate();
    control.today = [today] { return engine::toDay(today.year(), today.month(), today.day()); };
    return engine::runDetectors(data, options, control);
}

QString fingerprint(const engine::Finding& finding, const engine::Dataset& data)
{
    return finding.detector + QLatin1Char(':') + engine::sourceTableName(finding.table) + QLatin1Char(':')
           + engine::affectedKeys(finding, data).join(QLatin1Char(','));
}

Json findingJson(const engine::Finding& finding, const engine::Dataset& data)
{
    const QStringList keys = engine::affectedKeys(finding, data);
    return Json{{"detector", finding.detector},
                {"type", finding.type},
                {"severity", engine::severityName(finding.severity)},
                {"confidence", finding.confidence},
                {"explanation", finding.explanationPt},
                {"affected_records", keys.mid(0, 20)}};
}

Json summarise(const std::vector<engine::Finding>& findings, const engine::Dataset& data, int top)
{
    Json bySeverity = Json::object();
    Json byType = Json::object();
    int critical = 0;
    for (const engine::Finding& finding : findings) {
        const std::string severity = engine::severityName(finding.severity).toStdString();
        bySeverity[severity] = bySeverity.value(severity, 0) + 1;
        byType[finding.type.toStdString()] = byType.value(finding.type.toStdString(), 0) + 1;
        if (finding.severity == engine::Severity::Critical)
            ++critical;
    }
    Json topList = Json::array();
    // Most severe first; runDetectors orders by detector, so pick across detectors here.
    std::vector<const engine::Finding*> ordered;
    ordered.reserve(findings.size());
    for (const engine::Finding& finding : findings)
        ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(), [](const engine::Finding* a, const engine::Finding* b) {
        return int(a->severity) > int(b->severity);
    });
    for (std::size_t i = 0; i < ordered.size() && int(i) < top; ++i)
        topList.push_back(findingJson(*ordered[i], data));
    return Json{{"anomalies_found", findings.size()},
                {"critical", critical},
                {"by_severity", bySeverity},
                {"by_type", byType},
                {"top", topList}};
}

} // namespace cidadao::workflows
