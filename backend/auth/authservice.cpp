// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authservice.h"

#include "store/database.h"

#include <QMutexLocker>
#include <stdexcept>

namespace cidadao::auth {

namespace {

// The stored hash of an account that has no password (the embedded local account): not an argon2
// string, so PasswordHasher::verify rejects every password at the cost of a real verify.
constexpr char kNoPassword[] = "!";
constexpr qsizetype kGeneratedPasswordBytes = 18; // 24 base64url characters, 144 bits
constexpr qsizetype kBootstrapTokenBytes = 32;
constexpr qsizetype kMaximumBootstrapTokenChars = 256;

QString hashHex(const QString& token)
{
    return QString::fromLatin1(Crypto::sha256(token.toUtf8()).toHex());
}

} // namespace

AuthService::AuthService(store::Database& db, const Crypto& crypto, SigningKey key, Clock clock, AuthConfig config)
    : m_db(db), m_crypto(crypto), m_clock(clock), m_config(std::move(config)), m_hasher(crypto, m_config.hashLimits),
      m_codec(crypto, std::move(key), clock, m_config.lifetimes), m_users(db), m_tokenState(db)
{
    if (m_config.bootstrapTokenSeconds <= 0)
        throw std::invalid_argument("the bootstrap token lifetime must be positive");
    if (!isValidRole(m_config.localAccountRole) || !isValidEmail(normalizeEmail(m_config.localAccountEmail)))
        throw std::invalid_argument("invalid local account settings");
}

AuthResult<UserRecord> AuthService::registerUser(const QString& email, const QString& password, const QString& name,
                                                 const QString& role, RegistrationOrigin origin)
{
    const QString normalizedEmail = normalizeEmail(email);
    if (!isValidEmail(normalizedEmail))
        return AuthError::InvalidEmail;
    if (!isAcceptablePassword(password))
        return AuthError::WeakPassword;
    const QString trimmedName = name.trimmed();
    if (!isValidName(trimmedName))
        return AuthError::InvalidName;
    const QString effectiveRole = role.isEmpty() ? QString(QLatin1String(Roles::Analyst)) : role;
    if (!isValidRole(effectiveRole))
        return AuthError::InvalidRole;
    if (origin == RegistrationOrigin::Public && effectiveRole == QLatin1String(Roles::Admin))
        return AuthError::RoleNotAllowed;
    // Cheap check first so that a taken email does not cost an argon2 hash; the UNIQUE constraint below
    // still decides a race between two registrations.
    {
        QMutexLocker lock(&m_dbMutex);
        if (m_users.findByEmail(normalizedEmail))
            return AuthError::EmailTaken;
    }

    UserRecord user;
    user.id = m_crypto.randomUuid();
    user.email = normalizedEmail;
    user.name = trimmedName;
    user.role = effectiveRole;
    user.isActive = true;
    user.createdAt = m_clock();
    const QString passwordHash = m_hasher.hash(password); // the slow part, outside the lock
    QMutexLocker lock(&m_dbMutex);
    if (!m_users.insert(user, passwordHash))
        return AuthError::EmailTaken;
    return user;
}

AuthResult<Session> AuthService::login(const QString& email, const QString& password)
{
    const QString normalizedEmail = normalizeEmail(email);
    std::optional<UserRepository::Credentials> credentials;
    if (isValidEmail(normalizedEmail)) {
        QMutexLocker lock(&m_dbMutex);
        credentials = m_users.findByEmail(normalizedEmail);
    }
    if (!credentials) {
        m_hasher.dummyVerify(password); // an unknown email costs what a wrong password costs
        return AuthError::InvalidCredentials;
    }
    if (!m_hasher.verify(credentials->passwordHash, password))
        return AuthError::InvalidCredentials;
    UserRecord user = credentials->user;
    if (!user.isActive)
        return AuthError::AccountDisabled;

    // Limits raised since this hash was made: upgrade it now, while we hold the clear password.
    QString upgradedHash;
    if (m_hasher.needsRehash(credentials->passwordHash))
        upgradedHash = m_hasher.hash(password);

    QMutexLocker lock(&m_dbMutex);
    store::Transaction transaction(m_db);
    if (!upgradedHash.isEmpty())
        m_users.setPasswordHash(user.id, upgradedHash);
    user.lastLogin = m_clock();
    m_users.setLastLogin(user.id, *user.lastLogin);
    Session session = issueSession(user, m_crypto.randomUuid());
    transaction.commit();
    return session;
}

AuthResult<Session> AuthService::refresh(const QString& refreshToken)
{
    const auto verified = m_codec.verifyRefresh(refreshToken);
    if (!verified.ok())
        return {AuthError::InvalidToken, verified.failure};
    const RefreshClaims& claims = verified.claims;
    const qint64 now = m_clock();

    QMutexLocker lock(&m_dbMutex);
    store::Transaction transaction(m_db);
    const auto row = m_tokenState.findRefresh(claims.jti);
    // No row: purged, or minted with our key outside this database. Either way it is not a live session.
    if (!row || row->userId != claims.userId)
        return {AuthError::InvalidToken, TokenFailure::Revoked};
    if (row->revoked) {
        // A spent token came back: whoever holds it, the family is compromised.
        m_tokenState.revokeRefreshFamily(row->familyId, now);
        transaction.commit();
        return {AuthError::InvalidToken, TokenFailure::Revoked};
    }
    const auto user = m_users.findById(claims.userId);
    if (!user || !user->isActive) {
        m_tokenState.revokeRefreshFamily(row->familyId, now);
        transaction.commit();
        return {AuthError::InvalidToken, TokenFailure::UnknownUser};
    }
    Session session = issueSession(*user, row->familyId);
    if (!m_tokenState.rotateRefresh(claims.jti, session.refresh.jti, now))
        return {AuthError::InvalidToken, TokenFailure::Revoked}; // unreachable under the write lock; rolls back
    transaction.commit();
    return session;
}

void AuthService::logout(const AccessClaims& claims, const QString& refreshToken)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_dbMutex);
    store::Transaction transaction(m_db);
    m_tokenState.revokeAccess(claims.jti, claims.expiresAt);
    m_tokenState.revokeFamilyOfAccess(claims.jti, now);
    if (!refreshToken.isEmpty()) {
        // An invalid or foreign refresh token is ignored rather than reported: logout always succeeds,
        // and one user's logout must not revoke another user's session.
        const auto verified = m_codec.verifyRefresh(refreshToken);
        if (verified.ok() && verified.claims.userId == claims.subject.userId) {
            if (const auto row = m_tokenState.findRefresh(verified.claims.jti);
                row && row->userId == claims.subject.userId)
                m_tokenState.revokeRefreshFamily(row->familyId, now);
        }
    }
    transaction.commit();
}

