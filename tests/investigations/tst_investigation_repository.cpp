// SPDX-License-Identifier: GPL-3.0-or-later
// The investigations table: round trip of every column, keyset pages in both directions with ties on
// the timestamp, owner and status filters, and interrupted runs marked failed.
#include "investigations/investigationrepository.h"

#include "store/database.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;
using namespace cidadao::investigations;

class TestInvestigationRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTrip();
    void pagesWalkWithoutGapsOrDuplicates();
    void filters();
    void interruptedRunsBecomeFailed();

private:
    InvestigationRecord record(const QString& id, const QString& owner, qint64 createdMs, const QString& status);
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
};

void TestInvestigationRepository::init()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("t.db")));
    m_db = store::Database::open(m_dir.filePath(QStringLiteral("t.db")));
    store::migrate(*m_db);
    m_db->exec("DELETE FROM investigations");
}

InvestigationRecord TestInvestigationRepository::record(const QString& id, const QString& owner, qint64 createdMs,
                                                        const QString& status)
{
    InvestigationRecord r;
    r.id = id;
    r.ownerId = owner;
    r.query = QStringLiteral("consulta %1").arg(id);
    r.dataSource = QStringLiteral("contracts");
    r.request = protocol::Json{{"query", r.query.toStdString()}};
    r.status = status;
    r.phase = QStringLiteral("data_retrieval");
    r.createdMs = createdMs;
    return r;
}

void TestInvestigationRepository::roundTrip()
{
    InvestigationRecord r = record(QStringLiteral("a"), QStringLiteral("u1"), 1000, QStringLiteral("started"));
    repository::insert(*m_db, r);
    r.status = QStringLiteral("processing");
    r.phase = QStringLiteral("anomaly_detection");
    r.progress = 0.5;
    r.recordsProcessed = 42;
    repository::updateProgress(*m_db, r);
    auto found = repository::find(*m_db, QStringLiteral("a"), false);
    QVERIFY(found);
    QCOMPARE(found->status, QStringLiteral("processing"));
    QCOMPARE(found->phase, QStringLiteral("anomaly_detection"));
    QCOMPARE(found->progress, 0.5);
    QCOMPARE(found->recordsProcessed, qint64(42));
    QCOMPARE(found->request["query"].get<std::string>(), std::string("consulta a"));

    r.status = QStringLiteral("completed");
    r.phase = QStringLiteral("completed");
    r.progress = 1.0;
    r.completedMs = 2000;
    r.totalRecords = 100;
    r.anomaliesDetected = 1;
    r.summary = QStringLiteral("resumo");
    r.confidenceScore = 0.8;
    r.processingTime = 1.5;
    r.results = protocol::Json::array({protocol::Json{{"anomaly_id", "x"}}});
    r.patterns = protocol::Json{{"contracts", 100}};
    repository::finish(*m_db, r);
    // A late progress write never reopens a finished row.
    InvestigationRecord late = r;
    late.status = QStringLiteral("processing");
    repository::updateProgress(*m_db, late);

    found = repository::find(*m_db, QStringLiteral("a"), true);
    QVERIFY(found);
    QCOMPARE(found->status, QStringLiteral("completed"));
    QCOMPARE(found->completedMs.value_or(0), qint64(2000));
    QCOMPARE(found->totalRecords, qint64(100));
    QCOMPARE(found->summary, QStringLiteral("resumo"));
    QCOMPARE(found->results.size(), std::size_t(1));
    QCOMPARE(found->patterns["contracts"].get<int>(), 100);
    QVERIFY(found->reason.isEmpty());
    QVERIFY(!repository::find(*m_db, QStringLiteral("missing"), false));
}

