// SPDX-License-Identifier: GPL-3.0-or-later
// BackendHost with the real cidadao-server: start → ready line → bootstrap exchange → /auth/me
// through ApiClient; crash report with the log tail; restart; no orphan after destruction.
#include "core/apiclient.h"
#include "core/authsession.h"
#include "core/backendhost.h"
#include "jobresult.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace cidadao;
using client::BackendHost;

namespace {

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

BackendHost::Options options(const QString& dataDir)
{
    BackendHost::Options opts;
    opts.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
    opts.dataDir = dataDir;
    return opts;
}

} // namespace

class TestBackendHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startBootstrapAndMe()
    {
        QTemporaryDir dir;
        qint64 pid = 0;
        {
            BackendHost host(options(dir.path()));
            QSignalSpy ready(&host, &BackendHost::ready);
            host.start();
            QVERIFY2(ready.wait(30000), qPrintable(host.errorString()));
            QCOMPARE(host.state(), BackendHost::State::Ready);
            QVERIFY(host.port() > 0);
            pid = host.pid();
            QVERIFY(pid > 0);
            QVERIFY(!host.login().accessToken.isEmpty());
            qInfo("backend start() -> ready line: %lld ms; -> bootstrapped session: %lld ms", host.readyAfterMs(),
                  host.bootstrappedAfterMs());

            client::ApiClient api(host.baseUrl());
            client::MemorySecretStore store;
            client::AuthSession session(&api, &store, QStringLiteral("local"));
            session.setTokens(host.login());
            const auto me = testing::run(api.get(QStringLiteral("/api/v1/auth/me")));
            QCOMPARE(me.status, client::ApiJob::Status::Succeeded);
            QCOMPARE(me.json["id"].get<QString>(), host.login().user.id);

            QVERIFY(!processGone(pid));
        }
        QVERIFY2(processGone(pid), "the backend outlived its BackendHost");
    }

    void crashIsReportedWithLogTailAndRestartWorks()
    {
        QTemporaryDir dir;
        BackendHost host(options(dir.path()));
        QSignalSpy ready(&host, &BackendHost::ready);
        QSignalSpy crashed(&host, &BackendHost::crashed);
        host.start();
        QVERIFY2(ready.wait(30000), qPrintable(host.errorString()));
        const qint64 firstPid = host.pid();
        ::kill(pid_t(firstPid), SIGKILL);
        QVERIFY(crashed.wait(10000));
        QCOMPARE(host.state(), BackendHost::State::Crashed);
        QVERIFY(crashed.at(0).at(0).toStringList().size() <= 200);

        host.restart();
        QVERIFY2(ready.wait(30000), qPrintable(host.errorString()));
        QCOMPARE(ready.size(), 2);
        QVERIFY(host.pid() != firstPid);
        const qint64 secondPid = host.pid();
        host.stop();
        QVERIFY(processGone(secondPid));
        QCOMPARE(host.state(), BackendHost::State::Stopped);
    }

    void missingBinaryFails()
    {
        QTemporaryDir dir;
        BackendHost::Options opts = options(dir.path());
        opts.serverPath = dir.filePath(QStringLiteral("no-such-server"));
        BackendHost host(opts);
        QSignalSpy failed(&host, &BackendHost::failed);
        host.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(host.state(), BackendHost::State::Failed);
    }

    void notEmbeddedServerHasNoBootstrapToken()
    {
        // A server path that prints something else than a ready line: /bin/echo prints its arguments.
        QTemporaryDir dir;
        BackendHost::Options opts = options(dir.path());
        opts.serverPath = QStringLiteral("/bin/echo");
        BackendHost host(opts);
        QSignalSpy failed(&host, &BackendHost::failed);
        host.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(host.errorString().contains(QStringLiteral("unexpected line")));
    }
};

QTEST_GUILESS_MAIN(TestBackendHost)
#include "tst_backendhost.moc"
