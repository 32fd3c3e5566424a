// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/dandara.h"

#include "engine/statistics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cidadao::engine {

InequalityMeasures measureInequality(const std::vector<std::pair<QString, double>>& amounts)
{
    InequalityMeasures m;
    std::vector<double> values;
    for (const auto& [name, v] : amounts)
        if (std::isfinite(v) && v >= 0.0) {
            values.push_back(v);
            m.total += v;
        }
    m.units = int(values.size());
    m.gini = gini(values);
    m.theil = theil(values);
    m.palma = palmaRatio(values);
    m.quintileRatio = quintileRatio(values);
    auto sorted = amounts;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < sorted.size() && i < 5; ++i)
        m.top.push_back(sorted[i]);
    return m;
}

EquityReport analyseEquity(const Dataset& data, const QHash<QString, double>* population)
{
    EquityReport r;
    std::map<Code, double> byMunicipality, byUf;
    std::map<Code, Code> ufOf;
    auto add = [&](Code uf, Code municipality, double v) {
        if (!std::isfinite(v) || v < 0.0)
            return;
        if (municipality != 0) {
            byMunicipality[municipality] += v;
            ufOf.emplace(municipality, uf);
        }
        if (uf != 0)
            byUf[uf] += v;
    };
    if (data.agreements.size() > 0) {
        r.source = QStringLiteral("agreements");
        const AgreementTable& a = data.agreements;
        for (std::size_t i = 0; i < a.size(); ++i)
            add(a.uf[i], a.municipality[i], a.value[i]);
    } else {
        r.source = QStringLiteral("biddings");
        const BiddingTable& b = data.biddings;
        for (std::size_t i = 0; i < b.size(); ++i)
            add(b.uf[i], b.municipality[i], b.value[i]);
    }
    std::vector<std::pair<QString, double>> m, u, mpc, upc;
    for (const auto& [code, v] : byMunicipality) {
        const QString name = data.strings.at(code);
        m.push_back({name, v});
        if (population) {
            const double pop = population->value(name, 0.0);
            if (pop > 0.0)
                mpc.push_back({name, v / pop});
        }
    }
    for (const auto& [code, v] : byUf) {
        const QString name = data.strings.at(code);
        u.push_back({name, v});
        if (population) {
            const double pop = population->value(QStringLiteral("UF:") + name, 0.0);
            if (pop > 0.0)
                upc.push_back({name, v / pop});
        }
    }
    r.byMunicipality = measureInequality(m);
    r.byUf = measureInequality(u);
    if (population) {
        r.perCapitaMunicipality = measureInequality(mpc);
        r.perCapitaUf = measureInequality(upc);
    }
    return r;
}

namespace {
nlohmann::json measuresJson(const InequalityMeasures& m)
{
    auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); };
    nlohmann::json top = nlohmann::json::array();
    for (const auto& [name, v] : m.top)
        top.push_back({{"name", name.toStdString()}, {"amount", v}});
    return {{"units", m.units},           {"total", m.total}, {"gini", m.gini}, {"theil", m.theil},
            {"palma", finite(m.palma)},   {"quintile_ratio", finite(m.quintileRatio)}, {"top", top}};
}
} // namespace

nlohmann::json toJson(const EquityReport& r)
{
    nlohmann::json j;
    j["source"] = r.source.toStdString();
    j["by_municipality"] = measuresJson(r.byMunicipality);
    j["by_uf"] = measuresJson(r.byUf);
    j["per_capita_municipality"] = r.perCapitaMunicipality ? measuresJson(*r.perCapitaMunicipality) : nlohmann::json();
    j["per_capita_uf"] = r.perCapitaUf ? measuresJson(*r.perCapitaUf) : nlohmann::json();
    return j;
}

} // namespace cidadao::engine
