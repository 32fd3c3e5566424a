// SPDX-License-Identifier: GPL-3.0-or-later
// One parsed HTTP request as controllers see it: method, path, path parameters, query, headers
// and body, plus what the pipeline learned about it (request id, authenticated user).
#pragma once

#include "protocol/jsonqt.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cidadao::http {

// Who is calling, once the auth middleware has looked at the request.
struct Principal
{
    QString userId;
    QString email;
    QString name;
    QString role;
    QString tokenId; // the access token's jti, for logout
    qint64 tokenExpiresAt = 0;
    bool anonymous = false;
};

class Request
{
public:
    QByteArray method;  // upper case: GET, POST, ...
    QString path;       // decoded path, no query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QString requestId;
    QHash<QString, QString> pathParams;
    std::optional<Principal> principal;
    // Set by the auth gate when a token was presented but refused (expired, tampered, ...).
    QString authFailure;
    QElapsedTimer timer; // started when the request arrived; X-Process-Time reads it

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const;
    QString queryValue(const QString& key) const;
    QString param(const QString& name) const { return pathParams.value(name); }

    // The body as a JSON object. Throws protocol::ValidationFailure("body", ...) when it is not one.
    protocol::Json jsonBody() const;
    // Integer query parameter within [min, max]; 'fallback' when absent. Throws ValidationFailure.
    int intQuery(const QString& key, int fallback, int min, int max) const;
};

} // namespace cidadao::http
