// SPDX-License-Identifier: GPL-3.0-or-later
// LocalCache on a real SQLite file: round trip of sessions, messages and investigations, across a
// reopen (what the app does at start), upserts, ordering and removal.
#include "core/localcache.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;
using client::InvestigationSummary;
using client::LocalCache;

namespace {

protocol::ChatSession session(const QString& id, const QString& title, const QDateTime& updated)
{
    protocol::ChatSession s;
    s.id = id;
    s.userId = QStringLiteral("u1");
    s.title = title;
    s.status = QStringLiteral("active");
    s.messageCount = 2;
    s.createdAt = updated.addSecs(-60);
    s.updatedAt = updated;
    s.lastMessageAt = updated;
    return s;
}

protocol::HistoryMessage message(const QString& id, const QString& role, const QString& content, const QDateTime& at)
{
    protocol::HistoryMessage m;
    m.id = id;
    m.role = role;
    m.content = content;
    m.timestamp = at;
    if (role == QLatin1String("assistant"))
        m.agentId = QStringLiteral("zumbi");
    return m;
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        {
            LocalCache cache(path);
            QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
            QCOMPARE(cache.schemaVersion(), 1);
            QVERIFY(cache.saveSessions({session(QStringLiteral("s1"), QStringLiteral("Contratos de saúde"), t0),
                                        session(QStringLiteral("s2"), QStringLiteral("Fornecedor X"), t0.addSecs(3600))}));
            QVERIFY(cache.saveMessages(QStringLiteral("s1"),
                                       {message(QStringLiteral("m1"), QStringLiteral("user"), QStringLiteral("Olá"), t0),
                                        message(QStringLiteral("m2"), QStringLiteral("assistant"),
                                                QStringLiteral("Encontrei 3 contratos"), t0.addSecs(2))}));
            protocol::InvestigationStatus status;
            status.investigationId = QStringLiteral("i1");
            status.status = QStringLiteral("processing");
            status.progress = 0.4;
            status.currentPhase = QStringLiteral("anomaly_detection");
            status.anomaliesDetected = 7;
            QVERIFY(cache.saveInvestigations({InvestigationSummary{status, QStringLiteral("preços acima da média"), t0}}));
        }
        LocalCache cache(path);
        QVERIFY(cache.isOpen());
        const auto sessions = cache.sessions();
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(sessions.at(0).id, QStringLiteral("s2")); // most recent first
        QCOMPARE(sessions.at(1).title, QStringLiteral("Contratos de saúde"));
        QCOMPARE(sessions.at(1).updatedAt, t0);
        QCOMPARE(sessions.at(1).messageCount, 2);

        const auto messages = cache.messages(QStringLiteral("s1"));
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).content, QStringLiteral("Olá"));
        QCOMPARE(messages.at(1).agentId.value_or(QString()), QStringLiteral("zumbi"));
        QCOMPARE(cache.messages(QStringLiteral("s1"), 1).at(0).id, QStringLiteral("m2")); // the newest one

        const auto investigations = cache.investigations();
        QCOMPARE(investigations.size(), 1);
        QCOMPARE(investigations.at(0).query, QStringLiteral("preços acima da média"));
        QCOMPARE(investigations.at(0).status.anomaliesDetected, 7);
        QCOMPARE(investigations.at(0).status.currentPhase, QStringLiteral("anomaly_detection"));
        QCOMPARE(investigations.at(0).updatedAt, t0);
    }

    void upsertAndRemove()
    {
        QTemporaryDir dir;
        LocalCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        QVERIFY(cache.saveSessions({session(QStringLiteral("s1"), QStringLiteral("old"), t0)}));
        QVERIFY(cache.saveSessions({session(QStringLiteral("s1"), QStringLiteral("new"), t0.addSecs(5))}));
        QCOMPARE(cache.sessions().size(), 1);
        QCOMPARE(cache.sessions().at(0).title, QStringLiteral("new"));
        QVERIFY(cache.saveMessages(QStringLiteral("s1"), {message(QStringLiteral("m1"), QStringLiteral("user"),
                                                                  QStringLiteral("a"), t0)}));
        QVERIFY(cache.removeSession(QStringLiteral("s1")));
        QVERIFY(cache.sessions().isEmpty());
        QVERIFY(cache.messages(QStringLiteral("s1")).isEmpty());
    }

    void unreadableLocationReportsError()
    {
        LocalCache cache(QStringLiteral("/proc/no/such/dir/cache.sqlite"));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
