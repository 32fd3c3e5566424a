// SPDX-License-Identifier: GPL-3.0-or-later
// The Data page of the real application against its real local server: a Portal CSV imported with
// the progress bar reaching 100 % and its report, the source list and the records table filled,
// search narrowing the table, a file the importer rejects shown with its reason in a banner, and
// screenshots of the page in pt-BR and en.
#include "core/connection.h"
#include "desktop/desktopapp.h"
#include "desktop/languagemanager.h"
#include "ui/datapage.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/recordsmodel.h"

#include <QApplication>
#include <QDir>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;

class TestDataPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importBrowseSearch()
    {
        QTemporaryDir dir;
        desktop::DesktopOptions options;
        options.mode = desktop::DesktopOptions::Mode::Local;
        options.dataDir = dir.filePath(QStringLiteral("data"));
        options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        options.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        options.memorySecrets = true;
        options.loadSampleData = false;
        options.language = QStringLiteral("en");
        desktop::DesktopApp app(options);
        QSignalSpy connected(&app.connection(), &client::Connection::connected);
        app.start();
        QVERIFY(connected.wait(30000));
        ui::DataPage* page = app.dataPage();
        app.window().showPage(page);
        app.window().resize(1200, 780);

        QSignalSpy done(page, &ui::DataPage::importDone);
        QSignalSpy sourcesLoaded(page, &ui::DataPage::sourcesLoaded);
        page->importFiles({QStringLiteral(CIDADAO_TEST_DATA_DIR "/portal/contracts_202401.csv")});
        QVERIFY(page->isImporting());
        QVERIFY(done.wait(60000));
        const client::ImportReport report = page->lastReport();
        QVERIFY2(report.succeeded(), qPrintable(report.error));
        QVERIFY(report.rowsRead > 0);
        QVERIFY(report.rowsImported > 0);
        QCOMPARE(report.rowsImported + report.rowsRejected, report.rowsRead);
        QCOMPARE(page->importProgress(), 100);
        QCOMPARE(page->findChild<QProgressBar*>(QStringLiteral("importProgress"))->value(), 100);

        // The list of sources and the records of the imported one.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(page->sources().cbegin(), page->sources().cend(),
                                             [](const client::DataSourceInfo& s) {
                                                 return s.source == QLatin1String("contracts") && s.records > 0;
                                             }),
                                 15000);
        QSignalSpy recordsLoaded(page, &ui::DataPage::recordsLoaded);
        page->showSource(QStringLiteral("contracts"));
        QVERIFY(recordsLoaded.wait(15000));
        const int all = page->records()->rowCount();
        QCOMPARE(qint64(all), report.rowsImported);
        QVERIFY(page->records()->columnCount() > 3);

        page->setSearchText(QStringLiteral("papel"));
        QVERIFY(recordsLoaded.wait(15000));
        QVERIFY(page->records()->rowCount() >= 1);
        QVERIFY(page->records()->rowCount() < all);

        for (const QString& language : {QStringLiteral("pt_BR"), QStringLiteral("en")}) {
            QVERIFY(app.language().apply(language));
            QApplication::processEvents();
            const QString path = QStringLiteral(CIDADAO_ARTIFACT_DIR "/screenshots");
            QDir().mkpath(path);
            QVERIFY(app.window().grab().save(QStringLiteral("%1/window_dataPage_imported_%2.png").arg(path, language)));
        }
        QVERIFY(app.language().apply(QStringLiteral("en")));

        // A file that is no Portal file is rejected as a whole: said in words, with the reason.
        page->importFiles({QStringLiteral(CIDADAO_TEST_DATA_DIR "/chat/heldout_en.tsv")});
        QVERIFY(done.wait(60000));
        QVERIFY(!page->lastReport().succeeded());
        QVERIFY(page->banner()->isVisible());
        QCOMPARE(page->banner()->kind(), ui::MessageBanner::Kind::Warning);
        QVERIFY(page->banner()->text().contains(QStringLiteral("heldout_en.tsv")));
        QVERIFY(!page->lastReport().error.isEmpty());
    }
};

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
