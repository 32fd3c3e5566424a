// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcontroller.h"

#include "http/asyncwork.h"

#include "auth/clock.h"
#include "protocol/auth.h"
#include "protocol/decoding.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuthApi, "cidadao.auth", QtInfoMsg)

namespace cidadao::server {

using protocol::ApiError;
using protocol::Json;

namespace {

QDateTime toDateTime(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC);
}

protocol::UserResponse toUserResponse(const auth::UserRecord& user)
{
    protocol::UserResponse response;
    response.id = user.id;
    response.email = user.email;
    response.name = user.name;
    response.role = user.role;
    response.isActive = user.isActive;
    response.createdAt = toDateTime(user.createdAt);
    if (user.lastLogin)
        response.lastLogin = toDateTime(*user.lastLogin);
    return response;
}

Json toLoginResponse(const auth::Session& session)
{
    protocol::LoginResponse response;
    response.accessToken = session.access.token;
    response.refreshToken = session.refresh.token;
    response.expiresIn = session.expiresIn;
    response.user = protocol::AuthUser{session.user.id, session.user.email, session.user.name, session.user.role,
                                       session.user.isActive};
    Json body;
    protocol::to_json(body, response);
    return body;
}

} // namespace

AuthController::AuthController(auth::AuthService& service, auth::LoginThrottle& throttle, QThreadPool& workers,
                               bool bootstrapEnabled, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_throttle(throttle)
    , m_workers(workers)
    , m_bootstrapEnabled(bootstrapEnabled)
{
}

ApiError AuthController::toApiError(auth::AuthError error)
{
    const QString message = auth::messageOf(error);
    switch (error) {
    case auth::AuthError::EmailTaken: return protocol::conflict(message);
    case auth::AuthError::InvalidEmail:
    case auth::AuthError::WeakPassword:
    case auth::AuthError::InvalidName:
    case auth::AuthError::InvalidRole:
        return protocol::ValidationFailure(auth::fieldOf(error), message).toApiError();
    case auth::AuthError::RoleNotAllowed:
    case auth::AuthError::AccountDisabled: return protocol::forbidden(message);
    case auth::AuthError::NotFound: return protocol::notFound(message);
    case auth::AuthError::InvalidCredentials:
    case auth::AuthError::InvalidToken:
    case auth::AuthError::BootstrapRejected:
    case auth::AuthError::None: break;
    }
    return protocol::unauthorized(message);
}

void AuthController::registerRoutes(http::Router& router)
{
    using http::Access;
    using namespace std::placeholders;
    router.add("POST", QStringLiteral("/api/v1/auth/register"), std::bind(&AuthController::registerUser, this, _1, _2))
        .rateClass = QStringLiteral("auth");
    router.add("POST", QStringLiteral("/api/v1/auth/login"), std::bind(&AuthController::login, this, _1, _2))
        .rateClass = QStringLiteral("login");
    router.add("POST", QStringLiteral("/api/v1/auth/refresh"), std::bind(&AuthController::refresh, this, _1, _2))
        .rateClass = QStringLiteral("auth");
    router.add("POST", QStringLiteral("/api/v1/auth/logout"), std::bind(&AuthController::logout, this, _1, _2),
               Access::Authenticated);
    router.add("GET", QStringLiteral("/api/v1/auth/me"), std::bind(&AuthController::me, this, _1, _2),
               Access::Authenticated);
    router.add("GET", QStringLiteral("/api/v1/auth/users"), std::bind(&AuthController::users, this, _1, _2),
               Access::Admin);
    if (m_bootstrapEnabled) {
        router.add("POST", QStringLiteral("/api/v1/auth/bootstrap"), std::bind(&AuthController::bootstrap, this, _1, _2))
            .rateClass = QStringLiteral("login");
    }
}

void AuthController::registerUser(http::Request& request, http::Responder& responder)
{
    const auto body = protocol::decode<protocol::RegisterRequest>(request.jsonBody());
    http::answerLater(
        m_workers, this, std::move(responder),
        [this, body] { return m_service.registerUser(body.email, body.password, body.name, body.role); },
        [](http::Responder& answer, auth::AuthResult<auth::UserRecord> result) {
            if (!result) {
                answer.error(toApiError(result.error()));
                return;
            }
            qCInfo(lcAuthApi) << "registered user" << result->id;
            Json created;
            protocol::to_json(created, toUserResponse(result.value()));
            answer.json(201, created);
        });
}

void AuthController::login(http::Request& request, http::Responder& responder)
{
    const QString address = request.remoteAddress.toString();
    // Locked addresses are refused before the password is even looked at, with the same answer
    // whatever the email, so a lockout says nothing about which accounts exist.
    if (m_throttle.lockedUntil(address)) {
        const qint64 retryAfter = qMax<qint64>(1, m_throttle.retryAfterSeconds(address));
        responder.error(ApiError{429, QLatin1String(protocol::ErrorCode::RateLimited),
                                 QStringLiteral("too many failed logins; retry in %1 s").arg(retryAfter),
                                 Json{{"retry_after", retryAfter}}},
                        {{QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)}});
        return;
    }
    const auto body = protocol::decode<protocol::LoginRequest>(request.jsonBody());
    http::answerLater(
        m_workers, this, std::move(responder), [this, body] { return m_service.login(body.email, body.password); },
        [this, address](http::Responder& answer, auth::AuthResult<auth::Session> result) {
            if (!result) {
                if (result.error() == auth::AuthError::InvalidCredentials) {
                    m_throttle.recordFailure(address);
                    qCInfo(lcAuthApi) << "failed login from" << address;
                }
                answer.error(toApiError(result.error()));
                return;
            }
            m_throttle.recordSuccess(address);
            answer.json(200, toLoginResponse(result.value()));
        });
}

