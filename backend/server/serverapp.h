// SPDX-License-Identifier: GPL-3.0-or-later
// Composes one running server: data directory, database, HTTP server, controllers. Owns them in
// dependency order so that shutdown closes sockets before the database.
#pragma once

#include "healthcontroller.h"
#include "serveroptions.h"

#include "authcontroller.h"
#include "chatcontroller.h"
#include "datacontroller.h"
#include "investigationscontroller.h"

#include "auth/authservice.h"
#include "auth/crypto.h"
#include "auth/loginthrottle.h"
#include "auth/ratelimiter.h"
#include "agents/orchestrator.h"
#include "chat/chatservice.h"
#include "chat/chatstore.h"
#include "chat/investigationwatchers.h"
#include "events/eventhub.h"
#include "http/authgate.h"
#include "http/httpserver.h"
#include "investigations/investigationservice.h"
#include "store/database.h"
#include "workflows/channelbridge.h"
#include "workflows/channelhub.h"
#include "workflows/channelsocket.h"
#include "workflows/workflowservice.h"
#include "workflowscontroller.h"
#include "voicecontroller.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace cidadao::server {

class ServerApp : public QObject
{
    Q_OBJECT
public:
    explicit ServerApp(ServerOptions options, QObject* parent = nullptr);
    ~ServerApp() override;

    // Opens the database and listens. Returns false with errorString() set.
    bool start();
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // {"event":"ready","port":N,"pid":N}: the one line the launching app waits for.
    QByteArray readyLine() const;

    void shutdown();

private:
    bool startAuth();
    bool startWorkflows();
    bool startInvestigations();
    bool startChat();
    void installFilters();

    ServerOptions m_options;
    ServiceInfo m_info;
    QThreadPool m_workers;
    events::EventHub m_events; // outlives every producer and listener below
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<store::Database> m_authDatabase; // the auth service's own connection
    std::unique_ptr<auth::Crypto> m_crypto;
    std::unique_ptr<auth::AuthService> m_auth;
    std::unique_ptr<auth::LoginThrottle> m_loginThrottle;
    std::unique_ptr<auth::RateLimiter> m_rateLimiter;
    std::unique_ptr<http::AuthGate> m_authGate;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<HealthController> m_health;
    std::unique_ptr<AuthController> m_authController;
    std::unique_ptr<investigations::InvestigationService> m_investigations;
    std::unique_ptr<InvestigationsController> m_investigationsController;
    // Chat: the orchestrator reads records through its own reader pool; the socket endpoints share
    // the service and the investigation watchers.
    std::unique_ptr<store::ReaderPool> m_chatReaders;
    std::unique_ptr<agents::Orchestrator> m_orchestrator;
    std::unique_ptr<VoiceController> m_voice; // after m_orchestrator: its turns use it
    std::unique_ptr<chat::ChatStore> m_chatStore;
    std::unique_ptr<chat::ChatService> m_chat;
    std::unique_ptr<chat::InvestigationWatchers> m_chatWatchers;
    std::unique_ptr<ChatController> m_chatController;
    std::unique_ptr<DataController> m_dataController;
    std::unique_ptr<workflows::ChannelHub> m_channels;
    std::unique_ptr<workflows::WorkflowService> m_workflows; // after m_channels: it publishes there
    std::unique_ptr<workflows::ChannelBridge> m_channelBridge;
    std::unique_ptr<WorkflowsController> m_workflowsController;
    workflows::ChannelLimits m_channelLimits;
    QTimer m_purgeTimer;
    QString m_bootstrapToken;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace cidadao::server
