// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "core/backendhost.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnection, "cidadao.client.connection")

namespace cidadao::client {

Connection::Connection(SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_api(QUrl(), this)
    , m_auth(&m_api, secrets, QString(), this)
    , m_channels(ChannelsClient::Options{}, this)
{
    m_channels.setTokenProvider([this] { return m_auth.accessToken(); });
    connect(&m_auth, &AuthSession::authenticated, this, [this] {
        if (m_state == State::SigningIn || m_state == State::SignInRequired)
            becomeConnected();
    });
    connect(&m_auth, &AuthSession::refreshFailed, this, [this](const protocol::ApiError& error) {
        if (m_state == State::SigningIn) {
            // No stored session (or a revoked one): anonymous where the server allows it.
            if (m_capabilities.anonymousChat())
                becomeConnected();
            else
                setState(State::SignInRequired);
        } else if (m_state == State::Connected && error.statusCode == 401) {
            m_channels.close();
            setState(State::SignInRequired);
            Q_EMIT problem(m_state, tr("Your session has ended. Please sign in again."), error.message);
        }
    });
    connect(&m_auth, &AuthSession::warning, this, &Connection::warning);
}

Connection::~Connection()
{
    detachBackend();
    m_channels.close();
}

QUrl Connection::webSocketUrl(const QString& path) const
{
    QUrl url = m_api.baseUrl();
    if (url.isEmpty())
        return {};
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

void Connection::detachBackend()
{
    for (const auto& link : std::as_const(m_backendConnections))
        disconnect(link);
    m_backendConnections.clear();
    m_backend = nullptr;
}

void Connection::useLocal(BackendHost* host, const ConnectionProfile& profile)
{
    ++m_generation;
    m_channels.close();
    detachBackend();
    m_profile = profile;
    m_capabilities = {};
    m_lastError.clear();
    m_auth.setProfileId(profile.id);
    m_backend = host;
    m_backendConnections << connect(host, &BackendHost::ready, this, [this](const protocol::LoginResponse&) {
        m_api.setBaseUrl(m_backend->baseUrl());
        probe();
    });
    m_backendConnections << connect(host, &BackendHost::stateChanged, this, [this](BackendHost::State state) {
        if (state == BackendHost::State::Starting || state == BackendHost::State::Bootstrapping)
            setState(State::StartingBackend);
    });
    m_backendConnections << connect(host, &BackendHost::crashed, this, [this](const QStringList& lastLines) {
        m_channels.close();
        m_lastError = m_backend ? m_backend->errorString() : QString();
        setState(State::BackendFailed);
        Q_EMIT problem(m_state, tr("The local server stopped unexpectedly."),
                       lastLines.mid(qMax(0, lastLines.size() - 20)).join(QLatin1Char('\n')));
    });
    m_backendConnections << connect(host, &BackendHost::failed, this, [this](const QString& reason) {
        m_channels.close();
        m_lastError = reason;
        setState(State::BackendFailed);
        Q_EMIT problem(m_state, tr("The local server could not be started."), reason);
    });
    setState(State::StartingBackend);
    if (host->state() == BackendHost::State::Ready) {
        m_api.setBaseUrl(host->baseUrl());
        probe();
    } else if (host->state() != BackendHost::State::Starting && host->state() != BackendHost::State::Bootstrapping) {
        host->start();
    }
}

void Connection::useRemote(const ConnectionProfile& profile)
{
    ++m_generation;
    m_channels.close();
    detachBackend();
    m_profile = profile;
    m_capabilities = {};
    m_lastError.clear();
    m_auth.setProfileId(profile.id);
    m_api.setBaseUrl(profile.url);
    probe();
}

void Connection::probe()
{
    setState(State::Probing);
    auto* probe = new CapabilitiesProbe(&m_api, this);
    const quint64 generation = m_generation;
    connect(probe, &CapabilitiesProbe::known, this, [this, probe, generation](const ServerCapabilities& caps) {
        probe->deleteLater();
        if (generation == m_generation)
            onCapabilities(caps);
    });
    connect(probe, &CapabilitiesProbe::unreachable, this, [this, probe, generation](const QString& reason) {
        probe->deleteLater();
        if (generation != m_generation)
            return;
        m_lastError = reason;
        setState(State::Unreachable);
        Q_EMIT problem(m_state, tr("The server cannot be reached."), reason);
    });
    probe->run();
}

void Connection::onCapabilities(const ServerCapabilities& capabilities)
{
    m_capabilities = capabilities;
    qCInfo(lcConnection) << "server" << capabilities.name << capabilities.version << "features" << capabilities.features;
    setState(State::SigningIn);
    if (m_backend) {
        m_auth.setTokens(m_backend->login()); // → authenticated → becomeConnected
        return;
    }
    if (capabilities.isUpstream()) {
        becomeConnected(); // the public service has no accounts: anonymous chat and public investigations
        return;
    }
    m_auth.restore(); // → authenticated, or refreshFailed → anonymous / SignInRequired
}

ApiJob* Connection::signIn(const QString& email, const QString& password)
{
    // From SignInRequired the authenticated() signal connects; an anonymous or other signed-in
    // connection is switched to the new account here.
    const bool wasConnected = m_state == State::Connected;
    ApiJob* job = m_auth.login(email, password);
    connect(job, &ApiJob::success, this, [this, wasConnected] {
        if (wasConnected && m_state == State::Connected && m_auth.isAuthenticated()) {
            m_channels.close();
            becomeConnected();
        }
    });
    return job;
}

void Connection::signOut()
{
    m_channels.close();
    m_auth.logout();
    if (m_capabilities.anonymousChat())
        becomeConnected();
    else
        setState(State::SignInRequired);
}

void Connection::retry()
{
    if (m_backend) {
        m_backend->restart();
        return;
    }
    if (m_profile.kind == ConnectionProfile::Kind::Remote && m_profile.url.isValid())
        useRemote(m_profile);
}

void Connection::becomeConnected()
{
    m_lastError.clear();
    m_channels.setUrl(webSocketUrl(QStringLiteral("/ws")));
    if (m_auth.isAuthenticated() && !m_capabilities.isUpstream())
        m_channels.open();
    setState(State::Connected);
    Q_EMIT connected();
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace cidadao::client
