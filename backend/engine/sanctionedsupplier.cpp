// SPDX-License-Identifier: GPL-3.0-or-later
// sanctioned_supplier: a contract signed with a supplier while a CEIS/CNEP sanction covered the
// signing date (start ≤ signed ≤ end, both inclusive; no end = still in force). Ids are compared
// after removing punctuation, so "12.345.678/0001-90" and "12345678000190" match. Affected records:
// the contracts signed while sanctioned, one finding per contract.
#include "engine/detectioncontext.h"
#include "engine/documents.h"
#include "engine/explanations.h"
#include "engine/severity.h"

#include <unordered_map>

namespace cidadao::engine {

std::vector<Finding> detectSanctionedSuppliers(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const SanctionTable& s = ctx.data.sanctions;
    if (s.size() == 0)
        return {};
    // Normalised id → sanction rows. Codes are normalised once each.
    QHash<QString, std::vector<std::uint32_t>> byDoc;
    for (std::uint32_t k = 0; k < s.size(); ++k) {
        const QString doc = normaliseDocument(ctx.text(s.sanctionedDoc[k]));
        if (!doc.isEmpty() && !doc.contains(u'*') && s.start[k] != kNoDate)
            byDoc[doc].push_back(k);
    }
    std::unordered_map<Code, const std::vector<std::uint32_t>*> sanctionsOf;
    std::vector<Finding> out;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return out;
        const Code doc = c.supplierDoc[i];
        const Day signedOn = c.signed_[i];
        if (doc == 0 || signedOn == kNoDate)
            continue;
        auto it = sanctionsOf.find(doc);
        if (it == sanctionsOf.end()) {
            const auto hit = byDoc.constFind(normaliseDocument(ctx.text(doc)));
            it = sanctionsOf.emplace(doc, hit == byDoc.constEnd() ? nullptr : &hit.value()).first;
        }
        if (!it->second)
            continue;
        for (std::uint32_t k : *it->second) {
            const bool covers = s.start[k] <= signedOn && (s.end[k] == kNoDate || signedOn <= s.end[k]);
            if (!covers)
                continue;
            const double value = std::isfinite(contractValue(c, i)) ? contractValue(c, i) : 0.0;
            const QString registry = s.registry[k] != 0 ? ctx.text(s.registry[k]) : QStringLiteral("CEIS/CNEP");
            const QString supplier = ctx.label(doc, c.supplierName[i]);
            Finding f = newFinding(u"sanctioned_supplier", SourceTable::Contracts);
            f.rows = {i};
            f.observed = double(signedOn - s.start[k]);
            f.threshold = 0.0;
            f.severity = maxSeverity(Severity::High, severityFromMoney(value));
            f.confidence = ruleConfidence(0);
            f.peerGroup = QString(registry + u" · " + ctx.text(s.category[k]));
            f.basis = QStringLiteral("Lei 14.133/2021 art. 156 / Lei 8.666/1993 art. 87: a sanctioned supplier may not be contracted");
            setExplanation(f, explainSanctioned(supplier, registry, s.start[k], s.end[k], signedOn, value));
            f.suggestedActions = {QStringLiteral("Check the sanction's scope (abrangência) and the sanctioning body"),
                                  QStringLiteral("Ask the unit why the supplier was contracted during the sanction")};
            f.metadata = {{"sanction_row", k},
                          {"registry", registry.toStdString()},
                          {"sanction_start", formatDate(s.start[k], Language::En).toStdString()},
                          {"sanction_end", formatDate(s.end[k], Language::En).toStdString()},
                          {"signed", formatDate(signedOn, Language::En).toStdString()},
                          {"value", value}};
            out.push_back(std::move(f));
            break;   // one finding per contract, the first covering sanction
        }
    }
    return out;
}

} // namespace cidadao::engine
