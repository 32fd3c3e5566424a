// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapp.h"

#include "core/backendhost.h"
#include "core/connection.h"
#include "core/connectionprofile.h"
#include "core/localcache.h"
#include "core/secretstore.h"
#include "desktop/languagemanager.h"
#include "desktop/serverlocator.h"
#include "core/workflows/workflowsservice.h"
#include "core/services/syncdispatcher.h"
#include "ui/chat/chatview.h"
#include "ui/connectiondialog.h"
#include "ui/connectionstatus.h"
#include "ui/datapage.h"
#include "ui/investigations/investigationsview.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/settingsdialog.h"
#include "ui/svgicon.h"
#include "ui/voice/pushtotalkwidget.h"
#include "core/voice/voicesession.h"
#include "ui/workflows/workflownotifier.h"
#include "ui/workflows/workflowsview.h"

#ifdef CIDADAO_HAVE_KEYCHAIN
#include "core/keychainsecretstore.h"
#endif

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStatusBar>

Q_LOGGING_CATEGORY(lcDesktop, "cidadao.desktop")

namespace cidadao::desktop {

using client::Connection;
using client::ConnectionProfile;
using ui::MessageBanner;

namespace {

QString defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("cidadao-ai"));
}

// Push-to-talk in the chat page, on the current connection: what the user said and what the agent
// answered appear in the conversation shown. Recognition listens in Portuguese only when the
// server can (Debian ships no offline Portuguese model); the panel says so otherwise.
void attachVoice(ui::ChatView* chat, Connection* connection, LanguageManager* language, QObject* owner)
{
    auto* voice = new client::VoiceSession(owner);
    chat->setVoicePanel(new ui::PushToTalkWidget(*voice, nullptr, ui::PushToTalkWidget::Shape::Strip));
    QObject::connect(voice, &client::VoiceSession::userSaid, chat, &ui::ChatView::addSpokenMessage);
    QObject::connect(&voice->client(), &client::VoiceClient::agentResponse, chat, &ui::ChatView::addSpokenReply);
    const auto reconnect = [connection, language, voice] {
        voice->setPreferredLanguage(language->current());
        if (!connection->isConnected() || !connection->capabilities().has(QStringLiteral("voice")))
            return;
        voice->connectTo(connection->baseUrl(), connection->auth().accessToken(),
                         client::VoiceSession::recognitionLanguage(language->current(),
                                                                   connection->capabilities().features));
    };
    QObject::connect(connection, &Connection::connected, voice, reconnect);
    QObject::connect(language, &LanguageManager::languageChanged, voice, reconnect);
    voice->setPreferredLanguage(language->current());
}

} // namespace

