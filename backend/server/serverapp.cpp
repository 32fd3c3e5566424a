// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverapp.h"

#include "diagnostics.h"

#include "http/ratelimitfilter.h"
#include "workflows/channelsocket.h"
#include "chat/chatsocket.h"
#include "store/readerpool.h"

#include "protocol/jsonqt.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QThread>

namespace cidadao::server {

ServerApp::ServerApp(ServerOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_info.mode = m_options.embedded ? QStringLiteral("embedded") : QStringLiteral("server");
    m_info.features = {QStringLiteral("health"), QStringLiteral("auth"), QStringLiteral("channels")};
    if (m_options.allowAnonymous) // clients learn they may chat without an account (app/core Connection)
        m_info.features.append(QStringLiteral("anonymous"));
    // Password hashing is memory-hard (64 MiB each): a few at a time is what the machine can take.
    m_workers.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
}

ServerApp::~ServerApp()
{
    shutdown();
}

bool ServerApp::start()
{
    QDir dir(m_options.dataDir);
    if (!dir.exists() && !QDir().mkpath(m_options.dataDir)) {
        m_error = QStringLiteral("cannot create the data directory %1").arg(m_options.dataDir);
        return false;
    }
    // The data directory holds the database and the signing key: the owner only.
    QFile::setPermissions(m_options.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    try {
        m_database = store::Database::open(dir.filePath(QStringLiteral("cidadao.db")));
        store::migrate(*m_database);
    } catch (const std::exception& error) {
        m_error = QStringLiteral("database: %1").arg(QString::fromUtf8(error.what()));
        return false;
    }

    if (!startAuth())
        return false;

    m_http = std::make_unique<http::HttpServer>(http::ServerLimits{}, m_options.dev);
    installFilters();
    m_health = std::make_unique<HealthController>(m_info, [this] { return m_database != nullptr; }, *m_http);
    m_health->registerRoutes(m_http->router());
    m_authController = std::make_unique<AuthController>(*m_auth, *m_loginThrottle, m_workers, m_options.embedded);
    m_authController->registerRoutes(m_http->router());
    if (!startInvestigations())
        return false;
    if (!startChat())
        return false;
    try {
        m_voice = std::make_unique<VoiceController>(m_options, m_orchestrator.get());
    } catch (const std::exception& error) {
        m_error = QStringLiteral("voice: %1").arg(QString::fromUtf8(error.what()));
        return false;
    }
    m_voice->registerRoutes(*m_http, *m_authGate);
    m_info.features.append(m_voice->features());
    m_info.voice = [this] { return m_voice ? m_voice->info() : protocol::Json(); };
    m_channels = std::make_unique<workflows::ChannelHub>();
    http::HttpServer* http = m_http.get();
    m_http->addWebSocketEndpoint(QStringLiteral("/ws"), [this, http](std::unique_ptr<QWebSocket> socket,
                                                                      const QHash<QString, QString>&) {
        workflows::WorkflowService* runner = m_workflows.get();
        auto launcher = [runner](const http::Principal& who, const QString& workflowId, const protocol::Json& input,
                                 const QString& correlationId, workflows::ChannelSubscriber* requester,
                                 const protocol::Json& definition) {
            return runner ? runner->execute(who, workflowId, input, correlationId, requester, definition) : std::nullopt;
        };
        auto canceller = [runner](const http::Principal& who, const QString& executionId) {
            return runner ? runner->requestCancel(who, executionId) : std::nullopt;
        };
        return workflows::ChannelSocket::accept(std::move(socket), http->limits().maxWebSocketMessageBytes, *m_channels,
                                                *m_authGate, launcher, m_channelLimits, canceller);
    });
    if (!startWorkflows())
        return false;
    if (m_options.dev)
        registerDiagnostics(*m_http);

    m_port = m_http->listenOn(m_options.host, m_options.port);
    if (m_port == 0) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(m_options.host.toString())
                      .arg(m_options.port)
                      .arg(m_http->errorString());
        return false;
    }
    const QString host = m_options.host.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_options.host.toString())
                             : m_options.host.toString();
    m_info.websocketBase = QStringLiteral("ws://%1:%2").arg(host).arg(m_port);
    if (m_options.embedded)
        m_bootstrapToken = m_auth->issueBootstrapToken();
    return true;
}

