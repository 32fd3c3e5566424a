// SPDX-License-Identifier: GPL-3.0-or-later
#include "authgate.h"

#include <QUrlQuery>

namespace cidadao::http {

using protocol::ApiError;

AuthGate::AuthGate(auth::AuthService& service, bool allowAnonymous)
    : m_service(service)
    , m_allowAnonymous(allowAnonymous)
{
}

QString AuthGate::bearerToken(const QByteArray& authorizationHeader)
{
    const QByteArray value = authorizationHeader.trimmed();
    if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(value.mid(7).trimmed());
    return {};
}

Principal AuthGate::anonymousPrincipal(const QString& address)
{
    Principal principal;
    principal.userId = QStringLiteral("anonymous");
    principal.name = QStringLiteral("Anonymous");
    principal.role = QStringLiteral("citizen");
    principal.anonymous = true;
    principal.tokenId = address; // rate limits of anonymous callers are per address
    return principal;
}

std::optional<Principal> AuthGate::principalFor(const QString& token, QString* failure) const
{
    const auto result = m_service.authenticate(token);
    if (!result) {
        if (failure)
            *failure = auth::describe(result.tokenFailure());
        return std::nullopt;
    }
    Principal principal;
    principal.userId = result->user.id;
    principal.email = result->user.email;
    principal.name = result->user.name;
    principal.role = result->user.role;
    principal.tokenId = result->token.jti;
    principal.tokenExpiresAt = result->token.expiresAt;
    return principal;
}

bool AuthGate::identify(Request& request, Responder&, const Route&)
{
    const QString token = bearerToken(request.header("authorization"));
    if (token.isEmpty())
        return true;
    QString failure;
    request.principal = principalFor(token, &failure);
    if (!request.principal)
        request.authFailure = failure;
    return true;
}

bool AuthGate::enforce(Request& request, Responder& responder, const Route& route)
{
    if (route.access == Access::Public)
        return true;
    if (!request.principal && route.access == Access::AnonymousOk && m_allowAnonymous
        && request.authFailure.isEmpty()) {
        request.principal = anonymousPrincipal(request.remoteAddress.toString());
        return true;
    }
    if (!request.principal) {
        const bool presented = !request.authFailure.isEmpty();
        ApiError error = protocol::unauthorized(presented ? QStringLiteral("invalid or expired token")
                                                          : QStringLiteral("authentication required"));
        const QByteArray challenge = presented ? QByteArrayLiteral("Bearer error=\"invalid_token\"")
                                               : QByteArrayLiteral("Bearer");
        responder.error(error, {{QByteArrayLiteral("WWW-Authenticate"), challenge}});
        return false;
    }
    if (route.access == Access::Admin && request.principal->role != QLatin1String(auth::Roles::Admin)) {
        responder.error(protocol::forbidden(QStringLiteral("this action needs the admin role")));
        return false;
    }
    return true;
}

std::optional<Principal> AuthGate::authenticateSocket(const QWebSocket& socket, bool anonymousOk, QString* failure) const
{
    QString token = bearerToken(socket.request().rawHeader("Authorization"));
    if (token.isEmpty())
        token = QUrlQuery(socket.requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (token.isEmpty()) {
        if (anonymousOk && m_allowAnonymous)
            return anonymousPrincipal(socket.peerAddress().toString());
        if (failure)
            *failure = QStringLiteral("authentication required");
        return std::nullopt;
    }
    return principalFor(token, failure);
}

} // namespace cidadao::http
