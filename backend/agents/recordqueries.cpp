// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordqueries.h"

#include "data/sources.h"
#include "engine/explanations.h"
#include "store/database.h"

#include <string>
#include <variant>

namespace cidadao::agents {

namespace {

// A WHERE clause under construction with its positional parameters.
struct Where
{
    std::string sql;
    std::vector<std::variant<QString, double, std::int64_t>> params;

    void add(const std::string& clause)
    {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += clause;
    }
    void bindTo(store::Statement& statement) const
    {
        int index = 1;
        for (const auto& param : params)
            std::visit([&](const auto& value) { statement.bind(index++, value); }, param);
    }
};

std::string placeholders(qsizetype n)
{
    std::string out;
    for (qsizetype i = 0; i < n; ++i)
        out += i ? ",?" : "?";
    return out;
}

// The contract's value: the final (after amendments) when known, else the initial.
constexpr const char* kValue = "COALESCE(final_value, initial_value, 0)";

Where contractWhere(const ContractFilter& filter)
{
    Where where;
    if (!filter.organs.isEmpty()) {
        const std::string in = placeholders(filter.organs.size());
        where.add("(superior_organ IN (" + in + ") OR organ IN (" + in + "))");
        for (int pass = 0; pass < 2; ++pass)
            for (const QString& organ : filter.organs)
                where.params.emplace_back(organ);
    }
    if (!filter.supplierDocs.isEmpty()) {
        where.add("supplier_doc IN (" + placeholders(filter.supplierDocs.size()) + ")");
        for (const QString& doc : filter.supplierDocs)
            where.params.emplace_back(doc);
    }
    if (!filter.supplierName.isEmpty()) {
        where.add(data::searchTextSql(data::Source::Contracts) + " LIKE ?");
        where.params.emplace_back(QString(u'%' + filter.supplierName + u'%'));
    }
    for (const QString& word : filter.words) {
        where.add(data::searchTextSql(data::Source::Contracts) + " LIKE ?");
        where.params.emplace_back(QString(u'%' + word + u'%'));
    }
    if (filter.from != engine::kNoDate) {
        where.add("signed_date >= ?");
        where.params.emplace_back(std::int64_t(filter.from));
    }
    if (filter.to != engine::kNoDate) {
        where.add("signed_date <= ?");
        where.params.emplace_back(std::int64_t(filter.to));
    }
    if (filter.minValue) {
        where.add(std::string(kValue) + " >= ?");
        where.params.emplace_back(*filter.minValue);
    }
    if (filter.maxValue) {
        where.add(std::string(kValue) + " <= ?");
        where.params.emplace_back(*filter.maxValue);
    }
    return where;
}

engine::Day dayOrNone(const store::Statement& s, int col)
{
    return s.isNull(col) ? engine::kNoDate : engine::Day(s.int64(col));
}

std::optional<QString> optionalText(const store::Statement& s, int col)
{
    if (s.isNull(col))
        return std::nullopt;
    QString text = s.text(col);
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

std::optional<QString> optionalDate(const store::Statement& s, int col)
{
    if (s.isNull(col))
        return std::nullopt;
    return isoDate(engine::Day(s.int64(col)));
}

} // namespace

QString isoDate(engine::Day day)
{
    if (day == engine::kNoDate)
        return {};
    const engine::CivilDate c = engine::toCivil(day);
    return QStringLiteral("%1-%2-%3")
        .arg(c.year, 4, 10, QLatin1Char('0'))
        .arg(c.month, 2, 10, QLatin1Char('0'))
        .arg(c.day, 2, 10, QLatin1Char('0'));
}

qint64 DataOverview::totalRecords() const
{
    qint64 total = 0;
    for (const SourceCount& source : sources)
        total += source.records;
    return total;
}

const SourceCount* DataOverview::find(const QString& source) const
{
    for (const SourceCount& s : sources)
        if (s.source == source)
            return &s;
    return nullptr;
}

DataOverview dataOverview(store::Database& db)
{
    struct Table
    {
        const char* source;
        const char* sql;
    };
    // Servant pay has year/month instead of a day: its range is built from them.
    static const Table tables[] = {
        {"contracts", "SELECT COUNT(*), MIN(signed_date), MAX(signed_date), TOTAL(COALESCE(final_value, initial_value)) "
                      "FROM contracts"},
        {"biddings", "SELECT COUNT(*), MIN(open_date), MAX(open_date), TOTAL(value) FROM biddings"},
        {"agreements", "SELECT COUNT(*), MIN(published_date), MAX(published_date), TOTAL(value) FROM agreements"},
        {"expenses", "SELECT COUNT(*), MIN(date), MAX(date), TOTAL(value) FROM expenses"},
        {"servants", "SELECT COUNT(*), MIN(year * 10000 + month * 100 + 1), MAX(year * 10000 + month * 100 + 1), "
                     "TOTAL(net_pay) FROM servant_pay"},
        {"sanctions", "SELECT COUNT(*), MIN(start_date), MAX(start_date), TOTAL(fine) FROM sanctions"},
    };
    DataOverview overview;
    for (const Table& table : tables) {
        store::Statement s = db.prepare(table.sql);
        if (!s.step())
            continue;
        SourceCount count;
        count.source = QLatin1String(table.source);
        count.records = s.int64(0);
        if (QLatin1String(table.source) == QLatin1String("servants")) {
            auto ymd = [](std::int64_t v) { return engine::toDay(int(v / 10000), int(v / 100 % 100), 1); };
            count.first = s.isNull(1) ? engine::kNoDate : ymd(s.int64(1));
            count.last = s.isNull(2) ? engine::kNoDate : ymd(s.int64(2));
        } else {
            count.first = dayOrNone(s, 1);
            count.last = dayOrNone(s, 2);
        }
        count.total = s.real(3);
        overview.sources.push_back(count);
    }
    return overview;
}

ContractSearch searchContracts(store::Database& db, const ContractFilter& filter, int limit)
{
    const Where where = contractWhere(filter);
    ContractSearch out;
    {
        store::Statement s = db.prepare("SELECT COUNT(*), TOTAL(" + std::string(kValue) + ") FROM contracts" + where.sql);
        where.bindTo(s);
        if (s.step()) {
            out.total = s.int64(0);
            out.totalValue = s.real(1);
        }
    }
    if (limit <= 0 || out.total == 0)
        return out;
    store::Statement s = db.prepare(
        "SELECT id, number, object, " + std::string(kValue)
        + ", supplier_name, supplier_doc, COALESCE(organ_name, superior_organ_name), signed_date, start_date, "
          "end_date, status, modality, bidding_number FROM contracts"
        + where.sql + " ORDER BY " + kValue + " DESC, id LIMIT ?");
    where.bindTo(s);
    s.bind(int(where.params.size()) + 1, limit);
    while (s.step()) {
        protocol::ContractData row;
        row.id = QString::number(s.int64(0));
        row.numero = optionalText(s, 1);
        row.objeto = optionalText(s, 2);
        row.valor = s.real(3);
        row.valorFormatado = engine::formatMoney(s.real(3), engine::Language::Pt);
        row.fornecedor = optionalText(s, 4);
        row.cnpjFornecedor = optionalText(s, 5);
        row.orgao = optionalText(s, 6);
        row.dataAssinatura = optionalDate(s, 7);
        row.vigenciaInicio = optionalDate(s, 8);
        row.vigenciaFim = optionalDate(s, 9);
        row.situacao = optionalText(s, 10);
        row.modalidade = optionalText(s, 11);
        row.processo = optionalText(s, 12);
        out.rows.append(row);
    }
    return out;
}

std::vector<RankedName> topSuppliers(store::Database& db, const ContractFilter& filter, int limit)
{
    const Where where = contractWhere(filter);
    store::Statement s = db.prepare("SELECT supplier_doc, MAX(supplier_name), COUNT(*), TOTAL(" + std::string(kValue)
                                    + ") AS total FROM contracts" + where.sql
                                    + " GROUP BY supplier_doc ORDER BY total DESC LIMIT ?");
    where.bindTo(s);
    s.bind(int(where.params.size()) + 1, limit);
    std::vector<RankedName> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.int64(2), s.real(3)});
    return out;
}

