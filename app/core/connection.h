// SPDX-License-Identifier: GPL-3.0-or-later
// The app's one live connection to a server, whatever the mode: owns the ApiClient, the
// AuthSession and the /ws ChannelsClient, and walks them through the steps of the current profile.
// Local: waits for the BackendHost's bootstrap login, then signs in with it (again after every
// restart of the backend, on a new port). Remote: reads /api/v1/info (a server without it is the
// public upstream service), then restores the stored session, or asks for a sign-in, or works
// anonymously where the server allows it. Views keep a reference to this object for the life of the
// app and reload their data on connected(); the objects it owns are never replaced.
#pragma once

#include "core/apiclient.h"
#include "core/authsession.h"
#include "core/backendhost.h"
#include "core/channelsclient.h"
#include "core/connectionprofile.h"
#include "core/servercapabilities.h"

#include <QObject>
#include <QPointer>

namespace cidadao::client {

class SecretStore;

class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,    // nothing chosen yet
        StartingBackend, // local: the server is starting
        Probing,         // reading /api/v1/info
        SigningIn,       // restoring a session or waiting for the bootstrap login
        SignInRequired,  // remote: the user must sign in (connection dialog)
        Connected,       // usable: signed in, or anonymous on a server that allows it
        Unreachable,     // remote: no answer
        BackendFailed,   // local: the server crashed or never became ready
    };
    Q_ENUM(State)

    explicit Connection(SecretStore* secrets, QObject* parent = nullptr);
    ~Connection() override;

    ApiClient& api() { return m_api; }
    AuthSession& auth() { return m_auth; }
    ChannelsClient& channels() { return m_channels; }
    const ConnectionProfile& profile() const { return m_profile; }
    const ServerCapabilities& capabilities() const { return m_capabilities; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    // True when connected without an account (upstream or --allow-anonymous).
    bool isAnonymous() const { return m_state == State::Connected && !m_auth.isAuthenticated(); }
    BackendHost* backend() const { return m_backend; }
    QUrl baseUrl() const { return m_api.baseUrl(); }
    // ws://host:port/path for the current server.
    QUrl webSocketUrl(const QString& path) const;
    QString lastError() const { return m_lastError; }

    // Local mode with this host (not owned); starts it unless it is starting or ready already.
    void useLocal(BackendHost* host, const ConnectionProfile& profile = ConnectionProfile::local());
    // Remote mode: probe, then restore the profile's stored session.
    void useRemote(const ConnectionProfile& profile);
    // Remote sign-in; on success the connection becomes Connected. The job is returned for errors.
    ApiJob* signIn(const QString& email, const QString& password);
    void signOut();
    // Probe again / restart the local server, after a failure.
    void retry();

Q_SIGNALS:
    void stateChanged(cidadao::client::Connection::State state);
    // A usable session began (after start, sign-in, or a backend restart): reload data now.
    void connected();
    // A sentence for the user and, for the log/tooltip, the technical detail.
    void problem(cidadao::client::Connection::State state, const QString& message, const QString& details);
    void warning(const QString& message); // e.g. no keychain: the session is memory-only

private:
    void setState(State state);
    void probe();
    void onCapabilities(const ServerCapabilities& capabilities);
    void becomeConnected();
    void detachBackend();

    ApiClient m_api;
    AuthSession m_auth;
    ChannelsClient m_channels;
    ConnectionProfile m_profile;
    ServerCapabilities m_capabilities;
    QPointer<BackendHost> m_backend;
    QList<QMetaObject::Connection> m_backendConnections;
    State m_state = State::Disconnected;
    QString m_lastError;
    quint64 m_generation = 0; // answers to an older profile's requests are ignored
};

} // namespace cidadao::client
