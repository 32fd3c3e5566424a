// SPDX-License-Identifier: GPL-3.0-or-later
// Where to connect and who you are: the local server (no typing, it signs in by itself) or a
// remote server by URL, with sign-in and account registration for servers that have accounts.
// Errors appear inline in the dialog, in words for the user.
#pragma once

#include "core/connection.h"
#include "core/connectionprofile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace cidadao::ui {

class MessageBanner;

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(client::Connection& connection, client::ProfileStore& profiles, QWidget* parent = nullptr);

    // Test hooks and keyboard users alike: fill the form and press the buttons.
    void chooseLocal();
    void chooseRemote(const QString& url);
    void setCredentials(const QString& email, const QString& password);
    void setRegistration(bool registering, const QString& name = {});
    MessageBanner* banner() const { return m_banner; }

Q_SIGNALS:
    void profileChosen(const cidadao::client::ConnectionProfile& profile);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateForm();
    void onConnectClicked();
    void onSignInClicked();
    void onConnectionState(client::Connection::State state);
    void showApiError(const protocol::ApiError& error);
    client::ConnectionProfile remoteProfileFor(const QUrl& url) const;

    client::Connection& m_connection;
    client::ProfileStore& m_profiles;
    MessageBanner* m_banner = nullptr;
    QRadioButton* m_local = nullptr;
    QRadioButton* m_remote = nullptr;
    QComboBox* m_url = nullptr;
    QLabel* m_urlLabel = nullptr;
    QGroupBox* m_account = nullptr;
    QLabel* m_emailLabel = nullptr;
    QLineEdit* m_email = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QPushButton* m_registerToggle = nullptr;
    QPushButton* m_signIn = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_connect = nullptr;
    bool m_registering = false;
    bool m_awaitingConnection = false;
};

} // namespace cidadao::ui