std::optional<SupplierProfile> supplierProfile(store::Database& db, const QString& doc, const QString& foldedName)
{
    SupplierProfile profile;
    QString key = doc;
    if (key.isEmpty()) {
        // The name's most paid document stands for it: names repeat with small variations.
        ContractFilter byName;
        byName.supplierName = foldedName;
        const auto ranked = topSuppliers(db, byName, 1);
        if (ranked.empty())
            return std::nullopt;
        key = ranked.front().code;
    }
    {
        store::Statement s = db.prepare("SELECT MAX(supplier_name), COUNT(*), TOTAL(" + std::string(kValue)
                                        + "), MIN(signed_date), MAX(signed_date) FROM contracts WHERE supplier_doc = ?");
        s.bind(1, key);
        if (!s.step() || s.int64(1) == 0) {
            profile.doc = key;
        } else {
            profile.doc = key;
            profile.name = s.text(0);
            profile.contracts = s.int64(1);
            profile.total = s.real(2);
            profile.first = dayOrNone(s, 3);
            profile.last = dayOrNone(s, 4);
        }
    }
    {
        store::Statement s = db.prepare("SELECT superior_organ, MAX(superior_organ_name), COUNT(*), TOTAL("
                                        + std::string(kValue)
                                        + ") AS total FROM contracts WHERE supplier_doc = ? GROUP BY superior_organ "
                                          "ORDER BY total DESC LIMIT 5");
        s.bind(1, key);
        while (s.step())
            profile.organs.push_back({s.text(0), s.text(1), s.int64(2), s.real(3)});
    }
    {
        store::Statement s = db.prepare("SELECT registry, sanctioned_name, category, start_date, end_date, "
                                        "sanctioning_organ FROM sanctions WHERE sanctioned_doc = ? ORDER BY start_date");
        s.bind(1, key);
        while (s.step())
            profile.sanctions.push_back({s.text(0), s.text(1), s.text(2), dayOrNone(s, 3), dayOrNone(s, 4), s.text(5)});
        if (profile.name.isEmpty() && !profile.sanctions.empty())
            profile.name = profile.sanctions.front().name;
    }
    if (profile.contracts == 0 && profile.sanctions.empty())
        return std::nullopt;
    return profile;
}

