// SPDX-License-Identifier: GPL-3.0-or-later
// Authentication models (spec/API.md §3), exactly the seed's, plus the rotated refresh_token of
// RefreshResponse. Request validation: e-mail syntax, password 8..256 code points at registration
// (1..256 at login, so that old accounts can still sign in), role one of UserRole::All.
#pragma once

#include "decoding.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cidadao::protocol {

inline constexpr int PasswordMinLength = 8;
// An upper bound keeps argon2id hashing of hostile input cheap and bounded.
inline constexpr int PasswordMaxLength = 256;
inline constexpr int UserNameMaxLength = 200;
inline constexpr char TokenTypeBearer[] = "bearer";

struct LoginRequest
{
    QString email;
    QString password;
};
void to_json(Json& out, const LoginRequest& value);
void from_json(const Json& in, LoginRequest& value);

// LoginResponse.user
struct AuthUser
{
    QString id;
    QString email;
    QString name;
    QString role;
    bool isActive = true;
};
void to_json(Json& out, const AuthUser& value);
void from_json(const Json& in, AuthUser& value);

struct LoginResponse
{
    QString accessToken;
    QString refreshToken;
    QString tokenType = QLatin1String(TokenTypeBearer);
    qint64 expiresIn = 0; // seconds
    AuthUser user;
};
void to_json(Json& out, const LoginResponse& value);
void from_json(const Json& in, LoginResponse& value);

struct RefreshRequest
{
    QString refreshToken;
};
void to_json(Json& out, const RefreshRequest& value);
void from_json(const Json& in, RefreshRequest& value);

struct RefreshResponse
{
    QString accessToken;
    QString tokenType = QLatin1String(TokenTypeBearer);
    qint64 expiresIn = 0;
    std::optional<QString> refreshToken; // rotation (spec §3); absent from the seed's shape
};
void to_json(Json& out, const RefreshResponse& value);
void from_json(const Json& in, RefreshResponse& value);

struct RegisterRequest
{
    QString email;
    QString password;
    QString name;
    QString role = QStringLiteral("analyst");
};
void to_json(Json& out, const RegisterRequest& value);
void from_json(const Json& in, RegisterRequest& value);

struct UserResponse
{
    QString id;
    QString email;
    QString name;
    QString role;
    bool isActive = true;
    QDateTime createdAt;
    std::optional<QDateTime> lastLogin;
};
void to_json(Json& out, const UserResponse& value);
void from_json(const Json& in, UserResponse& value);

} // namespace cidadao::protocol
