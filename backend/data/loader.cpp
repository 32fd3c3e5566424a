// SPDX-License-Identifier: GPL-3.0-or-later
// The loader's fast path (issue 4). One table-driven reader serves every table: a table is described
// by the SQL columns the engine reads and the Dataset vector each one fills. Per table: one COUNT(*)
// to reserve every vector and the string pool once, then one SELECT in rowid order (a plain scan of
// the table B-tree; the original rows live in the `<table>_original` side tables of schema 0004, so
// the scan reads narrow records). Text cells are interned straight from SQLite's UTF-8 buffer
// (StringPool::internUtf8: a repeated organ, UG or supplier costs one probe and no allocation). The
// record keys, distinct by construction, are appended without an index entry: at a million contracts
// (six million records in all) indexing them cost more memory than every other column together.
// Free texts (objects, notes) go to TextColumns as UTF-8, never through a QString: with the pool's
// UTF-8 arena this took the loaded Dataset from 1.95 GB to 0.94 GB at a million contracts.
// Both cores: a second read-only connection loads half of the tables on a thread of its own, into a
// pool of its own merged afterwards (loadDataset): 12-13 s down to 6.5-7 s at a million contracts. And
// a row's code cells are hashed and their slots prefetched before any is interned (StringPool::hint):
// 6.1-7.2 s down to 5.1-5.6 s.
#include "data/loader.h"

#include "data/values.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeerror.h"

#include <sqlite3.h>

#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <variant>

