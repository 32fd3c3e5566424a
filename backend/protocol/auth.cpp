// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth.h"

#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

namespace {

QString readEmail(const ObjectReader& r)
{
    const QString email = r.string(Key::Email);
    if (!isValidEmail(email))
        throw ValidationFailure(QLatin1String(Key::Email), QStringLiteral("must be a valid e-mail address"));
    return email;
}

QString readRole(const ObjectReader& r, bool required)
{
    const QString role = required ? r.string(Key::Role)
                                  : r.optionalString(Key::Role).value_or(QLatin1String(UserRole::Default));
    requireOneOf(QLatin1String(Key::Role), role, UserRole::All);
    return role;
}

} // namespace

void to_json(Json& out, const LoginRequest& value)
{
    out = Json{{Key::Email, value.email}, {Key::Password, value.password}};
}

void from_json(const Json& in, LoginRequest& value)
{
    const ObjectReader r(in);
    value.email = readEmail(r);
    value.password = r.string(Key::Password);
    requireLength(QLatin1String(Key::Password), value.password, 1, PasswordMaxLength);
}

void to_json(Json& out, const AuthUser& value)
{
    out = Json{{Key::Id, value.id},
               {Key::Email, value.email},
               {Key::Name, value.name},
               {Key::Role, value.role},
               {Key::IsActive, value.isActive}};
}

void from_json(const Json& in, AuthUser& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.email = r.string(Key::Email);
    value.name = r.string(Key::Name);
    value.role = readRole(r, true);
    value.isActive = r.boolean(Key::IsActive);
}

void to_json(Json& out, const LoginResponse& value)
{
    out = Json{{Key::AccessToken, value.accessToken},
               {Key::RefreshToken, value.refreshToken},
               {Key::TokenType, value.tokenType},
               {Key::ExpiresIn, value.expiresIn},
               {Key::User, encode(value.user)}};
}

void from_json(const Json& in, LoginResponse& value)
{
    const ObjectReader r(in);
    value.accessToken = r.string(Key::AccessToken);
    value.refreshToken = r.string(Key::RefreshToken);
    value.tokenType = r.optionalString(Key::TokenType).value_or(QLatin1String(TokenTypeBearer));
    value.expiresIn = r.integer(Key::ExpiresIn);
    value.user = r.nested<AuthUser>(Key::User);
}

void to_json(Json& out, const RefreshRequest& value)
{
    out = Json{{Key::RefreshToken, value.refreshToken}};
}

void from_json(const Json& in, RefreshRequest& value)
{
    const ObjectReader r(in);
    value.refreshToken = r.string(Key::RefreshToken);
    // A JWT is a few hundred bytes; refuse megabyte "tokens" before anyone parses them.
    requireLength(QLatin1String(Key::RefreshToken), value.refreshToken, 1, 4096);
}

void to_json(Json& out, const RefreshResponse& value)
{
    out = Json{{Key::AccessToken, value.accessToken}, {Key::TokenType, value.tokenType}, {Key::ExpiresIn, value.expiresIn}};
    putOptional(out, Key::RefreshToken, value.refreshToken);
}

void from_json(const Json& in, RefreshResponse& value)
{
    const ObjectReader r(in);
    value.accessToken = r.string(Key::AccessToken);
    value.tokenType = r.optionalString(Key::TokenType).value_or(QLatin1String(TokenTypeBearer));
    value.expiresIn = r.integer(Key::ExpiresIn);
    value.refreshToken = r.optionalString(Key::RefreshToken);
}

void to_json(Json& out, const RegisterRequest& value)
{
    out = Json{{Key::Email, value.email}, {Key::Password, value.password}, {Key::Name, value.name}, {Key::Role, value.role}};
}

void from_json(const Json& in, RegisterRequest& value)
{
    const ObjectReader r(in);
    value.email = readEmail(r);
    value.password = r.string(Key::Password);
    requireLength(QLatin1String(Key::Password), value.password, PasswordMinLength, PasswordMaxLength);
    value.name = r.string(Key::Name);
    if (value.name.trimmed().isEmpty())
        throw ValidationFailure(QLatin1String(Key::Name), QStringLiteral("must not be empty"));
    requireLength(QLatin1String(Key::Name), value.name, 1, UserNameMaxLength);
    value.role = readRole(r, false);
}

void to_json(Json& out, const UserResponse& value)
{
    out = Json{{Key::Id, value.id},
               {Key::Email, value.email},
               {Key::Name, value.name},
               {Key::Role, value.role},
               {Key::IsActive, value.isActive},
               {Key::CreatedAt, toJson(value.createdAt)}};
    putOptional(out, Key::LastLogin, value.lastLogin);
}

void from_json(const Json& in, UserResponse& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.email = r.string(Key::Email);
    value.name = r.string(Key::Name);
    value.role = readRole(r, true);
    value.isActive = r.boolean(Key::IsActive);
    value.createdAt = r.timestamp(Key::CreatedAt);
    value.lastLogin = r.optionalTimestamp(Key::LastLogin);
}

} // namespace cidadao::protocol