DesktopApp::DesktopApp(DesktopOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_startedAtMs(m_options.launchedAtMs > 0 ? m_options.launchedAtMs : QDateTime::currentMSecsSinceEpoch())
{
    m_settings = m_options.settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(m_options.settingsFile, QSettings::IniFormat);
    QString dataDir = m_options.dataDir;
    if (dataDir.isEmpty())
        dataDir = m_settings->value(QStringLiteral("storage/dataDir")).toString();
    m_dataDir = dataDir.isEmpty() ? defaultDataDir() : QDir(dataDir).absolutePath();
    QDir().mkpath(m_dataDir);

#ifdef CIDADAO_HAVE_KEYCHAIN
    if (m_options.memorySecrets)
        m_secrets = std::make_unique<client::MemorySecretStore>();
    else
        m_secrets = std::make_unique<client::KeychainSecretStore>();
#else
    m_secrets = std::make_unique<client::MemorySecretStore>();
#endif
    m_cache = std::make_unique<client::LocalCache>(QDir(m_dataDir).filePath(QStringLiteral("client-cache.sqlite")));
    if (!m_cache->isOpen())
        qCWarning(lcDesktop) << "cache unavailable:" << m_cache->errorString();
    m_connection = std::make_unique<Connection>(m_secrets.get());
    m_profiles = std::make_unique<client::ProfileStore>(*m_settings);
    m_context = std::make_unique<client::ClientContext>(client::ClientContext{*m_connection, *m_cache, *m_settings});

    m_language = std::make_unique<LanguageManager>(*m_settings);
    const QString language = m_options.language.isEmpty() ? m_language->preferredLanguage() : m_options.language;
    if (!m_language->apply(language))
        qCWarning(lcDesktop) << "no translation for" << language;

    m_window = std::make_unique<ui::MainWindow>(*m_settings);
    m_window->connectionStatus()->setConnection(m_connection.get());
    createPages();
    m_window->restoreState();
    wireConnection();
}

DesktopApp::~DesktopApp()
{
    // The window (and the pages holding references to the client objects) goes first; the local
    // server is stopped by BackendHost's destructor.
    m_window.reset();
    m_connection.reset();
    m_backend.reset();
}

void DesktopApp::createPages()
{
    // Feature pages in navigation order; each gets the client context by reference and the window
    // as owner. One construction line and one addPage() per page.
    const auto retry = [this] { m_connection->retry(); };

    m_chatView = new ui::ChatView(*m_context, m_window.get());
    m_window->addPage(m_chatView, tr("Chat"), ui::svgIcon(QStringLiteral("chat")));
    connect(m_chatView, &ui::ChatView::loginRequested, this, &DesktopApp::openConnectionDialog);
    connect(m_chatView, &ui::ChatView::restartServerRequested, this, retry);
    attachVoice(m_chatView, m_connection.get(), m_language.get(), this);

    m_investigationsView = new ui::InvestigationsView(*m_context, m_window.get());
    m_window->addPage(m_investigationsView, tr("Investigations"), ui::svgIcon(QStringLiteral("investigations")));
    connect(m_investigationsView, &ui::InvestigationsView::loginRequested, this, &DesktopApp::openConnectionDialog);
    connect(m_investigationsView, &ui::InvestigationsView::restartServerRequested, this, retry);

    // Workflows: definitions, runs with their live node graph, desktop notifications and the
    // ping/pong latency in the status bar, all over the /ws channels of the signed-in user.
    m_workflows = new client::WorkflowsService(m_connection->api(), m_connection->channels(), this);
    m_workflowsView = new ui::WorkflowsView(*m_workflows, m_window.get());
    m_window->addPage(m_workflowsView, tr("Workflows"), ui::svgIcon(QStringLiteral("workflows")));
    new ui::WorkflowNotifier(*m_workflows, nullptr, this);
    m_window->statusBar()->addPermanentWidget(new ui::LatencyLabel(*m_workflows, m_window->statusBar()));
    connect(m_connection.get(), &Connection::connected, this, [this] {
        m_workflows->setUserId(m_connection->auth().user().id);
        m_workflowsView->refresh();
    });

    // Live sync: what another running client of the same user changes (sessions, messages,
    // investigations) reaches the chat and investigations pages through sync:{userId}.
    auto* sync = new client::SyncDispatcher(m_connection->channels(), this);
    sync->attach(m_chatView->service());
    sync->attach(m_investigationsView->service());
    connect(m_connection.get(), &Connection::connected, sync,
            [this, sync] { sync->setUserId(m_connection->auth().user().id); });

    m_dataPage = new ui::DataPage(*m_context, m_window.get());
    m_window->addPage(m_dataPage, tr("Data"), ui::svgIcon(QStringLiteral("data")));
    connect(m_dataPage, &ui::DataPage::signInRequested, this, &DesktopApp::openConnectionDialog);
    connect(m_dataPage, &ui::DataPage::restartServerRequested, this, [this] { m_connection->retry(); });
    connect(m_dataPage, &ui::DataPage::reloadSampleRequested, this, [this] {
        if (m_backend)
            m_backend->reloadSampleData();
    });
}

void DesktopApp::start()
{
    ConnectionProfile profile;
    switch (m_options.mode) {
    case DesktopOptions::Mode::Local:
        profile = ConnectionProfile::local();
        break;
    case DesktopOptions::Mode::Remote: {
        const auto profiles = m_profiles->profiles();
        const auto known = std::find_if(profiles.begin(), profiles.end(), [this](const ConnectionProfile& p) {
            return p.kind == ConnectionProfile::Kind::Remote && p.url == m_options.serverUrl;
        });
        profile = known != profiles.end() ? *known : ConnectionProfile::remote(m_options.serverUrl.host(), m_options.serverUrl);
        m_profiles->save(profile);
        break;
    }
    case DesktopOptions::Mode::Saved:
        profile = m_profiles->current();
        break;
    }
    m_window->show();
    connectProfile(profile);
}

void DesktopApp::ensureBackend()
{
    if (m_backend)
        return;
    client::BackendHost::Options options;
    options.serverPath = locateServer(m_options.serverPath);
    options.dataDir = QDir(m_dataDir).filePath(QStringLiteral("server"));
    options.loadSampleData = m_options.loadSampleData;
    // The optional LLM endpoint that phrases answers: handed to the local server's command line
    // (its --llm-url/--llm-model options). The key stays out of argv: it is not stored here yet.
    const QString llm = m_settings->value(QStringLiteral("llm/endpoint")).toString();
    if (!llm.isEmpty()) {
        options.extraArguments << QStringLiteral("--llm-url") << llm;
        const QString model = m_settings->value(QStringLiteral("llm/model")).toString();
        if (!model.isEmpty())
            options.extraArguments << QStringLiteral("--llm-model") << model;
    }
    m_backend = std::make_unique<client::BackendHost>(options);
    connect(m_backend.get(), &client::BackendHost::sampleDataProgress, this, [this](int step, int total, const QString&) {
        m_window->banner()->showMessage(MessageBanner::Kind::Information,
                                        tr("First start: importing the sample data set (step %1 of %2)…")
                                            .arg(step + 1 > total ? total : step + 1)
                                            .arg(total));
    });
    connect(m_backend.get(), &client::BackendHost::sampleDataFinished, this, [this](bool ok, const QString& error) {
        if (ok) {
            m_window->banner()->clear();
            return;
        }
        m_window->banner()->showMessage(
            MessageBanner::Kind::Warning,
            tr("The sample data set could not be imported. You can import Portal da Transparência files on the Data page."),
            {{tr("Open the Data page"), [this] { m_window->showPage(m_dataPage); }}}, error);
    });
}

void DesktopApp::connectProfile(const ConnectionProfile& profile)
{
    m_profiles->save(profile);
    m_profiles->setCurrent(profile.id);
    if (profile.kind == ConnectionProfile::Kind::Local) {
        ensureBackend();
        m_connection->useLocal(m_backend.get(), profile);
    } else {
        m_connection->useRemote(profile);
        m_backend.reset(); // a remote profile needs no local server
    }
    m_dataPage->setSampleReloadAvailable(profile.kind == ConnectionProfile::Kind::Local);
}

void DesktopApp::wireConnection()
{
    connect(m_window.get(), &ui::MainWindow::connectRequested, this, &DesktopApp::openConnectionDialog);
    connect(m_window.get(), &ui::MainWindow::settingsRequested, this, &DesktopApp::openSettingsDialog);
    connect(m_connection.get(), &Connection::connected, this, [this] {
        if (m_readyAfterMs < 0) {
            m_readyAfterMs = QDateTime::currentMSecsSinceEpoch() - m_startedAtMs;
            qCInfo(lcDesktop) << "interactive with the server ready after" << m_readyAfterMs << "ms";
            Q_EMIT ready();
        }
        if (m_window->banner()->kind() != MessageBanner::Kind::Warning)
            m_window->banner()->clear();
    });
    connect(m_connection.get(), &Connection::warning, this, [this](const QString& message) {
        m_window->banner()->showMessage(MessageBanner::Kind::Warning, message);
    });
    connect(m_connection.get(), &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::SignInRequired) {
            m_window->banner()->showMessage(MessageBanner::Kind::Information,
                                            tr("Sign in to %1 to continue.").arg(m_connection->baseUrl().host()),
                                            {{tr("Sign in…"), [this] { openConnectionDialog(); }}});
        }
    });
    connect(m_connection.get(), &Connection::problem, this,
            [this](Connection::State state, const QString&, const QString& details) {
                MessageBanner* banner = m_window->banner();
                if (state == Connection::State::BackendFailed) {
                    banner->showMessage(MessageBanner::Kind::Error,
                                        tr("The local server stopped. Your data is safe; restart it to go on."),
                                        {{tr("Restart the local server"), [this] { m_connection->retry(); }}},
                                        details);
                } else if (state == Connection::State::Unreachable) {
                    banner->showMessage(MessageBanner::Kind::Error,
                                        tr("The server %1 cannot be reached. The last known data stays readable.")
                                            .arg(m_connection->baseUrl().authority()),
                                        {{tr("Retry"), [this] { m_connection->retry(); }},
                                         {tr("Choose another server…"), [this] { openConnectionDialog(); }}},
                                        details);
                } else if (state == Connection::State::SignInRequired) {
                    banner->showMessage(MessageBanner::Kind::Warning, tr("Your session has ended. Please sign in again."),
                                        {{tr("Sign in…"), [this] { openConnectionDialog(); }}}, details);
                }
            });
    connect(m_language.get(), &LanguageManager::languageChanged, this, [this] {
        m_window->setPageTitle(m_chatView, tr("Chat"));
        m_window->setPageTitle(m_investigationsView, tr("Investigations"));
        m_window->setPageTitle(m_workflowsView, tr("Workflows"));
        m_window->setPageTitle(m_dataPage, tr("Data"));
    });
}

