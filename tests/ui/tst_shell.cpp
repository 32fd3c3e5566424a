// SPDX-License-Identifier: GPL-3.0-or-later
// The real application object (DesktopApp: window, pages, connection, local backend host) driven
// offscreen against a real cidadao-server: local mode signs in by itself, the status bar says so,
// the language switches at once, a killed server is reported inline with a working restart button,
// a remote server is reached and an account registered through the connection dialog, and each
// shell view is grabbed in pt-BR, en and fr into the build directory's test-artifacts/screenshots.
#include "core/backendhost.h"
#include "core/connection.h"
#include "desktop/desktopapp.h"
#include "desktop/languagemanager.h"
#include "support/serverprocess.h"
#include "core/services/conversationservice.h"
#include "ui/chat/chatview.h"
#include "ui/connectiondialog.h"
#include "ui/connectionstatus.h"
#include "ui/datapage.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/settingsdialog.h"
#include "ui/workflows/workflowsview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace cidadao;
using client::Connection;

namespace {

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

QString artifactDir()
{
    const QString dir = QStringLiteral(CIDADAO_ARTIFACT_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

void saveGrab(QWidget* widget, const QString& name)
{
    widget->resize(widget->size().expandedTo(QSize(480, 320)));
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(pixmap.save(QDir(artifactDir()).filePath(name + QStringLiteral(".png"))));
}

} // namespace

class TestShell : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    desktop::DesktopOptions options(const QString& language = QStringLiteral("en")) const
    {
        desktop::DesktopOptions opts;
        opts.mode = desktop::DesktopOptions::Mode::Local;
        opts.dataDir = m_dir->filePath(QStringLiteral("data"));
        opts.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
        opts.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        opts.memorySecrets = true;
        opts.loadSampleData = false; // tst_client_sampledata covers the first-run import
        opts.language = language;
        return opts;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void localStartSignsInByItself()
    {
        qint64 serverPid = 0;
        {
            desktop::DesktopApp app(options());
            QSignalSpy ready(&app, &desktop::DesktopApp::ready);
            app.start();
            QVERIFY(app.window().isVisible());
            QVERIFY2(ready.wait(30000), qPrintable(app.connection().lastError()));
            QCOMPARE(app.connection().state(), Connection::State::Connected);
            QVERIFY(app.connection().auth().isAuthenticated()); // no typing: the bootstrap login
            QVERIFY(app.readyAfterMs() >= 0);
            qInfo("app constructed -> interactive with local server ready: %lld ms", app.readyAfterMs());

            ui::ConnectionStatus* status = app.window().connectionStatus();
            QCOMPARE(status->modeText(), QStringLiteral("Local mode"));
            QVERIFY(status->serverText().startsWith(QStringLiteral("127.0.0.1:")));
            QCOMPARE(status->userText(), QStringLiteral("Local account"));
            QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Connected"), 10000);

            // Navigation: the pages are reachable by their shortcuts.
            QVERIFY(app.window().pageCount() >= 1);
            QVERIFY(app.window().findChildren<QAction*>().size() > 3);
            serverPid = app.backend()->pid();
            QVERIFY(!processGone(serverPid));
        }
        QVERIFY2(processGone(serverPid), "the local server outlived the app");
    }

    void geometryAndPageAreRemembered()
    {
        {
            desktop::DesktopApp app(options());
            app.window().resize(900, 650);
            app.window().showPage(app.dataPage());
            app.window().close();
        }
        desktop::DesktopApp again(options());
        QCOMPARE(again.window().size(), QSize(900, 650));
        QCOMPARE(again.window().currentPage(), static_cast<QWidget*>(again.dataPage()));
    }

    void languageAppliesAtOnce()
    {
        desktop::DesktopApp app(options(QStringLiteral("en")));
        QCOMPARE(app.dataPage()->windowTitle(), QStringLiteral("Data"));
        // LanguageChange reaches the widgets through the event loop, before the user sees a frame.
        QVERIFY(app.language().apply(QStringLiteral("pt_BR"), true));
        QTRY_COMPARE(app.dataPage()->windowTitle(), QStringLiteral("Dados"));
        QTRY_COMPARE(app.window().windowTitle(), QStringLiteral("Cidadão.AI"));
        QTRY_COMPARE(app.workflowsView()->windowTitle(), QStringLiteral("Fluxos"));
        QCOMPARE(app.workflowsView()->runButton()->text(), QStringLiteral("E&xecutar"));
        QVERIFY(app.language().apply(QStringLiteral("fr")));
        QTRY_COMPARE(app.dataPage()->windowTitle(), QStringLiteral("Données"));
        QTRY_COMPARE(app.workflowsView()->windowTitle(), QStringLiteral("Flux de travail"));
        QCOMPARE(app.workflowsView()->runButton()->text(), QStringLiteral("E&xécuter"));
        QTRY_COMPARE(app.window().connectionStatus()->modeText(), QStringLiteral("Mode local"));
        // The saved choice wins over the system's at the next start.
        QCOMPARE(app.language().preferredLanguage(), QStringLiteral("pt_BR"));
        QCOMPARE(desktop::LanguageManager::languageForLocale(QStringLiteral("pt_PT")), QStringLiteral("pt_BR"));
        QCOMPARE(desktop::LanguageManager::languageForLocale(QStringLiteral("fr_CA")), QStringLiteral("fr"));
        QCOMPARE(desktop::LanguageManager::languageForLocale(QStringLiteral("de_DE")), QStringLiteral("en"));
    }

    void killedServerShowsBannerAndRestarts()
    {
        desktop::DesktopApp app(options());
        QSignalSpy connected(&app.connection(), &Connection::connected);
        app.start();
        QVERIFY(connected.wait(30000));
        const qint64 pid = app.backend()->pid();
        ::kill(pid_t(pid), SIGKILL);
        ui::MessageBanner* banner = app.window().banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->kind() == ui::MessageBanner::Kind::Error, 10000);
        QCOMPARE(app.window().connectionStatus()->stateText(), QStringLiteral("Local server stopped"));
        const QStringList actions = banner->actionTexts();
        QCOMPARE(actions, QStringList{QStringLiteral("Restart the local server")});
        QVERIFY(!banner->text().contains(QStringLiteral("exit"))); // words for people, not process status
        saveGrab(&app.window(), QStringLiteral("window_server_stopped_en"));
        QVERIFY(banner->trigger(actions.first()));
        QVERIFY(connected.wait(30000));
        QVERIFY(app.backend()->pid() != pid);
        QVERIFY(!banner->isVisible());
    }

    void remoteSignInAndRegistrationThroughDialog()
    {
        testing::ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        desktop::DesktopApp app(options());
        QSignalSpy connected(&app.connection(), &Connection::connected);
        app.start();
        QVERIFY(connected.wait(30000));

        client::ProfileStore profiles(app.settings());
        ui::ConnectionDialog dialog(app.connection(), profiles, &app.window());
        QObject::connect(&dialog, &ui::ConnectionDialog::profileChosen, &app,
                         [&app](const client::ConnectionProfile& profile) { app.connection().useRemote(profile); });
        dialog.show();
        dialog.chooseRemote(server.url().toString());
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("connect")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.connection().state(), Connection::State::SignInRequired, 15000);
        QCOMPARE(app.window().connectionStatus()->modeText(), QStringLiteral("Remote mode"));
        dialog.setRegistration(true, QStringLiteral("Ana Souza"));
        dialog.setCredentials(QStringLiteral("ana@example.org"), QStringLiteral("short"));
        saveGrab(&dialog, QStringLiteral("dialog_connection_register_en"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("signIn")), Qt::LeftButton);
        QVERIFY(dialog.banner()->text().contains(QStringLiteral("8 characters"))); // checked before sending
        dialog.setCredentials(QStringLiteral("ana@example.org"), QStringLiteral("a good password"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("signIn")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.connection().state(), Connection::State::Connected, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 5000);
        QCOMPARE(app.connection().auth().user().email, QStringLiteral("ana@example.org"));
        QCOMPARE(app.window().connectionStatus()->userText(), QStringLiteral("Ana Souza"));

        // Wrong password on a fresh sign-in: an inline sentence, not the server's text.
        ui::ConnectionDialog again(app.connection(), profiles, &app.window());
        again.show();
        again.setCredentials(QStringLiteral("ana@example.org"), QStringLiteral("not the password"));
        QTest::mouseClick(again.findChild<QPushButton*>(QStringLiteral("signIn")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(again.banner()->text(), QStringLiteral("The e-mail or the password is not right."), 15000);
    }

    void screenshotsInEveryLanguage()
    {
        desktop::DesktopApp app(options(QStringLiteral("pt_BR")));
        QSignalSpy connected(&app.connection(), &Connection::connected);
        app.start();
        QVERIFY(connected.wait(30000));
        app.window().resize(1200, 780);
        for (const QString& language : {QStringLiteral("pt_BR"), QStringLiteral("en"), QStringLiteral("fr")}) {
            QVERIFY(app.language().apply(language));
            QApplication::processEvents();
            // The quick suggestions come from the server in the interface's language (en for fr).
            const QString expected = language == QLatin1String("pt_BR") ? QStringLiteral("Investigar contratos da Saúde")
                                                                        : QStringLiteral("Investigate health contracts");
            QTRY_VERIFY_WITH_TIMEOUT(!app.chatView()->service()->suggestions().isEmpty()
                                         && app.chatView()->service()->suggestions().first().label == expected,
                                     10000);
            for (int i = 0; i < app.window().pageCount(); ++i) {
                QWidget* page = app.window().page(i);
                app.window().showPage(page);
                QTest::qWait(300); // let answers from the server fill the page
                const QString name = page->objectName().isEmpty() ? QString::number(i) : page->objectName();
                saveGrab(&app.window(), QStringLiteral("window_%1_%2").arg(name, language));
            }
            client::ProfileStore profiles(app.settings());
            ui::ConnectionDialog connection(app.connection(), profiles, &app.window());
            connection.show();
            saveGrab(&connection, QStringLiteral("dialog_connection_%1").arg(language));
            ui::SettingsDialog settings({language, app.dataDir(), {}, {}}, profiles, &app.window());
            settings.show();
            saveGrab(&settings, QStringLiteral("dialog_settings_%1").arg(language));
        }
    }
};

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
