// SPDX-License-Identifier: GPL-3.0-or-later
// JWT HS256 issue and verification (libjwt 1.10 for encoding and claim parsing; the header, the
// algorithm and the signature are checked here first, in constant time, because libjwt 1.10 compares
// signatures with strcmp and lets the token's header choose the algorithm).
// Stateless: revocation lives in the database and is checked by AuthService on top of this.
#pragma once

#include "auth/clock.h"
#include "auth/crypto.h"
#include "auth/signingkey.h"

#include <QString>

namespace cidadao::auth {

enum class TokenType { Access, Refresh };

// Why a token was refused. The HTTP layer answers 401 for every one of them; the reason is for logs
// and tests. Order is not meaningful.
enum class TokenFailure {
    None,
    Malformed,            // not three base64url segments, not JSON, oversized
    UnsupportedAlgorithm, // header alg other than HS256 (including "none"), or a "crit" header
    BadSignature,         // HMAC mismatch: tampered header/payload or another key
    MissingClaims,        // a required claim is absent or has the wrong JSON type
    WrongType,            // a refresh token presented as access token, or the reverse
    Expired,
    NotYetValid, // issued in the future
    Revoked,     // logged out, rotated away, or its family was revoked
    UnknownUser, // the subject no longer exists or is deactivated
};
QString describe(TokenFailure failure); // for logs

struct TokenLifetimes
{
    qint64 accessSeconds = 1800;           // spec: expires_in 1800
    qint64 refreshSeconds = 7 * 24 * 3600; // spec: 7 days
};

// Who an access token speaks for: the claims {sub, email, name, role}.
struct TokenSubject
{
    QString userId;
    QString email;
    QString name;
    QString role;
};

struct AccessClaims
{
    TokenSubject subject;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
    QString jti;
};

struct RefreshClaims
{
    QString userId;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
    QString jti;
};

template <typename Claims> struct Verified
{
    TokenFailure failure = TokenFailure::Malformed;
    Claims claims;
    bool ok() const { return failure == TokenFailure::None; }
};

struct IssuedToken
{
    QString token;
    QString jti;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

class TokenCodec
{
public:
    // Longest token we even try to parse: ours are ~400 bytes; anything huge is an attack.
    static constexpr qsizetype kMaximumTokenBytes = 8192;

    TokenCodec(const Crypto& crypto, SigningKey key, Clock clock, TokenLifetimes lifetimes = {});

    IssuedToken issueAccess(const TokenSubject& subject) const;
    IssuedToken issueRefresh(const QString& userId) const;

    Verified<AccessClaims> verifyAccess(const QString& token) const;
    Verified<RefreshClaims> verifyRefresh(const QString& token) const;

    const TokenLifetimes& lifetimes() const { return m_lifetimes; }
    qint64 now() const { return m_clock(); }

private:
    Crypto m_crypto;
    SigningKey m_key;
    Clock m_clock;
    TokenLifetimes m_lifetimes;
};

} // namespace cidadao::auth
