// SPDX-License-Identifier: GPL-3.0-or-later
#include "request.h"

#include "protocol/apierror.h"
#include "protocol/decoding.h"

namespace cidadao::http {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString Request::queryValue(const QString& key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

protocol::Json Request::jsonBody() const
{
    if (body.trimmed().isEmpty())
        throw protocol::ValidationFailure(QStringLiteral("body"), QStringLiteral("a JSON object is required"));
    // The protocol's parser: depth-limited, and numbers out of range are a 422, not an exception.
    protocol::Json parsed = protocol::parseJson(body);
    if (!parsed.is_object())
        throw protocol::ValidationFailure(QStringLiteral("body"), QStringLiteral("must be a JSON object"));
    return parsed;
}

int Request::intQuery(const QString& key, int fallback, int min, int max) const
{
    if (!query.hasQueryItem(key))
        return fallback;
    bool ok = false;
    const int value = queryValue(key).toInt(&ok);
    if (!ok || value < min || value > max) {
        throw protocol::ValidationFailure(key, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
    }
    return value;
}

} // namespace cidadao::http
