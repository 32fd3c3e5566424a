// SPDX-License-Identifier: GPL-3.0-or-later
// duplicate: the same purchase recorded twice. Contracts are linked when they have
//   - exactly the same supplier, value (to the cent) and signing date, or
//   - the same document number in the same UG with the same supplier, or
//   - nearly the same everything: same supplier, values within duplicateValueTolerance (1 %), signed
//     within duplicateWindowDays (30) of each other, and object texts whose word sets have a Jaccard
//     similarity above duplicateJaccard (0.85, Zumbi's baseline).
// Payments are linked only exactly (same payee, value and date, or the same Código Pagamento): a
// monthly bill of the same amount is normal, so the near rule would drown in false leads there.
// Linked records form clusters (union-find); each cluster is one finding with all its records.
// Blocking: records are sorted by (supplier, value) and only the run of records within 1 % of a
// value is compared, so the cost is near-linear even for suppliers with thousands of contracts.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/grouping.h"
#include "engine/severity.h"
#include "engine/textfold.h"

#include <numeric>
#include <unordered_map>

namespace cidadao::engine {

namespace {
constexpr double kCent = 0.005;
constexpr std::size_t kMaxScan = 2000;   // guard against pathological runs of identical values

struct UnionFind
{
    std::vector<std::uint32_t> parent;
    std::unordered_map<std::uint32_t, std::uint32_t> index;   // row → slot
    std::vector<std::uint32_t> rows;
    std::vector<std::uint8_t> nearLink;                      // per slot: linked by the near rule
    std::vector<float> similarity;

    std::uint32_t slot(std::uint32_t row)
    {
        auto [it, fresh] = index.emplace(row, std::uint32_t(parent.size()));
        if (fresh) {
            parent.push_back(it->second);
            rows.push_back(row);
            nearLink.push_back(0);
            similarity.push_back(1.0f);
        }
        return it->second;
    }
    std::uint32_t find(std::uint32_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::uint32_t a, std::uint32_t b, bool near, float sim)
    {
        const auto sa = slot(a), sb = slot(b);
        const auto ra = find(sa), rb = find(sb);
        if (ra != rb) {
            parent[rb] = ra;
            nearLink[ra] = nearLink[ra] | nearLink[rb];
            similarity[ra] = std::min(similarity[ra], similarity[rb]);
        }
        if (near) {
            nearLink[ra] = 1;
            similarity[ra] = std::min(similarity[ra], sim);
        }
    }
    // Clusters of size ≥ 2: (rows ascending, near, min similarity).
    std::vector<std::tuple<std::vector<std::uint32_t>, bool, float>> clusters()
    {
        std::unordered_map<std::uint32_t, std::size_t> at;
        std::vector<std::tuple<std::vector<std::uint32_t>, bool, float>> out;
        for (std::uint32_t s = 0; s < parent.size(); ++s) {
            const auto r = find(s);
            auto [it, fresh] = at.emplace(r, out.size());
            if (fresh)
                out.push_back({{}, nearLink[r] != 0, similarity[r]});
            std::get<0>(out[it->second]).push_back(rows[s]);
        }
        for (auto& c : out)
            std::sort(std::get<0>(c).begin(), std::get<0>(c).end());
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::get<0>(a).front() < std::get<0>(b).front(); });
        return out;
    }
};

