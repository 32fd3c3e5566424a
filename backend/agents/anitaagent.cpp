// SPDX-License-Identifier: GPL-3.0-or-later
// Anita Garibaldi (analyst): spending patterns (the engine's analysePatterns over the contracts the
// message names), supplier look-ups by CNPJ or name, and contract searches.
#include "agentcontext.h"
#include "agents.h"
#include "intent.h"
#include "recordqueries.h"

#include "data/loader.h"
#include "engine/anita.h"
#include "engine/explanations.h"

#include <QRegularExpression>

namespace cidadao::agents {

namespace {

void describeSupplier(AgentContext& c, const SupplierProfile& p)
{
    const Language l = c.language();
    QString text = c.t(QStringLiteral("**%1** (%2): %3 contratos, somando %4")
                           .arg(p.name, p.doc, engine::formatCount(p.contracts, l), engine::formatMoney(p.total, l)),
                       QStringLiteral("**%1** (%2): %3 contracts, adding up to %4")
                           .arg(p.name, p.doc, engine::formatCount(p.contracts, l), engine::formatMoney(p.total, l)));
    if (p.first != engine::kNoDate)
        text += c.t(QStringLiteral(", assinados entre %1 e %2.").arg(engine::formatDate(p.first, l), engine::formatDate(p.last, l)),
                    QStringLiteral(", signed between %1 and %2.").arg(engine::formatDate(p.first, l), engine::formatDate(p.last, l)));
    else
        text += u'.';
    if (!p.organs.empty()) {
        text += c.t(QStringLiteral("\nÓrgãos contratantes:"), QStringLiteral("\nContracting organs:"));
        for (const RankedName& organ : p.organs)
            text += QStringLiteral("\n- %1 (%2): %3 — %4")
                        .arg(organ.name, organ.code, engine::formatCount(organ.count, l), engine::formatMoney(organ.total, l));
    }
    c.say(text);
    if (p.sanctions.empty()) {
        c.say(c.t(QStringLiteral("Não há sanção (CEIS/CNEP) registrada para este documento nos dados importados."),
                  QStringLiteral("There is no sanction (CEIS/CNEP) recorded for this document in the imported data.")));
    } else {
        QString s = c.t(QStringLiteral("⚠️ %1 sanção(ões) registrada(s):").arg(p.sanctions.size()),
                        QStringLiteral("⚠️ %1 sanction(s) recorded:").arg(p.sanctions.size()));
        for (const SanctionRow& row : p.sanctions)
            s += QStringLiteral("\n- %1: %2 (%3 – %4)")
                     .arg(row.registry, row.category, engine::formatDate(row.start, l), engine::formatDate(row.end, l));
        c.say(s);
    }
}

void supplierLookup(AgentContext& c)
{
    const Entities& e = c.entities();
    const Language l = c.language();
    if (!e.invalidCnpjs.isEmpty() && e.cnpjs.isEmpty()) {
        c.say(c.t(QStringLiteral("O CNPJ %1 não é válido: os dígitos verificadores não conferem.").arg(e.invalidCnpjs.front()),
                  QStringLiteral("CNPJ %1 is not valid: its check digits do not match.").arg(e.invalidCnpjs.front())));
        return;
    }
    if (!e.cnpjs.isEmpty() || e.supplierName) {
        const QString doc = e.cnpjs.isEmpty() ? QString() : e.cnpjs.front();
        const QString name = e.supplierName ? foldMessage(*e.supplierName) : QString();
        c.thinking(QStringLiteral("Consultando o fornecedor nos contratos e sanções…"),
                   QStringLiteral("Looking the supplier up in contracts and sanctions…"));
        const auto profile = supplierProfile(c.db(), doc, name);
        c.tool(QStringLiteral("lookup_supplier"), protocol::Json{{"cnpj", doc}, {"name", e.supplierName.value_or(QString())}},
               profile ? protocol::Json{{"contracts", profile->contracts}, {"total", profile->total},
                                        {"sanctions", profile->sanctions.size()}}
                       : protocol::Json{{"found", false}});
        if (!profile) {
            c.say(c.t(QStringLiteral("Não encontrei esse fornecedor (%1) nos contratos nem nas sanções importados.")
                          .arg(doc.isEmpty() ? *e.supplierName : doc),
                      QStringLiteral("I did not find that supplier (%1) in the imported contracts or sanctions.")
                          .arg(doc.isEmpty() ? *e.supplierName : doc)));
            return;
        }
        describeSupplier(c, *profile);
        searchAndShowContracts(c, c.request().message);
        c.suggest(QStringLiteral("investigate-supplier"), QStringLiteral("Investigar este fornecedor"),
                  QStringLiteral("Investigate this supplier"), QStringLiteral("search"),
                  QStringLiteral("investigate:vendor=%1").arg(profile->doc));
        return;
    }
    // No supplier named: the largest suppliers of what the message names.
    const ContractFilter filter = contractFilterFor(e);
    const auto ranked = c.topSuppliers(filter, 5);
    c.tool(QStringLiteral("top_suppliers"), protocol::Json{{"organs", filter.organs}}, protocol::Json{{"count", ranked.size()}});
    if (ranked.empty()) {
        c.say(c.t(QStringLiteral("Não há contratos importados com esses critérios."),
                  QStringLiteral("There are no imported contracts matching those criteria.")));
        return;
    }
    QString text = c.t(QStringLiteral("Maiores fornecedores por valor contratado:"),
                       QStringLiteral("Largest suppliers by contracted value:"));
    for (const RankedName& s : ranked)
        text += QStringLiteral("\n- %1 (%2): %3 em %4 contratos")
                    .arg(s.name, s.code, engine::formatMoney(s.total, l), engine::formatCount(s.count, l));
    if (l == Language::En)
        text.replace(QStringLiteral(" contratos"), QStringLiteral(" contracts")).replace(QStringLiteral(" em "), QStringLiteral(" in "));
    c.say(text);
}

void patterns(AgentContext& c)
{
    const Entities& e = c.entities();
    const Language l = c.language();
    c.thinking(QStringLiteral("Analisando padrões dos contratos…"), QStringLiteral("Analysing contract patterns…"));
    data::LoadFilter filter;
    filter.from = e.from;
    filter.to = e.to;
    for (const OrganMention& organ : e.organs)
        filter.organs.append(organ.code);
    filter.biddings = filter.participants = filter.agreements = filter.expenses = filter.servants = filter.sanctions =
        false;
    const engine::Dataset dataset = data::loadDataset(c.db(), filter);
    if (c.cancelled())
        return;
    const engine::AnitaReport report = engine::analysePatterns(dataset);
    c.tool(QStringLiteral("analyze_patterns"), protocol::Json{{"organs", filter.organs}, {"period", e.periodLabel}},
           protocol::Json{{"contracts", report.contracts}});
    if (report.contracts == 0) {
        c.say(c.t(QStringLiteral("Não há contratos importados para analisar com esses critérios."),
                  QStringLiteral("There are no imported contracts to analyse with those criteria.")));
        return;
    }
    const auto& trend = report.trend;
    c.say(c.t(QStringLiteral("Analisei %1 contratos em %2 meses a partir de %3. Tendência de valor: %4 por mês (r = %5)%6.")
                  .arg(engine::formatCount(report.contracts, l)).arg(trend.months).arg(trend.firstMonth,
                       engine::formatMoney(trend.valueSlope, l), engine::formatNumber(trend.valueR, 2, l),
                       trend.valueTrend ? QStringLiteral(", uma tendência clara") : QStringLiteral(", sem tendência clara")),
              QStringLiteral("I analysed %1 contracts over %2 months from %3. Value trend: %4 per month (r = %5)%6.")
                  .arg(engine::formatCount(report.contracts, l)).arg(trend.months).arg(trend.firstMonth,
                       engine::formatMoney(trend.valueSlope, l), engine::formatNumber(trend.valueR, 2, l),
                       trend.valueTrend ? QStringLiteral(", a clear trend") : QStringLiteral(", no clear trend"))));
    for (const engine::DecemberRush& d : report.december) {
        if (!d.flagged)
            continue;
        c.say(c.t(QStringLiteral("Dezembro de %1 teve %2 contratos, %3× a média mensal do ano (%4).")
                      .arg(d.year).arg(d.decemberContracts).arg(engine::formatNumber(d.ratio, 1, l),
                                                                 engine::formatNumber(d.monthlyAverage, 1, l)),
                  QStringLiteral("December %1 had %2 contracts, %3× the year's monthly average (%4).")
                      .arg(d.year).arg(d.decemberContracts).arg(engine::formatNumber(d.ratio, 1, l),
                                                                 engine::formatNumber(d.monthlyAverage, 1, l))));
    }
    if (!report.organOutliers.empty()) {
        QString text = c.t(QStringLiteral("Órgãos com valor médio fora do padrão (|z| > 1,5):"),
                           QStringLiteral("Organs with an unusual average value (|z| > 1.5):"));
        for (std::size_t i = 0; i < report.organOutliers.size() && i < 3; ++i) {
            const auto& o = report.organOutliers[i];
            text += QStringLiteral("\n- %1: %2 (z = %3, %4)")
                        .arg(o.name, engine::formatMoney(o.averageValue, l), engine::formatNumber(o.z, 2, l),
                             c.t(QStringLiteral("%1 contratos").arg(o.contracts), QStringLiteral("%1 contracts").arg(o.contracts)));
        }
        c.say(text);
    }
    if (!report.multiOrganVendors.empty()) {
        QString text = c.t(QStringLiteral("Fornecedores presentes em vários órgãos:"),
                           QStringLiteral("Suppliers present in several organs:"));
        for (std::size_t i = 0; i < report.multiOrganVendors.size() && i < 3; ++i) {
            const auto& v = report.multiOrganVendors[i];
            text += c.t(QStringLiteral("\n- %1: %2 órgãos, %3 contratos, %4"),
                        QStringLiteral("\n- %1: %2 organs, %3 contracts, %4"))
                        .arg(v.name).arg(v.organs).arg(v.contracts).arg(engine::formatMoney(v.total, l));
        }
        c.say(text);
    }
    if (report.dominantBand >= 0) {
        const auto& band = report.bands[std::size_t(report.dominantBand)];
        c.say(c.t(QStringLiteral("%1 dos contratos estão na faixa %2.").arg(engine::formatPercent(band.share, 1, l), band.label),
                  QStringLiteral("%1 of the contracts are in the %2 band.").arg(engine::formatPercent(band.share, 1, l), band.label)));
    }
    c.suggest(QStringLiteral("investigate-patterns"), QStringLiteral("Investigar anomalias"),
              QStringLiteral("Investigate anomalies"), QStringLiteral("search"), QStringLiteral("investigate"));
}

bool wantsList(const QString& folded)
{
    static const QRegularExpression list(QStringLiteral(
        R"(\b(mostre|mostrar|liste|listar|lista|quais (sao os )?contratos|busque|buscar|procure contratos|show|list|find contracts|search|which contracts)\b)"));
    return list.match(folded).hasMatch();
}

} // namespace

void runAnita(AgentContext& c)
{
    const QString folded = foldMessage(c.request().message);
    const Entities& e = c.entities();
    const bool supplier = c.answer().intent == QLatin1String(Intent::Supplier);
    const bool namesSupplier = !e.cnpjs.isEmpty() || !e.invalidCnpjs.isEmpty() || e.supplierName.has_value();
    // A named supplier gets its profile; "show me the contracts of..." gets the contracts themselves.
    if (supplier && namesSupplier) {
        supplierLookup(c);
        return;
    }
    if (wantsList(folded)) {
        searchAndShowContracts(c, c.request().message);
        return;
    }
    if (supplier) {
        supplierLookup(c);
        return;
    }
    patterns(c);
}

} // namespace cidadao::agents
