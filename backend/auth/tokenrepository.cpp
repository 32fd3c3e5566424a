// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenrepository.h"

#include "auth/clock.h"
#include "store/database.h"

namespace cidadao::auth {

TokenRepository::TokenRepository(store::Database& db) : m_db(db)
{
}

void TokenRepository::insertRefresh(const QString& jti, const QString& userId, const QString& familyId,
                                    const QString& accessJti, qint64 issuedAt, qint64 expiresAt)
{
    m_db.prepare("INSERT INTO refresh_tokens (jti, user_id, family_id, access_jti, issued_at, expires_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bindAll(jti, userId, familyId, accessJti, isoUtc(issuedAt), isoUtc(expiresAt))
        .run();
}

std::optional<TokenRepository::RefreshRow> TokenRepository::findRefresh(const QString& jti)
{
    auto statement = m_db.prepare("SELECT jti, user_id, family_id, revoked_at IS NOT NULL FROM refresh_tokens "
                                  "WHERE jti = ?1");
    statement.bind(1, jti);
    if (!statement.step())
        return std::nullopt;
    return RefreshRow{statement.text(0), statement.text(1), statement.text(2), statement.int64(3) != 0};
}

bool TokenRepository::rotateRefresh(const QString& jti, const QString& replacedBy, qint64 now)
{
    m_db.prepare("UPDATE refresh_tokens SET revoked_at = ?3, replaced_by = ?2 WHERE jti = ?1 AND revoked_at IS NULL")
        .bindAll(jti, replacedBy, isoUtc(now))
        .run();
    return m_db.changes() == 1;
}

int TokenRepository::revokeRefreshFamily(const QString& familyId, qint64 now)
{
    m_db.prepare("UPDATE refresh_tokens SET revoked_at = ?2 WHERE family_id = ?1 AND revoked_at IS NULL")
        .bindAll(familyId, isoUtc(now))
        .run();
    return m_db.changes();
}

int TokenRepository::revokeFamilyOfAccess(const QString& accessJti, qint64 now)
{
    m_db.prepare("UPDATE refresh_tokens SET revoked_at = ?2 WHERE revoked_at IS NULL AND family_id IN "
                 "(SELECT family_id FROM refresh_tokens WHERE access_jti = ?1)")
        .bindAll(accessJti, isoUtc(now))
        .run();
    return m_db.changes();
}

int TokenRepository::revokeAllRefreshOfUser(const QString& userId, qint64 now)
{
    m_db.prepare("UPDATE refresh_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL")
        .bindAll(userId, isoUtc(now))
        .run();
    return m_db.changes();
}

void TokenRepository::revokeAccess(const QString& jti, qint64 expiresAt)
{
    m_db.prepare("INSERT INTO revoked_access_jti (jti, expires_at) VALUES (?1, ?2) ON CONFLICT (jti) DO NOTHING")
        .bindAll(jti, isoUtc(expiresAt))
        .run();
}

bool TokenRepository::isAccessRevoked(const QString& jti)
{
    auto statement = m_db.prepare("SELECT 1 FROM revoked_access_jti WHERE jti = ?1");
    statement.bind(1, jti);
    return statement.step();
}

void TokenRepository::insertBootstrap(const QString& tokenHashHex, qint64 createdAt, qint64 expiresAt)
{
    m_db.prepare("INSERT INTO bootstrap_tokens (token_hash, created_at, expires_at) VALUES (?1, ?2, ?3)")
        .bindAll(tokenHashHex, isoUtc(createdAt), isoUtc(expiresAt))
        .run();
}

bool TokenRepository::consumeBootstrap(const QString& tokenHashHex, qint64 now)
{
    // One UPDATE decides: of two racing exchanges of the same token, exactly one sees changes() == 1.
    m_db.prepare("UPDATE bootstrap_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL "
                 "AND expires_at > ?2")
        .bindAll(tokenHashHex, isoUtc(now))
        .run();
    return m_db.changes() == 1;
}

PurgeCounts TokenRepository::purgeExpired(qint64 now)
{
    const QString nowText = isoUtc(now);
    PurgeCounts counts;
    // An expired refresh token fails verification before its row is read, so the row has no use left.
    m_db.prepare("DELETE FROM refresh_tokens WHERE expires_at <= ?1").bind(1, nowText).run();
    counts.refreshTokens = m_db.changes();
    m_db.prepare("DELETE FROM revoked_access_jti WHERE expires_at <= ?1").bind(1, nowText).run();
    counts.revokedAccessJtis = m_db.changes();
    // Spent tokens are kept until they would have expired, then go with the expired ones.
    m_db.prepare("DELETE FROM bootstrap_tokens WHERE expires_at <= ?1").bind(1, nowText).run();
    counts.bootstrapTokens = m_db.changes();
    return counts;
}

} // namespace cidadao::auth
