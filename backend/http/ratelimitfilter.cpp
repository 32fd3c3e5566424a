// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimitfilter.h"

namespace cidadao::http {

RateLimitFilter::RateLimitFilter(auth::RateLimiter& limiter)
    : m_limiter(limiter)
{
}

QString RateLimitFilter::clientKey(const Request& request)
{
    if (request.principal && !request.principal->anonymous)
        return QStringLiteral("user:") + request.principal->userId;
    return QStringLiteral("address:") + request.remoteAddress.toString();
}

bool RateLimitFilter::operator()(Request& request, Responder& responder, const Route& route)
{
    if (route.rateClass == QLatin1String("none"))
        return true;
    QString routeClass = route.rateClass.isEmpty() ? QStringLiteral("default") : route.rateClass;
    // Callers without an account share the stricter anonymous budget.
    if (routeClass == QLatin1String("default") && !(request.principal && !request.principal->anonymous)
        && route.access == Access::AnonymousOk)
        routeClass = QStringLiteral("anonymous");
    const auth::RateDecision decision = m_limiter.check({clientKey(request), routeClass});
    responder.addHeader(QByteArrayLiteral("X-RateLimit-Limit"), QByteArray::number(decision.limit));
    responder.addHeader(QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(decision.remaining));
    responder.addHeader(QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number(decision.resetEpochSeconds));
    responder.addHeader(QByteArrayLiteral("X-RateLimit-Window"), QByteArray::number(decision.windowSeconds));
    if (decision.allowed)
        return true;
    protocol::ApiError error{429, QLatin1String(protocol::ErrorCode::RateLimited),
                             QStringLiteral("too many requests; retry in %1 s").arg(decision.retryAfterSeconds),
                             protocol::Json{{"retry_after", decision.retryAfterSeconds}}};
    responder.error(error, {{QByteArrayLiteral("Retry-After"), QByteArray::number(decision.retryAfterSeconds)}});
    return false;
}

} // namespace cidadao::http
