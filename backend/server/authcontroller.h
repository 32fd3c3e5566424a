// SPDX-License-Identifier: GPL-3.0-or-later
// /api/v1/auth (spec/API.md §3): register, login, refresh, logout, me, the admin user list and
// the embedded mode's one-time bootstrap exchange. Password hashing runs on the worker pool.
#pragma once

#include "http/router.h"

#include "auth/authservice.h"
#include "auth/loginthrottle.h"

#include <QObject>
#include <QThreadPool>

namespace cidadao::server {

class AuthController : public QObject
{
    Q_OBJECT
public:
    AuthController(auth::AuthService& service, auth::LoginThrottle& throttle, QThreadPool& workers,
                   bool bootstrapEnabled, QObject* parent = nullptr);
    void registerRoutes(http::Router& router);

    // The typed result of the auth library as the API's error envelope.
    static protocol::ApiError toApiError(auth::AuthError error);

private:
    void registerUser(http::Request& request, http::Responder& responder);
    void login(http::Request& request, http::Responder& responder);
    void refresh(http::Request& request, http::Responder& responder);
    void logout(http::Request& request, http::Responder& responder);
    void me(http::Request& request, http::Responder& responder);
    void users(http::Request& request, http::Responder& responder);
    void bootstrap(http::Request& request, http::Responder& responder);

    auth::AuthService& m_service;
    auth::LoginThrottle& m_throttle;
    QThreadPool& m_workers;
    bool m_bootstrapEnabled;
};

} // namespace cidadao::server
