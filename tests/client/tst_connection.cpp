// SPDX-License-Identifier: GPL-3.0-or-later
// Connection walks the real server through each mode: local (BackendHost → bootstrap login →
// /info → channels open), the backend killed and restarted (problem reported, connected again on
// the new port, channels back), remote with sign-in required then signed in, an unreachable remote.
#include "core/backendhost.h"
#include "core/connection.h"
#include "core/secretstore.h"
#include "jobresult.h"
#include "support/serverprocess.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cidadao;
using client::Connection;

class TestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localSignsInByItselfAndSurvivesRestart()
    {
        QTemporaryDir dir;
        client::BackendHost::Options options;
        options.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        options.dataDir = dir.path();
        client::BackendHost host(options);
        client::MemorySecretStore secrets;
        Connection connection(&secrets);
        QSignalSpy connected(&connection, &Connection::connected);
        QSignalSpy problems(&connection, &Connection::problem);
        connection.useLocal(&host);
        QCOMPARE(connection.state(), Connection::State::StartingBackend);
        QVERIFY2(connected.wait(30000), qPrintable(connection.lastError()));
        QCOMPARE(connection.state(), Connection::State::Connected);
        QVERIFY(connection.auth().isAuthenticated());
        QVERIFY(!connection.isAnonymous());
        QCOMPARE(connection.capabilities().flavour, client::ServerCapabilities::Flavour::Embedded);
        QCOMPARE(connection.baseUrl(), host.baseUrl());
        QCOMPARE(connection.webSocketUrl(QStringLiteral("/ws")).port(), int(host.port()));
        QTRY_COMPARE_WITH_TIMEOUT(connection.channels().state(), client::WebSocketChannel::State::Open, 10000);

        const auto me = testing::run(connection.api().get(QStringLiteral("/api/v1/auth/me")));
        QCOMPARE(me.status, client::ApiJob::Status::Succeeded);

        // The server dies: reported as a problem with the log tail, channels stop trying the old port.
        const quint16 firstPort = host.port();
        ::kill(pid_t(host.pid()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::BackendFailed, 10000);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(connection.channels().state(), client::WebSocketChannel::State::Idle);

        // "Restart the local server": a new process, a new port, signed in again.
        connection.retry();
        QVERIFY2(connected.wait(30000), qPrintable(connection.lastError()));
        QCOMPARE(connected.size(), 2);
        QVERIFY(host.port() != 0);
        QCOMPARE(connection.baseUrl(), host.baseUrl());
        Q_UNUSED(firstPort);
        QTRY_COMPARE_WITH_TIMEOUT(connection.channels().state(), client::WebSocketChannel::State::Open, 10000);
        const auto again = testing::run(connection.api().get(QStringLiteral("/api/v1/auth/me")));
        QCOMPARE(again.status, client::ApiJob::Status::Succeeded);
    }

    void remoteAsksForSignInThenConnects()
    {
        testing::ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        client::MemorySecretStore secrets;
        Connection connection(&secrets);

        // An account made through the API, as the connection dialog's registration does.
        const protocol::RegisterRequest account{QStringLiteral("ana@example.org"), QStringLiteral("correct horse 1"),
                                                QStringLiteral("Ana"), QStringLiteral("analyst")};
        connection.useRemote(client::ConnectionProfile::remote(QStringLiteral("team"), server.url()));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::SignInRequired, 15000);
        QCOMPARE(connection.capabilities().flavour, client::ServerCapabilities::Flavour::Server);
        const auto registered = testing::run(connection.auth().registerAccount(account));
        QCOMPARE(registered.httpStatus, 201);

        const auto wrong = testing::run(connection.signIn(account.email, QStringLiteral("wrong password")));
        QCOMPARE(wrong.httpStatus, 401);
        QCOMPARE(connection.state(), Connection::State::SignInRequired);

        QSignalSpy connected(&connection, &Connection::connected);
        const auto ok = testing::run(connection.signIn(account.email, account.password));
        QCOMPARE(ok.status, client::ApiJob::Status::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Connected, 5000);
        QCOMPARE(connected.size(), 1);
        QCOMPARE(connection.auth().user().email, account.email);

        // The refresh token went to the secret store under the profile: a new connection for the
        // same profile restores the session without a password.
        const client::ConnectionProfile profile = connection.profile();
        Connection second(&secrets);
        second.useRemote(profile);
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), Connection::State::Connected, 15000);
        QCOMPARE(second.auth().user().email, account.email);
    }

    void anonymousServerConnectsWithoutAccount()
    {
        testing::ServerProcess server({QStringLiteral("--allow-anonymous")});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        client::MemorySecretStore secrets;
        Connection connection(&secrets);
        connection.useRemote(client::ConnectionProfile::remote(QStringLiteral("public"), server.url()));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Connected, 15000);
        QVERIFY(connection.isAnonymous());
    }

    void unreachableRemoteIsReported()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        client::MemorySecretStore secrets;
        Connection connection(&secrets);
        QSignalSpy problems(&connection, &Connection::problem);
        connection.useRemote(client::ConnectionProfile::remote(
            QStringLiteral("gone"), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Unreachable, 15000);
        QCOMPARE(problems.size(), 1);
        QVERIFY(!connection.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
