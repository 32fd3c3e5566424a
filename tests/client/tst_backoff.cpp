// SPDX-License-Identifier: GPL-3.0-or-later
// Reconnection delays with a fixed random source: exact, capped, reset after success.
#include "core/backoff.h"

#include <QTest>

using cidadao::client::ExponentialBackoff;

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequenceWithFixedRandom()
    {
        ExponentialBackoff backoff({100, 1000, 2.0, 0.5}, [] { return 0.5; });
        // base 100,200,400,800,1000(cap),1000; each times (1 - 0.5*0.5) = 0.75
        const QList<int> expected = {75, 150, 300, 600, 750, 750};
        QList<int> got;
        for (int i = 0; i < expected.size(); ++i)
            got.append(backoff.nextDelayMs());
        QCOMPARE(got, expected);
        QCOMPARE(backoff.attempts(), 6);
        backoff.reset();
        QCOMPARE(backoff.nextDelayMs(), 75);
    }

    void jitterBounds()
    {
        ExponentialBackoff high({1000, 1000, 2.0, 0.3}, [] { return 0.999999; });
        ExponentialBackoff low({1000, 1000, 2.0, 0.3}, [] { return 0.0; });
        QCOMPARE(low.nextDelayMs(), 1000);
        QCOMPARE(high.nextDelayMs(), 700);
    }

    void manyAttemptsStayCapped()
    {
        ExponentialBackoff backoff({500, 30000, 2.0, 0.0}, [] { return 0.3; });
        int last = 0;
        for (int i = 0; i < 5000; ++i)
            last = backoff.nextDelayMs();
        QCOMPARE(last, 30000);
    }

    void defaultRandomStaysInRange()
    {
        ExponentialBackoff backoff({1000, 1000, 2.0, 0.5});
        for (int i = 0; i < 200; ++i) {
            const int delay = backoff.nextDelayMs();
            // delay = base·(1 − jitter·r) with r in [0, 1]: both ends are reachable after rounding.
            QVERIFY2(delay >= 500 && delay <= 1000, qPrintable(QString::number(delay)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