namespace cidadao::data {

namespace {

using engine::Code;
using engine::Day;

// How one SQL column becomes one Dataset column.
enum class Kind {
    Interned,  // text interned in the pool, a Code (NULL → 0)
    UniqueKey, // text distinct per record, appended to the pool without dedup (NULL → 0)
    Text,      // free text kept as UTF-8 in a TextColumn (objects, notes)
    Date,      // INTEGER days, a Day (NULL → kNoDate)
    Value,     // REAL (NULL → NaN)
    RowId,     // INTEGER id
    Year,      // INTEGER into int16
    Month,     // INTEGER into int8
    Flag       // 1 → 1, anything else → 0
};

struct Column
{
    const char* sql;
    Kind kind;
    void* target; // the std::vector<T> of the kind; built only through the typed helpers below
};

Column code(const char* sql, std::vector<Code>& v) { return {sql, Kind::Interned, &v}; }
Column text(const char* sql, engine::TextColumn& v) { return {sql, Kind::Text, &v}; }
Column day(const char* sql, std::vector<Day>& v) { return {sql, Kind::Date, &v}; }
Column value(const char* sql, std::vector<double>& v) { return {sql, Kind::Value, &v}; }
Column year(const char* sql, std::vector<std::int16_t>& v) { return {sql, Kind::Year, &v}; }
Column month(const char* sql, std::vector<std::int8_t>& v) { return {sql, Kind::Month, &v}; }
Column flag(const char* sql, std::vector<std::uint8_t>& v) { return {sql, Kind::Flag, &v}; }

template<typename T>
std::vector<T>& as(const Column& column)
{
    return *static_cast<std::vector<T>*>(column.target);
}

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
    void addIn(const std::string& column, const QStringList& values)
    {
        if (values.isEmpty())
            return;
        std::string condition = column + " IN (";
        for (qsizetype i = 0; i < values.size(); ++i) {
            condition += i == 0 ? "?" : ", ?";
            parameters.emplace_back(values.at(i));
        }
        add(condition + ")");
    }
};

// prefix qualifies the columns ("b." inside a sub-select).
Where buildWhere(const LoadFilter& filter, const char* dateColumn, const char* organColumn, const char* unitColumn,
                 const std::string& prefix = {})
{
    Where where;
    if (dateColumn && filter.from != engine::kNoDate) {
        where.add(prefix + dateColumn + " >= ?");
        where.parameters.emplace_back(std::int64_t(filter.from));
    }
    if (dateColumn && filter.to != engine::kNoDate) {
        where.add(prefix + dateColumn + " <= ?");
        where.parameters.emplace_back(std::int64_t(filter.to));
    }
    if (organColumn)
        where.addIn(prefix + organColumn, filter.organs);
    if (unitColumn)
        where.addIn(prefix + unitColumn, filter.units);
    if (!filter.importIds.empty()) {
        std::string condition = prefix + "import_id IN (";
        for (std::size_t i = 0; i < filter.importIds.size(); ++i) {
            condition += i == 0 ? "?" : ", ?";
            where.parameters.emplace_back(filter.importIds[i]);
        }
        where.add(condition + ")");
    }
    return where;
}

void bindAll(store::Statement& statement, const Where& where)
{
    int index = 1;
    for (const Parameter& parameter : where.parameters) {
        if (const auto* number = std::get_if<std::int64_t>(&parameter))
            statement.bind(index++, *number);
        else
            statement.bind(index++, std::get<QString>(parameter));
    }
}

std::string_view textOf(sqlite3_stmt* statement, int column)
{
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    return bytes ? std::string_view(bytes, std::size_t(sqlite3_column_bytes(statement, column))) : std::string_view();
}

// One thread's part of a load: the connection it reads, the Dataset its tables fill (and whose pool
// they intern into), and every code column it filled, for the merge (loadDataset).
struct Share
{
    store::Database& db;
    engine::Dataset& data;
    std::vector<std::vector<Code>*> codeColumns = {};
};

// Fills table's columns (and its key and row id) from "SELECT id, key, <columns> FROM name <where>".
void loadTable(Share& share, const char* name, engine::TableBase& table, std::vector<Column> columns,
               const Where& where)
{
    store::Database& db = share.db;
    engine::StringPool& pool = share.data.strings;
    columns.insert(columns.begin(), {{"id", Kind::RowId, &table.rowId}, {"key", Kind::UniqueKey, &table.key}});
    std::string list;
    for (const Column& column : columns)
        list += (list.empty() ? "" : ", ") + std::string(column.sql);

    store::Statement count = db.prepare("SELECT count(*) FROM " + std::string(name) + where.sql);
    bindAll(count, where);
    const std::size_t n = count.step() ? std::size_t(count.int64(0)) : 0;
    count.reset();
    // Every text cell may be new at worst, but in practice few are: reserve the pool for one new
    // value per row, which covers the keys (appended, unindexed) and the identifiers.
    pool.reserve(n);
    for (const Column& column : columns) {
        switch (column.kind) {
        case Kind::Interned:
        case Kind::UniqueKey:
            as<Code>(column).reserve(n);
            share.codeColumns.push_back(&as<Code>(column));
            break;
        case Kind::Text: static_cast<engine::TextColumn*>(column.target)->reserve(n); break;
        case Kind::Date: as<Day>(column).reserve(n); break;
        case Kind::Value: as<double>(column).reserve(n); break;
        case Kind::RowId: as<std::int64_t>(column).reserve(n); break;
        case Kind::Year: as<std::int16_t>(column).reserve(n); break;
        case Kind::Month: as<std::int8_t>(column).reserve(n); break;
        case Kind::Flag: as<std::uint8_t>(column).reserve(n); break;
        }
    }

    store::Statement select = db.prepare("SELECT " + list + " FROM " + std::string(name) + where.sql + " ORDER BY id");
    bindAll(select, where);
    sqlite3_stmt* s = select.handle();
    // A row's code cells are hashed and their slots prefetched first, then interned: the pool's table is
    // far larger than the CPU caches, and this way the row's lookups wait on memory together, not in turn.
    std::vector<std::string_view> texts(columns.size());
    std::vector<engine::StringPool::Hint> hints(columns.size());
    while (select.step()) {
        for (int i = 0; i < int(columns.size()); ++i) {
            if (columns[std::size_t(i)].kind == Kind::Interned) {
                texts[std::size_t(i)] = textOf(s, i);
                hints[std::size_t(i)] = pool.hint(texts[std::size_t(i)]);
            }
        }
        for (int i = 0; i < int(columns.size()); ++i) {
            const Column& column = columns[std::size_t(i)];
            const bool null = sqlite3_column_type(s, i) == SQLITE_NULL;
            switch (column.kind) {
            case Kind::Interned:
                as<Code>(column).push_back(null ? 0 : pool.internUtf8(texts[std::size_t(i)], hints[std::size_t(i)]));
                break;
            case Kind::UniqueKey: as<Code>(column).push_back(null ? 0 : pool.appendUtf8Unique(textOf(s, i))); break;
            case Kind::Text: static_cast<engine::TextColumn*>(column.target)->pushUtf8(textOf(s, i)); break;
            case Kind::Date: as<Day>(column).push_back(null ? engine::kNoDate : Day(sqlite3_column_int64(s, i))); break;
            case Kind::Value: as<double>(column).push_back(null ? engine::kNoValue : sqlite3_column_double(s, i)); break;
            case Kind::RowId: as<std::int64_t>(column).push_back(sqlite3_column_int64(s, i)); break;
            case Kind::Year: as<std::int16_t>(column).push_back(std::int16_t(sqlite3_column_int64(s, i))); break;
            case Kind::Month: as<std::int8_t>(column).push_back(std::int8_t(sqlite3_column_int64(s, i))); break;
            case Kind::Flag: as<std::uint8_t>(column).push_back(sqlite3_column_int64(s, i) == 1 ? 1 : 0); break;
            }
        }
    }
}

void loadContracts(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.contracts;
    loadTable(share, "contracts", t,
              {code("number", t.number), text("object", t.object), code("legal_basis", t.legalBasis),
               code("modality", t.modality), code("status", t.status), code("superior_organ", t.superiorOrgan),
               code("organ", t.organ), code("organ_name", t.organName), code("unit", t.unit),
               code("unit_name", t.unitName), code("supplier_doc", t.supplierDoc),
               code("supplier_name", t.supplierName), code("bidding_number", t.biddingNumber),
               day("signed_date", t.signed_), day("published_date", t.published), day("start_date", t.start),
               day("end_date", t.end), value("initial_value", t.initialValue), value("final_value", t.finalValue)},
              buildWhere(filter, "signed_date", "organ", "unit"));
}

void loadBiddings(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.biddings;
    loadTable(share, "biddings", t,
              {code("number", t.number), code("unit", t.unit), code("modality", t.modality),
               text("object", t.object), code("status", t.status), code("organ", t.organ), code("uf", t.uf),
               code("municipality", t.municipality), day("result_date", t.resultDate), day("open_date", t.openDate),
               value("value", t.value)},
              buildWhere(filter, "open_date", "organ", "unit"));
}

void loadParticipants(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.participants;
    Where where = buildWhere(filter, nullptr, "organ", "unit");
    // Participants have no date of their own: under a date range, keep those of the biddings loaded
    // (the same bidding filter, applied to the bidding each participant belongs to).
    if (filter.biddings && (filter.from != engine::kNoDate || filter.to != engine::kNoDate)) {
        const Where biddings = buildWhere(filter, "open_date", "organ", "unit", "b.");
        where.add("EXISTS (SELECT 1 FROM biddings b WHERE b.unit IS bidding_participants.unit AND b.number IS "
                  "bidding_participants.bidding_number"
                  + (biddings.sql.empty() ? std::string() : " AND " + biddings.sql.substr(7)) + ")");
        where.parameters.insert(where.parameters.end(), biddings.parameters.begin(), biddings.parameters.end());
    }
    loadTable(share, "bidding_participants", t,
              {code("bidding_number", t.biddingNumber), code("unit", t.unit), code("participant_doc", t.participantDoc),
               code("participant_name", t.participantName), flag("winner", t.winner)},
              where);
}

void loadAgreements(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.agreements;
    loadTable(share, "agreements", t,
              {code("number", t.number), code("uf", t.uf), code("municipality", t.municipality),
               code("status", t.status), text("object", t.object), code("superior_organ", t.superiorOrgan),
               code("grantor_organ", t.grantorOrgan), code("grantor_unit", t.grantorUnit),
               code("grantee_doc", t.granteeDoc), code("grantee_name", t.granteeName), value("value", t.value),
               value("released", t.released), value("counterpart", t.counterpart),
               day("published_date", t.published), day("start_date", t.start), day("end_date", t.end),
               day("last_release_date", t.lastRelease)},
              buildWhere(filter, "published_date", "grantor_organ", "grantor_unit"));
}

void loadExpenses(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.expenses;
    loadTable(share, "expenses", t,
              {code("payment_code", t.paymentCode), day("date", t.date), code("payee_doc", t.payeeDoc),
               code("payee_name", t.payeeName), code("organ", t.organ), code("unit", t.unit),
               code("expense_element", t.expenseElement), code("process", t.process), text("note", t.note),
               value("value", t.value)},
              buildWhere(filter, "date", "organ", "unit"));
}

void loadServants(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.servants;
    LoadFilter monthly = filter;
    monthly.from = monthly.to = engine::kNoDate;
    Where where = buildWhere(monthly, nullptr, "organ", nullptr);
    // Pay is monthly: a month is in the range when any of its days is.
    auto monthIndex = [](Day d) {
        int y = 0, m = 0, dayOfMonth = 0;
        civilFromDays(d, y, m, dayOfMonth);
        return std::int64_t(y) * 12 + (m - 1);
    };
    if (filter.from != engine::kNoDate) {
        where.add("year * 12 + month - 1 >= ?");
        where.parameters.emplace_back(monthIndex(filter.from));
    }
    if (filter.to != engine::kNoDate) {
        where.add("year * 12 + month - 1 <= ?");
        where.parameters.emplace_back(monthIndex(filter.to));
    }
    loadTable(share, "servant_pay", t,
              {year("year", t.year), month("month", t.month), code("servant_id", t.servantId), code("name", t.name),
               code("role", t.role), code("organ", t.organ), value("gross_basic", t.grossBasic),
               value("ceiling_cut", t.ceilingCut), value("net_pay", t.netPay)},
              where);
}

void loadSanctions(Share& share, const LoadFilter& filter)
{
    auto& t = share.data.sanctions;
    LoadFilter unfiltered;
    unfiltered.importIds = filter.importIds;
    loadTable(share, "sanctions", t,
              {code("registry", t.registry), code("sanctioned_doc", t.sanctionedDoc),
               code("sanctioned_name", t.sanctionedName), code("category", t.category), day("start_date", t.start),
               day("end_date", t.end), code("sanctioning_organ", t.sanctioningOrgan), value("fine", t.fine)},
              buildWhere(unfiltered, nullptr, nullptr, nullptr));
}

using TableLoad = void (*)(Share&, const LoadFilter&);

// The tables of each thread, in the order they load. At a million contracts (the bench) the two halves
// hold about the same number of cells: contracts 14 M and payments 9.5 M on the calling thread;
// participants 14.4 M, biddings 6.7 M and the small tables on the other, which also pays for the merge.
std::vector<TableLoad> callerTables(const LoadFilter& filter)
{
    std::vector<TableLoad> tables;
    if (filter.contracts)
        tables.push_back(loadContracts);
    if (filter.expenses)
        tables.push_back(loadExpenses);
    return tables;
}

std::vector<TableLoad> helperTables(const LoadFilter& filter)
{
    std::vector<TableLoad> tables;
    if (filter.biddings)
        tables.push_back(loadBiddings);
    if (filter.participants)
        tables.push_back(loadParticipants);
    if (filter.agreements)
        tables.push_back(loadAgreements);
    if (filter.servants)
        tables.push_back(loadServants);
    if (filter.sanctions)
        tables.push_back(loadSanctions);
    return tables;
}

// A second reader of db's file, or nullptr when there cannot be one that sees the same rows: an
// in-memory database, or a connection inside a transaction (its own uncommitted rows, or the snapshot
// its caller holds, are invisible to another connection).
std::unique_ptr<store::Database> secondReader(store::Database& db)
{
    const QString& path = db.path();
    if (db.inTransaction() || path.isEmpty() || path.startsWith(QLatin1String(":memory:"))
        || path.startsWith(QLatin1String("file:")))
        return nullptr;
    try {
        return store::Database::open(path, store::Database::Mode::ReadOnly);
    } catch (const store::StoreError&) {
        return nullptr; // load on one thread
    }
}

} // namespace

