// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include "errortext.h"
#include "messagebanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cidadao::ui {

using client::Connection;
using client::ConnectionProfile;

ConnectionDialog::ConnectionDialog(Connection& connection, client::ProfileStore& profiles, QWidget* parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_profiles(profiles)
{
    setObjectName(QStringLiteral("connectionDialog"));
    auto* layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    m_local = new QRadioButton(this);
    m_local->setObjectName(QStringLiteral("localChoice"));
    m_remote = new QRadioButton(this);
    m_remote->setObjectName(QStringLiteral("remoteChoice"));
    layout->addWidget(m_local);
    layout->addWidget(m_remote);

    auto* urlRow = new QFormLayout;
    m_urlLabel = new QLabel(this);
    m_url = new QComboBox(this);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    const auto saved = profiles.profiles();
    for (const ConnectionProfile& profile : saved)
        if (profile.kind == ConnectionProfile::Kind::Remote)
            m_url->addItem(profile.url.toString(), profile.id);
    m_url->setCurrentText(connection.profile().kind == ConnectionProfile::Kind::Remote ? connection.profile().url.toString()
                                                                                      : QString());
    m_urlLabel->setBuddy(m_url);
    urlRow->addRow(m_urlLabel, m_url);
    layout->addLayout(urlRow);

    m_account = new QGroupBox(this);
    auto* form = new QFormLayout(m_account);
    m_emailLabel = new QLabel(m_account);
    m_email = new QLineEdit(m_account);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setText(connection.profile().lastEmail);
    m_passwordLabel = new QLabel(m_account);
    m_password = new QLineEdit(m_account);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_nameLabel = new QLabel(m_account);
    m_name = new QLineEdit(m_account);
    m_name->setObjectName(QStringLiteral("name"));
    m_emailLabel->setBuddy(m_email);
    m_passwordLabel->setBuddy(m_password);
    m_nameLabel->setBuddy(m_name);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_nameLabel, m_name);
    auto* accountButtons = new QHBoxLayout;
    m_registerToggle = new QPushButton(m_account);
    m_registerToggle->setObjectName(QStringLiteral("registerToggle"));
    m_registerToggle->setFlat(true);
    m_signIn = new QPushButton(m_account);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    accountButtons->addWidget(m_registerToggle);
    accountButtons->addStretch();
    accountButtons->addWidget(m_signIn);
    form->addRow(accountButtons);
    layout->addWidget(m_account);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_connect = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_connect->setObjectName(QStringLiteral("connect"));
    m_connect->setDefault(true);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionDialog::onConnectClicked);
    connect(m_signIn, &QPushButton::clicked, this, &ConnectionDialog::onSignInClicked);
    connect(m_password, &QLineEdit::returnPressed, this, &ConnectionDialog::onSignInClicked);
    connect(m_registerToggle, &QPushButton::clicked, this, [this] { setRegistration(!m_registering); });
    connect(m_local, &QRadioButton::toggled, this, &ConnectionDialog::updateForm);
    connect(&m_connection, &Connection::stateChanged, this, &ConnectionDialog::onConnectionState);

    const bool local = connection.profile().kind == ConnectionProfile::Kind::Local || connection.profile().id.isEmpty();
    (local ? m_local : m_remote)->setChecked(true);
    retranslate();
    updateForm();
}

void ConnectionDialog::chooseLocal()
{
    m_local->setChecked(true);
}

void ConnectionDialog::chooseRemote(const QString& url)
{
    m_remote->setChecked(true);
    m_url->setCurrentText(url);
}

void ConnectionDialog::setCredentials(const QString& email, const QString& password)
{
    m_email->setText(email);
    m_password->setText(password);
}

void ConnectionDialog::setRegistration(bool registering, const QString& name)
{
    m_registering = registering;
    if (!name.isEmpty())
        m_name->setText(name);
    retranslate();
    updateForm();
}

void ConnectionDialog::updateForm()
{
    const bool remote = m_remote->isChecked();
    m_url->setEnabled(remote);
    m_urlLabel->setEnabled(remote);
    // The account form is for a remote server that is answering and has accounts.
    const bool sameServer = m_connection.profile().kind == ConnectionProfile::Kind::Remote
                            && QUrl::fromUserInput(m_url->currentText()) == m_connection.profile().url;
    const auto state = m_connection.state();
    const bool canSignIn = remote && sameServer && !m_connection.capabilities().isUpstream()
                           && (state == Connection::State::SignInRequired || state == Connection::State::Connected);
    m_account->setVisible(remote);
    m_account->setEnabled(canSignIn);
    m_name->setVisible(m_registering);
    m_nameLabel->setVisible(m_registering);
}

