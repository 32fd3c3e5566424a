// SPDX-License-Identifier: GPL-3.0-or-later
// invalid_document: a supplier CPF/CNPJ whose check digits fail (alphanumeric CNPJ included). Masked
// CPFs ("***.017.623-**") and ids of other shapes (foreign suppliers, UG codes) are not checkable and
// never reported. One finding per distinct invalid id, with all the contracts that name it.
#include "engine/detectioncontext.h"
#include "engine/documents.h"
#include "engine/explanations.h"
#include "engine/severity.h"

#include <unordered_map>

namespace cidadao::engine {

std::vector<Finding> detectInvalidDocuments(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    std::unordered_map<Code, bool> invalid;   // per distinct supplier code
    std::vector<std::pair<Code, std::uint32_t>> flagged;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return {};
        const Code doc = c.supplierDoc[i];
        if (doc == 0)
            continue;
        auto it = invalid.find(doc);
        if (it == invalid.end())
            it = invalid.emplace(doc, checkDocument(ctx.text(doc)).invalid()).first;
        if (it->second)
            flagged.push_back({doc, i});
    }
    std::vector<Finding> out;
    forEachGroup(flagged, [&](Code doc, std::span<const std::uint32_t> rows) {
        const DocumentCheck check = checkDocument(ctx.text(doc));
        double total = 0.0;
        for (auto r : rows)
            total += std::isfinite(contractValue(c, r)) ? contractValue(c, r) : 0.0;
        Finding f = newFinding(u"invalid_document", SourceTable::Contracts);
        f.rows.assign(rows.begin(), rows.end());
        f.observed = 0.0;
        f.threshold = 1.0;
        f.severity = maxSeverity(Severity::Medium, severityFromMoney(total));
        f.confidence = ruleConfidence(0);
        f.peerGroup = QString(u"fornecedor " + ctx.label(doc, c.supplierName[rows.front()]));
        f.basis = check.kind == DocumentKind::Cnpj ? QStringLiteral("CNPJ check digits (mod 11; alphanumeric: ASCII − 48)")
                                                   : QStringLiteral("CPF check digits (mod 11)");
        setExplanation(f, explainInvalidDocument(ctx.text(doc), check.kind == DocumentKind::Cnpj, int(rows.size())));
        f.suggestedActions = {QStringLiteral("Look the supplier up in the Receita Federal registry"),
                              QStringLiteral("Check whether the id was mistyped or the supplier does not exist")};
        f.metadata = {{"document", ctx.text(doc).toStdString()},
                      {"kind", check.kind == DocumentKind::Cnpj ? "cnpj" : "cpf"},
                      {"contracts", rows.size()},
                      {"total_value", total}};
        out.push_back(std::move(f));
    });
    return out;
}

} // namespace cidadao::engine
