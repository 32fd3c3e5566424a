// SPDX-License-Identifier: GPL-3.0-or-later
// The loader's fast path (issue 4: 1M contracts well under 2 s). Per table: one COUNT(*) to reserve every
// column vector and the interner once, then one SELECT of only the columns the engine reads, in rowid
// order (a plain scan of the table B-tree). The original rows live in the `<table>_original` side tables
// (schema 0004), so the scan reads narrow records only. Each text cell is interned straight from
// SQLite's UTF-8 buffer: a repeated value (organ, UG, supplier) costs one hash lookup of its bytes and
// no allocation; only a value seen for the first time becomes a QString in the StringPool.
#include "data/loader.h"

#include "data/values.h"
#include "store/database.h"
#include "store/statement.h"

#include <sqlite3.h>

#include <QSet>

#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

namespace cidadao::data {

namespace {

using engine::Code;
using engine::Day;

// Interns UTF-8 bytes straight from SQLite's buffer: a repeated value (organ codes, supplier names)
// costs one hash lookup and no allocation; only a value seen for the first time becomes a QString.
class Interner
{
public:
    explicit Interner(engine::StringPool& pool)
        : m_pool(pool)
    {
    }
    // Rehashing a map of millions of keys costs more than the lookups: grow it once per table.
    void reserveMore(std::size_t n) { m_codes.reserve(m_codes.size() + n); }

    Code intern(std::string_view utf8)
    {
        if (utf8.empty())
            return 0;
        const auto it = m_codes.find(utf8);
        if (it != m_codes.end())
            return it->second;
        const Code code = m_pool.intern(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
        m_codes.emplace(std::string(utf8), code);
        return code;
    }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
    };
    engine::StringPool& m_pool;
    std::unordered_map<std::string, Code, Hash, std::equal_to<>> m_codes;
};

// Typed access to the current row of a raw statement.
class Row
{
public:
    Row(sqlite3_stmt* statement, Interner& interner)
        : m_statement(statement)
        , m_interner(interner)
    {
    }
    Code code(int column) const
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        if (!text)
            return 0;
        return m_interner.intern(std::string_view(text, std::size_t(sqlite3_column_bytes(m_statement, column))));
    }
    QString text(int column) const
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        if (!text)
            return QString();
        return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
    }
    Day day(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL ? engine::kNoDate
                                                                        : Day(sqlite3_column_int64(m_statement, column));
    }
    double value(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL ? engine::kNoValue
                                                                        : sqlite3_column_double(m_statement, column);
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }

private:
    sqlite3_stmt* m_statement;
    Interner& m_interner;
};

using Parameter = std::variant<std::int64_t, QString>;

// The WHERE clause of one table's SELECT under the filter, with its parameters.
struct Where
{
    std::string sql;
    std::vector<Parameter> parameters;

    void add(const std::string& condition)
    {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
    }
    void addIn(const char* column, const QStringList& values)
    {
        if (values.isEmpty())
            return;
        std::string condition = std::string(column) + " IN (";
        for (qsizetype i = 0; i < values.size(); ++i) {
            condition += i == 0 ? "?" : ", ?";
            parameters.emplace_back(values.at(i));
        }
        add(condition + ")");
    }
};

Where buildWhere(const LoadFilter& filter, const char* dateColumn, const char* organColumn, const char* unitColumn)
{
    Where where;
    if (dateColumn && filter.from != engine::kNoDate) {
        where.add(std::string(dateColumn) + " >= ?");
        where.parameters.emplace_back(std::int64_t(filter.from));
    }
    if (dateColumn && filter.to != engine::kNoDate) {
        where.add(std::string(dateColumn) + " <= ?");
        where.parameters.emplace_back(std::int64_t(filter.to));
    }
    if (organColumn)
        where.addIn(organColumn, filter.organs);
    if (unitColumn)
        where.addIn(unitColumn, filter.units);
    if (!filter.importIds.empty()) {
        std::string condition = "import_id IN (";
        for (std::size_t i = 0; i < filter.importIds.size(); ++i) {
            condition += i == 0 ? "?" : ", ?";
            where.parameters.emplace_back(filter.importIds[i]);
        }
        where.add(condition + ")");
    }
    return where;
}

