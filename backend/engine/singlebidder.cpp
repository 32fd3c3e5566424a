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
    if (b.size() == 0)
        return {};
    // Per bidding (UG, number): its first participant row and whether a second, different
    // participant appeared. One pass, rows ascending, so the row kept is the lowest of that participant.
    const PairIndex& biddings = ctx.shared.biddings();
    constexpr std::uint32_t kNone = PairIndex::kNone;
    std::vector<std::uint32_t> firstRow(biddings.pairCount(), kNone);
    std::vector<std::uint8_t> several(biddings.pairCount(), 0);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return {};
        if (p.biddingNumber[i] == 0 || p.participantDoc[i] == 0)
            continue;
        const std::uint32_t pair = biddings.find(p.unit[i], p.biddingNumber[i]);
        if (pair == kNone)
            continue;   // participants of a bidding not loaded
        if (firstRow[pair] == kNone)
            firstRow[pair] = i;
        else if (p.participantDoc[firstRow[pair]] != p.participantDoc[i])
            several[pair] = 1;
    }
    std::unordered_map<Code, bool> competitive;
    std::vector<Finding> out;
    for (std::uint32_t i = 0; i < b.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const std::uint32_t pair = biddings.pairOfRow()[i];
        if (pair == kNone || firstRow[pair] == kNone || several[pair])
            continue;
        auto ct = competitive.find(b.modality[i]);
        if (ct == competitive.end())
            ct = competitive.emplace(b.modality[i], isCompetitive(ctx.text(b.modality[i]))).first;
        if (!ct->second)
            continue;
        const std::uint32_t prow = firstRow[pair];
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
