// SPDX-License-Identifier: GPL-3.0-or-later
// ChannelsClient against a real server: ping/pong latency, subscription, and after the server is
// SIGKILLed and started again (same data directory, new port), reconnection with backoff and the
// remembered subscription sent again.
#include "core/apiclient.h"
#include "core/authsession.h"
#include "core/channelsclient.h"
#include "jobresult.h"
#include "support/serverprocess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cidadao;
using client::ChannelsClient;
using client::WebSocketChannel;

class TestChannelsClient : public QObject
{
    Q_OBJECT

private:
    static protocol::LoginResponse signIn(const QUrl& base)
    {
        client::ApiClient api(base);
        client::MemorySecretStore store;
        client::AuthSession session(&api, &store, QStringLiteral("p"));
        protocol::RegisterRequest request{QStringLiteral("caio@example.org"), QStringLiteral("a fine password"),
                                          QStringLiteral("Caio"), QStringLiteral("analyst")};
        testing::run(session.registerAccount(request));
        testing::run(session.login(request.email, request.password));
        protocol::LoginResponse login;
        login.accessToken = session.accessToken();
        login.user = session.user();
        return login;
    }

private Q_SLOTS:
    void pingPongLatencyAndResubscribeAfterServerRestart()
    {
        QTemporaryDir dataDir;
        auto server = std::make_unique<testing::ServerProcess>(QStringList{}, dataDir.path());
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        const protocol::LoginResponse login = signIn(server->url());
        QVERIFY(!login.accessToken.isEmpty());

        WebSocketChannel::Options options;
        options.pingIntervalMs = 60000; // pings are sent by hand below
        options.pongTimeoutMs = 5000;
        options.backoff = {100, 1000, 2.0, 0.5};
        ChannelsClient channels(options);
        channels.setRandomSource([] { return 0.0; });
        channels.setUrl(server->webSocketUrl(QStringLiteral("/ws")));
        channels.setTokenProvider([token = login.accessToken] { return token; });
        const QString syncChannel = QStringLiteral("sync:%1").arg(login.user.id);

        QSignalSpy opened(&channels, &ChannelsClient::opened);
        QSignalSpy subscribed(&channels, &ChannelsClient::subscribed);
        QSignalSpy pong(&channels, &ChannelsClient::pong);
        QSignalSpy scheduled(&channels, &ChannelsClient::reconnectScheduled);
        channels.subscribe({syncChannel}); // before open: remembered and sent on connect
        channels.open();
        QVERIFY(opened.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);
        QCOMPARE(channels.grantedChannels(), QStringList{syncChannel});

        channels.ping();
        QVERIFY(pong.wait(10000));
        QVERIFY(channels.latencyMs().has_value());
        QVERIFY(*channels.latencyMs() >= 0);
        qInfo("channels ping/pong latency: %lld ms", *channels.latencyMs());

        // Crash the server; start it again on the same data (the account and key survive).
        server->killHard();
        QVERIFY(scheduled.wait(10000));
        QCOMPARE(scheduled.at(0).at(0).toInt(), 100); // first delay with random 0: the initial one
        server = std::make_unique<testing::ServerProcess>(QStringList{}, dataDir.path());
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        channels.setUrl(server->webSocketUrl(QStringLiteral("/ws")));

        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000);
        QCOMPARE(subscribed.at(1).at(0).toStringList(), QStringList{syncChannel});
        QCOMPARE(channels.connectionCount(), 2);
        // Delays grew while the server was away (100, 200, 400, ... capped at 1000).
        for (int i = 1; i < scheduled.size(); ++i)
            QVERIFY(scheduled.at(i).at(0).toInt() >= scheduled.at(i - 1).at(0).toInt());

        channels.ping();
        QVERIFY(pong.wait(10000));
        channels.close();
        QCOMPARE(channels.state(), WebSocketChannel::State::Idle);
    }

    void missedPongDropsAndReconnects()
    {
        testing::ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const protocol::LoginResponse login = signIn(server.url());

        // SIGSTOP freezes the server: TCP stays up, nothing answers — the half-open case.
        WebSocketChannel::Options options;
        options.pingIntervalMs = 200;
        options.pongTimeoutMs = 500;
        options.backoff = {100, 400, 2.0, 0.0};
        ChannelsClient channels(options);
        channels.setUrl(server.webSocketUrl(QStringLiteral("/ws")));
        channels.setTokenProvider([token = login.accessToken] { return token; });
        QSignalSpy opened(&channels, &ChannelsClient::opened);
        QSignalSpy missed(&channels, &ChannelsClient::heartbeatMissed);
        channels.open();
        QVERIFY(opened.wait(10000));
        ::kill(pid_t(server.pid()), SIGSTOP);
        QVERIFY(missed.wait(10000));
        ::kill(pid_t(server.pid()), SIGCONT);
        QTRY_VERIFY_WITH_TIMEOUT(opened.size() >= 2, 20000);
        channels.close();
    }
};

QTEST_GUILESS_MAIN(TestChannelsClient)
#include "tst_channelsclient.moc"
