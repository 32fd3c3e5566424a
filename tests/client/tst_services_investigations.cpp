// SPDX-License-Identifier: GPL-3.0-or-later
// InvestigationsService against a real cidadao-server (BackendHost) with the sample data set: an
// investigation started from the app reports live progress over the WebSocket up to completion,
// its results fill the AnomalyModel, reports download whole (PDF, CSV, Markdown), and a refused
// download reports the error and leaves no file behind.
#include "localbackend.h"

#include "core/models/anomalymodel.h"
#include "core/services/datalookup.h"
#include "core/services/investigationsocket.h"
#include "core/services/investigationsservice.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using client::InvestigationsService;

class TestInvestigationsService : public QObject
{
    Q_OBJECT

private:
    testing::LocalBackend m_backend;
    QString m_completedId;

    static protocol::InvestigationRequest request(const QString& query)
    {
        protocol::InvestigationRequest r;
        r.query = query;
        r.dataSource = QStringLiteral("contracts");
        r.anomalyTypes = {QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("temporal"),
                          QStringLiteral("payment"), QStringLiteral("duplicate"), QStringLiteral("pattern")};
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_backend.start(5000), qPrintable(m_backend.error()));
    }

    void startedInvestigationReportsLiveProgressToCompletion()
    {
        InvestigationsService service(m_backend.api());
        QAbstractItemModelTester listTester(service.investigations(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester anomalyTester(service.anomalies(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&service, &InvestigationsService::started);
        QSignalSpy finished(&service, &InvestigationsService::investigationFinished);
        QSignalSpy results(&service, &InvestigationsService::resultsLoaded);
        QSignalSpy errors(&service, &InvestigationsService::errorOccurred);

        // Every update the socket delivers, and every progress value the list row shows.
        QList<double> socketProgress;
        QList<double> rowProgress;
        connect(&service, &InvestigationsService::started, this, [&](const QString& id) {
            auto* socket = service.findChild<client::InvestigationSocket*>();
            QVERIFY(socket);
            QCOMPARE(socket->investigationId(), id);
            connect(socket, &client::InvestigationSocket::update, this,
                    [&](const protocol::InvestigationUpdatePayload& u) { socketProgress << u.progress; });
            service.open(id);
        });
        connect(service.investigations(), &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& at) {
            rowProgress << at.data(client::InvestigationListModel::ProgressRole).toDouble();
        });

        service.start(request(QStringLiteral("Contratos com preços acima do normal")));
        QVERIFY(started.wait(20000));
        const QString id = started.at(0).at(0).toString();
        QCOMPARE(service.investigations()->rowCount(), 1);
        QVERIFY(finished.wait(120000));
        QVERIFY2(errors.isEmpty(), "an error was reported");
        QCOMPARE(finished.at(0).at(0).toString(), id);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("completed"));
        const int row = service.investigations()->rowOf(id);
        QCOMPARE(service.investigations()->at(row).status.progress, 1.0);
        QVERIFY(!service.isFollowing(id)); // the socket is closed once it finished
        QVERIFY2(!socketProgress.isEmpty(), "no investigation_update arrived over the WebSocket");
        for (int i = 1; i < rowProgress.size(); ++i)
            QVERIFY2(rowProgress.at(i) >= rowProgress.at(i - 1), "progress went backwards");
        qInfo("socket updates: %lld, row progress values: %lld", qint64(socketProgress.size()),
              qint64(rowProgress.size()));

        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 30000);
        QVERIFY(service.currentResults().has_value());
        const auto& response = *service.currentResults();
        QCOMPARE(response.investigationId, id);
        QVERIFY(response.totalRecordsAnalyzed > 0);
        QVERIFY(response.anomaliesFound > 0);
        QCOMPARE(service.anomalies()->rowCount(), int(response.results.size()));
        QVERIFY(service.anomalies()->rowCount() > 0);
        m_completedId = id;
        qInfo("%lld records analysed, %lld anomalies", response.totalRecordsAnalyzed, response.anomaliesFound);
    }

    // The public upstream service has no accounts and only the /public/* aliases: the service
    // starts and reads an investigation through them with no token, and says that cancel and
    // export are not available there instead of calling routes that do not exist.
    void publicRoutesWorkWithoutAnAccount()
    {
        testing::LocalBackend anonymousBackend;
        QVERIFY2(anonymousBackend.start(0, {QStringLiteral("--allow-anonymous")}), qPrintable(anonymousBackend.error()));
        client::ApiClient anonymous(anonymousBackend.host()->baseUrl()); // no token at all
        InvestigationsService service(&anonymous);
        service.setPublicRoutes(true);
        QSignalSpy started(&service, &InvestigationsService::started);
        QSignalSpy finished(&service, &InvestigationsService::investigationFinished);
        QSignalSpy errors(&service, &InvestigationsService::errorOccurred);

        service.start(request(QStringLiteral("Contratos sem conta")));
        QVERIFY(started.wait(20000));
        const QString id = started.at(0).at(0).toString();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.at(0).at(0).toString(), id);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("completed"));
        QVERIFY2(errors.isEmpty(), "a public route failed");

        int refusedStatus = 0;
        connect(&service, &InvestigationsService::errorOccurred, this,
                [&refusedStatus](const protocol::ApiError& error) { refusedStatus = error.statusCode; });
        service.exportReport(id, QStringLiteral("pdf"), anonymousBackend.path(QStringLiteral("never.pdf")));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(refusedStatus, 501);
        QVERIFY(!QFile::exists(anonymousBackend.path(QStringLiteral("never.pdf"))));
    }

    void listShowsTheInvestigation()
    {
        QVERIFY(!m_completedId.isEmpty());
        InvestigationsService service(m_backend.api());
        QSignalSpy reset(service.investigations(), &QAbstractItemModel::modelReset);
        service.refresh();
        QVERIFY(reset.wait(20000));
        const int row = service.investigations()->rowOf(m_completedId);
        QVERIFY(row >= 0);
        QCOMPARE(service.investigations()->at(row).status.status, QStringLiteral("completed"));
        QCOMPARE(service.investigations()->at(row).query, QStringLiteral("Contratos com preços acima do normal"));
    }

    void reportsDownloadWhole_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF-");
        QTest::newRow("csv") << QStringLiteral("csv") << QByteArray();
        QTest::newRow("md") << QStringLiteral("md") << QByteArray("#");
    }

    void reportsDownloadWhole()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, start);
        QVERIFY(!m_completedId.isEmpty());
        InvestigationsService service(m_backend.api());
        QSignalSpy exported(&service, &InvestigationsService::exported);
        const QString path = m_backend.path(QStringLiteral("report.") + format);
        service.exportReport(m_completedId, format, path);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.at(0).at(0).toString(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 100);
        QVERIFY2(bytes.startsWith(start), bytes.left(16).constData());
    }

    void reportInTheInterfaceLanguage()
    {
        QVERIFY(!m_completedId.isEmpty());
        const QLocale previous;
        const auto markdown = [this](const QString& locale) {
            QLocale::setDefault(QLocale(locale));
            InvestigationsService service(m_backend.api());
            QSignalSpy exported(&service, &InvestigationsService::exported);
            const QString path = m_backend.path(QStringLiteral("report_%1.md").arg(locale));
            service.exportReport(m_completedId, QStringLiteral("md"), path);
            if (!exported.wait(60000))
                return QByteArray();
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QByteArray portuguese = markdown(QStringLiteral("pt_BR"));
        const QByteArray english = markdown(QStringLiteral("en"));
        const QByteArray french = markdown(QStringLiteral("fr"));
        QLocale::setDefault(previous);
        QVERIFY2(portuguese.contains("## Resumo"), portuguese.left(200).constData());
        QVERIFY2(english.contains("## Summary"), english.left(200).constData());
        QVERIFY(french.contains("## Summary")); // the server writes no French: English is closer than Portuguese
    }

    void refusedDownloadLeavesNoFile()
    {
        InvestigationsService service(m_backend.api());
        QSignalSpy errors(&service, &InvestigationsService::errorOccurred);
        const QString path = m_backend.path(QStringLiteral("missing.pdf"));
        service.exportReport(QStringLiteral("00000000-0000-4000-8000-000000000000"), QStringLiteral("pdf"), path);
        QVERIFY(errors.wait(20000));
        QCOMPARE(errors.at(0).at(0).value<protocol::ApiError>().statusCode, 404);
        QVERIFY(!QFile::exists(path));
    }

    void cancelStopsARunningInvestigation()
    {
        InvestigationsService service(m_backend.api());
        QSignalSpy started(&service, &InvestigationsService::started);
        QSignalSpy finished(&service, &InvestigationsService::investigationFinished);
        service.start(request(QStringLiteral("Investigação para cancelar")));
        QVERIFY(started.wait(20000));
        const QString id = started.at(0).at(0).toString();
        service.cancel(id);
        QVERIFY(finished.wait(60000));
        // Either the cancel arrived in time, or the run had already completed (409, then its status).
        const QString status = finished.at(0).at(1).toString();
        QVERIFY2(status == QLatin1String("cancelled") || status == QLatin1String("completed"), qPrintable(status));
        QVERIFY(!service.isFollowing(id));
    }
};

QTEST_GUILESS_MAIN(TestInvestigationsService)
#include "tst_services_investigations.moc"
