// SPDX-License-Identifier: GPL-3.0-or-later
// Dandara (social justice): how evenly money reaches places (the engine's analyseEquity over
// convênios, or biddings without them) and how servants are paid against the constitutional ceiling.
#include "agentcontext.h"
#include "agents.h"
#include "intent.h"
#include "recordqueries.h"

#include "data/loader.h"
#include "engine/dandara.h"
#include "engine/explanations.h"
#include "engine/legalthresholds.h"

#include <QDate>

namespace cidadao::agents {

namespace {

void servants(AgentContext& c)
{
    const Entities& e = c.entities();
    const Language l = c.language();
    QStringList organs;
    for (const OrganMention& organ : e.organs)
        organs.append(organ.code);
    const int fromYear = e.from != engine::kNoDate ? engine::toCivil(e.from).year : 0;
    const int toYear = e.to != engine::kNoDate ? engine::toCivil(e.to).year : 0;
    // The ceiling in force at the end of the period asked about (today when open).
    const QDate today = QDate::currentDate();
    const engine::Day when = e.to != engine::kNoDate ? e.to : engine::toDay(today.year(), today.month(), today.day());
    const auto ceiling = engine::payCeiling(when);
    const double threshold = e.minValue.value_or(ceiling ? ceiling->value : 0.0);
    c.thinking(QStringLiteral("Consultando a remuneração dos servidores…"), QStringLiteral("Looking at servants' pay…"));
    const ServantPayStats s = servantPay(c.db(), organs, fromYear, toYear, threshold);
    c.tool(QStringLiteral("servant_pay"), protocol::Json{{"organs", organs}, {"from_year", fromYear}, {"to_year", toYear},
                                                         {"threshold", threshold}},
           protocol::Json{{"rows", s.rows}, {"servants", s.servants}, {"average_net", s.averageNet},
                          {"above_threshold", s.aboveThreshold}});
    if (s.rows == 0) {
        c.say(c.t(QStringLiteral("Não há dados de remuneração de servidores importados com esses critérios."),
                  QStringLiteral("There is no imported servants' pay data matching those criteria.")));
        return;
    }
    c.say(c.t(QStringLiteral("Há %1 registros mensais de %2 servidores (%3–%4). Remuneração líquida média: %5; bruta básica média: %6; total líquido pago: %7.")
                  .arg(engine::formatCount(s.rows, l), engine::formatCount(s.servants, l)).arg(s.firstYear).arg(s.lastYear)
                  .arg(engine::formatMoney(s.averageNet, l), engine::formatMoney(s.averageGross, l), engine::formatMoney(s.totalNet, l)),
              QStringLiteral("There are %1 monthly records of %2 servants (%3–%4). Average net pay: %5; average basic gross: %6; total net paid: %7.")
                  .arg(engine::formatCount(s.rows, l), engine::formatCount(s.servants, l)).arg(s.firstYear).arg(s.lastYear)
                  .arg(engine::formatMoney(s.averageNet, l), engine::formatMoney(s.averageGross, l), engine::formatMoney(s.totalNet, l))));
    c.say(c.t(QStringLiteral("Maior remuneração líquida: %1 (%2), %3 em %4/%5.")
                  .arg(s.maxName, s.maxRole, engine::formatMoney(s.maxNet, l)).arg(s.maxMonth, 2, 10, QLatin1Char('0')).arg(s.maxYear),
              QStringLiteral("Highest net pay: %1 (%2), %3 in %4/%5.")
                  .arg(s.maxName, s.maxRole, engine::formatMoney(s.maxNet, l)).arg(s.maxMonth, 2, 10, QLatin1Char('0')).arg(s.maxYear)));
    if (threshold > 0)
        c.say(c.t(QStringLiteral("%1 registros mensais ficaram acima de %2%3.")
                      .arg(engine::formatCount(s.aboveThreshold, l), engine::formatMoney(threshold, l),
                           e.minValue ? QString() : QStringLiteral(" (teto constitucional, %1)").arg(ceiling->source)),
                  QStringLiteral("%1 monthly records were above %2%3.")
                      .arg(engine::formatCount(s.aboveThreshold, l), engine::formatMoney(threshold, l),
                           e.minValue ? QString() : QStringLiteral(" (constitutional ceiling, %1)").arg(ceiling->source))));
    if (s.aboveThreshold > 0)
        c.suggest(QStringLiteral("investigate-servants"), QStringLiteral("Investigar pagamentos acima do teto"),
                  QStringLiteral("Investigate pay above the ceiling"), QStringLiteral("search"),
                  QStringLiteral("investigate:data_source=servants"));
}

QString describe(const engine::InequalityMeasures& m, Language l)
{
    QString text = pick(l, QStringLiteral("%1 locais, total %2: Gini %3, Theil %4, Palma %5, razão entre quintis %6."),
                        QStringLiteral("%1 places, total %2: Gini %3, Theil %4, Palma %5, quintile ratio %6."))
                       .arg(engine::formatCount(m.units, l), engine::formatMoney(m.total, l), engine::formatNumber(m.gini, 3, l),
                            engine::formatNumber(m.theil, 3, l), engine::formatNumber(m.palma, 2, l),
                            engine::formatNumber(m.quintileRatio, 2, l));
    if (!m.top.empty()) {
        text += pick(l, QStringLiteral(" Maiores:"), QStringLiteral(" Largest:"));
        for (const auto& [name, value] : m.top)
            text += QStringLiteral("\n- %1: %2").arg(name, engine::formatMoney(value, l));
    }
    return text;
}

void equity(AgentContext& c)
{
    const Entities& e = c.entities();
    const Language l = c.language();
    c.thinking(QStringLiteral("Medindo como os recursos se distribuem pelo território…"),
               QStringLiteral("Measuring how money spreads across places…"));
    data::LoadFilter filter;
    filter.from = e.from;
    filter.to = e.to;
    for (const OrganMention& organ : e.organs)
        filter.organs.append(organ.code);
    filter.contracts = filter.participants = filter.expenses = filter.servants = filter.sanctions = false;
    const engine::Dataset dataset = data::loadDataset(c.db(), filter);
    if (c.cancelled())
        return;
    const engine::EquityReport report = engine::analyseEquity(dataset);
    c.tool(QStringLiteral("analyze_equity"), protocol::Json{{"organs", filter.organs}, {"period", e.periodLabel}},
           engine::toJson(report));
    if (report.byMunicipality.units == 0 && report.byUf.units == 0) {
        c.say(c.t(QStringLiteral("Não há convênios nem licitações com local importados para medir a distribuição."),
                  QStringLiteral("There are no imported agreements or biddings with a place to measure the distribution.")));
        return;
    }
    const QString source = report.source == QLatin1String("agreements") ? c.t(QStringLiteral("convênios"), QStringLiteral("agreements"))
                                                                        : c.t(QStringLiteral("licitações"), QStringLiteral("biddings"));
    c.say(c.t(QStringLiteral("Distribuição dos valores de %1 por município: %2"), QStringLiteral("Distribution of %1 value by municipality: %2"))
              .arg(source, describe(report.byMunicipality, l)));
    c.say(c.t(QStringLiteral("Por UF: %1"), QStringLiteral("By state: %1")).arg(describe(report.byUf, l)));
    const double gini = report.byMunicipality.gini;
    c.say(c.t(QStringLiteral("Um Gini de %1 indica distribuição %2 (0 = todos recebem igual, 1 = um só recebe tudo)."),
              QStringLiteral("A Gini of %1 means a %2 distribution (0 = everyone gets the same, 1 = one place gets everything)."))
              .arg(engine::formatNumber(gini, 2, l),
                   gini > 0.6 ? c.t(QStringLiteral("muito concentrada"), QStringLiteral("highly concentrated"))
                   : gini > 0.4 ? c.t(QStringLiteral("concentrada"), QStringLiteral("concentrated"))
                                : c.t(QStringLiteral("relativamente equilibrada"), QStringLiteral("fairly even"))));
}

} // namespace

void runDandara(AgentContext& c)
{
    if (c.answer().intent == QLatin1String(Intent::Servants)) {
        servants(c);
        return;
    }
    equity(c);
}

} // namespace cidadao::agents
