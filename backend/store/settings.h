// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace cidadao::store {

class Database;

// The `settings` key/value table of migration 0001: server-side settings that live with the data.
// Keys are namespaced by area ("store.database_id", "data.sample_seed", ...).
std::optional<QString> setting(Database& db, std::string_view key); // nullopt when the key is absent
void setSetting(Database& db, std::string_view key, const QString& value); // insert or replace, stamps updated_at
bool removeSetting(Database& db, std::string_view key); // true when a row was removed

} // namespace cidadao::store
