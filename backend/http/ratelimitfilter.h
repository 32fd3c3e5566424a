// SPDX-License-Identifier: GPL-3.0-or-later
// Rate limiting per client (user id when authenticated, else remote address) and route class,
// with the four X-RateLimit-* headers on every limited answer and 429 + Retry-After past the limit.
#pragma once

#include "router.h"

#include "auth/ratelimiter.h"

namespace cidadao::http {

class RateLimitFilter
{
public:
    explicit RateLimitFilter(auth::RateLimiter& limiter);
    bool operator()(Request& request, Responder& responder, const Route& route);

    static QString clientKey(const Request& request);

private:
    auth::RateLimiter& m_limiter;
};

} // namespace cidadao::http