bool ServerApp::startInvestigations()
{
    try {
        investigations::ServiceConfig config;
        config.databasePath = m_database->path();
        m_investigations = std::make_unique<investigations::InvestigationService>(config, m_events);
    } catch (const std::exception& error) {
        m_error = QStringLiteral("investigations: %1").arg(QString::fromUtf8(error.what()));
        return false;
    }
    m_investigationsController = std::make_unique<InvestigationsController>(*m_investigations, m_events, m_workers);
    m_investigationsController->registerRoutes(m_http->router());
    m_dataController = std::make_unique<DataController>(m_database->path(),
                                                        QDir(m_options.dataDir).filePath(QStringLiteral("uploads")),
                                                        m_events, m_workers);
    m_dataController->registerRoutes(m_http->router());
    m_info.features.append({QStringLiteral("investigations"), QStringLiteral("data")});
    return true;
}

bool ServerApp::startChat()
{
    try {
        m_chatReaders = std::make_unique<store::ReaderPool>(m_database->path());
        agents::OrchestratorOptions options;
        options.llmUrl = m_options.llmUrl;
        options.llmModel = m_options.llmModel;
        if (!m_options.llmKeyFile.isEmpty()) {
            QFile key(m_options.llmKeyFile);
            if (!key.open(QIODevice::ReadOnly))
                throw std::runtime_error("cannot read --llm-key-file");
            options.llmKey = QString::fromUtf8(key.readAll()).trimmed();
        }
        m_orchestrator = std::make_unique<agents::Orchestrator>(*m_chatReaders, m_investigations.get(), options);
        m_chatStore = std::make_unique<chat::ChatStore>(m_database->path());
    } catch (const std::exception& error) {
        m_error = QStringLiteral("chat: %1").arg(QString::fromUtf8(error.what()));
        return false;
    }
    m_chat = std::make_unique<chat::ChatService>(*m_chatStore, *m_orchestrator, m_events);
    m_chatWatchers = std::make_unique<chat::InvestigationWatchers>(m_events);
    m_chatController = std::make_unique<ChatController>(*m_chat);
    m_chatController->registerRoutes(m_http->router());
    const qint64 limit = m_http->limits().maxWebSocketMessageBytes;
    auto services = [this] { return chat::ChatSocketServices{*m_chat, *m_chatWatchers, m_investigations.get()}; };
    m_http->addWebSocketEndpoint(QStringLiteral("/api/v1/ws/chat/{session_id}"),
                                 [this, limit, services](std::unique_ptr<QWebSocket> socket, const QHash<QString, QString>& params) {
                                     return chat::ChatSocket::accept(std::move(socket), limit, services(), *m_authGate,
                                                                     params.value(QStringLiteral("session_id")), std::nullopt);
                                 });
    m_http->addWebSocketEndpoint(QStringLiteral("/api/v1/ws/investigations/{id}"),
                                 [this, limit, services](std::unique_ptr<QWebSocket> socket, const QHash<QString, QString>& params) {
                                     return chat::ChatSocket::accept(std::move(socket), limit, services(), *m_authGate,
                                                                     std::nullopt, params.value(QStringLiteral("id")));
                                 });
    m_info.features.append(QStringLiteral("chat"));
    return true;
}

bool ServerApp::startWorkflows()
{
    try {
        workflows::WorkflowServiceConfig config;
        config.databasePath = m_database->path();
        config.inboxDir = QDir(m_options.dataDir).filePath(QStringLiteral("inbox"));
        config.investigations = m_investigations.get(); // the `investigation` workflow runs real investigations
        m_workflows = std::make_unique<workflows::WorkflowService>(config, *m_channels, &m_events);
        // A run the previous process never finished is failed, never left "running".
        m_workflows->recoverInterrupted();
    } catch (const std::exception& error) {
        m_error = QStringLiteral("workflows: %1").arg(QString::fromUtf8(error.what()));
        return false;
    }
    m_channelLimits.messagesPerMinute = m_options.wsMessagesPerMinute;
    m_channelBridge = std::make_unique<workflows::ChannelBridge>(m_events, *m_channels);
    m_workflowsController = std::make_unique<WorkflowsController>(*m_workflows);
    m_workflowsController->registerRoutes(m_http->router(), m_options.dev);
    m_info.features.append(QStringLiteral("workflows"));
    return true;
}

