// SPDX-License-Identifier: GPL-3.0-or-later
// The one auth middleware: identifies the caller of every HTTP route and WebSocket from a Bearer
// token (header, or ?token= for WebSockets), then enforces the route's Access level. Every refusal
// is 401 with WWW-Authenticate: Bearer (403 for a valid user without the role).
#pragma once

#include "router.h"

#include "auth/authservice.h"

#include <QWebSocket>

namespace cidadao::http {

class AuthGate
{
public:
    AuthGate(auth::AuthService& service, bool allowAnonymous);

    // Filter 1: sets request.principal (or request.authFailure); never answers.
    bool identify(Request& request, Responder& responder, const Route& route);
    // Filter 3 (after rate limiting): answers 401/403 when the route demands more than the caller has.
    bool enforce(Request& request, Responder& responder, const Route& route);

    // For WebSocket endpoints: the principal of ?token= or the Authorization header. Anonymous
    // callers are accepted only when anonymousOk and the server allows anonymous use.
    std::optional<Principal> authenticateSocket(const QWebSocket& socket, bool anonymousOk, QString* failure) const;

    bool allowAnonymous() const { return m_allowAnonymous; }

    static QString bearerToken(const QByteArray& authorizationHeader);
    static Principal anonymousPrincipal(const QString& address);

private:
    std::optional<Principal> principalFor(const QString& token, QString* failure) const;

    auth::AuthService& m_service;
    bool m_allowAnonymous;
};

} // namespace cidadao::http