ServantPayStats servantPay(store::Database& db, const QStringList& organs, int fromYear, int toYear, double threshold)
{
    Where where;
    if (!organs.isEmpty()) {
        where.add("organ IN (" + placeholders(organs.size()) + ")");
        for (const QString& organ : organs)
            where.params.emplace_back(organ);
    }
    if (fromYear > 0) {
        where.add("year >= ?");
        where.params.emplace_back(std::int64_t(fromYear));
    }
    if (toYear > 0) {
        where.add("year <= ?");
        where.params.emplace_back(std::int64_t(toYear));
    }
    ServantPayStats stats;
    stats.threshold = threshold;
    {
        store::Statement s = db.prepare("SELECT COUNT(*), COUNT(DISTINCT servant_id), AVG(net_pay), AVG(gross_basic), "
                                        "TOTAL(net_pay), SUM(net_pay > ?), MIN(year), MAX(year) FROM servant_pay"
                                        + where.sql);
        s.bind(1, threshold);
        int index = 2;
        for (const auto& param : where.params)
            std::visit([&](const auto& value) { s.bind(index++, value); }, param);
        if (s.step()) {
            stats.rows = s.int64(0);
            stats.servants = s.int64(1);
            stats.averageNet = s.isNull(2) ? 0.0 : s.real(2);
            stats.averageGross = s.isNull(3) ? 0.0 : s.real(3);
            stats.totalNet = s.real(4);
            stats.aboveThreshold = s.isNull(5) ? 0 : s.int64(5);
            stats.firstYear = s.isNull(6) ? 0 : int(s.int64(6));
            stats.lastYear = s.isNull(7) ? 0 : int(s.int64(7));
        }
    }
    if (stats.rows == 0)
        return stats;
    {
        store::Statement s = db.prepare("SELECT name, role, year, month, net_pay FROM servant_pay" + where.sql
                                        + " ORDER BY net_pay DESC LIMIT 1");
        where.bindTo(s);
        if (s.step()) {
            stats.maxName = s.text(0);
            stats.maxRole = s.text(1);
            stats.maxYear = int(s.int64(2));
            stats.maxMonth = int(s.int64(3));
            stats.maxNet = s.real(4);
        }
    }
    {
        store::Statement s = db.prepare("SELECT organ, COUNT(*), AVG(net_pay) AS average FROM servant_pay" + where.sql
                                        + " GROUP BY organ ORDER BY average DESC LIMIT 5");
        where.bindTo(s);
        while (s.step())
            stats.organs.push_back({s.text(0), QString(), s.int64(1), s.real(2)});
    }
    return stats;
}

} // namespace cidadao::agents
