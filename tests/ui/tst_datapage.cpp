// SPDX-License-Identifier: GPL-3.0-or-later
// The Data page of the real application against its real local server: a Portal CSV imported with
// the progress bar reaching 100 % and its report, the source list and the records table filled,
// search narrowing the table, a file the importer rejects shown with its reason in a banner,
// screenshots of the page in pt-BR, en and fr, and "Reload the sample data" replacing the sample
// rather than adding it a second time.
#include "core/backendhost.h"
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
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;

namespace {

qint64 totalRecords(const QList<client::DataSourceInfo>& sources)
{
    qint64 total = 0;
    for (const client::DataSourceInfo& source : sources)
        total += source.records;
    return total;
}

} // namespace

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
        // The hand-written file's bad rows, each with its line, its column and a sentence for people.
        QTableWidget* rejects = page->rejectsTable();
        QCOMPARE(rejects->rowCount(), 3);
        QCOMPARE(rejects->item(0, 0)->text(), QStringLiteral("5"));
        QCOMPARE(rejects->item(0, 1)->text(), QStringLiteral("Data Assinatura Contrato"));
        QCOMPARE(rejects->item(0, 2)->text(), QStringLiteral("“31/02/2024” is not a date (DD/MM/YYYY)."));
        QCOMPARE(rejects->item(1, 2)->text(), QStringLiteral("The row has 23 fields; the header has 24."));

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
        // Titled and in reading order, not the API's snake_case in alphabetical order.
        const QStringList fields = page->records()->fields();
        QCOMPARE(fields.mid(0, 3), (QStringList{QStringLiteral("id"), QStringLiteral("number"),
                                                QStringLiteral("signed_date")}));
        const int supplierColumn = int(fields.indexOf(QStringLiteral("supplier_name")));
        QVERIFY(supplierColumn > 0 && supplierColumn < int(fields.indexOf(QStringLiteral("organ"))));
        QCOMPARE(page->records()->headerData(supplierColumn, Qt::Horizontal).toString(), QStringLiteral("Supplier"));
        QCOMPARE(page->records()->headerData(supplierColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("supplier_name"));

        page->setSearchText(QStringLiteral("papel"));
        QVERIFY(recordsLoaded.wait(15000));
        QVERIFY(page->records()->rowCount() >= 1);
        QVERIFY(page->records()->rowCount() < all);

        for (const QString& language : {QStringLiteral("pt_BR"), QStringLiteral("en"), QStringLiteral("fr")}) {
            QVERIFY(app.language().apply(language));
            // The retranslated texts post layout requests of their own: let those run too, or the
            // grab shows buttons still sized for the previous language's words.
            QTest::qWait(100);
            if (language == QLatin1String("pt_BR")) { // the report follows the language, not the server's English
                QCOMPARE(rejects->item(0, 2)->text(), QStringLiteral("“31/02/2024” não é uma data (DD/MM/AAAA)."));
                QCOMPARE(page->records()->headerData(supplierColumn, Qt::Horizontal).toString(),
                         QStringLiteral("Fornecedor"));
            }
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
        QCOMPARE(page->lastReport().errorCode, QStringLiteral("unknown_layout"));
        QCOMPARE(ui::DataPage::fileRejectReason(page->lastReport()),
                 QStringLiteral("its header is not one of a Portal da Transparência file this app knows."));
    }

    void reloadingTheSampleReplacesIt()
    {
        QTemporaryDir dir;
        desktop::DesktopOptions options;
        options.mode = desktop::DesktopOptions::Mode::Local;
        options.dataDir = dir.filePath(QStringLiteral("data"));
        options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        options.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        options.memorySecrets = true;
        options.loadSampleData = true; // the first start imports the sample data set
        options.language = QStringLiteral("en");
        desktop::DesktopApp app(options);
        QSignalSpy connected(&app.connection(), &client::Connection::connected);
        app.start();
        QVERIFY(connected.wait(300000));
        ui::DataPage* page = app.dataPage();
        app.window().showPage(page);
        QSignalSpy sourcesLoaded(page, &ui::DataPage::sourcesLoaded);
        page->refreshSources();
        QVERIFY(sourcesLoaded.wait(30000));
        const qint64 first = totalRecords(page->sources());
        QVERIFY(first > 0);
        const QList<qint64> firstImports = app.connection().backend()->sampleImportIds();
        QVERIFY(!firstImports.isEmpty());

        // The button: the earlier sample goes (DELETE per import), the server restarts with it again.
        auto* reload = page->findChild<QPushButton*>(QStringLiteral("reloadSample"));
        QVERIFY(reload);
        QVERIFY(reload->isVisibleTo(page));
        connected.clear();
        reload->click();
        QVERIFY(connected.wait(300000));
        sourcesLoaded.clear();
        page->refreshSources();
        QVERIFY(sourcesLoaded.wait(30000));
        QCOMPARE(totalRecords(page->sources()), first);
        const QList<qint64> secondImports = app.connection().backend()->sampleImportIds();
        QCOMPARE(secondImports.size(), firstImports.size());
        for (const qint64 id : secondImports)
            QVERIFY(!firstImports.contains(id));
        QVERIFY(!page->banner()->isVisible());
        QVERIFY(reload->isEnabled());
    }
};

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