// Runs "SELECT id, key, <columns> FROM table <where> ORDER BY id" and calls onRow for each row, after
// telling reserve how many rows to expect.
template<typename Reserve, typename OnRow>
void select(store::Database& db, const char* table, const char* columns, const Where& where, Interner& interner,
            Reserve&& reserve, OnRow&& onRow)
{
    auto bindAll = [&](store::Statement& statement) {
        int index = 1;
        for (const Parameter& parameter : where.parameters) {
            if (const auto* number = std::get_if<std::int64_t>(&parameter))
                statement.bind(index++, *number);
            else
                statement.bind(index++, std::get<QString>(parameter));
        }
    };
    store::Statement count = db.prepare("SELECT count(*) FROM " + std::string(table) + where.sql);
    bindAll(count);
    if (count.step()) {
        const auto n = std::size_t(count.int64(0));
        interner.reserveMore(n);
        reserve(n);
    }
    count.reset();

    store::Statement statement = db.prepare("SELECT id, key, " + std::string(columns) + " FROM " + std::string(table)
                                            + where.sql + " ORDER BY id");
    bindAll(statement);
    sqlite3_stmt* handle = statement.handle();
    const Row row(handle, interner);
    while (statement.step())
        onRow(row);
}

template<typename Table>
void reserveBase(Table& table, std::size_t n)
{
    table.key.reserve(n);
    table.rowId.reserve(n);
}

template<typename Table>
void pushBase(Table& table, const Row& row)
{
    table.rowId.push_back(row.integer(0));
    table.key.push_back(row.code(1));
}

void loadContracts(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.contracts;
    select(db, "contracts",
           "number, object, legal_basis, modality, status, superior_organ, organ, organ_name, unit, unit_name, "
           "supplier_doc, supplier_name, bidding_number, signed_date, published_date, start_date, end_date, "
           "initial_value, final_value",
           buildWhere(filter, "signed_date", "organ", "unit"), in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.number, &t.legalBasis, &t.modality, &t.status, &t.superiorOrgan, &t.organ,
                               &t.organName, &t.unit, &t.unitName, &t.supplierDoc, &t.supplierName, &t.biddingNumber})
                   v->reserve(n);
               for (auto* v : {&t.signed_, &t.published, &t.start, &t.end})
                   v->reserve(n);
               t.object.reserve(n);
               t.initialValue.reserve(n);
               t.finalValue.reserve(n);
           },
           [&](const Row& r) {
               pushBase(t, r);
               t.number.push_back(r.code(2));
               t.object.push_back(r.text(3));
               t.legalBasis.push_back(r.code(4));
               t.modality.push_back(r.code(5));
               t.status.push_back(r.code(6));
               t.superiorOrgan.push_back(r.code(7));
               t.organ.push_back(r.code(8));
               t.organName.push_back(r.code(9));
               t.unit.push_back(r.code(10));
               t.unitName.push_back(r.code(11));
               t.supplierDoc.push_back(r.code(12));
               t.supplierName.push_back(r.code(13));
               t.biddingNumber.push_back(r.code(14));
               t.signed_.push_back(r.day(15));
               t.published.push_back(r.day(16));
               t.start.push_back(r.day(17));
               t.end.push_back(r.day(18));
               t.initialValue.push_back(r.value(19));
               t.finalValue.push_back(r.value(20));
           });
}

void loadBiddings(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.biddings;
    select(db, "biddings",
           "number, unit, modality, object, status, organ, uf, municipality, result_date, open_date, value",
           buildWhere(filter, "open_date", "organ", "unit"), in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.number, &t.unit, &t.modality, &t.status, &t.organ, &t.uf, &t.municipality})
                   v->reserve(n);
               t.object.reserve(n);
               t.resultDate.reserve(n);
               t.openDate.reserve(n);
               t.value.reserve(n);
           },
           [&](const Row& r) {
               pushBase(t, r);
               t.number.push_back(r.code(2));
               t.unit.push_back(r.code(3));
               t.modality.push_back(r.code(4));
               t.object.push_back(r.text(5));
               t.status.push_back(r.code(6));
               t.organ.push_back(r.code(7));
               t.uf.push_back(r.code(8));
               t.municipality.push_back(r.code(9));
               t.resultDate.push_back(r.day(10));
               t.openDate.push_back(r.day(11));
               t.value.push_back(r.value(12));
           });
}

