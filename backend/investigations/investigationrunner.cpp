// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationrunner.h"

#include "evidence.h"

#include "data/loader.h"
#include "engine/anita.h"
#include "engine/detectors.h"
#include "protocol/vocabulary.h"
#include "store/database.h"

#include <QDate>
#include <QSet>

#include <algorithm>

namespace cidadao::investigations {

namespace {

namespace Phase = protocol::InvestigationPhase;

// Where each phase sits in the overall progress: loading and detection are the long ones.
constexpr double kRetrievalEnd = 0.30;
constexpr double kDetectionEnd = 0.85;
constexpr double kPatternsEnd = 0.92;

engine::Day toDay(const QDate& date)
{
    return engine::toDay(date.year(), date.month(), date.day());
}

// The organ codes an `organization` filter names: an exact code, or every organ whose name contains
// the text (case- and accent-insensitively through the folded search text is not possible on codes,
// so names are compared with LIKE, which SQLite folds for ASCII).
QStringList organCodes(store::Database& db, const QString& organization)
{
    QStringList codes;
    store::Statement s = db.prepare(
        "SELECT DISTINCT organ FROM contracts WHERE organ = ?1 OR organ_name LIKE '%' || ?1 || '%' "
        "UNION SELECT DISTINCT organ FROM expenses WHERE organ = ?1");
    s.bind(1, organization.trimmed());
    while (s.step()) {
        if (!s.isNull(0))
            codes.append(s.text(0));
    }
    // Nothing matched: keep the text itself, so the run analyses nothing rather than everything.
    if (codes.isEmpty())
        codes.append(organization.trimmed());
    return codes;
}

data::LoadFilter loadFilterFor(store::Database& db, const protocol::InvestigationRequest& request)
{
    data::LoadFilter filter;
    const protocol::InvestigationFilters& f = request.filters;
    if (f.startDate)
        filter.from = toDay(*f.startDate);
    if (f.endDate)
        filter.to = toDay(*f.endDate);
    if (f.organization && !f.organization->trimmed().isEmpty())
        filter.organs = organCodes(db, *f.organization);
    // Servant pay is large and only its own source's detector reads it.
    filter.servants = request.dataSource == QLatin1String(protocol::DataSource::Servants);
    return filter;
}

// The tables whose findings belong to a data source.
QSet<engine::SourceTable> tablesOf(const QString& dataSource)
{
    using T = engine::SourceTable;
    if (dataSource == QLatin1String(protocol::DataSource::Biddings))
        return {T::Biddings, T::Participants};
    if (dataSource == QLatin1String(protocol::DataSource::Agreements))
        return {T::Agreements};
    if (dataSource == QLatin1String(protocol::DataSource::Expenses))
        return {T::Expenses};
    if (dataSource == QLatin1String(protocol::DataSource::Servants))
        return {T::Servants};
    return {T::Contracts};
}

qint64 recordsOf(const QString& dataSource, const engine::Dataset& data)
{
    if (dataSource == QLatin1String(protocol::DataSource::Biddings))
        return qint64(data.biddings.size());
    if (dataSource == QLatin1String(protocol::DataSource::Agreements))
        return qint64(data.agreements.size());
    if (dataSource == QLatin1String(protocol::DataSource::Expenses))
        return qint64(data.expenses.size());
    if (dataSource == QLatin1String(protocol::DataSource::Servants))
        return qint64(data.servants.size());
    return qint64(data.contracts.size());
}

// max(rowid) is O(1) and close to the row count of an append-only table: enough for an estimate.
qint64 approximateSize(store::Database& db, const QString& dataSource)
{
    static const QHash<QString, const char*> tables{
        {QLatin1String(protocol::DataSource::Contracts), "SELECT max(rowid) FROM contracts"},
        {QLatin1String(protocol::DataSource::Biddings), "SELECT max(rowid) FROM biddings"},
        {QLatin1String(protocol::DataSource::Agreements), "SELECT max(rowid) FROM agreements"},
        {QLatin1String(protocol::DataSource::Expenses), "SELECT max(rowid) FROM expenses"},
        {QLatin1String(protocol::DataSource::Servants), "SELECT max(rowid) FROM servant_pay"},
    };
    const char* sql = tables.value(dataSource, nullptr);
    if (!sql)
        return 0;
    store::Statement s = db.prepare(sql);
    return s.step() && !s.isNull(0) ? s.int64(0) : 0;
}

QString summaryOf(const RunOutcome& outcome, const QString& dataSource)
{
    if (outcome.results.isEmpty()) {
        return QStringLiteral("Nenhuma anomalia encontrada em %1 registros de %2.")
            .arg(outcome.totalRecords)
            .arg(dataSource);
    }
    QMap<QString, int> bySeverity;
    for (const protocol::AnomalyResult& r : outcome.results)
        bySeverity[r.severity] += 1;
    QStringList parts;
    for (const char* severity : {protocol::Severity::Critical, protocol::Severity::High, protocol::Severity::Medium,
                                 protocol::Severity::Low}) {
        const int n = bySeverity.value(QLatin1String(severity));
        if (n > 0)
            parts.append(QStringLiteral("%1 %2").arg(n).arg(QLatin1String(severity)));
    }
    return QStringLiteral("%1 anomalias encontradas em %2 registros de %3 (%4). Cada anomalia é um indício a "
                          "verificar, não uma prova de irregularidade.")
        .arg(outcome.results.size())
        .arg(outcome.totalRecords)
        .arg(dataSource, parts.join(QStringLiteral(", ")));
}

} // namespace

QSet<QString> detectorsFor(const QStringList& anomalyTypes)
{
    QSet<QString> enabled;
    const QStringList names = engine::detectorNames();
    for (const QString& name : names) {
        if (anomalyTypes.contains(engine::detectorType(name)))
            enabled.insert(name);
    }
    return enabled;
}

RunOutcome runInvestigation(store::Database& db, const protocol::InvestigationRequest& request,
                            const RunSettings& settings, const std::atomic_bool& cancel, const RunCallbacks& callbacks)
{
    RunOutcome outcome;
    RunProgress progress;
    const auto report = [&](const QString& phase, double fraction) {
        progress.phase = phase;
        progress.progress = std::clamp(fraction, 0.0, 1.0);
        if (callbacks.progress)
            callbacks.progress(progress);
    };
    const auto cancelled = [&] { return cancel.load(std::memory_order_relaxed); };

    // data_retrieval
    progress.expectedRecords = approximateSize(db, request.dataSource);
    report(QLatin1String(Phase::DataRetrieval), 0.0);
    const engine::Dataset data = data::loadDataset(db, loadFilterFor(db, request));
    outcome.totalRecords = recordsOf(request.dataSource, data);
    progress.recordsProcessed = 0;
    report(QLatin1String(Phase::DataRetrieval), kRetrievalEnd);
    if (cancelled()) {
        outcome.cancelled = true;
        return outcome;
    }

    // anomaly_detection
    engine::DetectorOptions options;
    options.enabled = detectorsFor(request.anomalyTypes);
    options.threads = settings.detectorThreads;
    engine::RunControl control;
    const QDate today = QDate::currentDate();
    control.today = [today] { return toDay(today); };
    control.cancel = &cancel;
    control.progress = [&](double fraction, const QString&) {
        // The detectors walk the whole table: records processed grows with their progress.
        progress.recordsProcessed = qint64(double(outcome.totalRecords) * std::clamp(fraction, 0.0, 1.0));
        report(QLatin1String(Phase::AnomalyDetection), kRetrievalEnd + (kDetectionEnd - kRetrievalEnd) * fraction);
    };
    report(QLatin1String(Phase::AnomalyDetection), kRetrievalEnd);
    std::vector<engine::Finding> findings =
        options.enabled.isEmpty() ? std::vector<engine::Finding>{} : engine::runDetectors(data, options, control);
    if (cancelled()) {
        outcome.cancelled = true;
        return outcome;
    }
    progress.recordsProcessed = outcome.totalRecords;

    // Only this source's findings, and only those in the focus of the filters the loader cannot apply.
    const QSet<engine::SourceTable> tables = tablesOf(request.dataSource);
    std::erase_if(findings, [&](const engine::Finding& f) {
        return !tables.contains(f.table) || !matchesFocus(f, data, request.filters);
    });
    progress.anomaliesDetected = qint64(findings.size());
    report(QLatin1String(Phase::AnomalyDetection), kDetectionEnd);

    // pattern_analysis
    report(QLatin1String(Phase::PatternAnalysis), kDetectionEnd);
    if (request.dataSource == QLatin1String(protocol::DataSource::Contracts)) {
        engine::RunControl patternControl;
        patternControl.cancel = &cancel;
        outcome.patterns = engine::toJson(engine::analysePatterns(data, patternControl));
    }
    if (cancelled()) {
        outcome.cancelled = true;
        return outcome;
    }
    report(QLatin1String(Phase::PatternAnalysis), kPatternsEnd);

    // report_generation
    report(QLatin1String(Phase::ReportGeneration), kPatternsEnd);
    double confidenceSum = 0.0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (cancelled()) {
            outcome.cancelled = true;
            return outcome;
        }
        protocol::AnomalyResult result =
            toAnomalyResult(findings[i], data, request.includeExplanations, settings.maxAffectedRecords);
        confidenceSum += result.confidence;
        if (callbacks.anomaly)
            callbacks.anomaly(result);
        outcome.results.append(std::move(result));
        if (i % 64 == 63)
            report(QLatin1String(Phase::ReportGeneration),
                   kPatternsEnd + (1.0 - kPatternsEnd) * double(i + 1) / double(findings.size()));
    }
    outcome.confidenceScore = findings.empty() ? 0.0 : confidenceSum / double(findings.size());
    outcome.summary = summaryOf(outcome, request.dataSource);
    return outcome;
}

} // namespace cidadao::investigations
