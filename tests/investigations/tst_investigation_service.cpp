// SPDX-License-Identifier: GPL-3.0-or-later
// InvestigationService on a real SQLite file filled by the real generator and importer: a run walks
// the phases and finds the injected anomalies, publishes on the EventHub, cancels, hides other users'
// investigations, focuses by vendor, and a service started over a row left `processing` marks it
// failed/interrupted.
#include "investigations/investigationrepository.h"
#include "investigations/investigationrunner.h"
#include "investigations/investigationservice.h"

#include "data/generator.h"
#include "data/importer.h"
#include "protocol/apierror.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;
using namespace cidadao::investigations;

namespace {

http::Principal user(const QString& id, const QString& role = QStringLiteral("analyst"))
{
    http::Principal p;
    p.userId = id;
    p.role = role;
    return p;
}

protocol::InvestigationRequest request(const QString& query)
{
    protocol::InvestigationRequest r;
    r.query = query;
    r.anomalyTypes = {QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("temporal"),
                      QStringLiteral("payment"), QStringLiteral("duplicate"), QStringLiteral("pattern")};
    return r;
}

} // namespace

class TestInvestigationService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runWalksPhasesAndFindsAnomalies();
    void cancelIsFinalAndSecondCancelConflicts();
    void otherUsersSeeNothingAdminsSeeAll();
    void vendorFilterFocusesFindings();
    void detectorsForTypes();
    void interruptedRowBecomesFailedOnStart();

private:
    QString waitFinished(events::EventHub& hub, QSignalSpy& spy, const QString& id);
    QTemporaryDir m_dir;
    QString m_dbPath;
    qint64 m_contracts = 0;
};

void TestInvestigationService::initTestCase()
{
    data::GeneratorOptions options;
    options.seed = 9;
    options.records = 8000;
    options.outDir = m_dir.filePath(QStringLiteral("gen"));
    const data::GeneratorSummary summary = data::generateDataset(options);
    m_dbPath = m_dir.filePath(QStringLiteral("cidadao.db"));
    auto db = store::Database::open(m_dbPath);
    store::migrate(*db);
    data::Importer importer(*db);
    for (const char* source : {"contracts", "expenses", "sanctions"}) {
        const data::ImportReport report = importer.importFile(summary.fileFor(QString::fromLatin1(source)));
        QCOMPARE(report.status, data::ImportReport::Status::Imported);
        if (QLatin1String(source) == QLatin1String("contracts"))
            m_contracts = report.rowsImported;
    }
}

QString TestInvestigationService::waitFinished(events::EventHub&, QSignalSpy& spy, const QString& id)
{
    for (int guard = 0; guard < 600; ++guard) {
        for (const QList<QVariant>& args : std::as_const(spy)) {
            if (args.at(1).toString() == id)
                return args.at(2).toString();
        }
        spy.wait(1000);
    }
    return {};
}

void TestInvestigationService::runWalksPhasesAndFindsAnomalies()
{
    events::EventHub hub;
    QSignalSpy progress(&hub, &events::EventHub::investigationProgress);
    QSignalSpy anomalies(&hub, &events::EventHub::investigationAnomaly);
    QSignalSpy finished(&hub, &events::EventHub::investigationFinished);
    InvestigationService service(ServiceConfig{m_dbPath}, hub);
    const protocol::InvestigationStarted started = service.start(user(QStringLiteral("u1")), request(QStringLiteral("tudo")));
    QCOMPARE(started.status, QStringLiteral("started"));
    QCOMPARE(waitFinished(hub, finished, started.investigationId), QStringLiteral("completed"));

    QStringList phases;
    for (const QList<QVariant>& args : std::as_const(progress)) {
        const auto status = args.at(2).value<protocol::Json>();
        const QString phase = status["current_phase"].get<QString>();
        if (phases.isEmpty() || phases.back() != phase)
            phases.append(phase);
    }
    QCOMPARE(phases, QStringList({QStringLiteral("data_retrieval"), QStringLiteral("anomaly_detection"),
                                  QStringLiteral("pattern_analysis"), QStringLiteral("report_generation"),
                                  QStringLiteral("completed")}));
    const auto results = service.results(user(QStringLiteral("u1")), started.investigationId);
    QVERIFY(results);
    QCOMPARE(results->status, QStringLiteral("completed"));
    QCOMPARE(results->totalRecordsAnalyzed, m_contracts);
    QVERIFY(results->results.size() > 0);
    QCOMPARE(qsizetype(anomalies.size()), results->results.size());
    QCOMPARE(results->anomaliesFound, qint64(results->results.size()));
    for (const protocol::AnomalyResult& a : results->results) {
        QVERIFY(!a.anomalyId.isEmpty());
        QVERIFY(!a.affectedRecords.empty());
        QVERIFY(a.metadata.contains("detector"));
        QVERIFY(a.metadata["record_count"].get<qint64>() >= qint64(a.affectedRecords.size()));
        // Next steps in pt-BR like the description, the detector's English beside them, none left untranslated.
        const protocol::Json& english = a.metadata["suggested_actions_en"];
        QCOMPARE(qsizetype(english.size()), a.suggestedActions.size());
        QVERIFY(!a.suggestedActions.isEmpty());
        for (qsizetype i = 0; i < a.suggestedActions.size(); ++i)
            QVERIFY2(a.suggestedActions.at(i) != english.at(std::size_t(i)).get<QString>(),
                     qPrintable(a.suggestedActions.at(i)));
    }
    const auto status = service.status(user(QStringLiteral("u1")), started.investigationId);
    QCOMPARE(status->progress, 1.0);
    QCOMPARE(status->recordsProcessed, m_contracts);
    QVERIFY(status->estimatedCompletion.has_value());
}

