// SPDX-License-Identifier: GPL-3.0-or-later
// The shell's widgets on their own: the inline banner (actions, never an empty button row), the
// main window's navigation (shortcuts, titles following the pages), the records table model under
// QAbstractItemModelTester, and SVG icons rendered sharp at a device pixel ratio of 2.
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/recordsmodel.h"
#include "ui/svgicon.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;

class TestWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bannerActionsRunAndClear()
    {
        ui::MessageBanner banner;
        int retries = 0;
        banner.showMessage(ui::MessageBanner::Kind::Error, QStringLiteral("The server cannot be reached."),
                           {{QStringLiteral("Retry"), [&retries] { ++retries; }}}, QStringLiteral("detail"));
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.kind(), ui::MessageBanner::Kind::Error);
        QCOMPARE(banner.actionTexts(), QStringList{QStringLiteral("Retry")});
        QCOMPARE(banner.toolTip(), QString()); // the detail is on the text only, as a tooltip
        QVERIFY(!banner.trigger(QStringLiteral("No such action")));
        QVERIFY(banner.trigger(QStringLiteral("Retry")));
        QCOMPARE(retries, 1);
        QVERIFY(banner.isHidden());
        QVERIFY(banner.actionTexts().isEmpty());

        // An action may show a new message from inside its own trigger.
        banner.showMessage(ui::MessageBanner::Kind::Warning, QStringLiteral("first"),
                           {{QStringLiteral("Next"), [&banner] {
                                 banner.showMessage(ui::MessageBanner::Kind::Information, QStringLiteral("second"));
                             }}});
        QVERIFY(banner.trigger(QStringLiteral("Next")));
        QCOMPARE(banner.text(), QStringLiteral("second"));
        QVERIFY(!banner.isHidden());
    }

    void navigationShortcutsAndTitles()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ui::MainWindow window(settings);
        auto* first = new QLabel(QStringLiteral("one"));
        auto* second = new QLabel(QStringLiteral("two"));
        second->setObjectName(QStringLiteral("second"));
        QCOMPARE(window.addPage(first, QStringLiteral("First"), ui::svgIcon(QStringLiteral("chat"))), 0);
        QCOMPARE(window.addPage(second, QStringLiteral("Second"), ui::svgIcon(QStringLiteral("data"))), 1);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(first));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(second));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(first));

        auto* action = window.findChild<QAction*>(QStringLiteral("page_second"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Second"));
        second->setWindowTitle(QStringLiteral("Segunda")); // what a page does when it retranslates
        QCOMPARE(action->text(), QStringLiteral("Segunda"));
        QVERIFY(action->toolTip().startsWith(QStringLiteral("Segunda")));
    }

    void recordsModelGrowsByPages()
    {
        ui::RecordsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage(protocol::Json::parse(R"([{"id":1,"supplier":"ACME","value":10.5},{"id":2,"supplier":"B"}])"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        // A later page brings a new field: a new column, earlier rows stay empty there.
        model.appendPage(protocol::Json::parse(R"([{"id":3,"supplier":"C","uf":"SP"}])"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 4);
        const int uf = int(model.fields().indexOf(QStringLiteral("uf")));
        QCOMPARE(model.data(model.index(2, uf)).toString(), QStringLiteral("SP"));
        QVERIFY(!model.data(model.index(0, uf)).isValid());
        const int id = int(model.fields().indexOf(QStringLiteral("id")));
        QCOMPARE(model.data(model.index(0, id)).toLongLong(), 1);
        model.appendPage(protocol::Json::array());
        model.appendPage(protocol::Json::parse(R"(["not a record", 3])"));
        QCOMPARE(model.rowCount(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }

    void svgIconsAreSharpAtHighDpi()
    {
        const QIcon icon = ui::svgIcon(QStringLiteral("chat"));
        QVERIFY(!icon.isNull());
        const QPixmap pixmap = icon.pixmap(QSize(24, 24), 2.0);
        QCOMPARE(pixmap.size(), QSize(48, 48)); // rendered at the device resolution, not scaled up
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        // Drawn in the palette's text colour: some pixels are opaque.
        const QImage image = pixmap.toImage();
        bool painted = false;
        for (int y = 0; y < image.height() && !painted; ++y)
            for (int x = 0; x < image.width() && !painted; ++x)
                painted = qAlpha(image.pixel(x, y)) > 0;
        QVERIFY(painted);
        QVERIFY(ui::svgIcon(QStringLiteral("no-such-icon")).isNull());
        QVERIFY(!ui::agentAvatar(QStringLiteral("zumbi")).isNull());
        QVERIFY(!ui::agentAvatar(QStringLiteral("unknown-agent")).isNull()); // the generic avatar
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
