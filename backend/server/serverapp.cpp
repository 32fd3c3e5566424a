// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverapp.h"

#include "diagnostics.h"

#include "protocol/jsonqt.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace cidadao::server {

ServerApp::ServerApp(ServerOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_info.mode = m_options.embedded ? QStringLiteral("embedded") : QStringLiteral("server");
    m_info.features = {QStringLiteral("health")};
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

    m_http = std::make_unique<http::HttpServer>(http::ServerLimits{}, m_options.dev);
    m_health = std::make_unique<HealthController>(m_info, [this] { return m_database != nullptr; }, *m_http);
    m_health->registerRoutes(m_http->router());
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
    return true;
}

QByteArray ServerApp::readyLine() const
{
    return protocol::toBytes(protocol::Json{{"event", "ready"}, {"port", m_port}, {"pid", QCoreApplication::applicationPid()}});
}

void ServerApp::shutdown()
{
    if (m_http) {
        m_http->shutdown();
        m_http.reset();
    }
    m_health.reset();
    m_database.reset();
}

} // namespace cidadao::server
