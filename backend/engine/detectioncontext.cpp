// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/detectioncontext.h"

#include <unordered_map>

namespace cidadao::engine {

int yearOf(Day day)
{
    return day == kNoDate ? 0 : toCivil(day).year;
}

int monthOf(Day day)
{
    return day == kNoDate ? 0 : toCivil(day).month;
}

const PairIndex& SharedIndexes::contracts() const
{
    std::call_once(m_contractsOnce, [this] {
        m_contracts.emplace(m_data.strings.size(), m_data.contracts.unit, m_data.contracts.number);
    });
    return *m_contracts;
}

const PairIndex& SharedIndexes::biddings() const
{
    std::call_once(m_biddingsOnce, [this] {
        m_biddings.emplace(m_data.strings.size(), m_data.biddings.unit, m_data.biddings.number);
    });
    return *m_biddings;
}

const std::vector<std::uint32_t>& SharedIndexes::paymentContract() const
{
    std::call_once(m_paymentsOnce, [this] {
        const ExpenseTable& e = m_data.expenses;
        const PairIndex& index = contracts();
        m_paymentContract.assign(e.size(), kNone);
        for (std::size_t k = 0; k < e.size(); ++k) {
            if (e.process[k] == 0)
                continue;
            m_paymentContract[k] = e.unit[k] != 0 ? index.uniqueRow(e.unit[k], e.process[k])
                                                  : index.uniqueRowByNumber(e.process[k]);
        }
    });
    return m_paymentContract;
}

QString DetectionContext::label(Code code, Code name) const
{
    const QString& c = data.strings.at(code);
    const QString& n = data.strings.at(name);
    if (n.isEmpty())
        return c;
    if (c.isEmpty())
        return n;
    return QString(n + u" (" + c + u')');
}

ContractFacts computeContractFacts(const Dataset& data, int threads, const RunControl& control)
{
    const ContractTable& c = data.contracts;
    const std::size_t n = c.size();
    ContractFacts facts;
    facts.objectClass = classifyAll(c.object, threads, facts.classes, control.cancel);
    facts.dispensaLimit.assign(n, kNoValue);
    facts.limitIndex.assign(n, -1);
    facts.limitInferred.assign(n, 0);
    facts.dispensaWorks.assign(n, 0);
    if (control.cancelled())
        return facts;

    // Modality and legal basis repeat across rows: read each pair once.
    std::unordered_map<std::uint64_t, DispensaReading> readings;
    // Distinct (law, item, row start) → index into facts.limits.
    std::unordered_map<std::uint64_t, std::int16_t> limitIds;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t pair = (std::uint64_t(c.modality[i]) << 32) | c.legalBasis[i];
        auto it = readings.find(pair);
        if (it == readings.end())
            it = readings.emplace(pair, readDispensa(data.strings.at(c.modality[i]), data.strings.at(c.legalBasis[i]))).first;
        const DispensaReading& r = it->second;
        if (!r.dispensaByValue)
            continue;
        Day date = c.signed_[i];
        if (date == kNoDate)
            date = c.published[i] != kNoDate ? c.published[i] : c.start[i];
        const ObjectClassInfo& cls = facts.classes[facts.objectClass[i]];
        const DispensaItem item = r.item ? *r.item : (cls.works ? DispensaItem::Works : DispensaItem::GoodsAndServices);
        const ProcurementLaw law = effectiveLaw(r.law, date);
        const auto limit = dispensaLimit(date, law, item);
        if (!limit)
            continue;
        const std::uint64_t id = (std::uint64_t(law) << 40) | (std::uint64_t(item) << 36) | std::uint32_t(limit->inForceFrom);
        auto lit = limitIds.find(id);
        if (lit == limitIds.end()) {
            lit = limitIds.emplace(id, std::int16_t(facts.limits.size())).first;
            facts.limits.push_back(*limit);
        }
        facts.dispensaLimit[i] = limit->value;
        facts.limitIndex[i] = lit->second;
        facts.dispensaWorks[i] = item == DispensaItem::Works ? 1 : 0;
        facts.limitInferred[i] = std::uint8_t((r.law == ProcurementLaw::Unknown ? 1 : 0) + (r.item ? 0 : 1));
    }
    return facts;
}

} // namespace cidadao::engine

#include "engine/explanations.h"

namespace cidadao::engine {

Finding newFinding(const char16_t* detector, SourceTable table)
{
    Finding f;
    f.detector = QString::fromUtf16(detector);
    f.type = detectorType(f.detector);
    f.table = table;
    return f;
}

void setExplanation(Finding& finding, const Explanation& explanation)
{
    finding.explanationPt = explanation.pt;
    finding.explanationEn = explanation.en;
}

} // namespace cidadao::engine
