// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatus.h"

#include "svgicon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace cidadao::ui {

using client::Connection;

ConnectionStatus::ConnectionStatus(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    m_mode = new QLabel(this);
    m_server = new QLabel(this);
    m_user = new QLabel(this);
    m_state = new QLabel(this);
    m_mode->setObjectName(QStringLiteral("statusMode"));
    m_server->setObjectName(QStringLiteral("statusServer"));
    m_user->setObjectName(QStringLiteral("statusUser"));
    m_state->setObjectName(QStringLiteral("statusState"));
    for (QLabel* label : {m_mode, m_server, m_user, m_state})
        layout->addWidget(label);
    refresh();
}

void ConnectionStatus::setConnection(Connection* connection)
{
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &ConnectionStatus::refresh);
        connect(connection, &Connection::connected, this, &ConnectionStatus::refresh);
        connect(&connection->auth(), &client::AuthSession::authenticated, this, &ConnectionStatus::refresh);
        connect(&connection->auth(), &client::AuthSession::loggedOut, this, &ConnectionStatus::refresh);
        connect(&connection->channels(), &client::ChannelsClient::stateChanged, this, &ConnectionStatus::refresh);
    }
    refresh();
}

QString ConnectionStatus::modeText() const
{
    return m_mode->text();
}

QString ConnectionStatus::serverText() const
{
    return m_server->text();
}

QString ConnectionStatus::userText() const
{
    return m_user->text();
}

QString ConnectionStatus::stateText() const
{
    return m_state->text();
}

QString ConnectionStatus::describe(Connection::State state)
{
    switch (state) {
    case Connection::State::Disconnected:
        return tr("Not connected");
    case Connection::State::StartingBackend:
        return tr("Starting the local server…");
    case Connection::State::Probing:
        return tr("Contacting the server…");
    case Connection::State::SigningIn:
        return tr("Signing in…");
    case Connection::State::SignInRequired:
        return tr("Sign-in required");
    case Connection::State::Connected:
        return tr("Connected");
    case Connection::State::Unreachable:
        return tr("Server unreachable");
    case Connection::State::BackendFailed:
        return tr("Local server stopped");
    }
    return {};
}

void ConnectionStatus::refresh()
{
    if (!m_connection) {
        m_mode->setText(tr("No connection"));
        m_server->clear();
        m_user->clear();
        m_state->setText(describe(Connection::State::Disconnected));
        return;
    }
    const bool local = m_connection->profile().kind == client::ConnectionProfile::Kind::Local;
    m_mode->setText(local ? tr("Local mode") : tr("Remote mode"));
    const QUrl url = m_connection->baseUrl();
    m_server->setText(url.isValid() && !url.isEmpty() ? url.authority() : QString());
    m_server->setToolTip(m_connection->capabilities().name.isEmpty()
                             ? QString()
                             : QStringLiteral("%1 %2").arg(m_connection->capabilities().name,
                                                           m_connection->capabilities().version));
    const auto& user = m_connection->auth().user();
    if (m_connection->auth().isAuthenticated() && local)
        m_user->setText(tr("Local account")); // the server's stored name for it is English data
    else if (m_connection->auth().isAuthenticated())
        m_user->setText(user.name.isEmpty() ? user.email : user.name);
    else if (m_connection->isAnonymous())
        m_user->setText(tr("anonymous"));
    else
        m_user->clear();
    m_user->setToolTip(user.email);
    QString state = describe(m_connection->state());
    if (m_connection->isConnected()
        && m_connection->channels().state() != client::WebSocketChannel::State::Open
        && m_connection->channels().state() != client::WebSocketChannel::State::Idle)
        state = tr("Connected (live updates reconnecting…)");
    m_state->setText(state);
}

void ConnectionStatus::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
