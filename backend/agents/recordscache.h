// SPDX-License-Identifier: GPL-3.0-or-later
// Results of the agents' aggregate queries over the records tables, kept while the records do not
// change. Those queries scan whole tables (the records tables carry no index for them, and they belong
// to the data engineer), so a greeting that states "N records imported" cost a full scan of six tables
// per message: ~130 ms at 20k contracts, which capped /chat/message at a few requests per second.
// Validity is checked per use against a stamp read with O(log n) lookups only: the imports log
// (count, last id, last finish) and each records table's largest rowid. Any import — by this server or
// by the CLI in another process on the same file — changes the stamp, and the cache starts over.
#pragma once

#include "recordqueries.h"

#include <any>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cidadao::agents {

class RecordsCache
{
public:
    // Entries kept before the cache starts over: keys come from user text (organs, words, values).
    static constexpr std::size_t kMaxEntries = 512;

    DataOverview overview(store::Database& db);
    ContractSearch searchContracts(store::Database& db, const ContractFilter& filter, int limit);
    std::vector<RankedName> topSuppliers(store::Database& db, const ContractFilter& filter, int limit);

    // The stamp the records have now (exposed for tests).
    static std::string stamp(store::Database& db);
    std::size_t size() const;

private:
    template<typename T>
    T get(store::Database& db, const std::string& key, const std::function<T()>& compute);

    mutable std::mutex m_mutex;
    std::string m_stamp;
    std::unordered_map<std::string, std::shared_ptr<const std::any>> m_entries;
};

} // namespace cidadao::agents
