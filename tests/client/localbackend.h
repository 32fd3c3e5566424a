// SPDX-License-Identifier: GPL-3.0-or-later
// A real local backend for service and view tests: optionally the sample data set imported by the
// app's own SampleDataLoader, then cidadao-server started by the app's BackendHost and signed in
// through the bootstrap exchange, with an ApiClient + AuthSession ready to use. The server is
// stopped by pid when the fixture goes (BackendHost's destructor).
#pragma once

#include "core/apiclient.h"
#include "core/authsession.h"
#include "core/backendhost.h"
#include "core/sampledataloader.h"
#include "core/secretstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace cidadao::testing {

class LocalBackend
{
public:
    // records > 0: import a generated sample data set of that size first. serverArguments go to
    // cidadao-server as they are (e.g. --allow-anonymous).
    bool start(int records = 0, const QStringList& serverArguments = {})
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary directory"));
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        if (records > 0) {
            client::SampleDataLoader::Options load;
            load.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
            load.dataDir = dataDir;
            load.records = records;
            load.seed = 7;
            client::SampleDataLoader loader(load);
            QSignalSpy done(&loader, &client::SampleDataLoader::finished);
            loader.start();
            if (!done.wait(240000) || !done.at(0).at(0).toBool())
                return fail(QStringLiteral("sample data: %1").arg(loader.errorString()));
        }
        client::BackendHost::Options options;
        options.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        options.dataDir = dataDir;
        options.extraArguments = serverArguments;
        m_host = std::make_unique<client::BackendHost>(options);
        QSignalSpy ready(m_host.get(), &client::BackendHost::ready);
        m_host->start();
        if (!ready.wait(60000))
            return fail(QStringLiteral("backend: %1").arg(m_host->errorString()));
        m_api = std::make_unique<client::ApiClient>(m_host->baseUrl());
        m_session = std::make_unique<client::AuthSession>(m_api.get(), &m_store, QStringLiteral("local"));
        m_session->setTokens(m_host->login());
        return true;
    }

    client::ApiClient* api() const { return m_api.get(); }
    client::BackendHost* host() const { return m_host.get(); }
    client::AuthSession* session() const { return m_session.get(); }
    QString error() const { return m_error; }
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    bool fail(const QString& error)
    {
        m_error = error;
        return false;
    }

    QTemporaryDir m_dir;
    client::MemorySecretStore m_store;
    std::unique_ptr<client::BackendHost> m_host;
    std::unique_ptr<client::ApiClient> m_api;
    std::unique_ptr<client::AuthSession> m_session;
    QString m_error;
};

} // namespace cidadao::testing