bool ServerApp::startAuth()
{
    try {
        m_crypto = std::make_unique<auth::Crypto>();
        auth::SigningKey key = m_options.jwtSecretFile.isEmpty()
                                   ? auth::SigningKey::loadOrCreate(*m_crypto, m_options.dataDir)
                                   : auth::SigningKey::fromFile(m_options.jwtSecretFile);
        m_authDatabase = store::Database::open(m_database->path());
        auth::AuthConfig config;
        config.lifetimes.accessSeconds = m_options.accessTtlSeconds;
        config.lifetimes.refreshSeconds = m_options.refreshTtlSeconds;
        m_auth = std::make_unique<auth::AuthService>(*m_authDatabase, *m_crypto, std::move(key), auth::systemClock(),
                                                     config);
    } catch (const std::exception& error) {
        m_error = QStringLiteral("accounts: %1").arg(QString::fromUtf8(error.what()));
        return false;
    }
    auth::LoginThrottlePolicy throttle;
    throttle.maxFailures = m_options.loginMaxFailures;
    throttle.lockoutSeconds = m_options.lockoutSeconds;
    throttle.failureWindowSeconds = qMax<qint64>(m_options.lockoutSeconds, 900);
    m_loginThrottle = std::make_unique<auth::LoginThrottle>(auth::systemClock(), throttle);
    m_rateLimiter = std::make_unique<auth::RateLimiter>(auth::systemClock(),
                                                        auth::RateLimitPolicy{m_options.rateLimitPerMinute, 60});
    m_rateLimiter->setPolicy(QStringLiteral("login"), {m_options.loginRateLimitPerMinute, 60});
    m_rateLimiter->setPolicy(QStringLiteral("auth"), {qMax(m_options.loginRateLimitPerMinute, 20), 60});
    m_rateLimiter->setPolicy(QStringLiteral("anonymous"), {m_options.anonymousRateLimitPerMinute, 60});
    m_authGate = std::make_unique<http::AuthGate>(*m_auth, m_options.allowAnonymous);
    // Revocation rows of expired tokens are useless: drop them hourly.
    m_purgeTimer.setInterval(std::chrono::hours(1));
    connect(&m_purgeTimer, &QTimer::timeout, this, [this] { m_auth->purgeExpired(); });
    m_purgeTimer.start();
    return true;
}

void ServerApp::installFilters()
{
    // Order matters: know who calls, count the call against them, then refuse what they may not do.
    http::AuthGate* gate = m_authGate.get();
    m_http->addFilter([gate](http::Request& request, http::Responder& responder, const http::Route& route) {
        return gate->identify(request, responder, route);
    });
    m_http->addFilter(http::RateLimitFilter(*m_rateLimiter));
    m_http->addFilter([gate](http::Request& request, http::Responder& responder, const http::Route& route) {
        return gate->enforce(request, responder, route);
    });
}

QByteArray ServerApp::readyLine() const
{
    protocol::Json line{{"event", "ready"}, {"port", m_port}, {"pid", QCoreApplication::applicationPid()}};
    // Only the launching app reads our stdout; the token is dead after its one exchange.
    if (!m_bootstrapToken.isEmpty())
        line["bootstrap_token"] = m_bootstrapToken;
    return protocol::toBytes(line);
}

void ServerApp::shutdown()
{
    if (m_http) {
        m_http->shutdown();
        m_http.reset();
    }
    m_purgeTimer.stop();
    m_workers.waitForDone();
    // Voice turns run the orchestrator: stop them before it goes.
    if (m_voice)
        m_voice->shutdown();
    m_voice.reset();
    // Chat turns may wait on the investigation service: stop them before it goes.
    if (m_chat)
        m_chat->shutdown();
    m_chatController.reset();
    m_chatWatchers.reset();
    m_chat.reset();
    m_chatStore.reset();
    m_orchestrator.reset();
    m_chatReaders.reset();
    m_authController.reset();
    m_dataController.reset();
    m_investigationsController.reset();
    if (m_investigations)
        m_investigations->shutdown();
    m_investigations.reset();
    m_workflowsController.reset();
    m_channelBridge.reset();
    if (m_workflows)
        m_workflows->shutdown();
    m_workflows.reset();
    m_channels.reset();
    m_health.reset();
    m_authGate.reset();
    m_auth.reset();
    m_authDatabase.reset();
    m_database.reset();
}

} // namespace cidadao::server
