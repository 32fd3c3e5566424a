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
#include <string_view>
#include <unordered_map>

namespace cidadao::engine {

namespace {
constexpr double kCent = 0.005;
constexpr std::size_t kMaxScan = 2000;   // guard against pathological runs of identical values

// Union-find over a table's rows, flat (a parent per row): the rows touched are few, but a vector
// indexed by row costs 4 bytes a row and no hashing, where a map of touched rows cost more per link.
struct UnionFind
{
    static constexpr std::uint32_t kUntouched = UINT32_MAX;
    explicit UnionFind(std::size_t rows) : parent(rows, kUntouched), nearLink(rows, 0), similarity(rows, 1.0f) {}

    std::vector<std::uint32_t> parent;
    std::vector<std::uint32_t> touched;
    std::vector<std::uint8_t> nearLink;   // per root: linked by the near rule
    std::vector<float> similarity;        // per root: lowest similarity of its near links

    std::uint32_t find(std::uint32_t x)
    {
        if (parent[x] == kUntouched) {
            parent[x] = x;
            touched.push_back(x);
        }
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::uint32_t a, std::uint32_t b, bool near, float sim)
    {
        const auto ra = find(a), rb = find(b);
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
    // Clusters of size ≥ 2: (rows ascending, near, min similarity), ordered by their first row.
    std::vector<std::tuple<std::vector<std::uint32_t>, bool, float>> clusters()
    {
        std::sort(touched.begin(), touched.end());
        std::unordered_map<std::uint32_t, std::size_t> at;
        std::vector<std::tuple<std::vector<std::uint32_t>, bool, float>> out;
        for (const std::uint32_t row : touched) {
            const auto r = find(row);
            auto [it, fresh] = at.emplace(r, out.size());
            if (fresh)
                out.push_back({{}, nearLink[r] != 0, similarity[r]});
            std::get<0>(out[it->second]).push_back(row);
        }
        return out;
    }
};

// Word sets of object texts, computed once per distinct text and only for compared rows. Texts are
// looked up by their UTF-8 bytes (views into the Dataset's column, which outlives this).
class WordSets
{
public:
    explicit WordSets(std::size_t rows) : m_idOfRow(rows, -1) {}
    int idOf(std::uint32_t row, std::string_view text)
    {
        int& id = m_idOfRow[row];
        if (id >= 0)
            return id;
        const auto it = m_byText.find(text);
        if (it != m_byText.end())
            return id = it->second;
        std::vector<std::uint32_t> ids;
        const QString folded = foldText(fromUtf8(text));
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
    std::unordered_map<std::string_view, int> m_byText;
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
    // Each contract's value, date and class travel with it into its supplier's group, so sorting and
    // scanning a group reads contiguous memory instead of three columns at scattered rows.
    struct Candidate
    {
        double value;
        std::uint32_t row;
        Day date;
        std::uint32_t objectClass;
    };
    std::vector<Candidate> candidates;
    const Buckets groups = bucketRowsWith(bucketOf, suppliers.size(), candidates, [&](std::uint32_t row) {
        return Candidate{contractValue(c, row), row, c.signed_[row], ctx.facts.objectClass[row]};
    });
    UnionFind uf(c.size());
    WordSets words(c.size());
    for (std::size_t g = 0; g < groups.count(); ++g) {
        if ((g & 0x3FF) == 0 && ctx.cancelled())
            return;
        Candidate* begin = candidates.data() + groups.offsets[g];
        Candidate* end = candidates.data() + groups.offsets[g + 1];
        if (end - begin < 2)
            continue;
        std::sort(begin, end, [](const Candidate& a, const Candidate& b) {
            return a.value != b.value ? a.value < b.value : a.row < b.row;
        });
        for (const Candidate* i = begin; i != end; ++i) {
            const double va = i->value;
            const Day da = i->date;
            const double limit = va * (1.0 + o.duplicateValueTolerance) + kCent;
            std::size_t scanned = 0;
            for (const Candidate* j = i + 1; j != end && ++scanned <= kMaxScan; ++j) {
                const double vb = j->value;
                if (vb > limit)
                    break;
                const Day db = j->date;
                if (std::fabs(vb - va) < kCent && da == db && da != kNoDate) {
                    uf.unite(i->row, j->row, false, 1.0f);
                    continue;
                }
                if (da == kNoDate || db == kNoDate || std::abs(da - db) > o.duplicateWindowDays)
                    continue;
                if (i->objectClass != j->objectClass)
                    continue;   // texts of different classes are never 85 % the same words
                const std::uint32_t a = i->row, b = j->row;
                const int ta = words.idOf(a, c.object.utf8(a)), tb = words.idOf(b, c.object.utf8(b));
                const double sim = ta == tb ? 1.0 : jaccard(words.set(ta), words.set(tb));
                if (sim > o.duplicateJaccard)
                    uf.unite(a, b, true, float(sim));
            }
        }
    }
    // Same document number within a UG and supplier: only numbers that repeat in a UG (the shared
    // (UG, number) index knows them) need grouping by supplier.
    const PairIndex& numbers = ctx.shared.contracts();
    std::vector<std::pair<std::array<std::uint32_t, 2>, std::uint32_t>> byNumber;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const std::uint32_t pair = numbers.pairOfRow()[i];
        if (pair != PairIndex::kNone && c.supplierDoc[i] != 0 && numbers.rowCount(pair) > 1)
            byNumber.push_back({{pair, c.supplierDoc[i]}, i});
    }
    forEachGroup(byNumber, [&](const auto&, std::span<const std::uint32_t> rows) {
        for (std::size_t k = 1; k < rows.size(); ++k)
            uf.unite(rows[0], rows[k], false, 1.0f);
    });
    emitClusters(ctx, uf, SourceTable::Contracts, out);
}

void expenseDuplicates(const DetectionContext& ctx, std::vector<Finding>& out)
{
    const ExpenseTable& e = ctx.data.expenses;
    const std::size_t n = e.size();
    UnionFind uf(n);
    // Exact: same payee, value in cents and date. An open-addressing table of first rows (the key is
    // recomputed from the row), so each payment costs one probe: no sort of a million keys.
    std::vector<std::int64_t> cents(n, 0);
    std::size_t capacity = 1024;
    while (capacity < 2 * n)
        capacity *= 2;
    std::vector<std::uint32_t> firstOfKey(capacity, UINT32_MAX);
    const std::size_t mask = capacity - 1;
    for (std::uint32_t i = 0; i < n; ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return;
        if (e.payeeDoc[i] == 0 || !(e.value[i] > 0.0) || e.date[i] == kNoDate)
            continue;
        cents[i] = std::llround(e.value[i] * 100.0);
        std::uint64_t h = (std::uint64_t(e.payeeDoc[i]) * 0x9E3779B97F4A7C15ull) ^ (std::uint64_t(cents[i]) * 0xC2B2AE3D27D4EB4Full)
                          ^ (std::uint64_t(std::uint32_t(e.date[i])) * 0x165667B19E3779F9ull);
        h ^= h >> 31;
        std::size_t slot = h & mask;
        for (;;) {
            const std::uint32_t first = firstOfKey[slot];
            if (first == UINT32_MAX) {
                firstOfKey[slot] = i;
                break;
            }
            if (e.payeeDoc[first] == e.payeeDoc[i] && cents[first] == cents[i] && e.date[first] == e.date[i]) {
                uf.unite(first, i, false, 1.0f);
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
    std::vector<std::uint32_t>().swap(firstOfKey);
    std::vector<std::int64_t>().swap(cents);
    // The same Código Pagamento: a flat first-row table indexed by the code.
    std::vector<std::uint32_t> firstWithCode(ctx.data.strings.size(), UINT32_MAX);
    for (std::uint32_t i = 0; i < n; ++i) {
        const Code code = e.paymentCode[i];
        if (code == 0)
            continue;
        if (firstWithCode[code] == UINT32_MAX)
            firstWithCode[code] = i;
        else
            uf.unite(firstWithCode[code], i, false, 1.0f);
    }
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
