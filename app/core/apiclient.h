// SPDX-License-Identifier: GPL-3.0-or-later
// The REST side of the API for the app: a base URL, a token provider and a token refresher (both
// supplied by AuthSession, so the client does not know where tokens live), and job factories.
#pragma once

#include "apijob.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>

#include <functional>

namespace cidadao::client {

class ApiClient : public QObject
{
    Q_OBJECT
public:
    // Called with a completion callback; must call it exactly once with true when a fresh access
    // token is available from the token provider.
    using TokenRefresher = std::function<void(std::function<void(bool)>)>;

    explicit ApiClient(QUrl baseUrl = {}, QObject* parent = nullptr);

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTokenProvider(std::function<QString()> provider) { m_tokenProvider = std::move(provider); }
    void setTokenRefresher(TokenRefresher refresher) { m_refresher = std::move(refresher); }
    // Longest Retry-After honoured; a longer one is waited for only this long.
    void setMaxRetryDelayMs(int ms) { m_maxRetryDelayMs = ms; }
    int maxRetryDelayMs() const { return m_maxRetryDelayMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Creates a started job owned by this client; it deletes itself after finished.
    ApiJob* get(const QString& path, ApiJob::Auth auth = ApiJob::Auth::Required, const QUrlQuery& query = {});
    ApiJob* post(const QString& path, const protocol::Json& body, ApiJob::Auth auth = ApiJob::Auth::Required);
    ApiJob* deleteResource(const QString& path, ApiJob::Auth auth = ApiJob::Auth::Required);
    ApiJob* call(const QByteArray& method, const QString& path, std::optional<protocol::Json> body,
                 ApiJob::Auth auth, const QUrlQuery& query = {});

    // Used by ApiJob and by stream readers (SSE) that need the same headers.
    QNetworkRequest makeRequest(const QString& path, const QUrlQuery& query, bool authenticated) const;
    QNetworkAccessManager* network() { return &m_network; }
    // "Bearer <token>" as it would be sent now (empty without a token).
    QByteArray authorizationHeader() const;
    bool canRefresh() const { return bool(m_refresher); }
    void refreshToken(std::function<void(bool)> done);

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    std::function<QString()> m_tokenProvider;
    TokenRefresher m_refresher;
    int m_maxRetryDelayMs = 30000;
    int m_timeoutMs = 60000;
};

// Reads a non-2xx answer into an ApiError: our envelope, the upstream FastAPI {"detail"}, or a
// bare status when the body is neither.
protocol::ApiError decodeErrorBody(const QByteArray& body, int httpStatus);

} // namespace cidadao::client