engine::Dataset loadDataset(store::Database& db, const LoadFilter& filter, int threads)
{
    engine::Dataset data;
    Share caller{db, data};
    const std::vector<TableLoad> mine = callerTables(filter);
    const std::vector<TableLoad> theirs = helperTables(filter);
    std::unique_ptr<store::Database> reader = threads > 1 && !mine.empty() && !theirs.empty() ? secondReader(db) : nullptr;
    if (!reader) {
        for (const TableLoad load : mine)
            load(caller, filter);
        for (const TableLoad load : theirs)
            load(caller, filter);
        return data;
    }

    // The other thread interns into a pool of its own; merging it afterwards costs its distinct texts,
    // far fewer than its cells, and gives every text the code a one-thread load would have given it.
    engine::Dataset side;
    Share helper{*reader, side};
    std::exception_ptr failure;
    std::thread thread([&] {
        try {
            for (const TableLoad load : theirs)
                load(helper, filter);
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        for (const TableLoad load : mine)
            load(caller, filter);
    } catch (...) {
        thread.join();
        throw;
    }
    thread.join();
    if (failure)
        std::rethrow_exception(failure);
    reader.reset();

    const std::vector<Code> codes = data.strings.absorb(side.strings);
    side.strings = engine::StringPool();
    for (std::vector<Code>* column : helper.codeColumns)
        for (Code& code : *column)
            code = codes[code];
    data.biddings = std::move(side.biddings);
    data.participants = std::move(side.participants);
    data.agreements = std::move(side.agreements);
    data.servants = std::move(side.servants);
    data.sanctions = std::move(side.sanctions);
    return data;
}

} // namespace cidadao::data
