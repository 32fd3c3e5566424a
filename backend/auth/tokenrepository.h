// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL of the token-state tables (migration 0003): refresh-token rotation, revoked access jtis and the
// one-time bootstrap tokens. Times are epoch seconds in the API, ISO text in the tables.
#pragma once

#include "auth/authtypes.h"

#include <QString>
#include <optional>

namespace cidadao::store {
class Database;
}

namespace cidadao::auth {

class TokenRepository
{
public:
    explicit TokenRepository(store::Database& db);

    struct RefreshRow
    {
        QString jti;
        QString userId;
        QString familyId;
        bool revoked = false;
    };

    void insertRefresh(const QString& jti, const QString& userId, const QString& familyId, const QString& accessJti,
                       qint64 issuedAt, qint64 expiresAt);
    std::optional<RefreshRow> findRefresh(const QString& jti);
    // Marks a live token as used and names its successor; false when it was already revoked (a racing
    // refresh won, or the token is replayed).
    bool rotateRefresh(const QString& jti, const QString& replacedBy, qint64 now);
    int revokeRefreshFamily(const QString& familyId, qint64 now);
    int revokeFamilyOfAccess(const QString& accessJti, qint64 now);
    int revokeAllRefreshOfUser(const QString& userId, qint64 now);

    void revokeAccess(const QString& jti, qint64 expiresAt);
    bool isAccessRevoked(const QString& jti);

    void insertBootstrap(const QString& tokenHashHex, qint64 createdAt, qint64 expiresAt);
    // Spends the token atomically; false when unknown, expired or already spent.
    bool consumeBootstrap(const QString& tokenHashHex, qint64 now);

    // Deletes rows that can no longer matter at `now`.
    PurgeCounts purgeExpired(qint64 now);

private:
    store::Database& m_db;
};

} // namespace cidadao::auth
