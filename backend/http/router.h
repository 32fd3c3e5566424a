// SPDX-License-Identifier: GPL-3.0-or-later
// Maps (method, path) to a handler. Patterns are literal segments and {name} parameters. A path
// that exists under another method is a 405 with Allow, never a 404 (Qt 6.4's router gets that
// wrong). One trailing slash is ignored, so /health/ and /health are the same route.
#pragma once

#include "request.h"
#include "responder.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace cidadao::http {

// What a route demands of its caller; the auth middleware enforces it.
enum class Access {
    Public,        // anyone: health, info, login
    Authenticated, // a valid access token
    AnonymousOk,   // a token, or nothing when the server runs with --allow-anonymous
    Admin,         // a valid token with role admin
};

using Handler = std::function<void(Request&, Responder&)>;

struct Route
{
    QByteArray method;
    QString pattern;
    QStringList segments;
    Handler handler;
    Access access = Access::Public;
    QString rateClass; // the rate-limit bucket; empty = the default API bucket
    qint64 maxBodyBytes = 0; // 0: the server's limit; uploads (data import) raise it for their route only
};

class Router
{
public:
    struct Match
    {
        enum class Kind { Found, MethodNotAllowed, NotFound } kind = Kind::NotFound;
        const Route* route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowed; // for 405
    };

    Route& add(QByteArray method, const QString& pattern, Handler handler, Access access = Access::Public);
    Match match(const QByteArray& method, const QString& path) const;

    // Every pattern once, in registration order, and the methods each answers (for GET /).
    QStringList patterns() const;
    QList<QByteArray> methodsOf(const QString& pattern) const;

    static QStringList splitPath(const QString& path);
    // Literal segments must be equal, {name} segments match anything and are captured into params.
    static bool matchSegments(const QStringList& pattern, const QStringList& parts, QHash<QString, QString>* params);

private:
    std::vector<Route> m_routes;
};

} // namespace cidadao::http
