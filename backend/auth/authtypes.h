// SPDX-License-Identifier: GPL-3.0-or-later
// The values AuthService hands to the HTTP layer: accounts, issued sessions and typed failures.
#pragma once

#include "auth/tokencodec.h"

#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace cidadao::auth {

namespace Roles {
inline constexpr char Admin[] = "admin";
inline constexpr char Analyst[] = "analyst"; // the default of RegisterRequest
inline constexpr char Citizen[] = "citizen";
} // namespace Roles
bool isValidRole(const QString& role);

// Account field rules, shared by registration and --create-admin.
inline constexpr int kMinimumPasswordLength = 8;    // code points
inline constexpr int kMaximumPasswordLength = 1024; // argon2 would cope; longer is abuse, not a password
inline constexpr int kMaximumNameLength = 200;
// Trimmed and lower-cased: the form stored and compared.
QString normalizeEmail(const QString& email);
// A pragmatic address check (local@domain.tld, at most 254 characters); expects a normalised address.
bool isValidEmail(const QString& email);
bool isAcceptablePassword(const QString& password);
// Trimmed, 1..200 characters, no control characters.
bool isValidName(const QString& trimmedName);

struct UserRecord
{
    QString id; // UUID text
    QString email;
    QString name;
    QString role;
    bool isActive = true;
    qint64 createdAt = 0;            // epoch seconds
    std::optional<qint64> lastLogin; // epoch seconds
};

// What login, refresh and the bootstrap exchange return: LoginResponse is built from this.
struct Session
{
    UserRecord user;
    IssuedToken access;
    IssuedToken refresh;
    qint64 expiresIn = 0; // access lifetime in seconds: LoginResponse.expires_in
};

enum class AuthError {
    None,
    EmailTaken,         // 409
    InvalidEmail,       // 422 (field "email")
    WeakPassword,       // 422 (field "password"): under 8 characters, or absurdly long
    InvalidName,        // 422 (field "name")
    InvalidRole,        // 422 (field "role")
    RoleNotAllowed,     // 403: self-registration asked for "admin"
    InvalidCredentials, // 401: same answer for an unknown email and a wrong password
    AccountDisabled,    // 403: right password, deactivated account
    InvalidToken,       // 401: see tokenFailure()
    NotFound,           // 404
    BootstrapRejected,  // 401: unknown, expired or already used bootstrap token
};
// The request field a validation error is about ("email", "password", "name", "role"), else empty.
QString fieldOf(AuthError error);
// A client-safe English message (never says whether an email exists).
QString messageOf(AuthError error);

template <typename T> class AuthResult
{
public:
    AuthResult(T value) // NOLINT(google-explicit-constructor): `return record;` reads best
        : m_value(std::move(value))
    {
    }
    AuthResult(AuthError error, TokenFailure tokenFailure = TokenFailure::None)
        : m_error(error), m_tokenFailure(tokenFailure)
    {
    }

    bool ok() const { return m_error == AuthError::None; }
    explicit operator bool() const { return ok(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const T* operator->() const { return &*m_value; }
    AuthError error() const { return m_error; }
    // For InvalidToken: why the token was refused (for logs and tests; the client only sees 401).
    TokenFailure tokenFailure() const { return m_tokenFailure; }

private:
    std::optional<T> m_value;
    AuthError m_error = AuthError::None;
    TokenFailure m_tokenFailure = TokenFailure::None;
};

// --create-admin's answer: the account and, when the operator gave no password, the generated one
// (shown once on the terminal, never stored in clear).
struct CreatedAdmin
{
    UserRecord user;
    QString generatedPassword;
};

// What a purge removed.
struct PurgeCounts
{
    int refreshTokens = 0;
    int revokedAccessJtis = 0;
    int bootstrapTokens = 0;
};

} // namespace cidadao::auth
