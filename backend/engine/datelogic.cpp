// SPDX-License-Identifier: GPL-3.0-or-later
// date_logic: dates and amounts that cannot all be true.
//   - a contract signed before its bidding's result (linked by Número Licitação within the UG);
//   - a validity end before its start (contracts and convênios);
//   - a payment after the contract's validity end (+ paymentGraceDays), linked by Processo = number;
//   - a convênio with more released than agreed (VALOR LIBERADO > VALOR CONVÊNIO);
//   - a contract signed after "today" (RunControl::today; skipped when no clock is given).
// Affected record: the contract (or the convênio). One finding per record and rule.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"


namespace cidadao::engine {

namespace {

Finding dateFinding(const DetectionContext& ctx, std::uint32_t row, SourceTable table, const char* rule,
                    const QString& rulePt, const QString& ruleEn, Day first, Day second, double money)
{
    Finding f = newFinding(u"date_logic", table);
    f.rows = {row};
    f.observed = double(first) - double(second);
    f.threshold = 0.0;
    f.severity = maxSeverity(Severity::Medium, severityFromMoney(money));
    f.confidence = ruleConfidence(0);
    f.peerGroup = QStringLiteral("regra de datas");
    f.basis = QString::fromLatin1(rule);
    setExplanation(f, explainDateLogic(rulePt, ruleEn, first, second));
    f.suggestedActions = {QStringLiteral("Check the dates in the original documents (DOU, contract, bidding minutes)"),
                          QStringLiteral("If the dates are right, ask for the justification of the sequence")};
    f.metadata = {{"rule", rule}, {"first_date", formatDate(first, Language::En).toStdString()},
                  {"second_date", formatDate(second, Language::En).toStdString()}, {"days", f.observed},
                  {"value", money}};
    (void)ctx;
    return f;
}
} // namespace

std::vector<Finding> detectDateLogic(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const BiddingTable& b = ctx.data.biddings;
    const ExpenseTable& e = ctx.data.expenses;
    const AgreementTable& a = ctx.data.agreements;
    std::vector<Finding> out;

    const PairIndex* biddingAt = b.size() > 0 ? &ctx.shared.biddings() : nullptr;
    const Day today = ctx.control.today ? ctx.control.today() : kNoDate;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const double money = std::isfinite(contractValue(c, i)) ? contractValue(c, i) : 0.0;
        if (biddingAt && c.biddingNumber[i] != 0 && c.signed_[i] != kNoDate) {
            const std::uint32_t bidding = biddingAt->uniqueRow(c.unit[i], c.biddingNumber[i]);
            if (bidding != PairIndex::kNone) {
                const Day result = b.resultDate[bidding];
                if (result != kNoDate && c.signed_[i] < result)
                    out.push_back(dateFinding(ctx, i, SourceTable::Contracts, "signed_before_bidding_result",
                                              QStringLiteral("Contrato assinado antes do resultado da licitação"),
                                              QStringLiteral("Contract signed before the bidding's result"), c.signed_[i],
                                              result, money));
            }
        }
        if (c.start[i] != kNoDate && c.end[i] != kNoDate && c.end[i] < c.start[i])
            out.push_back(dateFinding(ctx, i, SourceTable::Contracts, "validity_end_before_start",
                                      QStringLiteral("Fim da vigência anterior ao início"),
                                      QStringLiteral("Validity ends before it starts"), c.end[i], c.start[i], money));
        if (today != kNoDate && c.signed_[i] != kNoDate && c.signed_[i] > today)
            out.push_back(dateFinding(ctx, i, SourceTable::Contracts, "signed_in_future",
                                      QStringLiteral("Data de assinatura posterior à data de hoje"),
                                      QStringLiteral("Signing date later than today"), c.signed_[i], today, money));
    }

    // Payments after the validity end: the latest payment per linked contract.
    if (e.size() > 0) {
        const std::vector<std::uint32_t>& link = ctx.shared.paymentContract();
        std::vector<Day> latest(c.size(), kNoDate);
        for (std::uint32_t k = 0; k < e.size(); ++k) {
            if ((k & 0xFFFF) == 0 && ctx.cancelled())
                return out;
            const std::uint32_t contract = link[k];
            if (contract == SharedIndexes::kNone || e.date[k] == kNoDate || c.end[contract] == kNoDate)
                continue;
            if (e.date[k] > c.end[contract] + ctx.options.paymentGraceDays)
                latest[contract] = std::max(latest[contract], e.date[k]);
        }
        for (std::uint32_t row = 0; row < c.size(); ++row) {
            const Day day = latest[row];
            if (day == kNoDate)
                continue;
            const double money = std::isfinite(contractValue(c, row)) ? contractValue(c, row) : 0.0;
            out.push_back(dateFinding(ctx, row, SourceTable::Contracts, "payment_after_validity",
                                      QStringLiteral("Pagamento feito depois do fim da vigência do contrato"),
                                      QStringLiteral("Payment made after the contract's validity ended"), day, c.end[row],
                                      money));
        }
    }

    for (std::uint32_t i = 0; i < a.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const double agreed = a.value[i], released = a.released[i];
        if (a.start[i] != kNoDate && a.end[i] != kNoDate && a.end[i] < a.start[i])
            out.push_back(dateFinding(ctx, i, SourceTable::Agreements, "validity_end_before_start",
                                      QStringLiteral("Fim da vigência do convênio anterior ao início"),
                                      QStringLiteral("The agreement's validity ends before it starts"), a.end[i], a.start[i],
                                      std::isfinite(agreed) ? agreed : 0.0));
        if (std::isfinite(agreed) && std::isfinite(released) && agreed > 0.0 && released > agreed + 0.005) {
            Finding f = newFinding(u"date_logic", SourceTable::Agreements);
            f.rows = {i};
            f.observed = released;
            f.threshold = agreed;
            f.severity = severityFromRatio(released / agreed, released - agreed);
            f.confidence = ruleConfidence(0);
            f.peerGroup = QStringLiteral("regra de valores do convênio");
            f.basis = QStringLiteral("released_over_agreed");
            setExplanation(f, explainReleasedOverAgreed(released, agreed));
            f.suggestedActions = {QStringLiteral("Check the release orders and any amendment raising the agreement's value")};
            f.metadata = {{"rule", "released_over_agreed"}, {"released", released}, {"agreed", agreed},
                          {"excess", released - agreed}};
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace cidadao::engine