void ConnectionDialog::retranslate()
{
    setWindowTitle(tr("Connection"));
    // Not left to Qt's own translations (qtbase_*.qm), which are often not installed.
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_local->setText(tr("This computer (local server, works offline)"));
    m_remote->setText(tr("A server on the network"));
    m_urlLabel->setText(tr("Server &address:"));
    m_url->lineEdit()->setPlaceholderText(tr("https://cidadao.example.org"));
    m_account->setTitle(tr("Account"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_nameLabel->setText(tr("&Name:"));
    m_registerToggle->setText(m_registering ? tr("I already have an account") : tr("Create an account"));
    m_signIn->setText(m_registering ? tr("Create and sign &in") : tr("Sign &in"));
    m_connect->setText(tr("C&onnect"));
}

void ConnectionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

ConnectionProfile ConnectionDialog::remoteProfileFor(const QUrl& url) const
{
    const auto saved = m_profiles.profiles();
    for (const ConnectionProfile& profile : saved)
        if (profile.kind == ConnectionProfile::Kind::Remote && profile.url == url)
            return profile;
    return ConnectionProfile::remote(url.host(), url);
}

void ConnectionDialog::onConnectClicked()
{
    m_banner->clear();
    if (m_local->isChecked()) {
        Q_EMIT profileChosen(ConnectionProfile::local());
        accept();
        return;
    }
    const QUrl url = QUrl::fromUserInput(m_url->currentText().trimmed());
    if (!url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(QLatin1String("http"))) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Please enter the server's address, for example https://cidadao.example.org."));
        return;
    }
    m_awaitingConnection = true;
    m_banner->showMessage(MessageBanner::Kind::Information, tr("Contacting %1…").arg(url.authority()));
    Q_EMIT profileChosen(remoteProfileFor(url));
    updateForm();
}

void ConnectionDialog::onConnectionState(Connection::State state)
{
    updateForm();
    if (!m_awaitingConnection)
        return;
    switch (state) {
    case Connection::State::SignInRequired:
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Connected. Sign in or create an account."));
        m_email->setFocus();
        break;
    case Connection::State::Connected:
        m_awaitingConnection = false;
        accept();
        break;
    case Connection::State::Unreachable:
        m_awaitingConnection = false;
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("No Cidadão.AI server answers at this address. Check it and try again."),
                              {{tr("Retry"), [this] { onConnectClicked(); }}}, m_connection.lastError());
        break;
    default:
        break;
    }
}

void ConnectionDialog::showApiError(const protocol::ApiError& error)
{
    QString text = userMessage(error);
    if (error.statusCode == 401)
        text = tr("The e-mail or the password is not right.");
    else if (error.statusCode == 409 && m_registering)
        text = tr("An account with this e-mail already exists. Sign in instead.");
    m_banner->showMessage(MessageBanner::Kind::Error, text, {}, error.message);
}

void ConnectionDialog::onSignInClicked()
{
    if (!m_account->isEnabled())
        return;
    const QString email = m_email->text().trimmed();
    const QString password = m_password->text();
    if (email.isEmpty() || password.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("Please enter your e-mail and password."));
        return;
    }
    m_signIn->setEnabled(false);
    auto signIn = [this, email, password] {
        client::ApiJob* job = m_connection.signIn(email, password);
        connect(job, &client::ApiJob::finished, this, [this, email](client::ApiJob* done) {
            m_signIn->setEnabled(true);
            if (done->status() != client::ApiJob::Status::Succeeded) {
                showApiError(done->error());
                return;
            }
            client::ConnectionProfile profile = m_connection.profile();
            profile.lastEmail = email;
            m_profiles.save(profile);
            m_password->clear();
            accept();
        });
    };
    if (!m_registering) {
        signIn();
        return;
    }
    if (password.size() < 8) {
        m_signIn->setEnabled(true);
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The password needs at least 8 characters."));
        return;
    }
    protocol::RegisterRequest request;
    request.email = email;
    request.password = password;
    request.name = m_name->text().trimmed().isEmpty() ? email.section(QLatin1Char('@'), 0, 0) : m_name->text().trimmed();
    client::ApiJob* job = m_connection.auth().registerAccount(request);
    connect(job, &client::ApiJob::finished, this, [this, signIn](client::ApiJob* done) {
        if (done->status() != client::ApiJob::Status::Succeeded) {
            m_signIn->setEnabled(true);
            showApiError(done->error());
            return;
        }
        signIn();
    });
}

} // namespace cidadao::ui
