// SPDX-License-Identifier: GPL-3.0-or-later
// Connection profiles in a temporary QSettings file; server capabilities from a real server's
// /api/v1/info, and the upstream assumption when the route is missing.
#include "core/apiclient.h"
#include "core/connectionprofile.h"
#include "core/servercapabilities.h"
#include "support/serverprocess.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;
using client::ConnectionProfile;
using client::ProfileStore;
using client::ServerCapabilities;

class TestProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localIsTheDefault()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ProfileStore store(settings);
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.current().kind, ConnectionProfile::Kind::Local);
        QCOMPARE(store.current().id, QStringLiteral("local"));
    }

    void remoteProfilesPersist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        const ConnectionProfile remote =
            ConnectionProfile::remote(QStringLiteral("Equipe"), QUrl(QStringLiteral("https://cidadao.example.org")));
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(settings);
            store.save(remote);
            store.setCurrent(remote.id);
            // Invalid ones are refused.
            store.save(ConnectionProfile::remote(QStringLiteral("bad"), QUrl(QStringLiteral("ftp://x"))));
        }
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings);
        QCOMPARE(store.profiles().size(), 2);
        const ConnectionProfile current = store.current();
        QCOMPARE(current.id, remote.id);
        QCOMPARE(current.kind, ConnectionProfile::Kind::Remote);
        QCOMPARE(current.url, remote.url);
        QCOMPARE(current.name, QStringLiteral("Equipe"));
        // No token is ever in the settings file.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("token"));
        store.remove(remote.id);
        QCOMPARE(store.current().id, QStringLiteral("local"));
    }

    void capabilitiesFromRealServer()
    {
        testing::ServerProcess server({QStringLiteral("--embedded")});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        client::ApiClient api(server.url());
        client::CapabilitiesProbe probe(&api);
        QSignalSpy known(&probe, &client::CapabilitiesProbe::known);
        probe.run();
        QVERIFY(known.wait(10000));
        const auto caps = known.at(0).at(0).value<ServerCapabilities>();
        QCOMPARE(caps.flavour, ServerCapabilities::Flavour::Embedded);
        QVERIFY(!caps.version.isEmpty());
        QVERIFY(!caps.isUpstream());
        QCOMPARE(caps.investigationsPrefix(), QStringLiteral("/api/v1/investigations"));
    }

    void missingInfoMeansUpstream()
    {
        // An HTTP peer that answers 404 like FastAPI does for a route it lacks.
        QTcpServer peer;
        QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
        connect(&peer, &QTcpServer::newConnection, &peer, [&peer] {
            QTcpSocket* socket = peer.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                const QByteArray body = R"({"detail":"Not Found"})";
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        client::ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(peer.serverPort())));
        client::CapabilitiesProbe probe(&api);
        QSignalSpy known(&probe, &client::CapabilitiesProbe::known);
        probe.run();
        QVERIFY(known.wait(10000));
        const auto caps = known.at(0).at(0).value<ServerCapabilities>();
        QVERIFY(caps.isUpstream());
        QVERIFY(caps.anonymousChat());
        QCOMPARE(caps.investigationsPrefix(), QStringLiteral("/api/v1/investigations/public"));
    }

    void unreachableServer()
    {
        client::ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:1")));
        client::CapabilitiesProbe probe(&api);
        QSignalSpy unreachable(&probe, &client::CapabilitiesProbe::unreachable);
        probe.run();
        QVERIFY(unreachable.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
