// SPDX-License-Identifier: GPL-3.0-or-later
// Per-address lockout after failed logins, on an injected clock.
#include "auth/loginthrottle.h"

#include <QTest>

using namespace cidadao::auth;

namespace {
constexpr qint64 kStart = 1'800'000'000;
const QString kAddress = QStringLiteral("203.0.113.7");
} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_now = kStart; }
    void locksAfterFiveFailuresAndReleasesAfterTheWindow();
    void successClearsTheCount();
    void oldFailuresAreForgotten();
    void addressesAreIndependent();
    void failuresDuringALockoutDoNotExtendIt();
    void policyIsConfigurable();
    void memoryIsBoundedAndLockoutsSurviveAFlood();

private:
    Clock clock()
    {
        return [this] { return m_now; };
    }
    qint64 m_now = kStart;
};

void TestLoginThrottle::locksAfterFiveFailuresAndReleasesAfterTheWindow()
{
    LoginThrottle throttle(clock());
    for (int i = 0; i < 4; ++i) {
        QVERIFY(!throttle.recordFailure(kAddress));
        QVERIFY(!throttle.lockedUntil(kAddress));
        m_now += 10;
    }
    const auto locked = throttle.recordFailure(kAddress);
    QVERIFY(locked);
    QCOMPARE(*locked, m_now + 900);
    QCOMPARE(throttle.lockedUntil(kAddress).value_or(0), m_now + 900);
    QCOMPARE(throttle.retryAfterSeconds(kAddress), qint64(900));

    const qint64 until = *locked;
    m_now = until - 1;
    QCOMPARE(throttle.retryAfterSeconds(kAddress), qint64(1));
    m_now = until;
    QVERIFY(!throttle.lockedUntil(kAddress));
    QCOMPARE(throttle.retryAfterSeconds(kAddress), qint64(0));
    // A clean slate: one more failure does not lock again.
    QVERIFY(!throttle.recordFailure(kAddress));
    QVERIFY(!throttle.lockedUntil(kAddress));
}

void TestLoginThrottle::successClearsTheCount()
{
    LoginThrottle throttle(clock());
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure(kAddress);
    throttle.recordSuccess(kAddress);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!throttle.recordFailure(kAddress));
    QVERIFY(throttle.recordFailure(kAddress));
}

void TestLoginThrottle::oldFailuresAreForgotten()
{
    LoginThrottle throttle(clock());
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure(kAddress);
    m_now += 900; // the failure window (15 min by default) has passed
    QVERIFY(!throttle.recordFailure(kAddress));
    QVERIFY(!throttle.lockedUntil(kAddress));
}

void TestLoginThrottle::addressesAreIndependent()
{
    LoginThrottle throttle(clock());
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(kAddress);
    QVERIFY(throttle.lockedUntil(kAddress));
    QVERIFY(!throttle.lockedUntil(QStringLiteral("198.51.100.1")));
    QVERIFY(!throttle.recordFailure(QStringLiteral("198.51.100.1")));
}

void TestLoginThrottle::failuresDuringALockoutDoNotExtendIt()
{
    LoginThrottle throttle(clock());
    std::optional<qint64> until;
    for (int i = 0; i < 5; ++i)
        until = throttle.recordFailure(kAddress);
    QVERIFY(until);
    m_now += 300;
    QCOMPARE(throttle.recordFailure(kAddress).value_or(0), *until);
    QCOMPARE(throttle.lockedUntil(kAddress).value_or(0), *until);
}

void TestLoginThrottle::policyIsConfigurable()
{
    LoginThrottle throttle(clock(), LoginThrottlePolicy{3, 60, 30});
    QVERIFY(!throttle.recordFailure(kAddress));
    QVERIFY(!throttle.recordFailure(kAddress));
    QCOMPARE(throttle.recordFailure(kAddress).value_or(0), kStart + 30);
    m_now += 30;
    QVERIFY(!throttle.lockedUntil(kAddress));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LoginThrottle(clock(), LoginThrottlePolicy{0, 60, 30}));
}

void TestLoginThrottle::memoryIsBoundedAndLockoutsSurviveAFlood()
{
    LoginThrottle throttle(clock(), LoginThrottlePolicy{}, 10);
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(kAddress);
    for (int i = 0; i < 1000; ++i) {
        throttle.recordFailure(QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256));
        QVERIFY(throttle.trackedAddresses() <= 10);
    }
    QVERIFY(throttle.lockedUntil(kAddress));
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