void loadParticipants(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.participants;
    // Participants have no date of their own: under a date range, keep those of the biddings loaded.
    const bool byBidding = filter.biddings && (filter.from != engine::kNoDate || filter.to != engine::kNoDate);
    QSet<std::uint64_t> loadedBiddings;
    if (byBidding) {
        for (std::size_t i = 0; i < data.biddings.size(); ++i)
            loadedBiddings.insert((std::uint64_t(data.biddings.unit[i]) << 32) | data.biddings.number[i]);
    }
    select(db, "bidding_participants", "bidding_number, unit, participant_doc, participant_name, winner",
           buildWhere(filter, nullptr, "organ", "unit"), in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.biddingNumber, &t.unit, &t.participantDoc, &t.participantName})
                   v->reserve(n);
               t.winner.reserve(n);
           },
           [&](const Row& r) {
               const Code number = r.code(2);
               const Code unit = r.code(3);
               if (byBidding && !loadedBiddings.contains((std::uint64_t(unit) << 32) | number))
                   return;
               pushBase(t, r);
               t.biddingNumber.push_back(number);
               t.unit.push_back(unit);
               t.participantDoc.push_back(r.code(4));
               t.participantName.push_back(r.code(5));
               t.winner.push_back(std::uint8_t(r.integer(6) == 1 ? 1 : 0));
           });
}

void loadAgreements(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.agreements;
    select(db, "agreements",
           "number, uf, municipality, status, object, superior_organ, grantor_organ, grantor_unit, grantee_doc, "
           "grantee_name, value, released, counterpart, published_date, start_date, end_date, last_release_date",
           buildWhere(filter, "published_date", "grantor_organ", "grantor_unit"), in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.number, &t.uf, &t.municipality, &t.status, &t.superiorOrgan, &t.grantorOrgan,
                               &t.grantorUnit, &t.granteeDoc, &t.granteeName})
                   v->reserve(n);
               for (auto* v : {&t.value, &t.released, &t.counterpart})
                   v->reserve(n);
               for (auto* v : {&t.published, &t.start, &t.end, &t.lastRelease})
                   v->reserve(n);
               t.object.reserve(n);
           },
           [&](const Row& r) {
               pushBase(t, r);
               t.number.push_back(r.code(2));
               t.uf.push_back(r.code(3));
               t.municipality.push_back(r.code(4));
               t.status.push_back(r.code(5));
               t.object.push_back(r.text(6));
               t.superiorOrgan.push_back(r.code(7));
               t.grantorOrgan.push_back(r.code(8));
               t.grantorUnit.push_back(r.code(9));
               t.granteeDoc.push_back(r.code(10));
               t.granteeName.push_back(r.code(11));
               t.value.push_back(r.value(12));
               t.released.push_back(r.value(13));
               t.counterpart.push_back(r.value(14));
               t.published.push_back(r.day(15));
               t.start.push_back(r.day(16));
               t.end.push_back(r.day(17));
               t.lastRelease.push_back(r.day(18));
           });
}

void loadExpenses(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.expenses;
    select(db, "expenses",
           "payment_code, date, payee_doc, payee_name, organ, unit, expense_element, process, note, value",
           buildWhere(filter, "date", "organ", "unit"), in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.paymentCode, &t.payeeDoc, &t.payeeName, &t.organ, &t.unit, &t.expenseElement,
                               &t.process})
                   v->reserve(n);
               t.date.reserve(n);
               t.note.reserve(n);
               t.value.reserve(n);
           },
           [&](const Row& r) {
               pushBase(t, r);
               t.paymentCode.push_back(r.code(2));
               t.date.push_back(r.day(3));
               t.payeeDoc.push_back(r.code(4));
               t.payeeName.push_back(r.code(5));
               t.organ.push_back(r.code(6));
               t.unit.push_back(r.code(7));
               t.expenseElement.push_back(r.code(8));
               t.process.push_back(r.code(9));
               t.note.push_back(r.text(10));
               t.value.push_back(r.value(11));
           });
}

