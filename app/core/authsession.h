// SPDX-License-Identifier: GPL-3.0-or-later
// The signed-in state of one connection profile: the access token in memory, the refresh token in
// the secret store (keyed by profile id), a refresh shortly before the access token expires and
// once on a 401 (through ApiClient's refresher, coalescing concurrent 401s into one refresh).
// When the secret store fails (no keychain), the session keeps working from memory and says so
// through warning() and usingMemoryFallback(); it never writes a token to a plain file.
#pragma once

#include "apiclient.h"
#include "protocol/auth.h"
#include "secretstore.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace cidadao::client {

class AuthSession : public QObject
{
    Q_OBJECT
public:
    AuthSession(ApiClient* api, SecretStore* store, QString profileId, QObject* parent = nullptr);
    ~AuthSession() override;

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Switches to another profile's secrets: forgets the current tokens (without a server logout).
    void setProfileId(const QString& profileId);
    QString profileId() const { return m_profileId; }
    // How long before expiry the access token is renewed.
    void setRefreshMarginSeconds(int seconds) { m_marginSeconds = seconds; }

    ApiJob* login(const QString& email, const QString& password);
    ApiJob* registerAccount(const protocol::RegisterRequest& request);
    // Takes tokens obtained elsewhere (the local backend's bootstrap exchange).
    void setTokens(const protocol::LoginResponse& login);
    // Reads the refresh token from the secret store and trades it for an access token.
    void restore();
    void logout();
    void refresh(std::function<void(bool)> done = {});

    bool isAuthenticated() const { return !m_accessToken.isEmpty(); }
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    const protocol::AuthUser& user() const { return m_user; }
    QDateTime accessExpiry() const { return m_expiry; }
    bool usingMemoryFallback() const { return m_memoryFallback; }
    int refreshCount() const { return m_refreshes; }
    QString secretKey() const { return QStringLiteral("refresh_token/%1").arg(m_profileId); }

Q_SIGNALS:
    void authenticated();
    void refreshed();
    void loggedOut();
    void refreshFailed(const cidadao::protocol::ApiError& error);
    // A condition the user must see (no keychain: the login lasts only as long as the app).
    void warning(const QString& message);

private:
    void storeRefreshToken();
    void applyAccess(const QString& accessToken, qint64 expiresIn);
    void finishRefresh(bool ok);

    QPointer<ApiClient> m_api;
    QPointer<SecretStore> m_store;
    MemorySecretStore m_fallback;
    QString m_profileId;
    std::function<QDateTime()> m_clock;
    QTimer m_refreshTimer;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_expiry;
    protocol::AuthUser m_user;
    QList<std::function<void(bool)>> m_waiting;
    bool m_refreshing = false;
    bool m_memoryFallback = false;
    int m_marginSeconds = 60;
    int m_refreshes = 0;
};

} // namespace cidadao::client
