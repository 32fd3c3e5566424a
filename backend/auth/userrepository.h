// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL of the users table (migration 0003). No policy here: validation and hashing are AuthService's.
#pragma once

#include "auth/authtypes.h"

#include <QList>
#include <QString>
#include <optional>

namespace cidadao::store {
class Database;
}

namespace cidadao::auth {

class UserRepository
{
public:
    explicit UserRepository(store::Database& db);

    struct Credentials
    {
        UserRecord user;
        QString passwordHash;
    };

    std::optional<UserRecord> findById(const QString& id);
    // `email` as stored (lower case); the column is NOCASE as well.
    std::optional<Credentials> findByEmail(const QString& email);
    // False when the email is already taken (the UNIQUE constraint decides, so two racing inserts
    // cannot both win).
    bool insert(const UserRecord& user, const QString& passwordHash);
    void setPasswordHash(const QString& id, const QString& passwordHash);
    void setLastLogin(const QString& id, qint64 epochSeconds);
    bool setActive(const QString& id, bool active);
    bool setRole(const QString& id, const QString& role);
    QList<UserRecord> list(); // by creation time, then email

private:
    store::Database& m_db;
};

} // namespace cidadao::auth