void loadServants(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.servants;
    LoadFilter monthly = filter;
    monthly.from = monthly.to = engine::kNoDate;
    Where where = buildWhere(monthly, nullptr, "organ", nullptr);
    // Pay is monthly: a month is in the range when any of its days is.
    auto monthIndex = [](Day day) {
        int year = 0, month = 0, dayOfMonth = 0;
        civilFromDays(day, year, month, dayOfMonth);
        return std::int64_t(year) * 12 + (month - 1);
    };
    if (filter.from != engine::kNoDate) {
        where.add("year * 12 + month - 1 >= ?");
        where.parameters.emplace_back(monthIndex(filter.from));
    }
    if (filter.to != engine::kNoDate) {
        where.add("year * 12 + month - 1 <= ?");
        where.parameters.emplace_back(monthIndex(filter.to));
    }
    select(db, "servant_pay", "year, month, servant_id, name, role, organ, gross_basic, ceiling_cut, net_pay", where,
           in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.servantId, &t.name, &t.role, &t.organ})
                   v->reserve(n);
               for (auto* v : {&t.grossBasic, &t.ceilingCut, &t.netPay})
                   v->reserve(n);
               t.year.reserve(n);
               t.month.reserve(n);
           },
           [&](const Row& r) {
               pushBase(t, r);
               t.year.push_back(std::int16_t(r.integer(2)));
               t.month.push_back(std::int8_t(r.integer(3)));
               t.servantId.push_back(r.code(4));
               t.name.push_back(r.code(5));
               t.role.push_back(r.code(6));
               t.organ.push_back(r.code(7));
               t.grossBasic.push_back(r.value(8));
               t.ceilingCut.push_back(r.value(9));
               t.netPay.push_back(r.value(10));
           });
}

void loadSanctions(store::Database& db, const LoadFilter& filter, engine::Dataset& data, Interner& in)
{
    auto& t = data.sanctions;
    LoadFilter unfiltered;
    unfiltered.importIds = filter.importIds;
    select(db, "sanctions",
           "registry, sanctioned_doc, sanctioned_name, category, start_date, end_date, sanctioning_organ, fine",
           buildWhere(unfiltered, nullptr, nullptr, nullptr), in,
           [&](std::size_t n) {
               reserveBase(t, n);
               for (auto* v : {&t.registry, &t.sanctionedDoc, &t.sanctionedName, &t.category, &t.sanctioningOrgan})
                   v->reserve(n);
               t.start.reserve(n);
               t.end.reserve(n);
               t.fine.reserve(n);
           },
           [&](const Row& r) {
               pushBase(t, r);
               t.registry.push_back(r.code(2));
               t.sanctionedDoc.push_back(r.code(3));
               t.sanctionedName.push_back(r.code(4));
               t.category.push_back(r.code(5));
               t.start.push_back(r.day(6));
               t.end.push_back(r.day(7));
               t.sanctioningOrgan.push_back(r.code(8));
               t.fine.push_back(r.value(9));
           });
}

} // namespace

engine::Dataset loadDataset(store::Database& db, const LoadFilter& filter)
{
    engine::Dataset data;
    Interner interner(data.strings);
    if (filter.contracts)
        loadContracts(db, filter, data, interner);
    if (filter.biddings)
        loadBiddings(db, filter, data, interner);
    if (filter.participants)
        loadParticipants(db, filter, data, interner);
    if (filter.agreements)
        loadAgreements(db, filter, data, interner);
    if (filter.expenses)
        loadExpenses(db, filter, data, interner);
    if (filter.servants)
        loadServants(db, filter, data, interner);
    if (filter.sanctions)
        loadSanctions(db, filter, data, interner);
    return data;
}

} // namespace cidadao::data