void TestInvestigationRepository::pagesWalkWithoutGapsOrDuplicates()
{
    // 10 rows, several sharing a timestamp: the id breaks the tie.
    QStringList newestFirst;
    for (int i = 0; i < 10; ++i) {
        const QString id = QStringLiteral("id%1").arg(i);
        repository::insert(*m_db, record(id, QStringLiteral("u"), 1000 + (i / 3), QStringLiteral("started")));
    }
    std::vector<InvestigationRecord> all = repository::page(*m_db, {}, std::nullopt, std::nullopt, 100);
    QCOMPARE(all.size(), std::size_t(10));
    for (const auto& r : all)
        newestFirst.append(r.id);
    QStringList walked;
    std::optional<ListPosition> after;
    for (int guard = 0; guard < 20; ++guard) {
        const auto page = repository::page(*m_db, {}, after, std::nullopt, 3);
        if (page.empty())
            break;
        for (const auto& r : page)
            walked.append(r.id);
        after = ListPosition{page.back().createdMs, page.back().id};
    }
    QCOMPARE(walked, newestFirst);
    // Backwards from the end.
    QStringList back;
    std::optional<ListPosition> before = ListPosition{all.back().createdMs, all.back().id};
    back.prepend(all.back().id);
    for (int guard = 0; guard < 20; ++guard) {
        const auto page = repository::page(*m_db, {}, std::nullopt, before, 4);
        if (page.empty())
            break;
        QStringList ids;
        for (const auto& r : page)
            ids.append(r.id);
        back = ids + back;
        before = ListPosition{page.front().createdMs, page.front().id};
    }
    QCOMPARE(back, newestFirst);
}

void TestInvestigationRepository::filters()
{
    repository::insert(*m_db, record(QStringLiteral("a"), QStringLiteral("u1"), 1, QStringLiteral("started")));
    repository::insert(*m_db, record(QStringLiteral("b"), QStringLiteral("u2"), 2, QStringLiteral("started")));
    InvestigationRecord c = record(QStringLiteral("c"), QStringLiteral("u1"), 3, QStringLiteral("started"));
    repository::insert(*m_db, c);
    c.status = QStringLiteral("cancelled");
    repository::finish(*m_db, c);
    QCOMPARE(repository::count(*m_db, {}), qint64(3));
    QCOMPARE(repository::count(*m_db, {QStringLiteral("u1"), std::nullopt}), qint64(2));
    QCOMPARE(repository::count(*m_db, {QStringLiteral("u1"), QStringLiteral("cancelled")}), qint64(1));
    const auto page = repository::page(*m_db, {QStringLiteral("u1"), std::nullopt}, std::nullopt, std::nullopt, 10);
    QCOMPARE(page.size(), std::size_t(2));
    QCOMPARE(page[0].id, QStringLiteral("c"));
    QCOMPARE(page[1].id, QStringLiteral("a"));
}

void TestInvestigationRepository::interruptedRunsBecomeFailed()
{
    repository::insert(*m_db, record(QStringLiteral("a"), QStringLiteral("u"), 1, QStringLiteral("started")));
    repository::insert(*m_db, record(QStringLiteral("b"), QStringLiteral("u"), 2, QStringLiteral("processing")));
    InvestigationRecord done = record(QStringLiteral("c"), QStringLiteral("u"), 3, QStringLiteral("started"));
    repository::insert(*m_db, done);
    done.status = QStringLiteral("completed");
    done.completedMs = 5;
    repository::finish(*m_db, done);
    QCOMPARE(repository::markInterrupted(*m_db, QStringLiteral("interrupted"), 99), 2);
    for (const char* id : {"a", "b"}) {
        const auto r = repository::find(*m_db, QString::fromLatin1(id), true);
        QCOMPARE(r->status, QStringLiteral("failed"));
        QCOMPARE(r->reason, QStringLiteral("interrupted"));
        QCOMPARE(r->completedMs.value_or(0), qint64(99));
    }
    QCOMPARE(repository::find(*m_db, QStringLiteral("c"), false)->status, QStringLiteral("completed"));
    QCOMPARE(store::integrityCheck(*m_db), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestInvestigationRepository)
#include "tst_investigation_repository.moc"
