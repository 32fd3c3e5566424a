// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordscache.h"

#include "store/database.h"

namespace cidadao::agents {

namespace {

std::string filterKey(const ContractFilter& f, int limit)
{
    // Unit separators keep distinct filters from joining into one key.
    std::string key;
    auto add = [&key](const QString& text) {
        key += text.toStdString();
        key += '\x1f';
    };
    for (const QString& organ : f.organs)
        add(organ);
    key += '\x1e';
    for (const QString& doc : f.supplierDocs)
        add(doc);
    key += '\x1e';
    add(f.supplierName);
    for (const QString& word : f.words)
        add(word);
    key += '\x1e' + std::to_string(f.from) + '\x1e' + std::to_string(f.to) + '\x1e';
    key += f.minValue ? std::to_string(*f.minValue) : std::string("-");
    key += '\x1e';
    key += f.maxValue ? std::to_string(*f.maxValue) : std::string("-");
    key += '\x1e' + std::to_string(limit);
    return key;
}

} // namespace

std::string RecordsCache::stamp(store::Database& db)
{
    // Every part is an index or rowid lookup: cheap enough to run on each use.
    store::Statement s = db.prepare(
        "SELECT (SELECT COUNT(*) FROM imports), (SELECT MAX(id) FROM imports), (SELECT MAX(finished_at) FROM imports), "
        "(SELECT MAX(rowid) FROM contracts), (SELECT MAX(rowid) FROM biddings), (SELECT MAX(rowid) FROM agreements), "
        "(SELECT MAX(rowid) FROM expenses), (SELECT MAX(rowid) FROM servant_pay), (SELECT MAX(rowid) FROM sanctions)");
    std::string out;
    if (s.step())
        for (int i = 0; i < 9; ++i) {
            out += s.isNull(i) ? std::string("-") : s.text(i).toStdString();
            out += '|';
        }
    return out;
}

std::size_t RecordsCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

template<typename T>
T RecordsCache::get(store::Database& db, const std::string& key, const std::function<T()>& compute)
{
    // The stamp is read before the query: should an import land in between, the entry is stored under
    // the older stamp and dropped at the next use, never served for newer data than it reflects.
    const std::string now = stamp(db);
    {
        std::lock_guard lock(m_mutex);
        if (now != m_stamp) {
            m_entries.clear();
            m_stamp = now;
        }
        const auto it = m_entries.find(key);
        if (it != m_entries.end())
            return std::any_cast<const T&>(*it->second);
    }
    // Computed outside the lock: two threads missing the same key both compute, and neither waits.
    T value = compute();
    std::lock_guard lock(m_mutex);
    if (now == m_stamp) {
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries[key] = std::make_shared<const std::any>(value);
    }
    return value;
}

DataOverview RecordsCache::overview(store::Database& db)
{
    return get<DataOverview>(db, "overview", [&db] { return dataOverview(db); });
}

ContractSearch RecordsCache::searchContracts(store::Database& db, const ContractFilter& filter, int limit)
{
    return get<ContractSearch>(db, "search\x1d" + filterKey(filter, limit),
                               [&] { return agents::searchContracts(db, filter, limit); });
}

std::vector<RankedName> RecordsCache::topSuppliers(store::Database& db, const ContractFilter& filter, int limit)
{
    return get<std::vector<RankedName>>(db, "top\x1d" + filterKey(filter, limit),
                                        [&] { return agents::topSuppliers(db, filter, limit); });
}

} // namespace cidadao::agents
