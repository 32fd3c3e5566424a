// SPDX-License-Identifier: GPL-3.0-or-later
// Tiradentes (reporter): a report of the session's investigation when there is a finished one,
// otherwise a report of the imported data itself (what each source holds, the largest suppliers).
#include "agentcontext.h"
#include "agents.h"
#include "labels.h"
#include "recordqueries.h"

#include "engine/explanations.h"
#include "investigations/investigationservice.h"
#include "protocol/apierror.h"

#include <map>

namespace cidadao::agents {

namespace {

bool investigationReport(AgentContext& c, const QString& id)
{
    const Language l = c.language();
    auto* service = c.investigations();
    if (!service)
        return false;
    const http::Principal who = c.request().principal;
    c.thinking(QStringLiteral("Reunindo os resultados da investigação…"), QStringLiteral("Gathering the investigation's results…"));
    try {
        const auto results = c.onThreadOf(service, [service, who, id] { return service->results(who, id); });
        if (!results)
            return true; // cancelled
        if (!*results)
            return false;
        const protocol::InvestigationResponse& r = **results;
        c.answer().investigationId = r.investigationId;
        std::map<QString, int> bySeverity;
        std::map<QString, int> byType;
        for (const protocol::AnomalyResult& a : r.results) {
            ++bySeverity[a.severity];
            ++byType[a.type];
        }
        c.tool(QStringLiteral("summarize_report"), protocol::Json{{"investigation_id", id}},
               protocol::Json{{"anomalies_found", r.anomaliesFound}, {"records", r.totalRecordsAnalyzed}});
        c.say(c.t(QStringLiteral("**Relatório da investigação %1** — \"%2\" (%3)"), QStringLiteral("**Report of investigation %1** — \"%2\" (%3)"))
                  .arg(r.investigationId, r.query, r.dataSource));
        c.say(c.t(QStringLiteral("%1 registros analisados em %2 s; %3 anomalias encontradas (confiança média %4)."),
                  QStringLiteral("%1 records analysed in %2 s; %3 anomalies found (mean confidence %4)."))
                  .arg(engine::formatCount(r.totalRecordsAnalyzed, l), engine::formatNumber(r.processingTime, 1, l),
                       engine::formatCount(r.anomaliesFound, l), engine::formatPercent(r.confidenceScore, 0, l)));
        if (!bySeverity.empty()) {
            QString text = c.t(QStringLiteral("Por severidade:"), QStringLiteral("By severity:"));
            for (const auto& [severity, n] : bySeverity)
                text += QStringLiteral(" %1 %2;").arg(severity).arg(n);
            text += c.t(QStringLiteral(" por tipo:"), QStringLiteral(" by type:"));
            for (const auto& [type, n] : byType)
                text += QStringLiteral(" %1 %2;").arg(type).arg(n);
            text.chop(1);
            c.say(text + u'.');
        }
        QString top;
        int shown = 0;
        for (const protocol::AnomalyResult& a : r.results) {
            if (shown == 3)
                break;
            if (a.severity != QLatin1String("critical") && a.severity != QLatin1String("high") && shown > 0)
                continue;
            top += QStringLiteral("\n- [%1] %2").arg(a.severity, a.description);
            ++shown;
        }
        if (!top.isEmpty())
            c.say(c.t(QStringLiteral("Principais achados:"), QStringLiteral("Main findings:")) + top);
        if (!r.summary.isEmpty())
            c.say(r.summary);
        c.suggest(QStringLiteral("export-md"), QStringLiteral("Exportar relatório (Markdown)"), QStringLiteral("Export report (Markdown)"),
                  QStringLiteral("download"), QStringLiteral("/api/v1/investigations/%1/export?format=md").arg(id));
        c.suggest(QStringLiteral("export-pdf"), QStringLiteral("Exportar PDF"), QStringLiteral("Export PDF"), QStringLiteral("download"),
                  QStringLiteral("/api/v1/investigations/%1/export?format=pdf").arg(id));
        return true;
    } catch (const protocol::ApiException& error) {
        if (error.error().statusCode != 409)
            throw;
        c.tool(QStringLiteral("summarize_report"), protocol::Json{{"investigation_id", id}}, protocol::Json{{"finished", false}});
        c.say(c.t(QStringLiteral("A investigação %1 ainda não terminou; o relatório fica pronto quando ela concluir."),
                  QStringLiteral("Investigation %1 has not finished yet; the report is ready when it completes."))
                  .arg(id));
        c.suggest(QStringLiteral("status"), QStringLiteral("Ver andamento"), QStringLiteral("Check progress"),
                  QStringLiteral("activity"), QStringLiteral("status:%1").arg(id));
        return true;
    }
}

void dataReport(AgentContext& c)
{
    const Language l = c.language();
    const DataOverview overview = c.overview();
    c.tool(QStringLiteral("summarize_report"), protocol::Json{{"scope", "imported_data"}},
           protocol::Json{{"records", overview.totalRecords()}});
    if (overview.totalRecords() == 0) {
        c.say(c.t(QStringLiteral("Ainda não há dados importados para relatar. Importe arquivos do Portal da Transparência ou use a amostra."),
                  QStringLiteral("There is no imported data to report on yet. Import Portal da Transparência files or use the sample.")));
        return;
    }
    QString text = c.t(QStringLiteral("**Relatório dos dados importados** (%1 registros)"), QStringLiteral("**Report of the imported data** (%1 records)"))
                       .arg(engine::formatCount(overview.totalRecords(), l));
    for (const SourceCount& s : overview.sources) {
        if (s.records == 0)
            continue;
        text += QStringLiteral("\n- %1: %2").arg(sourceLabel(s.source, l), engine::formatCount(s.records, l));
        if (s.total > 0)
            text += QStringLiteral(", %1").arg(engine::formatMoney(s.total, l));
        if (s.first != engine::kNoDate)
            text += QStringLiteral(" (%1 – %2)").arg(engine::formatDate(s.first, l), engine::formatDate(s.last, l));
    }
    c.say(text);
    const ContractFilter filter = contractFilterFor(c.entities());
    const auto suppliers = c.topSuppliers(filter, 5);
    if (!suppliers.empty()) {
        QString list = c.t(QStringLiteral("Maiores fornecedores:"), QStringLiteral("Largest suppliers:"));
        for (const RankedName& s : suppliers)
            list += QStringLiteral("\n- %1: %2 (%3)").arg(s.name, engine::formatMoney(s.total, l), engine::formatCount(s.count, l));
        c.say(list);
    }
    c.suggest(QStringLiteral("start-investigation"), QStringLiteral("Investigar anomalias"), QStringLiteral("Investigate anomalies"),
              QStringLiteral("search"), QStringLiteral("investigate"));
}

} // namespace

void runTiradentes(AgentContext& c)
{
    const auto id = c.entities().investigationId ? c.entities().investigationId : c.request().investigationId;
    if (id && investigationReport(c, *id))
        return;
    dataReport(c);
}

} // namespace cidadao::agents
