// SPDX-License-Identifier: GPL-3.0-or-later
// The Workflows page offscreen against a real local backend: definitions listed, a run started
// with the Run button fills the node graph, the history shows it, the tray notifier hears the
// import's notification and the latency label shows a round trip. A screenshot of the page is
// saved as a test artifact (QWidget::grab).
#include "localbackend.h"

#include "core/channelsclient.h"
#include "core/workflows/workflowsservice.h"
#include "ui/workflows/workflowgraphview.h"
#include "ui/workflows/workflownotifier.h"
#include "ui/workflows/workflowsview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace cidadao;
using protocol::Json;

class TestWorkflowsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runFromThePageFillsTheGraph();
};

void TestWorkflowsView::runFromThePageFillsTheGraph()
{
    testing::LocalBackend backend;
    QVERIFY2(backend.start(), qPrintable(backend.error()));
    const QString token = backend.host()->login().accessToken;
    client::ChannelsClient channels;
    channels.setUrl(backend.host()->webSocketUrl(QStringLiteral("/ws")));
    channels.setTokenProvider([token] { return token; });
    client::WorkflowsService service(*backend.api(), channels);
    service.setUserId(backend.host()->login().user.id);
    ui::WorkflowsView view(service);
    ui::WorkflowNotifier notifier(service);
    ui::LatencyLabel latency(service);
    view.resize(1000, 640);
    view.show();
    channels.open();
    QTRY_VERIFY_WITH_TIMEOUT(channels.grantedChannels().size() == 2, 30000);

    view.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(view.definitionsList()->count(), 3, 30000);
    const QList<QListWidgetItem*> items = view.definitionsList()->findItems(QStringLiteral("Import"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    view.definitionsList()->setCurrentItem(items.first());
    QCOMPARE(view.selectedWorkflow(), QStringLiteral("import"));
    QFile csv(QStringLiteral(CIDADAO_TEST_DATA_DIR "/portal/contracts_202401.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    view.inputEditor()->setPlainText(QString::fromStdString(Json{{"csv", QString::fromLatin1(csv.readAll())}}.dump()));
    QTest::mouseClick(view.runButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(service.graph()->completedCount(), 4, 120000);
    QTRY_COMPARE_WITH_TIMEOUT(view.statusText(), QStringLiteral("Finished"), 30000);
    QVERIFY(!view.graphView()->nodeRect(QStringLiteral("index")).isEmpty());
    QVERIFY(view.graphView()->nodeRect(QStringLiteral("index")).left() > view.graphView()->nodeRect(QStringLiteral("parse")).left());
    QTRY_VERIFY_WITH_TIMEOUT(view.historyTable()->rowCount() >= 1 && view.historyTable()->item(0, 1)
                                 && view.historyTable()->item(0, 1)->text() == QLatin1String("completed"),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(notifier.shownCount() >= 1, 30000);
    QCOMPARE(notifier.lastTitle(), QStringLiteral("Import finished"));
    channels.ping();
    const QString before = latency.text();
    QTRY_VERIFY_WITH_TIMEOUT(latency.text() != before && latency.text().endsWith(QStringLiteral(" ms")), 30000);

    // Bad input is refused in the page, before anything is sent.
    view.inputEditor()->setPlainText(QStringLiteral("[1, 2"));
    QTest::mouseClick(view.runButton(), Qt::LeftButton);
    QCOMPARE(view.statusText(), QStringLiteral("The input must be a JSON object."));

    const QString artifacts = QDir::current().filePath(QStringLiteral("artifacts"));
    QDir().mkpath(artifacts);
    QVERIFY(view.grab().save(QDir(artifacts).filePath(QStringLiteral("workflows_view.png"))));
}

QTEST_MAIN(TestWorkflowsView)
#include "tst_workflows_view.moc"