// Word sets of object texts, computed once per distinct text and only for compared rows.
class WordSets
{
public:
    explicit WordSets(std::size_t rows) : m_idOfRow(rows, -1) {}
    int idOf(std::uint32_t row, const QString& text)
    {
        int& id = m_idOfRow[row];
        if (id >= 0)
            return id;
        const auto it = m_byText.find(text);
        if (it != m_byText.end())
            return id = it->second;
        std::vector<std::uint32_t> ids;
        const QString folded = foldText(text);
        forEachWord(folded, [&](QStringView w) {
            auto [wt, fresh] = m_words.emplace(w.toString(), std::uint32_t(m_words.size()));
            ids.push_back(wt->second);
        });
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        id = int(m_sets.size());
        m_sets.push_back(std::move(ids));
        m_byText.emplace(text, id);
        return id;
    }
    const std::vector<std::uint32_t>& set(int id) const { return m_sets[std::size_t(id)]; }

private:
    std::vector<int> m_idOfRow;
    std::vector<std::vector<std::uint32_t>> m_sets;
    std::unordered_map<QString, int> m_byText;
    std::unordered_map<QString, std::uint32_t> m_words;
};

double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b)
{
    if (a.empty() && b.empty())
        return 1.0;
    std::size_t i = 0, j = 0, common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return double(common) / double(a.size() + b.size() - common);
}

void emitClusters(const DetectionContext& ctx, UnionFind& uf, SourceTable table, std::vector<Finding>& out)
{
    const ContractTable& c = ctx.data.contracts;
    const ExpenseTable& e = ctx.data.expenses;
    for (auto& [rows, near, sim] : uf.clusters()) {
        Finding f = newFinding(u"duplicate", table);
        f.rows = rows;
        double total = 0.0, value = 0.0;
        QString supplier;
        if (table == SourceTable::Contracts) {
            for (auto r : rows)
                total += contractValue(c, r);
            value = contractValue(c, rows.front());
            supplier = ctx.label(c.supplierDoc[rows.front()], c.supplierName[rows.front()]);
        } else {
            for (auto r : rows)
                total += e.value[r];
            value = e.value[rows.front()];
            supplier = ctx.label(e.payeeDoc[rows.front()], e.payeeName[rows.front()]);
        }
        const double repeated = total - total / double(rows.size());   // what was recorded beyond one
        f.observed = near ? double(sim) : 1.0;
        f.threshold = near ? ctx.options.duplicateJaccard : 1.0;
        f.severity = severityFromMoney(repeated);
        f.confidence = near ? std::clamp(0.6 + 0.3 * (double(sim) - ctx.options.duplicateJaccard)
                                                    / std::max(1e-9, 1.0 - ctx.options.duplicateJaccard), 0.6, 0.9)
                            : 0.95;
        f.peerGroup = QString(u"fornecedor " + supplier);
        f.basis = near ? QStringLiteral("same supplier, value within 1%, within 30 days, object Jaccard > 0.85")
                       : QStringLiteral("same supplier, value and date (or the same document number)");
        setExplanation(f, explainDuplicate(int(rows.size()), !near, value, supplier, double(sim)));
        f.suggestedActions = {QStringLiteral("Check whether both records correspond to separate deliveries"),
                              QStringLiteral("Compare the invoices (notas fiscais) behind each record")};
        f.metadata = {{"records", rows.size()}, {"exact", !near}, {"similarity", sim}, {"total_value", total},
                      {"repeated_value", repeated}};
        out.push_back(std::move(f));
    }
}

