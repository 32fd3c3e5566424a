// SPDX-License-Identifier: GPL-3.0-or-later
// The investigations page driven offscreen against a real cidadao-server with the sample data:
// fill the form and start, watch the list's and the dashboard's progress reach 100 %, the tiles,
// charts and anomalies table fill, sort/filter/search the table, read an anomaly's detail, and
// export the report as PDF through the save dialog. Screenshots in en, pt-BR and fr, the detail
// pane reworded when the language changes, and the form fitting its pane at the default size.
#include "localbackend.h"
#include "viewtestsupport.h"

#include "core/models/anomalymodel.h"
#include "core/services/datalookup.h"
#include "core/services/investigationsservice.h"
#include "ui/investigations/anomalydetail.h"
#include "ui/investigations/anomalytableproxy.h"
#include "ui/investigations/dashboardcharts.h"
#include "ui/investigations/investigationdashboard.h"
#include "ui/investigations/investigationform.h"
#include "ui/investigations/investigationsview.h"
#include "ui/messagebanner.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QAbstractBarSeries>
#include <QTableView>
#include <QTest>

using namespace cidadao;
using client::AnomalyModel;
using client::InvestigationsService;
using ui::InvestigationsView;

class TestUiInvestigations : public QObject
{
    Q_OBJECT

private:
    testing::LocalBackend m_backend;
    testing::UiLanguage m_language;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_backend.start(5000), qPrintable(m_backend.error()));
        QVERIFY(m_language.use(QStringLiteral("en")));
    }

    void startProgressTableAndExport()
    {
        InvestigationsService service(m_backend.api());
        client::DataLookup lookup(m_backend.api());
        InvestigationsView view(&service, &lookup);
        view.resize(1440, 960);
        view.show();
        view.activate();
        ui::InvestigationForm* form = view.form();
        ui::InvestigationDashboard* dashboard = view.dashboard();

        // The form refuses what the server would refuse, inline.
        QTest::mouseClick(form->startButton(), Qt::LeftButton);
        QVERIFY(!form->problem().isEmpty());
        QCOMPARE(service.investigations()->rowCount(), 0);

        testing::typeText(form->queryEdit(), QStringLiteral("Contratos com preços acima do normal"));
        for (const QString& type : {QStringLiteral("duplicate"), QStringLiteral("pattern")}) {
            QVERIFY(!form->typeBox(type)->isChecked());
            QTest::mouseClick(form->typeBox(type), Qt::LeftButton, {}, QPoint(4, form->typeBox(type)->height() / 2));
            QVERIFY(form->typeBox(type)->isChecked());
        }
        QVERIFY(form->startDateEdit()->calendarPopup());
        QVERIFY(!form->startDateEdit()->isEnabled());

        QList<int> dashboardProgress;
        connect(dashboard->progressBar(), &QProgressBar::valueChanged, this, [&](int v) { dashboardProgress << v; });
        QSignalSpy started(&service, &InvestigationsService::started);
        QSignalSpy results(&service, &InvestigationsService::resultsLoaded);
        QTest::mouseClick(form->startButton(), Qt::LeftButton);
        QVERIFY(form->problem().isEmpty());
        QVERIFY(started.wait(20000));
        QCOMPARE(view.list()->model()->rowCount(), 1);
        QCOMPARE(view.list()->currentIndex().row(), 0);

        // Progress reaches 100 % in the list and on the dashboard, then the table fills.
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->progressBar()->value(), 100, 120000);
        QCOMPARE(view.list()->model()->index(0, 0).data(client::InvestigationListModel::ProgressRole).toDouble(), 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 30000);
        for (int i = 1; i < dashboardProgress.size(); ++i)
            QVERIFY(dashboardProgress.at(i) >= dashboardProgress.at(i - 1));
        QTableView* table = dashboard->anomalyTable();
        const int total = table->model()->rowCount();
        QVERIFY(total > 0);
        QCOMPARE(total, int(service.currentResults()->results.size()));
        QVERIFY(!view.banner()->isVisible());
        QVERIFY(dashboard->tileText(QStringLiteral("anomalies"))
                    .contains(QLocale().toString(service.currentResults()->anomaliesFound)));
        qInfo("%d anomalies in the table, %lld progress steps seen", total, qint64(dashboardProgress.size()));

        // Charts: one bar set per severity, as many categories as anomaly types found.
        auto* bars = qobject_cast<QAbstractBarSeries*>(dashboard->charts()->typeChart()->chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->count(), 4);
        qreal counted = 0;
        for (QBarSet* set : bars->barSets())
            counted += set->sum();
        QCOMPARE(int(counted), total);

        // Sorted by severity, most serious first.
        const QAbstractItemModel* shown = table->model();
        for (int row = 1; row < total; ++row)
            QVERIFY(shown->index(row - 1, 0).data(AnomalyModel::SeverityRankRole).toInt()
                    >= shown->index(row, 0).data(AnomalyModel::SeverityRankRole).toInt());
        // Filter by minimum severity: only high and critical remain.
        dashboard->severityFilter()->setCurrentIndex(dashboard->severityFilter()->findData(QStringLiteral("high")));
        for (int row = 0; row < shown->rowCount(); ++row)
            QVERIFY(shown->index(row, 0).data(AnomalyModel::SeverityRankRole).toInt() >= 2);
        dashboard->severityFilter()->setCurrentIndex(0);
        QCOMPARE(shown->rowCount(), total);
        // Search: a word of the first description finds it, nonsense finds nothing.
        const QString description = shown->index(0, AnomalyModel::DescriptionColumn).data().toString();
        const QString word = description.split(QLatin1Char(' '), Qt::SkipEmptyParts).value(0);
        testing::typeText(dashboard->searchEdit(), word);
        QVERIFY(shown->rowCount() >= 1 && shown->rowCount() <= total);
        dashboard->searchEdit()->clear();
        QTest::keyClicks(dashboard->searchEdit(), QStringLiteral("zzqqxxnothing"));
        QCOMPARE(shown->rowCount(), 0);
        dashboard->searchEdit()->clear();
        QCOMPARE(shown->rowCount(), total);

        // Detail pane of the selected anomaly.
        table->selectRow(0);
        const QModelIndex source = dashboard->proxy()->mapToSource(shown->index(0, 0));
        const protocol::AnomalyResult& first = service.anomalies()->at(source.row());
        QVERIFY(dashboard->detail()->explanationText().contains(first.description));
        QCOMPARE(dashboard->detail()->recordsTable()->model()->rowCount(), int(first.affectedRecords.size()));

        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("investigations_en")));
        QVERIFY(m_language.use(QStringLiteral("pt_BR")));
        QCOMPARE(form->startButton()->text(), QStringLiteral("Iniciar investigação"));
        // The detail pane shown in English is reworded in Portuguese too.
        QVERIFY2(dashboard->detail()->recordsLabelText().startsWith(QStringLiteral("Registros afetados")),
                 qPrintable(dashboard->detail()->recordsLabelText()));
        QVERIFY(dashboard->detail()->headingText().contains(QStringLiteral("confiança")));
        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("investigations_pt_BR")));
        QVERIFY(m_language.use(QStringLiteral("fr")));
        QVERIFY(dashboard->detail()->headingText().contains(QStringLiteral("confiance")));
        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("investigations_fr")));

        // At the page's share of the default window (1100 × 720 less the navigation bar), in each
        // language, the form fits its pane: nothing cut off on the right, no sideways scrolling.
        view.resize(1000, 640);
        for (const QString& language : {QStringLiteral("fr"), QStringLiteral("pt_BR"), QStringLiteral("en")}) {
            QVERIFY(m_language.use(language));
            QTest::qWait(50);
            QApplication::processEvents();
            QScrollArea* pane = view.formScrollArea();
            QVERIFY2(form->width() <= pane->viewport()->width(),
                     qPrintable(QStringLiteral("%1: form %2 > pane %3").arg(language).arg(form->width()).arg(pane->viewport()->width())));
            const QList<QWidget*> fields = form->findChildren<QWidget*>();
            for (const QWidget* field : fields) {
                if (!field->isVisibleTo(form) || field->parentWidget() != form)
                    continue;
                QVERIFY2(field->geometry().right() < form->width(),
                         qPrintable(QStringLiteral("%1: %2 ends at %3, form is %4 wide")
                                        .arg(language, field->objectName())
                                        .arg(field->geometry().right())
                                        .arg(form->width())));
                QVERIFY2(field->width() >= field->minimumSizeHint().width(),
                         qPrintable(QStringLiteral("%1: %2 narrower than it needs").arg(language, field->objectName())));
            }
            QVERIFY(testing::saveScreenshot(&view, QStringLiteral("investigations_default_size_%1").arg(language)));
        }
        view.resize(1440, 960);

        // Export as PDF through the save dialog.
        dashboard->exportFormat()->setCurrentIndex(dashboard->exportFormat()->findData(QStringLiteral("pdf")));
        QSignalSpy exported(&service, &InvestigationsService::exported);
        QTest::mouseClick(dashboard->exportButton(), Qt::LeftButton);
        QFileDialog* dialog = dashboard->exportDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString path = m_backend.path(QStringLiteral("relatorio.pdf"));
        dialog->selectFile(path);
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept")); // what the Save button does
        QVERIFY(exported.wait(60000));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 500);
    }

    void completionComesFromLocalData()
    {
        InvestigationsService service(m_backend.api());
        client::DataLookup lookup(m_backend.api());
        InvestigationsView view(&service, &lookup);
        view.show();
        // Órgão names from the imported contracts that match what is typed, as the data API finds them.
        QSignalSpy ready(&lookup, &client::DataLookup::completionsReady);
        view.form()->organizationEdit()->setFocus();
        QTest::keyClicks(view.form()->organizationEdit(), QStringLiteral("Minist"));
        if (!ready.wait(20000) && !lookup.available())
            QSKIP("this server has no data API (/api/v1/data)");
        QVERIFY(ready.size() >= 1);
        const QStringList names = ready.last().at(2).toStringList();
        QVERIFY(!names.isEmpty());
        QCOMPARE(view.form()->organizationCompleter()->model()->rowCount(), names.size());
        for (const QString& name : names)
            QVERIFY2(name.contains(QStringLiteral("Minist"), Qt::CaseInsensitive), qPrintable(name));
    }
};

QTEST_MAIN(TestUiInvestigations)
#include "tst_ui_investigations.moc"
