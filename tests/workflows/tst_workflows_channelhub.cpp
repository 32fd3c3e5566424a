// SPDX-License-Identifier: GPL-3.0-or-later
// ChannelHub forgets who owns an execution once it ended and nobody watches its channel.
#include "workflows/channelhub.h"

#include <QTest>

using namespace cidadao;

namespace {
struct Collector : workflows::ChannelSubscriber
{
    QStringList received;
    void deliver(const QString& text) override { received << text; }
};
} // namespace

class TestChannelHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endedUnwatchedExecutionIsForgotten()
    {
        workflows::ChannelHub hub(nullptr, 1);
        http::Principal alice;
        alice.userId = QStringLiteral("alice");
        alice.role = QStringLiteral("analyst");
        hub.registerExecution(QStringLiteral("e1"), QStringLiteral("alice"));
        QVERIFY(hub.mayWatch(alice, QStringLiteral("workflow:e1")));
        QCOMPARE(hub.knownExecutionCount(), 1);
        hub.executionEnded(QStringLiteral("e1"));
        QCOMPARE(hub.knownExecutionCount(), 1); // the latest ended one stays subscribable
        QVERIFY(hub.mayWatch(alice, QStringLiteral("workflow:e1")));
        hub.registerExecution(QStringLiteral("e0"), QStringLiteral("alice"));
        hub.executionEnded(QStringLiteral("e0"));
        QCOMPARE(hub.knownExecutionCount(), 1); // e1 pushed out
        QVERIFY(!hub.mayWatch(alice, QStringLiteral("workflow:e1")));
        hub.executionEnded(QStringLiteral("unknown")); // harmless
        QCOMPARE(hub.knownExecutionCount(), 1);
    }

    void watchedExecutionIsForgottenWhenTheLastSubscriberLeaves()
    {
        workflows::ChannelHub hub(nullptr, 0);
        Collector first;
        Collector second;
        const QString channel = QStringLiteral("workflow:e2");
        hub.registerExecution(QStringLiteral("e2"), QStringLiteral("alice"));
        hub.registerExecution(QStringLiteral("e3"), QStringLiteral("alice")); // still running
        hub.subscribe(&first, channel);
        hub.subscribe(&second, channel);
        hub.executionEnded(QStringLiteral("e2"));
        QCOMPARE(hub.knownExecutionCount(), 2); // watched: kept
        QCOMPARE(hub.publish(channel, QStringLiteral("workflow_completed"), protocol::Json::object()), 2);
        hub.unsubscribe(&first, channel);
        QCOMPARE(hub.knownExecutionCount(), 2);
        hub.unsubscribeAll(&second);
        QCOMPARE(hub.knownExecutionCount(), 1); // only e3, which has not ended
        // Many runs end: the map does not grow with them.
        for (int i = 0; i < 1000; ++i) {
            const QString id = QStringLiteral("run-%1").arg(i);
            hub.registerExecution(id, QStringLiteral("alice"));
            hub.executionEnded(id);
        }
        QCOMPARE(hub.knownExecutionCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChannelHub)
#include "tst_workflows_channelhub.moc"