AuthResult<AuthenticatedUser> AuthService::authenticate(const QString& accessToken)
{
    const auto verified = m_codec.verifyAccess(accessToken);
    if (!verified.ok())
        return {AuthError::InvalidToken, verified.failure};
    QMutexLocker lock(&m_dbMutex);
    if (m_tokenState.isAccessRevoked(verified.claims.jti))
        return {AuthError::InvalidToken, TokenFailure::Revoked};
    const auto user = m_users.findById(verified.claims.subject.userId);
    if (!user || !user->isActive)
        return {AuthError::InvalidToken, TokenFailure::UnknownUser};
    return AuthenticatedUser{*user, verified.claims};
}

AuthResult<UserRecord> AuthService::me(const QString& userId)
{
    QMutexLocker lock(&m_dbMutex);
    auto user = m_users.findById(userId);
    if (!user)
        return AuthError::NotFound;
    return *user;
}

QList<UserRecord> AuthService::listUsers()
{
    QMutexLocker lock(&m_dbMutex);
    return m_users.list();
}

AuthResult<CreatedAdmin> AuthService::createAdmin(const QString& email, const QString& password)
{
    CreatedAdmin created;
    QString effectivePassword = password;
    if (effectivePassword.isEmpty()) {
        created.generatedPassword = m_crypto.randomToken(kGeneratedPasswordBytes);
        effectivePassword = created.generatedPassword;
    }
    const QString normalizedEmail = normalizeEmail(email);
    const QString name = normalizedEmail.section(u'@', 0, 0);
    auto registered = registerUser(normalizedEmail, effectivePassword, name.isEmpty() ? QStringLiteral("admin") : name,
                                   QLatin1String(Roles::Admin), RegistrationOrigin::Administrator);
    if (!registered)
        return registered.error();
    created.user = registered.value();
    return created;
}

QString AuthService::issueBootstrapToken()
{
    const QString token = m_crypto.randomToken(kBootstrapTokenBytes);
    const qint64 now = m_clock();
    // 256 random bits need no slow hash: SHA-256 is enough to make a leaked database row useless.
    QMutexLocker lock(&m_dbMutex);
    m_tokenState.insertBootstrap(hashHex(token), now, now + m_config.bootstrapTokenSeconds);
    return token;
}

AuthResult<Session> AuthService::exchangeBootstrapToken(const QString& token)
{
    if (token.isEmpty() || token.size() > kMaximumBootstrapTokenChars)
        return AuthError::BootstrapRejected;
    const qint64 now = m_clock();
    // One transaction: if anything below throws, the token is not spent and the app can retry.
    QMutexLocker lock(&m_dbMutex);
    store::Transaction transaction(m_db);
    // Looked up by its hash: comparing hashes in SQL reveals nothing usable about the token itself.
    if (!m_tokenState.consumeBootstrap(hashHex(token), now))
        return AuthError::BootstrapRejected;

    const QString email = normalizeEmail(m_config.localAccountEmail);
    UserRecord user;
    if (auto existing = m_users.findByEmail(email)) {
        user = existing->user;
        if (!user.isActive)
            return AuthError::AccountDisabled; // the transaction rolls back: the token stays unspent
    } else {
        user.id = m_crypto.randomUuid();
        user.email = email;
        user.name = m_config.localAccountName;
        user.role = m_config.localAccountRole;
        user.createdAt = now;
        if (!m_users.insert(user, QLatin1String(kNoPassword)))
            return AuthError::BootstrapRejected;
    }
    user.lastLogin = now;
    m_users.setLastLogin(user.id, now);
    Session session = issueSession(user, m_crypto.randomUuid());
    transaction.commit();
    return session;
}

PurgeCounts AuthService::purgeExpired()
{
    QMutexLocker lock(&m_dbMutex);
    store::Transaction transaction(m_db);
    const PurgeCounts counts = m_tokenState.purgeExpired(m_clock());
    transaction.commit();
    return counts;
}

Session AuthService::issueSession(const UserRecord& user, const QString& familyId)
{
    Session session;
    session.user = user;
    session.access = m_codec.issueAccess({user.id, user.email, user.name, user.role});
    session.refresh = m_codec.issueRefresh(user.id);
    session.expiresIn = m_codec.lifetimes().accessSeconds;
    m_tokenState.insertRefresh(session.refresh.jti, user.id, familyId, session.access.jti, session.refresh.issuedAt,
                               session.refresh.expiresAt);
    return session;
}

} // namespace cidadao::auth
