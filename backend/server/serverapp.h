// SPDX-License-Identifier: GPL-3.0-or-later
// Composes one running server: data directory, database, HTTP server, controllers. Owns them in
// dependency order so that shutdown closes sockets before the database.
#pragma once

#include "healthcontroller.h"
#include "serveroptions.h"

#include "http/httpserver.h"
#include "store/database.h"

#include <QObject>

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
    ServerOptions m_options;
    ServiceInfo m_info;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<HealthController> m_health;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace cidadao::server
