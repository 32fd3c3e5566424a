// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

namespace cidadao::http {

QStringList Router::splitPath(const QString& path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

Route& Router::add(QByteArray method, const QString& pattern, Handler handler, Access access)
{
    Route route;
    route.method = std::move(method);
    route.pattern = pattern;
    route.segments = splitPath(pattern);
    route.handler = std::move(handler);
    route.access = access;
    m_routes.push_back(std::move(route));
    return m_routes.back();
}

QStringList Router::patterns() const
{
    QStringList result;
    for (const Route& route : m_routes) {
        if (!result.contains(route.pattern))
            result.append(route.pattern);
    }
    return result;
}

QList<QByteArray> Router::methodsOf(const QString& pattern) const
{
    QList<QByteArray> result;
    for (const Route& route : m_routes) {
        if (route.pattern == pattern)
            result.append(route.method);
    }
    return result;
}

bool Router::matchSegments(const QStringList& pattern, const QStringList& parts, QHash<QString, QString>* params)
{
    if (pattern.size() != parts.size())
        return false;
    QHash<QString, QString> captured; // written out only on a full match
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString& segment = pattern[i];
        if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}')))
            captured.insert(segment.mid(1, segment.size() - 2), parts[i]);
        else if (segment != parts[i])
            return false;
    }
    if (params)
        *params = std::move(captured);
    return true;
}

Router::Match Router::match(const QByteArray& method, const QString& path) const
{
    const QStringList parts = splitPath(path);
    // HEAD is answered by the GET route without a body.
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    Match result;
    // Literal routes win over parameter routes: /sessions/recent before /sessions/{id}.
    const Route* best = nullptr;
    int bestLiterals = -1;
    for (const Route& route : m_routes) {
        if (!matchSegments(route.segments, parts, nullptr))
            continue;
        if (route.method != wanted) {
            if (!result.allowed.contains(route.method))
                result.allowed.append(route.method);
            continue;
        }
        int literals = 0;
        for (const QString& segment : route.segments)
            literals += segment.startsWith(QLatin1Char('{')) ? 0 : 1;
        if (literals > bestLiterals) {
            best = &route;
            bestLiterals = literals;
        }
    }
    if (best) {
        result.kind = Match::Kind::Found;
        result.route = best;
        matchSegments(best->segments, parts, &result.params);
        return result;
    }
    result.kind = result.allowed.isEmpty() ? Match::Kind::NotFound : Match::Kind::MethodNotAllowed;
    return result;
}

} // namespace cidadao::http