void DesktopApp::openConnectionDialog()
{
    auto* dialog = new ui::ConnectionDialog(*m_connection, *m_profiles, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::ConnectionDialog::profileChosen, this, &DesktopApp::connectProfile);
    dialog->open();
}

void DesktopApp::openSettingsDialog()
{
    ui::SettingsDialog::Values values;
    values.language = m_language->current();
    values.dataDir = m_dataDir;
    values.llmEndpoint = m_settings->value(QStringLiteral("llm/endpoint")).toString();
    values.llmModel = m_settings->value(QStringLiteral("llm/model")).toString();
    auto* dialog = new ui::SettingsDialog(values, *m_profiles, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::SettingsDialog::languageSelected, this,
            [this](const QString& language) { m_language->apply(language, true); });
    connect(dialog, &ui::SettingsDialog::accepted, this, [this, dialog] {
        const auto chosen = dialog->values();
        m_settings->setValue(QStringLiteral("llm/endpoint"), chosen.llmEndpoint);
        m_settings->setValue(QStringLiteral("llm/model"), chosen.llmModel);
        if (QDir(chosen.dataDir).absolutePath() != m_dataDir)
            m_settings->setValue(QStringLiteral("storage/dataDir"), chosen.dataDir); // used from the next start
    });
    connect(dialog, &ui::SettingsDialog::profileActivated, this, &DesktopApp::connectProfile);
    dialog->open();
}

} // namespace cidadao::desktop
