// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokencodec.h"

#include <QByteArrayList>
#include <cstdlib>
#include <jwt.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace cidadao::auth {

using Json = nlohmann::json;

namespace {

constexpr char kTypeAccess[] = "access";
constexpr char kTypeRefresh[] = "refresh";

struct JwtDeleter
{
    void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct MallocDeleter
{
    void operator()(char* text) const { std::free(text); }
};
using CString = std::unique_ptr<char, MallocDeleter>;

QString encode(const QByteArray& key, const Json& claims)
{
    jwt_t* raw = nullptr;
    if (jwt_new(&raw) != 0)
        throw std::runtime_error("jwt_new failed");
    JwtPtr jwt(raw);
    if (jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(key.constData()),
                    int(key.size())) != 0)
        throw std::runtime_error("jwt_set_alg failed");
    const std::string json = claims.dump();
    if (jwt_add_grants_json(jwt.get(), json.c_str()) != 0)
        throw std::runtime_error("jwt_add_grants_json failed");
    CString token(jwt_encode_str(jwt.get()));
    if (!token)
        throw std::runtime_error("jwt_encode_str failed");
    return QString::fromLatin1(token.get());
}

bool hasString(const Json& claims, const char* name)
{
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() && !it->get<std::string>().empty();
}

bool hasInteger(const Json& claims, const char* name)
{
    const auto it = claims.find(name);
    return it != claims.end() && it->is_number_integer();
}

QString stringClaim(const Json& claims, const char* name)
{
    return QString::fromStdString(claims.at(name).get<std::string>());
}

// Everything common to both token types: shape, header, signature, libjwt parse, type, times.
// On success `claims` holds the payload object.
TokenFailure decodeAndCheck(const QByteArray& key, const QString& tokenText, const char* expectedType, qint64 now,
                            Json* claims)
{
    if (tokenText.size() > TokenCodec::kMaximumTokenBytes || tokenText.isEmpty())
        return TokenFailure::Malformed;
    const QByteArray token = tokenText.toLatin1();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return TokenFailure::Malformed;

    QByteArray headerBytes;
    QByteArray signature;
    if (!Crypto::base64UrlDecode(parts[0], &headerBytes))
        return TokenFailure::Malformed;
    const Json header = Json::parse(headerBytes.constBegin(), headerBytes.constEnd(), nullptr, false);
    if (!header.is_object())
        return TokenFailure::Malformed;
    // Our own algorithm check, before any library sees the token: only HS256, spelled exactly.
    const auto alg = header.find("alg");
    if (alg == header.end() || !alg->is_string() || alg->get<std::string>() != "HS256")
        return TokenFailure::UnsupportedAlgorithm;
    if (header.contains("crit"))
        return TokenFailure::UnsupportedAlgorithm; // extensions we do not implement must not be ignored
    if (const auto typ = header.find("typ");
        typ != header.end() && (!typ->is_string() || typ->get<std::string>() != "JWT"))
        return TokenFailure::Malformed;

    if (parts[2].isEmpty() || !Crypto::base64UrlDecode(parts[2], &signature))
        return TokenFailure::BadSignature;
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    if (!Crypto::constantTimeEquals(Crypto::hmacSha256(key, signingInput), signature))
        return TokenFailure::BadSignature;

    // The signature is ours: let libjwt parse (it verifies once more; harmless, the token is genuine).
    jwt_t* raw = nullptr;
    if (jwt_decode(&raw, token.constData(), reinterpret_cast<const unsigned char*>(key.constData()), int(key.size())) !=
        0)
        return TokenFailure::Malformed;
    JwtPtr jwt(raw);
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return TokenFailure::UnsupportedAlgorithm;
    CString grants(jwt_get_grants_json(jwt.get(), nullptr));
    if (!grants)
        return TokenFailure::Malformed;
    *claims = Json::parse(grants.get(), nullptr, false);
    if (!claims->is_object())
        return TokenFailure::Malformed;

    if (!hasString(*claims, "type") || !hasString(*claims, "sub") || !hasString(*claims, "jti") ||
        !hasInteger(*claims, "exp") || !hasInteger(*claims, "iat"))
        return TokenFailure::MissingClaims;
    if (claims->at("type").get<std::string>() != expectedType)
        return TokenFailure::WrongType;
    // RFC 7519 §4.1.4: the token is valid strictly before exp. No leeway: one clock issues and checks.
    if (now >= claims->at("exp").get<qint64>())
        return TokenFailure::Expired;
    if (claims->at("iat").get<qint64>() > now + 60)
        return TokenFailure::NotYetValid;
    return TokenFailure::None;
}

} // namespace

