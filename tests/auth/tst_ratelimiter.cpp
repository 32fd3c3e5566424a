// SPDX-License-Identifier: GPL-3.0-or-later
// Fixed-window rate limiting per (client, route class), on an injected clock.
#include "auth/ratelimiter.h"

#include <QTest>

using namespace cidadao::auth;

namespace {
constexpr qint64 kStart = 1'800'000'000;
const RateKey kAnaDefault{QStringLiteral("user-ana"), QStringLiteral("default")};
} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_now = kStart; }
    void countsDownRefusesAndResets();
    void keysAndRouteClassesAreIndependent();
    void routeClassesHaveTheirOwnPolicies();
    void memoryIsBounded();
    void refusesNonsensePolicies();

private:
    Clock clock()
    {
        return [this] { return m_now; };
    }
    qint64 m_now = kStart;
};

void TestRateLimiter::countsDownRefusesAndResets()
{
    RateLimiter limiter(clock(), RateLimitPolicy{3, 60});
    for (int expectedRemaining : {2, 1, 0}) {
        const RateDecision decision = limiter.check(kAnaDefault);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.remaining, expectedRemaining);
        QCOMPARE(decision.limit, 3);
        QCOMPARE(decision.windowSeconds, qint64(60));
        QCOMPARE(decision.resetEpochSeconds, kStart + 60);
        QCOMPARE(decision.retryAfterSeconds, qint64(0));
        m_now += 5;
    }
    RateDecision refused = limiter.check(kAnaDefault);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, 0);
    QCOMPARE(refused.resetEpochSeconds, kStart + 60);
    QCOMPARE(refused.retryAfterSeconds, qint64(60 - 15));

    m_now = kStart + 59;
    refused = limiter.check(kAnaDefault);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterSeconds, qint64(1));

    m_now = kStart + 60;
    const RateDecision fresh = limiter.check(kAnaDefault);
    QVERIFY(fresh.allowed);
    QCOMPARE(fresh.remaining, 2);
    QCOMPARE(fresh.resetEpochSeconds, kStart + 120);
}

void TestRateLimiter::keysAndRouteClassesAreIndependent()
{
    RateLimiter limiter(clock(), RateLimitPolicy{1, 60});
    QVERIFY(limiter.check(kAnaDefault).allowed);
    QVERIFY(!limiter.check(kAnaDefault).allowed);
    QVERIFY(limiter.check(RateKey{QStringLiteral("user-bia"), QStringLiteral("default")}).allowed);
    QVERIFY(limiter.check(RateKey{QStringLiteral("user-ana"), QStringLiteral("chat")}).allowed);
    QCOMPARE(limiter.trackedKeys(), 3);
}

void TestRateLimiter::routeClassesHaveTheirOwnPolicies()
{
    RateLimiter limiter(clock(), RateLimitPolicy{100, 60});
    limiter.setPolicy(QStringLiteral("login"), RateLimitPolicy{2, 300});
    const RateKey login{QStringLiteral("203.0.113.7"), QStringLiteral("login")};
    QCOMPARE(limiter.check(login).limit, 2);
    const RateDecision last = limiter.check(login);
    QVERIFY(last.allowed);
    QCOMPARE(last.remaining, 0);
    QCOMPARE(last.windowSeconds, qint64(300));
    QVERIFY(!limiter.check(login).allowed);
    QCOMPARE(limiter.check(kAnaDefault).limit, 100);
    QCOMPARE(limiter.policy(QStringLiteral("unknown")).limit, 100);
}

void TestRateLimiter::memoryIsBounded()
{
    RateLimiter limiter(clock(), RateLimitPolicy{5, 60}, 100);
    for (int i = 0; i < 1000; ++i) {
        limiter.check(RateKey{QString::number(i), QStringLiteral("default")});
        QVERIFY(limiter.trackedKeys() <= 100);
        if (i % 10 == 0)
            m_now += 1;
    }
    // Finished windows are the first to go: after the window, one new key sweeps them all.
    m_now += 120;
    limiter.check(kAnaDefault);
    QVERIFY(limiter.trackedKeys() <= 100);
}

void TestRateLimiter::refusesNonsensePolicies()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RateLimiter(clock(), RateLimitPolicy{0, 60}));
    RateLimiter limiter(clock());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, limiter.setPolicy(QStringLiteral("x"), RateLimitPolicy{1, 0}));
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