void TestInvestigationService::cancelIsFinalAndSecondCancelConflicts()
{
    events::EventHub hub;
    QSignalSpy finished(&hub, &events::EventHub::investigationFinished);
    InvestigationService service(ServiceConfig{m_dbPath}, hub);
    const auto started = service.start(user(QStringLiteral("u1")), request(QStringLiteral("cancelar")));
    const auto cancelled = service.cancel(user(QStringLiteral("u1")), started.investigationId);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->status, QStringLiteral("cancelled"));
    QVERIFY_THROWS_EXCEPTION(protocol::ApiException, service.cancel(user(QStringLiteral("u1")), started.investigationId));
    QCOMPARE(waitFinished(hub, finished, started.investigationId), QStringLiteral("cancelled"));
    service.shutdown();
    // What was stored is the cancellation, not a result of the stopped run.
    auto db = store::Database::open(m_dbPath, store::Database::Mode::ReadOnly);
    const auto row = repository::find(*db, started.investigationId, true);
    QVERIFY(row);
    QCOMPARE(row->status, QStringLiteral("cancelled"));
}

void TestInvestigationService::otherUsersSeeNothingAdminsSeeAll()
{
    events::EventHub hub;
    QSignalSpy finished(&hub, &events::EventHub::investigationFinished);
    InvestigationService service(ServiceConfig{m_dbPath}, hub);
    const auto started = service.start(user(QStringLiteral("owner")), request(QStringLiteral("minha")));
    QVERIFY(!service.status(user(QStringLiteral("intruder")), started.investigationId));
    QVERIFY(!service.cancel(user(QStringLiteral("intruder")), started.investigationId));
    QVERIFY(service.status(user(QStringLiteral("root"), QStringLiteral("admin")), started.investigationId));
    waitFinished(hub, finished, started.investigationId);
    QVERIFY(!service.results(user(QStringLiteral("intruder")), started.investigationId));
    QVERIFY(service.results(user(QStringLiteral("root"), QStringLiteral("admin")), started.investigationId));
    ListQuery query;
    QCOMPARE(service.list(user(QStringLiteral("intruder")), query).items.size(), 0);
    const auto mine = service.list(user(QStringLiteral("owner")), query);
    QCOMPARE(mine.items.size(), 1);
    QVERIFY(service.list(user(QStringLiteral("root"), QStringLiteral("admin")), query).totalItems.value_or(0) >= 1);
}

void TestInvestigationService::vendorFilterFocusesFindings()
{
    events::EventHub hub;
    QSignalSpy finished(&hub, &events::EventHub::investigationFinished);
    InvestigationService service(ServiceConfig{m_dbPath}, hub);
    const auto all = service.start(user(QStringLiteral("u2")), request(QStringLiteral("todas")));
    waitFinished(hub, finished, all.investigationId);
    const auto everything = service.results(user(QStringLiteral("u2")), all.investigationId);
    QVERIFY(everything && !everything->results.isEmpty());
    // Focus on the supplier of the first finding's first record.
    const QString vendor = everything->results[0].affectedRecords[0]["supplier_name"].get<QString>();
    auto focused = request(QStringLiteral("um fornecedor"));
    focused.filters.vendor = vendor.toLower();
    const auto some = service.start(user(QStringLiteral("u2")), focused);
    waitFinished(hub, finished, some.investigationId);
    const auto narrowed = service.results(user(QStringLiteral("u2")), some.investigationId);
    QVERIFY(narrowed);
    QVERIFY(!narrowed->results.isEmpty());
    QVERIFY(narrowed->results.size() < everything->results.size());
}

void TestInvestigationService::detectorsForTypes()
{
    const QSet<QString> price = detectorsFor({QStringLiteral("price")});
    QVERIFY(price.contains(QStringLiteral("price_outlier")));
    QVERIFY(!price.contains(QStringLiteral("vendor_concentration")));
    QVERIFY(detectorsFor({QStringLiteral("vendor")}).contains(QStringLiteral("vendor_concentration")));
}

void TestInvestigationService::interruptedRowBecomesFailedOnStart()
{
    {
        auto db = store::Database::open(m_dbPath);
        InvestigationRecord r;
        r.id = QStringLiteral("left-running");
        r.ownerId = QStringLiteral("u3");
        r.query = QStringLiteral("morreu");
        r.dataSource = QStringLiteral("contracts");
        r.status = QStringLiteral("processing");
        r.phase = QStringLiteral("anomaly_detection");
        r.createdMs = 1;
        repository::insert(*db, r);
    }
    events::EventHub hub;
    InvestigationService service(ServiceConfig{m_dbPath}, hub);
    const auto status = service.status(user(QStringLiteral("u3")), QStringLiteral("left-running"));
    QVERIFY(status);
    QCOMPARE(status->status, QStringLiteral("failed"));
    QCOMPARE(service.summary(user(QStringLiteral("u3")), QStringLiteral("left-running"))->reason,
             QStringLiteral("interrupted"));
}

QTEST_GUILESS_MAIN(TestInvestigationService)
#include "tst_investigation_service.moc"
