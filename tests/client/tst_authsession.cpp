// SPDX-License-Identifier: GPL-3.0-or-later
// AuthSession and the secret stores: memory store round trip, restore from a stored refresh token
// against a real server, refresh before expiry, and the no-keychain fallback (the real
// QtKeychain with no Secret Service on the bus) that warns and keeps the login in memory only.
#include "core/apiclient.h"
#include "core/authsession.h"
#include "jobresult.h"
#include "support/serverprocess.h"
#ifdef CIDADAO_HAVE_KEYCHAIN
#include "core/keychainsecretstore.h"
#endif

#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using client::SecretResult;

class TestAuthSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::ServerProcess> m_server;
    protocol::RegisterRequest m_account{QStringLiteral("dora@example.org"), QStringLiteral("password of dora"),
                                        QStringLiteral("Dora"), QStringLiteral("analyst")};

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<testing::ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        client::ApiClient api(m_server->url());
        client::MemorySecretStore store;
        client::AuthSession session(&api, &store, QStringLiteral("setup"));
        QCOMPARE(testing::run(session.registerAccount(m_account)).httpStatus, 201);
    }

    void cleanupTestCase() { m_server.reset(); }

    void memoryStoreRoundTrip()
    {
        client::MemorySecretStore store;
        std::optional<SecretResult> last;
        auto keep = [&last](const SecretResult& r) { last = r; };
        store.read(QStringLiteral("k"), keep);
        QVERIFY(!last); // answered later, as a keychain would
        QTRY_VERIFY(last.has_value());
        QVERIFY(!last->ok);
        QVERIFY(last->notFound);
        last.reset();
        store.write(QStringLiteral("k"), "secret", keep);
        QTRY_VERIFY(last.has_value());
        QVERIFY(last->ok);
        last.reset();
        store.read(QStringLiteral("k"), keep);
        QTRY_VERIFY(last.has_value());
        QCOMPARE(last->value, QByteArray("secret"));
        last.reset();
        store.remove(QStringLiteral("k"), keep);
        QTRY_VERIFY(last.has_value());
        QCOMPARE(store.size(), 0);
    }

    void restoreFromStoredRefreshToken()
    {
        client::MemorySecretStore store;
        QString userId;
        {
            client::ApiClient api(m_server->url());
            client::AuthSession first(&api, &store, QStringLiteral("profile-a"));
            QCOMPARE(testing::run(first.login(m_account.email, m_account.password)).status,
                     client::ApiJob::Status::Succeeded);
            userId = first.user().id;
            QTRY_COMPARE(store.size(), 1);
        }
        // A new app run: only the secret store remembers the session.
        client::ApiClient api(m_server->url());
        client::AuthSession second(&api, &store, QStringLiteral("profile-a"));
        QSignalSpy authenticated(&second, &client::AuthSession::authenticated);
        second.restore();
        QVERIFY(authenticated.wait(10000));
        QVERIFY(second.isAuthenticated());
        const auto me = testing::run(api.get(QStringLiteral("/api/v1/auth/me")));
        QCOMPARE(me.json["id"].get<QString>(), userId);

        // Another profile has no stored token.
        client::AuthSession other(&api, &store, QStringLiteral("profile-b"));
        QSignalSpy failed(&other, &client::AuthSession::refreshFailed);
        other.restore();
        QVERIFY(failed.wait(5000));
        QVERIFY(!other.isAuthenticated());
    }

    void refreshesBeforeExpiry()
    {
        client::ApiClient api(m_server->url());
        client::MemorySecretStore store;
        client::AuthSession session(&api, &store, QStringLiteral("early"));
        // expires_in is 1800 s; a margin of 1795 s leaves the 5 s minimum before the renewal.
        session.setRefreshMarginSeconds(1795);
        QSignalSpy refreshed(&session, &client::AuthSession::refreshed);
        QCOMPARE(testing::run(session.login(m_account.email, m_account.password)).status,
                 client::ApiJob::Status::Succeeded);
        const QString before = session.refreshToken();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(session.refreshCount(), 1);
        QVERIFY(session.refreshToken() != before); // rotated, and stored again
        std::optional<SecretResult> stored;
        store.read(session.secretKey(), [&stored](const SecretResult& r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(QString::fromUtf8(stored->value), session.refreshToken());
    }

#ifdef CIDADAO_HAVE_KEYCHAIN
    void noKeychainFallsBackToMemoryWithWarning()
    {
        if (qEnvironmentVariableIsSet("CIDADAO_TEST_KEYCHAIN"))
            QSKIP("a keychain is available in this run; the fallback is not exercised");
        // With no Secret Service on the session bus, QtKeychain jobs fail: a real failure.
        client::KeychainSecretStore keychain(QStringLiteral("cidadao-test-%1").arg(QCoreApplication::applicationPid()));
        client::ApiClient api(m_server->url());
        client::AuthSession session(&api, &keychain, QStringLiteral("nokeychain"));
        QSignalSpy warning(&session, &client::AuthSession::warning);
        QCOMPARE(testing::run(session.login(m_account.email, m_account.password)).status,
                 client::ApiJob::Status::Succeeded);
        QVERIFY(warning.wait(30000));
        QVERIFY(session.usingMemoryFallback());
        QVERIFY(session.isAuthenticated());
        QVERIFY(testing::run(api.get(QStringLiteral("/api/v1/auth/me"))).status == client::ApiJob::Status::Succeeded);
    }

    void keychainRoundTrip()
    {
        if (!qEnvironmentVariableIsSet("CIDADAO_TEST_KEYCHAIN"))
            QSKIP("set CIDADAO_TEST_KEYCHAIN=1 inside dbus-run-session with an unlocked gnome-keyring");
        client::KeychainSecretStore keychain(QStringLiteral("cidadao-test"));
        std::optional<SecretResult> last;
        auto keep = [&last](const SecretResult& r) { last = r; };
        keychain.write(QStringLiteral("k"), "s3cret", keep);
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 20000);
        QVERIFY2(last->ok, qPrintable(last->error));
        last.reset();
        keychain.read(QStringLiteral("k"), keep);
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 20000);
        QCOMPARE(last->value, QByteArray("s3cret"));
        last.reset();
        keychain.remove(QStringLiteral("k"), keep);
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 20000);
        QVERIFY(last->ok);
    }
#endif
};

QTEST_GUILESS_MAIN(TestAuthSession)
#include "tst_authsession.moc"
