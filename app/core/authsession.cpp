// SPDX-License-Identifier: GPL-3.0-or-later
#include "authsession.h"

#include <QLoggingCategory>

#include <limits>
#include <utility>

Q_LOGGING_CATEGORY(lcAuth, "cidadao.client.auth")

namespace cidadao::client {

AuthSession::AuthSession(ApiClient* api, SecretStore* store, QString profileId, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_profileId(std::move(profileId))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refresh(); });
    api->setTokenProvider([this] { return m_accessToken; });
    api->setTokenRefresher([this](std::function<void(bool)> done) { refresh(std::move(done)); });
}

AuthSession::~AuthSession()
{
    if (m_api) {
        m_api->setTokenProvider({});
        m_api->setTokenRefresher({});
    }
    finishRefresh(false); // jobs waiting for a refresh end with their 401 instead of hanging
}

void AuthSession::setProfileId(const QString& profileId)
{
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_user = {};
    m_profileId = profileId;
    finishRefresh(false);
}

ApiJob* AuthSession::login(const QString& email, const QString& password)
{
    protocol::Json body;
    protocol::to_json(body, protocol::LoginRequest{email, password});
    ApiJob* job = m_api->post(QStringLiteral("/api/v1/auth/login"), body, ApiJob::Auth::None);
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        protocol::LoginResponse response;
        try {
            protocol::from_json(done->json(), response);
        } catch (const std::exception& e) {
            qCWarning(lcAuth) << "bad login answer:" << e.what();
            return;
        }
        setTokens(response);
    });
    return job;
}

ApiJob* AuthSession::registerAccount(const protocol::RegisterRequest& request)
{
    protocol::Json body;
    protocol::to_json(body, request);
    return m_api->post(QStringLiteral("/api/v1/auth/register"), body, ApiJob::Auth::None);
}

void AuthSession::setTokens(const protocol::LoginResponse& login)
{
    m_user = login.user;
    m_refreshToken = login.refreshToken;
    applyAccess(login.accessToken, login.expiresIn);
    storeRefreshToken();
    Q_EMIT authenticated();
}

void AuthSession::applyAccess(const QString& accessToken, qint64 expiresIn)
{
    m_accessToken = accessToken;
    m_expiry = m_clock().addSecs(expiresIn);
    // Renew before expiry so that requests rarely meet a 401; never sooner than a few seconds.
    const qint64 inMs = qMax<qint64>(5, expiresIn - m_marginSeconds) * 1000;
    m_refreshTimer.start(int(qMin<qint64>(inMs, std::numeric_limits<int>::max())));
}

void AuthSession::storeRefreshToken()
{
    SecretStore* store = m_memoryFallback || !m_store ? static_cast<SecretStore*>(&m_fallback) : m_store.data();
    const QString key = secretKey();
    const QByteArray value = m_refreshToken.toUtf8();
    // The store may answer after this session is gone (keychain jobs outlive it): guard `this`.
    QPointer<AuthSession> self(this);
    store->write(key, value, [self, this, key, value, fallbackUsed = store == &m_fallback](const SecretResult& result) {
        if (!self || result.ok || fallbackUsed)
            return;
        m_memoryFallback = true;
        m_fallback.write(key, value, {});
        Q_EMIT warning(tr("No keychain is available (%1): you stay signed in only until the app closes.")
                           .arg(result.error));
    });
}

void AuthSession::restore()
{
    SecretStore* store = m_memoryFallback || !m_store ? static_cast<SecretStore*>(&m_fallback) : m_store.data();
    QPointer<AuthSession> self(this);
    store->read(secretKey(), [self, this](const SecretResult& result) {
        if (!self)
            return;
        if (!result.ok) {
            if (!result.notFound) {
                m_memoryFallback = true;
                Q_EMIT warning(tr("No keychain is available (%1): please sign in.").arg(result.error));
            }
            Q_EMIT refreshFailed(protocol::unauthorized(QStringLiteral("no stored session")));
            return;
        }
        m_refreshToken = QString::fromUtf8(result.value);
        refresh([this](bool ok) {
            if (!ok)
                return;
            // A refresh answer names no user: ask who the restored session belongs to.
            ApiJob* me = m_api->get(QStringLiteral("/api/v1/auth/me"));
            connect(me, &ApiJob::finished, this, [this](ApiJob* done) {
                if (done->status() == ApiJob::Status::Succeeded) {
                    try {
                        protocol::UserResponse user;
                        protocol::from_json(done->json(), user);
                        m_user = {user.id, user.email, user.name, user.role, user.isActive};
                    } catch (const std::exception& e) {
                        qCWarning(lcAuth) << "bad /auth/me answer:" << e.what();
                    }
                }
                Q_EMIT authenticated();
            });
        });
    });
}

void AuthSession::refresh(std::function<void(bool)> done)
{
    if (done)
        m_waiting.append(std::move(done));
    if (m_refreshing)
        return; // one refresh answers every 401 that arrived meanwhile
    if (m_refreshToken.isEmpty() || !m_api) {
        finishRefresh(false);
        return;
    }
    m_refreshing = true;
    protocol::Json body;
    protocol::to_json(body, protocol::RefreshRequest{m_refreshToken});
    ApiJob* job = m_api->post(QStringLiteral("/api/v1/auth/refresh"), body, ApiJob::Auth::None);
    connect(job, &ApiJob::finished, this, [this](ApiJob* finished) {
        m_refreshing = false;
        if (finished->status() != ApiJob::Status::Succeeded) {
            qCInfo(lcAuth) << "refresh failed:" << finished->error().message;
            if (finished->httpStatus() == 401) {
                m_accessToken.clear();
                m_refreshToken.clear();
            }
            Q_EMIT refreshFailed(finished->error());
            finishRefresh(false);
            return;
        }
        protocol::RefreshResponse response;
        try {
            protocol::from_json(finished->json(), response);
        } catch (const std::exception&) {
            finishRefresh(false);
            return;
        }
        ++m_refreshes;
        if (response.refreshToken && *response.refreshToken != m_refreshToken) {
            m_refreshToken = *response.refreshToken; // rotation: the old one no longer works
            storeRefreshToken();
        }
        applyAccess(response.accessToken, response.expiresIn);
        Q_EMIT refreshed();
        finishRefresh(true);
    });
}

void AuthSession::finishRefresh(bool ok)
{
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& callback : waiting)
        callback(ok);
}

void AuthSession::logout()
{
    if (m_api && !m_accessToken.isEmpty()) {
        ApiJob* job = m_api->post(QStringLiteral("/api/v1/auth/logout"), protocol::Json::object());
        Q_UNUSED(job); // best effort: the local state is cleared whatever the server says
    }
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_user = {};
    SecretStore* store = m_memoryFallback || !m_store ? static_cast<SecretStore*>(&m_fallback) : m_store.data();
    store->remove(secretKey(), {});
    Q_EMIT loggedOut();
}

} // namespace cidadao::client