void contractDuplicates(const DetectionContext& ctx, std::vector<Finding>& out)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    // Suppliers bucketed, then each supplier's contracts sorted by value: only the run within 1 % of
    // a value is compared.
    DenseCodes suppliers(ctx.data.strings.size());
    std::vector<std::uint32_t> bucketOf(c.size(), kNoBucket);
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double v = contractValue(c, i);
        if (c.supplierDoc[i] != 0 && v > 0.0 && std::isfinite(v))
            bucketOf[i] = suppliers(c.supplierDoc[i]);
    }
    Buckets groups = bucketRows(bucketOf, suppliers.size());
    UnionFind uf;
    WordSets words(c.size());
    for (std::size_t g = 0; g < groups.count(); ++g) {
        if ((g & 0x3FF) == 0 && ctx.cancelled())
            return;
        std::uint32_t* begin = groups.rows.data() + groups.offsets[g];
        std::uint32_t* end = groups.rows.data() + groups.offsets[g + 1];
        if (end - begin < 2)
            continue;
        std::sort(begin, end, [&](std::uint32_t a, std::uint32_t b) {
            const double va = contractValue(c, a), vb = contractValue(c, b);
            return va != vb ? va < vb : a < b;
        });
        for (std::uint32_t* i = begin; i != end; ++i) {
            const std::uint32_t a = *i;
            const double va = contractValue(c, a);
            const double limit = va * (1.0 + o.duplicateValueTolerance) + kCent;
            std::size_t scanned = 0;
            for (std::uint32_t* j = i + 1; j != end && ++scanned <= kMaxScan; ++j) {
                const std::uint32_t b = *j;
                const double vb = contractValue(c, b);
                if (vb > limit)
                    break;
                const Day da = c.signed_[a], db = c.signed_[b];
                if (std::fabs(vb - va) < kCent && da == db && da != kNoDate) {
                    uf.unite(a, b, false, 1.0f);
                    continue;
                }
                if (da == kNoDate || db == kNoDate || std::abs(da - db) > o.duplicateWindowDays)
                    continue;
                if (ctx.facts.objectClass[a] != ctx.facts.objectClass[b])
                    continue;   // texts of different classes are never 85 % the same words
                const int ta = words.idOf(a, c.object[a]), tb = words.idOf(b, c.object[b]);
                const double sim = ta == tb ? 1.0 : jaccard(words.set(ta), words.set(tb));
                if (sim > o.duplicateJaccard)
                    uf.unite(a, b, true, float(sim));
            }
        }
    }
    // Same document number within a UG and supplier.
    std::vector<std::pair<std::array<std::uint32_t, 3>, std::uint32_t>> byNumber;
    for (std::uint32_t i = 0; i < c.size(); ++i)
        if (c.number[i] != 0 && c.supplierDoc[i] != 0)
            byNumber.push_back({{c.unit[i], c.number[i], c.supplierDoc[i]}, i});
    forEachGroup(byNumber, [&](const auto&, std::span<const std::uint32_t> rows) {
        for (std::size_t k = 1; k < rows.size(); ++k)
            uf.unite(rows[0], rows[k], false, 1.0f);
    });
    emitClusters(ctx, uf, SourceTable::Contracts, out);
}

void expenseDuplicates(const DetectionContext& ctx, std::vector<Finding>& out)
{
    const ExpenseTable& e = ctx.data.expenses;
    UnionFind uf;
    using Key = std::tuple<Code, std::int64_t, Day>;
    std::vector<std::pair<Key, std::uint32_t>> exact;
    std::vector<std::pair<Code, std::uint32_t>> byCode;
    for (std::uint32_t i = 0; i < e.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return;
        if (e.payeeDoc[i] != 0 && e.value[i] > 0.0 && e.date[i] != kNoDate)
            exact.push_back({Key{e.payeeDoc[i], std::llround(e.value[i] * 100.0), e.date[i]}, i});
        if (e.paymentCode[i] != 0)
            byCode.push_back({e.paymentCode[i], i});
    }
    forEachGroup(exact, [&](const Key&, std::span<const std::uint32_t> rows) {
        for (std::size_t k = 1; k < rows.size(); ++k)
            uf.unite(rows[0], rows[k], false, 1.0f);
    });
    forEachGroup(byCode, [&](Code, std::span<const std::uint32_t> rows) {
        for (std::size_t k = 1; k < rows.size(); ++k)
            uf.unite(rows[0], rows[k], false, 1.0f);
    });
    emitClusters(ctx, uf, SourceTable::Expenses, out);
}
} // namespace

std::vector<Finding> detectDuplicates(const DetectionContext& ctx)
{
    std::vector<Finding> out;
    contractDuplicates(ctx, out);
    if (!ctx.cancelled())
        expenseDuplicates(ctx, out);
    return out;
}

} // namespace cidadao::engine
