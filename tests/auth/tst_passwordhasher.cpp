// SPDX-License-Identifier: GPL-3.0-or-later
// argon2id through libsodium: the stored form, verification, rehash detection, malformed hashes.
#include "auth/crypto.h"
#include "auth/passwordhasher.h"

#include <QTest>

using namespace cidadao::auth;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void hashesWithArgon2idAtInteractiveCost();
    void verifiesOnlyTheRightPassword();
    void saltsEveryHash();
    void detectsWhenARehashIsNeeded();
    void rejectsMalformedStoredHashes();
    void constantTimeEqualsComparesContent();

private:
    Crypto m_crypto;
};

void TestPasswordHasher::hashesWithArgon2idAtInteractiveCost()
{
    const PasswordHasher hasher(m_crypto);
    QVERIFY(hasher.limits().isAtLeastInteractive());
    const QString stored = hasher.hash(QStringLiteral("correct horse battery"));
    QVERIFY2(stored.startsWith(QLatin1String("$argon2id$v=19$m=65536,t=2,p=1$")), qPrintable(stored));
    QVERIFY(!stored.contains(QLatin1String("correct horse")));
    QVERIFY(!PasswordHasher::Limits::minimum().isAtLeastInteractive());
}

void TestPasswordHasher::verifiesOnlyTheRightPassword()
{
    const PasswordHasher hasher(m_crypto);
    const QString password = QStringLiteral("Süßes Passwort ção 🔑");
    const QString stored = hasher.hash(password);
    QVERIFY(hasher.verify(stored, password));
    QVERIFY(!hasher.verify(stored, QStringLiteral("Süßes Passwort cao 🔑")));
    QVERIFY(!hasher.verify(stored, QString()));
    QVERIFY(!hasher.verify(stored, password + u' '));
}

void TestPasswordHasher::saltsEveryHash()
{
    const PasswordHasher hasher(m_crypto, PasswordHasher::Limits::minimum());
    const QString a = hasher.hash(QStringLiteral("same password"));
    const QString b = hasher.hash(QStringLiteral("same password"));
    QVERIFY(a != b);
    QVERIFY(hasher.verify(a, QStringLiteral("same password")));
    QVERIFY(hasher.verify(b, QStringLiteral("same password")));
}

void TestPasswordHasher::detectsWhenARehashIsNeeded()
{
    const PasswordHasher cheap(m_crypto, PasswordHasher::Limits::minimum());
    const PasswordHasher interactive(m_crypto);
    const QString cheapHash = cheap.hash(QStringLiteral("password-1"));
    const QString interactiveHash = interactive.hash(QStringLiteral("password-1"));
    QVERIFY(interactive.needsRehash(cheapHash));
    QVERIFY(!interactive.needsRehash(interactiveHash));
    QVERIFY(cheap.needsRehash(interactiveHash));
    QVERIFY(interactive.needsRehash(QStringLiteral("!")));
    // Still verifiable with the other hasher: the parameters travel inside the string.
    QVERIFY(interactive.verify(cheapHash, QStringLiteral("password-1")));
}

void TestPasswordHasher::rejectsMalformedStoredHashes()
{
    const PasswordHasher hasher(m_crypto, PasswordHasher::Limits::minimum());
    QVERIFY(!hasher.verify(QStringLiteral("!"), QStringLiteral("anything")));
    QVERIFY(!hasher.verify(QString(), QString()));
    QVERIFY(!hasher.verify(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$garbage"), QStringLiteral("x")));
    QVERIFY(!hasher.verify(QString(200, u'$'), QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PasswordHasher(m_crypto, PasswordHasher::Limits{0, 0}));
}

void TestPasswordHasher::constantTimeEqualsComparesContent()
{
    QVERIFY(Crypto::constantTimeEquals(QByteArray("abc"), QByteArray("abc")));
    QVERIFY(!Crypto::constantTimeEquals(QByteArray("abc"), QByteArray("abd")));
    QVERIFY(!Crypto::constantTimeEquals(QByteArray("abc"), QByteArray("abcd")));
    QVERIFY(Crypto::constantTimeEquals(QByteArray(), QByteArray()));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
