// SPDX-License-Identifier: GPL-3.0-or-later
// single_bidder: an open, competitive bidding (pregão, concorrência, tomada de preços, convite,
// concurso, leilão, RDC) that received exactly one distinct participant (OCP red flag R018). Dispensa
// and inexigibilidade have one supplier by nature and are never flagged; biddings with no participant
// rows are not evaluated (absence of data is not a single bid). Affected record: the bidding.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"
#include "engine/textfold.h"

#include <unordered_map>

namespace cidadao::engine {

namespace {
bool isCompetitive(const QString& modality)
{
    const QString m = foldText(modality);
    if (m.contains(u"dispensa") || m.contains(u"inexig"))
        return false;
    for (const char16_t* open : {u"pregao", u"concorrencia", u"tomada de preco", u"convite", u"concurso", u"leilao",
                                 u"regime diferenciado", u"rdc"})
        if (m.contains(QStringView(open)))
            return true;
    return false;
}
} // namespace

std::vector<Finding> detectSingleBidders(const DetectionContext& ctx)
{
    const BiddingTable& b = ctx.data.biddings;
    const ParticipantTable& p = ctx.data.participants;
    std::vector<std::pair<std::array<std::uint32_t, 3>, std::uint32_t>> keyed;   // (UG, number, participant)
    for (std::uint32_t i = 0; i < p.size(); ++i)
        if (p.biddingNumber[i] != 0 && p.participantDoc[i] != 0)
            keyed.push_back({{p.unit[i], p.biddingNumber[i], p.participantDoc[i]}, i});
    std::sort(keyed.begin(), keyed.end());
    // (UG, number) → (distinct participants, one participant row)
    std::unordered_map<std::uint64_t, std::pair<int, std::uint32_t>> participants;
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        const auto& k = keyed[i].first;
        const bool newParticipant = i == 0 || keyed[i - 1].first != k;
        if (!newParticipant)
            continue;
        auto& entry = participants[(std::uint64_t(k[0]) << 32) | k[1]];
        if (entry.first++ == 0)
            entry.second = keyed[i].second;
    }
    std::unordered_map<Code, bool> competitive;
    std::vector<Finding> out;
    for (std::uint32_t i = 0; i < b.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const auto it = participants.find((std::uint64_t(b.unit[i]) << 32) | b.number[i]);
        if (it == participants.end() || it->second.first != 1)
            continue;
        auto ct = competitive.find(b.modality[i]);
        if (ct == competitive.end())
            ct = competitive.emplace(b.modality[i], isCompetitive(ctx.text(b.modality[i]))).first;
        if (!ct->second)
            continue;
        const std::uint32_t prow = it->second.second;
        const double value = std::isfinite(b.value[i]) ? b.value[i] : 0.0;
        Finding f = newFinding(u"single_bidder", SourceTable::Biddings);
        f.rows = {i};
        f.observed = 1.0;
        f.threshold = 2.0;
        f.severity = maxSeverity(Severity::Medium, severityFromMoney(value) == Severity::Critical ? Severity::High : Severity::Low);
        f.confidence = ruleConfidence(0);
        f.peerGroup = QString(ctx.text(b.modality[i]) + u" · UG " + ctx.text(b.unit[i]));
        f.basis = QStringLiteral("single bid in a competitive procedure (OCP red flag R018)");
        setExplanation(f, explainSingleBidder(ctx.text(b.number[i]), ctx.label(p.participantDoc[prow], p.participantName[prow]), value));
        f.suggestedActions = {QStringLiteral("Check how the bidding was advertised and how long it was open"),
                              QStringLiteral("Look for restrictive requirements in the notice (edital)")};
        f.metadata = {{"participants", 1}, {"modality", ctx.text(b.modality[i]).toStdString()}, {"value", value},
                      {"participant", ctx.text(p.participantDoc[prow]).toStdString()}};
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace cidadao::engine
