// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/userrepository.h"

#include "auth/clock.h"
#include "store/database.h"

#include <sqlite3.h>

namespace cidadao::auth {

namespace {

constexpr char kUserColumns[] = "id, email, name, role, is_active, created_at, last_login";

UserRecord readUser(const store::Statement& row)
{
    UserRecord user;
    user.id = row.text(0);
    user.email = row.text(1);
    user.name = row.text(2);
    user.role = row.text(3);
    user.isActive = row.int64(4) != 0;
    user.createdAt = parseIsoUtc(row.text(5)).value_or(0);
    if (!row.isNull(6))
        user.lastLogin = parseIsoUtc(row.text(6));
    return user;
}

std::string select(const char* tail)
{
    return std::string("SELECT ") + kUserColumns + ", password_hash FROM users " + tail;
}

} // namespace

UserRepository::UserRepository(store::Database& db) : m_db(db)
{
}

std::optional<UserRecord> UserRepository::findById(const QString& id)
{
    auto statement = m_db.prepare(select("WHERE id = ?1"));
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return readUser(statement);
}

std::optional<UserRepository::Credentials> UserRepository::findByEmail(const QString& email)
{
    auto statement = m_db.prepare(select("WHERE email = ?1"));
    statement.bind(1, email);
    if (!statement.step())
        return std::nullopt;
    return Credentials{readUser(statement), statement.text(7)};
}

bool UserRepository::insert(const UserRecord& user, const QString& passwordHash)
{
    auto statement = m_db.prepare("INSERT INTO users (id, email, name, role, password_hash, is_active, created_at, "
                                  "last_login) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    statement.bindAll(user.id, user.email, user.name, user.role, passwordHash, user.isActive ? 1 : 0,
                      isoUtc(user.createdAt));
    if (user.lastLogin)
        statement.bind(8, isoUtc(*user.lastLogin));
    else
        statement.bind(8, nullptr);
    try {
        statement.run();
    } catch (const store::StoreError& error) {
        if (error.extendedCode() == SQLITE_CONSTRAINT_UNIQUE || error.extendedCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
            return false;
        throw;
    }
    return true;
}

void UserRepository::setPasswordHash(const QString& id, const QString& passwordHash)
{
    m_db.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1").bindAll(id, passwordHash).run();
}

void UserRepository::setLastLogin(const QString& id, qint64 epochSeconds)
{
    m_db.prepare("UPDATE users SET last_login = ?2 WHERE id = ?1").bindAll(id, isoUtc(epochSeconds)).run();
}

bool UserRepository::setActive(const QString& id, bool active)
{
    m_db.prepare("UPDATE users SET is_active = ?2 WHERE id = ?1").bindAll(id, active ? 1 : 0).run();
    return m_db.changes() == 1;
}

bool UserRepository::setRole(const QString& id, const QString& role)
{
    m_db.prepare("UPDATE users SET role = ?2 WHERE id = ?1").bindAll(id, role).run();
    return m_db.changes() == 1;
}

QList<UserRecord> UserRepository::list()
{
    QList<UserRecord> users;
    auto statement = m_db.prepare(select("ORDER BY created_at, email"));
    while (statement.step())
        users.append(readUser(statement));
    return users;
}

} // namespace cidadao::auth
