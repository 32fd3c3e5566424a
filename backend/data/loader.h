// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the imported records from the store into the engine's columns: one SELECT per table, every
// text interned in the Dataset's one StringPool, so that a supplier has the same code in contracts,
// payments, participants and sanctions.
#pragma once

#include "engine/columns.h"

#include <QStringList>

#include <cstdint>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::data {

struct LoadFilter
{
    // Inclusive range on each table's own date (contracts: signed; biddings: opening; agreements:
    // publication; expenses: issue; servants: year/month). kNoDate: open. Records without a date are
    // kept only when both ends are open. Sanctions are never filtered by date (a sanction that started
    // before the range still applies inside it).
    engine::Day from = engine::kNoDate;
    engine::Day to = engine::kNoDate;
    QStringList organs;                  // organ codes (agreements: grantor organ); empty = all
    QStringList units;                   // UG codes (agreements: grantor UG); empty = all
    std::vector<std::int64_t> importIds; // empty = every import
    bool contracts = true;
    bool biddings = true;
    bool participants = true;
    bool agreements = true;
    bool expenses = true;
    bool servants = true;
    bool sanctions = true;
};

// With threads > 1 and a database file, a second read-only connection loads half of the tables on another
// thread (biddings, participants, agreements, servants, sanctions) while this one loads contracts and
// payments; the result is the same Dataset, codes included, as threads = 1 gives.
engine::Dataset loadDataset(store::Database& db, const LoadFilter& filter = {}, int threads = 2);

} // namespace cidadao::data
