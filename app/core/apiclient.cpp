// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include "serverlanguage.h"

#include <QNetworkRequest>

namespace cidadao::client {

ApiClient::ApiClient(QUrl baseUrl, QObject* parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
{
    // Our own server and the upstream one both speak HTTP/1.1; HTTP/2 negotiation only adds latency.
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

QNetworkRequest ApiClient::makeRequest(const QString& path, const QUrlQuery& query, bool authenticated) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    // The interface's language (LanguageManager sets the default locale), not the system's, which is
    // what Qt would send: the server words suggestions, agents and workflow names by it.
    request.setRawHeader("Accept-Language", acceptLanguage());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    if (authenticated) {
        const QByteArray authorization = authorizationHeader();
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
    }
    return request;
}

QByteArray ApiClient::authorizationHeader() const
{
    const QString token = m_tokenProvider ? m_tokenProvider() : QString();
    return token.isEmpty() ? QByteArray() : QByteArray("Bearer " + token.toUtf8());
}

ApiJob* ApiClient::call(const QByteArray& method, const QString& path, std::optional<protocol::Json> body,
                        ApiJob::Auth auth, const QUrlQuery& query)
{
    auto* job = new ApiJob(method, path, std::move(body), auth, this);
    job->setQuery(query);
    job->start();
    return job;
}

ApiJob* ApiClient::get(const QString& path, ApiJob::Auth auth, const QUrlQuery& query)
{
    return call("GET", path, std::nullopt, auth, query);
}

ApiJob* ApiClient::post(const QString& path, const protocol::Json& body, ApiJob::Auth auth)
{
    return call("POST", path, body, auth);
}

ApiJob* ApiClient::deleteResource(const QString& path, ApiJob::Auth auth)
{
    return call("DELETE", path, std::nullopt, auth);
}

void ApiClient::refreshToken(std::function<void(bool)> done)
{
    if (!m_refresher) {
        done(false);
        return;
    }
    m_refresher(std::move(done));
}

protocol::ApiError decodeErrorBody(const QByteArray& body, int httpStatus)
{
    const protocol::Json parsed = protocol::Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    protocol::ApiError error;
    if (!parsed.is_discarded())
        error = protocol::fromEnvelope(parsed, httpStatus);
    if (error.code.isEmpty() || parsed.is_discarded()) {
        error.statusCode = httpStatus;
        error.code = QLatin1String(protocol::ErrorCode::HttpException);
        error.message = QStringLiteral("HTTP %1").arg(httpStatus);
        error.details = protocol::Json::object();
    }
    return error;
}

} // namespace cidadao::client
