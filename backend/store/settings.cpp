// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/settings.h"

#include "store/database.h"

namespace cidadao::store {

std::optional<QString> setting(Database& db, std::string_view key)
{
    Statement query = db.prepare("SELECT value FROM settings WHERE key = ?1");
    query.bind(1, key);
    if (!query.step())
        return std::nullopt;
    return query.text(0);
}

void setSetting(Database& db, std::string_view key, const QString& value)
{
    Statement upsert = db.prepare(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    upsert.bind(1, key).bind(2, value).run();
}

bool removeSetting(Database& db, std::string_view key)
{
    Statement remove = db.prepare("DELETE FROM settings WHERE key = ?1");
    remove.bind(1, key).run();
    return db.changes() > 0;
}

} // namespace cidadao::store