QString describe(TokenFailure failure)
{
    switch (failure) {
    case TokenFailure::None:
        return QStringLiteral("ok");
    case TokenFailure::Malformed:
        return QStringLiteral("malformed token");
    case TokenFailure::UnsupportedAlgorithm:
        return QStringLiteral("unsupported algorithm");
    case TokenFailure::BadSignature:
        return QStringLiteral("bad signature");
    case TokenFailure::MissingClaims:
        return QStringLiteral("missing claims");
    case TokenFailure::WrongType:
        return QStringLiteral("wrong token type");
    case TokenFailure::Expired:
        return QStringLiteral("token expired");
    case TokenFailure::NotYetValid:
        return QStringLiteral("token not yet valid");
    case TokenFailure::Revoked:
        return QStringLiteral("token revoked");
    case TokenFailure::UnknownUser:
        return QStringLiteral("unknown or inactive user");
    }
    return QStringLiteral("invalid token");
}

TokenCodec::TokenCodec(const Crypto& crypto, SigningKey key, Clock clock, TokenLifetimes lifetimes)
    : m_crypto(crypto), m_key(std::move(key)), m_clock(std::move(clock)), m_lifetimes(lifetimes)
{
    if (m_lifetimes.accessSeconds <= 0 || m_lifetimes.refreshSeconds <= 0)
        throw std::invalid_argument("token lifetimes must be positive");
}

IssuedToken TokenCodec::issueAccess(const TokenSubject& subject) const
{
    IssuedToken issued;
    issued.issuedAt = m_clock();
    issued.expiresAt = issued.issuedAt + m_lifetimes.accessSeconds;
    issued.jti = m_crypto.randomUuid();
    const Json claims = {{"sub", subject.userId.toStdString()},
                         {"email", subject.email.toStdString()},
                         {"name", subject.name.toStdString()},
                         {"role", subject.role.toStdString()},
                         {"exp", issued.expiresAt},
                         {"iat", issued.issuedAt},
                         {"type", kTypeAccess},
                         {"jti", issued.jti.toStdString()}};
    issued.token = encode(m_key.bytes(), claims);
    return issued;
}

IssuedToken TokenCodec::issueRefresh(const QString& userId) const
{
    IssuedToken issued;
    issued.issuedAt = m_clock();
    issued.expiresAt = issued.issuedAt + m_lifetimes.refreshSeconds;
    issued.jti = m_crypto.randomUuid();
    const Json claims = {{"sub", userId.toStdString()},
                         {"exp", issued.expiresAt},
                         {"iat", issued.issuedAt},
                         {"type", kTypeRefresh},
                         {"jti", issued.jti.toStdString()}};
    issued.token = encode(m_key.bytes(), claims);
    return issued;
}

Verified<AccessClaims> TokenCodec::verifyAccess(const QString& token) const
{
    Verified<AccessClaims> result;
    Json claims;
    result.failure = decodeAndCheck(m_key.bytes(), token, kTypeAccess, m_clock(), &claims);
    if (!result.ok())
        return result;
    if (!hasString(claims, "email") || !hasString(claims, "role") || !claims.contains("name") ||
        !claims.at("name").is_string()) {
        result.failure = TokenFailure::MissingClaims;
        return result;
    }
    result.claims.subject = {stringClaim(claims, "sub"), stringClaim(claims, "email"), stringClaim(claims, "name"),
                             stringClaim(claims, "role")};
    result.claims.issuedAt = claims.at("iat").get<qint64>();
    result.claims.expiresAt = claims.at("exp").get<qint64>();
    result.claims.jti = stringClaim(claims, "jti");
    return result;
}

Verified<RefreshClaims> TokenCodec::verifyRefresh(const QString& token) const
{
    Verified<RefreshClaims> result;
    Json claims;
    result.failure = decodeAndCheck(m_key.bytes(), token, kTypeRefresh, m_clock(), &claims);
    if (!result.ok())
        return result;
    result.claims.userId = stringClaim(claims, "sub");
    result.claims.issuedAt = claims.at("iat").get<qint64>();
    result.claims.expiresAt = claims.at("exp").get<qint64>();
    result.claims.jti = stringClaim(claims, "jti");
    return result;
}

} // namespace cidadao::auth
