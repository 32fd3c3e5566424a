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
// Blocking: records are grouped by supplier and sorted by (value band, date); only records of the
// same or the neighbouring band within the date window are compared, so the cost is near-linear even
// for suppliers with thousands of contracts.
#include "engine/detectioncontext.h"
#include "engine/exactrepeats.h"
#include "engine/explanations.h"
#include "engine/grouping.h"
#include "engine/severity.h"
#include "engine/textfold.h"

#include <cmath>
#include <deque>
#include <span>
#include <string_view>
#include <unordered_map>

namespace cidadao::engine {

namespace {
constexpr double kCent = 0.005;
constexpr std::size_t kMaxScan = 2000;   // guard against pathological runs of identical values and dates

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

// Word sets of object texts, computed once per compared row (the texts of a million contracts are
// nearly all distinct, so there is nothing to share between rows). Folded straight from the UTF-8 bytes;
// a few hundred distinct words, numbered; each set sorted, in one flat array.
class WordSets
{
public:
    explicit WordSets(std::size_t rows) : m_setOfRow(rows, kNone) { m_offsets.push_back(0); }
    // The set's number, made on first use. (A number, not a view: making a set may move the others.)
    std::uint32_t idOf(std::uint32_t row, std::string_view text)
    {
        std::uint32_t& id = m_setOfRow[row];
        if (id == kNone) {
            id = std::uint32_t(m_offsets.size() - 1);
            foldedWordsUtf8(text, m_folded, m_spans);
            const std::size_t first = m_items.size();
            for (const WordSpan& w : m_spans)
                m_items.push_back(wordId(std::u16string_view(m_folded).substr(w.offset, w.length)));
            std::sort(m_items.begin() + std::ptrdiff_t(first), m_items.end());
            m_items.erase(std::unique(m_items.begin() + std::ptrdiff_t(first), m_items.end()), m_items.end());
            m_offsets.push_back(std::uint32_t(m_items.size()));
        }
        return id;
    }
    std::span<const std::uint32_t> set(std::uint32_t id) const
    {
        return {m_items.data() + m_offsets[id], m_items.data() + m_offsets[id + 1]};
    }

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    std::uint32_t wordId(std::u16string_view word)
    {
        const auto it = m_words.find(word);
        if (it != m_words.end())
            return it->second;
        const auto id = std::uint32_t(m_words.size());
        m_words.emplace(m_wordTexts.emplace_back(word), id);   // deque: the text never moves
        return id;
    }
    std::vector<std::uint32_t> m_setOfRow;
    std::vector<std::uint32_t> m_items;     // the sets' word ids, set after set
    std::vector<std::uint32_t> m_offsets;   // set k is m_items[m_offsets[k], m_offsets[k + 1])
    std::deque<std::u16string> m_wordTexts;
    std::unordered_map<std::u16string_view, std::uint32_t> m_words;
    std::u16string m_folded;                // scratch of the text being split
    std::vector<WordSpan> m_spans;
};

double jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b)
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

// A contract's value band: values within the tolerance of each other fall in the same band or in
// neighbouring ones. Bands are tol + 0.02 % wide in log scale, so the cent of slack the value rule
// allows (kCent) cannot stretch a pair over two bands once a value is at least kBandFloor; values
// below it (rare: contracts under R$ 50) share band 0.
class ValueBands
{
public:
    explicit ValueBands(double tolerance) : m_width(std::log1p(tolerance + 0.0002)) {}
    std::int32_t operator()(double value) const
    {
        return value < kBandFloor ? 0 : 1 + std::int32_t(std::floor(std::log(value / kBandFloor) / m_width));
    }

private:
    static constexpr double kBandFloor = 50.0;
    double m_width;
};

void contractDuplicates(const DetectionContext& ctx, std::vector<Finding>& out)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    // The exact and near rules need a signing date: contracts without one are left out here (the
    // document-number rule below does not need it). Suppliers bucketed; each
    // contract's value, date and class travel with it into its supplier's group, so sorting and
    // scanning a group reads contiguous memory instead of columns at scattered rows.
    DenseCodes suppliers;
    std::vector<std::uint32_t> bucketOf(c.size(), kNoBucket);
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double v = contractValue(c, i);
        if (c.supplierDoc[i] != 0 && v > 0.0 && std::isfinite(v) && c.signed_[i] != kNoDate)
            bucketOf[i] = suppliers(c.supplierDoc[i]);
    }
    struct Candidate
    {
        double value;
        std::uint32_t row;
        Day date;
        std::uint32_t objectClass;
        std::int32_t band;
    };
    const ValueBands bandOf(o.duplicateValueTolerance);
    std::vector<Candidate> candidates;
    const Buckets groups = bucketRowsWith(bucketOf, suppliers.size(), candidates, [&](std::uint32_t row) {
        const double value = contractValue(c, row);
        return Candidate{value, row, c.signed_[row], ctx.facts.objectClass[row], bandOf(value)};
    });
    std::vector<std::uint32_t>().swap(bucketOf);
    UnionFind uf(c.size());
    forEachExactRepeat(
        contractExactKeys(c), [&](std::uint32_t first, std::uint32_t row) { uf.unite(first, row, false, 1.0f); },
        [&] { return ctx.cancelled(); });
    WordSets words(c.size());
    const int window = o.duplicateWindowDays;
    const auto compare = [&](const Candidate& a, const Candidate& b) {
        const double low = std::min(a.value, b.value), high = std::max(a.value, b.value);
        if (high > low * (1.0 + o.duplicateValueTolerance) + kCent)
            return;
        if (a.date == b.date && std::llround(a.value * 100.0) == std::llround(b.value * 100.0))
            return;   // an exact repeat, linked above
        if (a.objectClass != b.objectClass)
            return;   // texts of different classes are never 85 % the same words
        const std::uint32_t ta = words.idOf(a.row, c.object.utf8(a.row)), tb = words.idOf(b.row, c.object.utf8(b.row));
        const double sim = jaccard(words.set(ta), words.set(tb));
        if (sim > o.duplicateJaccard)
            uf.unite(a.row, b.row, true, float(sim));
    };
    // Each supplier's contracts sorted by (band, date): a contract is compared with the later ones of
    // its band and with its neighbour band's, only those within the date window. A two-dimensional
    // block: scanning by value alone compared thirty times more pairs (at a million contracts,
    // 23.6 M pairs of which 0.75 M were within the window).
    for (std::size_t g = 0; g < groups.count(); ++g) {
        if ((g & 0x3FF) == 0 && ctx.cancelled())
            return;
        Candidate* begin = candidates.data() + groups.offsets[g];
        Candidate* end = candidates.data() + groups.offsets[g + 1];
        if (end - begin < 2)
            continue;
        std::sort(begin, end, [](const Candidate& a, const Candidate& b) {
            return a.band != b.band ? a.band < b.band : a.date != b.date ? a.date < b.date : a.row < b.row;
        });
        const Candidate* bandEnd = begin;
        const Candidate* nextEnd = begin;   // end of the neighbour band (band + 1), empty if absent
        const Candidate* nextFrom = begin;  // first of the neighbour band not before date − window
        for (const Candidate* i = begin; i != end; ++i) {
            if (i >= bandEnd) {   // entering a new band: find its end and its neighbour's range
                bandEnd = i;
                while (bandEnd != end && bandEnd->band == i->band)
                    ++bandEnd;
                nextFrom = nextEnd = bandEnd;
                if (bandEnd != end && bandEnd->band == i->band + 1)
                    while (nextEnd != end && nextEnd->band == i->band + 1)
                        ++nextEnd;
            }
            const Day last = i->date + window;
            std::size_t scanned = 0;
            for (const Candidate* j = i + 1; j != bandEnd && j->date <= last && ++scanned <= kMaxScan; ++j)
                compare(*i, *j);
            while (nextFrom != nextEnd && nextFrom->date < i->date - window)
                ++nextFrom;
            scanned = 0;
            for (const Candidate* j = nextFrom; j != nextEnd && j->date <= last && ++scanned <= kMaxScan; ++j)
                compare(*i, *j);
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
    forEachExactRepeat(
        paymentExactKeys(e), [&](std::uint32_t first, std::uint32_t row) { uf.unite(first, row, false, 1.0f); },
        [&] { return ctx.cancelled(); });
    if (ctx.cancelled())
        return;
    // The same Código Pagamento: the exact-repeat table again, keyed by the code alone.
    std::vector<ExactKey> codes(n);
    for (std::size_t i = 0; i < n; ++i)
        codes[i].party = e.paymentCode[i];
    forEachExactRepeat(
        codes, [&](std::uint32_t first, std::uint32_t row) { uf.unite(first, row, false, 1.0f); },
        [&] { return ctx.cancelled(); });
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
