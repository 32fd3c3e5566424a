// SPDX-License-Identifier: GPL-3.0-or-later
// amendment_excess: a contract that grew past the legal amendment cap (Valor Final / Valor Inicial − 1
// above 25 %, or 50 % for renovation objects; Lei 14.133 art. 125, Lei 8.666 art. 65 §1º), or whose
// payments add up to more than its final value. Payments are linked to a contract through the
// expense's Processo = the contract's number, within the same UG when the payment names one; a
// number shared by two contracts of the same UG is ambiguous and not linked (SharedIndexes). Affected
// record: the contract.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"


namespace cidadao::engine {

namespace {
constexpr double kRatioTolerance = 1e-9;   // 25 % exactly is within the cap
} // namespace

std::vector<Finding> detectAmendmentExcess(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const ExpenseTable& e = ctx.data.expenses;
    const DetectorOptions& o = ctx.options;
    std::vector<Finding> out;

    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const double initial = c.initialValue[i], final = c.finalValue[i];
        if (!(initial > 0.0) || !std::isfinite(final))
            continue;
        const ObjectClassInfo& cls = ctx.facts.classes[ctx.facts.objectClass[i]];
        const double cap = cls.renovation ? o.amendmentRenovationCap : o.amendmentCap;
        const double increase = final / initial - 1.0;
        if (!(increase > cap + kRatioTolerance))
            continue;
        const LegalValue legal = amendmentCap(cls.renovation);
        Finding f = newFinding(u"amendment_excess", SourceTable::Contracts);
        f.rows = {i};
        f.observed = increase;
        f.threshold = cap;
        const double excess = final - initial * (1.0 + cap);
        f.severity = severityFromRatio(increase / cap, excess);
        f.confidence = ruleConfidence(0);
        f.peerGroup = cls.renovation ? QStringLiteral("reforma (limite 50%)") : QStringLiteral("limite 25%");
        f.basis = legal.article;
        setExplanation(f, explainAmendment(initial, final, increase, cap));
        f.suggestedActions = {QStringLiteral("Request the amendments (termos aditivos) and their justification"),
                              QStringLiteral("Check whether the object changed enough to require a new procurement")};
        f.metadata = {{"rule", "amendment_cap"}, {"initial_value", initial}, {"final_value", final},
                      {"increase", increase}, {"cap", cap}, {"excess_over_cap", excess},
                      {"renovation", cls.renovation}};
        out.push_back(std::move(f));
    }

    if (e.size() == 0)
        return out;
    // Payments summed per linked contract (the link is shared with date_logic).
    const std::vector<std::uint32_t>& link = ctx.shared.paymentContract();
    std::vector<double> paidSum(c.size(), 0.0);
    std::vector<std::uint32_t> paidCount(c.size(), 0);
    for (std::uint32_t k = 0; k < e.size(); ++k) {
        if ((k & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const std::uint32_t contract = link[k];
        if (contract == SharedIndexes::kNone || !std::isfinite(e.value[k]))
            continue;
        paidSum[contract] += e.value[k];
        ++paidCount[contract];
    }
    for (std::uint32_t row = 0; row < c.size(); ++row) {
        if (paidCount[row] == 0)
            continue;
        const std::pair<double, int> sumCount{paidSum[row], int(paidCount[row])};
        const double final = std::isfinite(c.finalValue[row]) ? c.finalValue[row] : c.initialValue[row];
        const double sum = sumCount.first;
        if (!(final > 0.0) || !(sum > final + 0.005))
            continue;
        Finding f = newFinding(u"amendment_excess", SourceTable::Contracts);
        f.rows = {row};
        f.observed = sum;
        f.threshold = final;
        f.severity = severityFromRatio(sum / final, sum - final);
        f.confidence = ruleConfidence(1);   // the link payment → contract is by number
        f.peerGroup = QStringLiteral("pagamentos do contrato");
        f.basis = QStringLiteral("total paid above the contract's final value (Lei 14.133 art. 125; Lei 4.320/1964 art. 62)");
        setExplanation(f, explainOverpayment(final, sum, sumCount.second));
        f.suggestedActions = {QStringLiteral("Reconcile the payments with the contract's measurements and invoices"),
                              QStringLiteral("Check for payments recorded twice")};
        f.metadata = {{"rule", "paid_over_final"}, {"final_value", final}, {"paid", sum}, {"payments", sumCount.second},
                      {"excess", sum - final}};
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace cidadao::engine