void AuthController::refresh(http::Request& request, http::Responder& responder)
{
    const auto body = protocol::decode<protocol::RefreshRequest>(request.jsonBody());
    const auto result = m_service.refresh(body.refreshToken);
    if (!result) {
        responder.error(toApiError(result.error()), {{QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}});
        return;
    }
    protocol::RefreshResponse response;
    response.accessToken = result->access.token;
    response.expiresIn = result->expiresIn;
    response.refreshToken = result->refresh.token;
    Json out;
    protocol::to_json(out, response);
    responder.json(200, out);
}

void AuthController::logout(http::Request& request, http::Responder& responder)
{
    QString refreshToken;
    if (!request.body.trimmed().isEmpty()) {
        const Json body = request.jsonBody();
        if (const auto it = body.find("refresh_token"); it != body.end()) {
            if (!it->is_string())
                throw protocol::ValidationFailure(QStringLiteral("refresh_token"), QStringLiteral("must be a string"));
            refreshToken = it->get<QString>();
        }
    }
    const http::Principal& principal = *request.principal;
    auth::AccessClaims claims;
    claims.subject = {principal.userId, principal.email, principal.name, principal.role};
    claims.jti = principal.tokenId;
    claims.expiresAt = principal.tokenExpiresAt;
    m_service.logout(claims, refreshToken);
    responder.noContent();
}

void AuthController::me(http::Request& request, http::Responder& responder)
{
    const auto result = m_service.me(request.principal->userId);
    if (!result) {
        responder.error(toApiError(result.error()));
        return;
    }
    Json body;
    protocol::to_json(body, toUserResponse(result.value()));
    responder.json(200, body);
}

void AuthController::users(http::Request&, http::Responder& responder)
{
    Json list = Json::array();
    for (const auth::UserRecord& user : m_service.listUsers()) {
        Json item;
        protocol::to_json(item, toUserResponse(user));
        list.push_back(std::move(item));
    }
    const auto count = list.size();
    responder.json(200, Json{{"users", std::move(list)}, {"count", count}});
}

void AuthController::bootstrap(http::Request& request, http::Responder& responder)
{
    const Json body = request.jsonBody();
    const auto it = body.find("bootstrap_token");
    if (it == body.end() || !it->is_string() || it->get<QString>().isEmpty())
        throw protocol::ValidationFailure(QStringLiteral("bootstrap_token"), QStringLiteral("is required"));
    const QString token = it->get<QString>();
    http::answerLater(
        m_workers, this, std::move(responder), [this, token] { return m_service.exchangeBootstrapToken(token); },
        [](http::Responder& answer, auth::AuthResult<auth::Session> result) {
            if (!result) {
                answer.error(toApiError(result.error()));
                return;
            }
            answer.json(200, toLoginResponse(result.value()));
        });
}

} // namespace cidadao::server
