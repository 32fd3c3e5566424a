// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts and sessions over the store: registration, login, refresh-token rotation, logout, the admin
// bootstrap (--create-admin) and the embedded mode's one-time bootstrap token. The HTTP layer calls this
// and maps each AuthError to a status; nothing here knows about HTTP.
//
// Threads: give it a connection of its own (not the store::Writer's, not a ReaderPool's). Every use of that
// connection is serialised by an internal mutex, and argon2 (~250 ms at the interactive cost) runs OUTSIDE
// that mutex, so the methods may be called from any thread — login and register belong on a worker
// thread (e.g. QThreadPool), never on the HTTP event loop. Auth writes are rare and short; SQLite's WAL
// lock plus busy_timeout arbitrates them with the Writer's.
#pragma once

#include "auth/authtypes.h"
#include "auth/clock.h"
#include "auth/crypto.h"
#include "auth/passwordhasher.h"
#include "auth/signingkey.h"
#include "auth/tokencodec.h"
#include "auth/tokenrepository.h"
#include "auth/userrepository.h"

#include <QList>
#include <QMutex>
#include <QString>

namespace cidadao::store {
class Database;
}

namespace cidadao::auth {

struct AuthConfig
{
    TokenLifetimes lifetimes;
    // The server keeps the default; tests may pass PasswordHasher::Limits::minimum() to run faster.
    PasswordHasher::Limits hashLimits = PasswordHasher::Limits::interactive();
    qint64 bootstrapTokenSeconds = 600; // the app exchanges it right after reading the ready line
    QString localAccountEmail = QStringLiteral("local@cidadao.localhost");
    QString localAccountName = QStringLiteral("Local user");
    QString localAccountRole = QLatin1String(Roles::Admin); // the desktop's owner administers its own server
};

// Who may ask for which role: the public /auth/register route must never mint an admin.
enum class RegistrationOrigin { Public, Administrator };

// An authenticated request's identity: the account as it is NOW (role changes apply at once), and the
// token's claims (the jti and expiry that logout revokes).
struct AuthenticatedUser
{
    UserRecord user;
    AccessClaims token;
};

class AuthService
{
public:
    AuthService(store::Database& db, const Crypto& crypto, SigningKey key, Clock clock, AuthConfig config = {});

    AuthResult<UserRecord> registerUser(const QString& email, const QString& password, const QString& name,
                                        const QString& role = QLatin1String(Roles::Analyst),
                                        RegistrationOrigin origin = RegistrationOrigin::Public);
    // InvalidCredentials for an unknown email and for a wrong password alike, at the same argon2 cost.
    AuthResult<Session> login(const QString& email, const QString& password);
    // Rotation: the presented refresh token is spent and a new access + refresh pair is returned. A spent
    // token presented again revokes every token of its login (family): the legitimate holder and a thief
    // both have to log in again.
    AuthResult<Session> refresh(const QString& refreshToken);
    // Revokes the access token's jti and the refresh tokens of its session; when a refresh token is given
    // (and belongs to the same user) its family is revoked too. Never fails for the caller: logout is 204.
    void logout(const AccessClaims& claims, const QString& refreshToken = {});
    // Everything an authenticated route needs: signature, type, expiry, revocation, account still active.
    AuthResult<AuthenticatedUser> authenticate(const QString& accessToken);

    AuthResult<UserRecord> me(const QString& userId);
    QList<UserRecord> listUsers(); // the caller checks that the requester is an admin

    // For `cidadao-server --create-admin EMAIL`: an empty password generates one, returned once.
    AuthResult<CreatedAdmin> createAdmin(const QString& email, const QString& password = {});

    // Embedded mode: a random token for the ready line (only its SHA-256 is stored) ...
    QString issueBootstrapToken();
    // ... exchanged exactly once for a session of the local account (created on first use).
    AuthResult<Session> exchangeBootstrapToken(const QString& token);

    // Deletes token rows that expired; call at start and periodically.
    PurgeCounts purgeExpired();

    const TokenCodec& tokens() const { return m_codec; }
    const PasswordHasher& passwords() const { return m_hasher; }
    const AuthConfig& config() const { return m_config; }

private:
    // Writes a refresh-token row: call with m_dbMutex held, inside a transaction.
    Session issueSession(const UserRecord& user, const QString& familyId);

    store::Database& m_db;
    QMutex m_dbMutex; // guards m_db and the repositories over it
    Crypto m_crypto;
    Clock m_clock;
    AuthConfig m_config;
    PasswordHasher m_hasher;
    TokenCodec m_codec;
    UserRepository m_users;
    TokenRepository m_tokenState;
};

} // namespace cidadao::auth
