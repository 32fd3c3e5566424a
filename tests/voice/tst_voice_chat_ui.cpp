// SPDX-License-Identifier: GPL-3.0-or-later
// Push-to-talk in the real application (DesktopApp offscreen, its own local cidadao-server): the
// panel sits in the chat page of the main window, its voice session connects to the app's current
// connection by itself, and a spoken command (espeak-ng speech sent through that session's client,
// as the microphone would) shows in the conversation as the user's message and the agent's answer.
// A Portuguese user is told that no offline Portuguese model ships with Debian.
#include "voicetestsupport.h"

#include "core/connection.h"
#include "core/models/messagemodel.h"
#include "core/services/conversationservice.h"
#include "core/voice/voicesession.h"
#include "desktop/desktopapp.h"
#include "ui/chat/chatview.h"
#include "ui/mainwindow.h"
#include "ui/voice/pushtotalkwidget.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;

class TestVoiceChatUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    desktop::DesktopOptions options(const QString& language) const
    {
        desktop::DesktopOptions opts;
        opts.mode = desktop::DesktopOptions::Mode::Local;
        opts.dataDir = m_dir->filePath(QStringLiteral("data"));
        opts.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
        opts.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        opts.memorySecrets = true;
        opts.loadSampleData = false;
        opts.language = language;
        return opts;
    }

    static ui::PushToTalkWidget* panelOf(desktop::DesktopApp& app)
    {
        return qobject_cast<ui::PushToTalkWidget*>(app.chatView()->voicePanel());
    }

    static int rowWith(const client::MessageModel& model, const QString& role, const QString& content = {})
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.at(row).role == role && (content.isEmpty() ? !model.at(row).content.isEmpty() : model.at(row).content == content))
                return row;
        return -1;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void pushToTalkIsInTheChatPageAndFillsTheConversation()
    {
        desktop::DesktopApp app(options(QStringLiteral("en")));
        QSignalSpy ready(&app, &desktop::DesktopApp::ready);
        app.start();
        QVERIFY2(ready.wait(60000), qPrintable(app.connection().lastError()));

        ui::PushToTalkWidget* panel = panelOf(app);
        QVERIFY(panel);
        QVERIFY(app.window().isAncestorOf(panel));
        QVERIFY(app.chatView()->isAncestorOf(panel));
        QVERIFY(panel->talkButton());
        client::VoiceSession& session = panel->session();
        if (!session.isAvailable()) {
            QVERIFY(!panel->talkButton()->isEnabled());
            QVERIFY(panel->talkButton()->toolTip().contains(session.unavailableReason()));
        }
        // Connected to the app's own server, with its token, without anyone asking.
        QTRY_VERIFY_WITH_TIMEOUT(!session.client().sessionId().isEmpty(), 30000);
        QCOMPARE(session.language(), QStringLiteral("en-US"));
        QVERIFY(session.offlineLanguages().contains(QStringLiteral("en-US")));

        const QString command = QStringLiteral("investigate the contracts of the ministry of health");
        session.client().startSpeaking();
        session.client().sendAudio(voice::bytesFromSamples(testing::speak(command)));
        session.client().stopSpeaking();

        const client::MessageModel& model = *app.chatView()->service()->messages();
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(model, QStringLiteral("user"), command) >= 0, 120000);
        const int userRow = rowWith(model, QStringLiteral("user"), command);
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(model, QStringLiteral("assistant")) > userRow, 120000);
        const client::MessageModel::Message& reply = model.at(rowWith(model, QStringLiteral("assistant")));
        QCOMPARE(reply.state, client::MessageModel::State::Complete);
        QVERIFY(!reply.agentName.isEmpty());
    }

    void portugueseUserHearsWhyRecognitionIsEnglish()
    {
        desktop::DesktopApp app(options(QStringLiteral("pt_BR")));
        QSignalSpy ready(&app, &desktop::DesktopApp::ready);
        app.start();
        QVERIFY2(ready.wait(60000), qPrintable(app.connection().lastError()));
        ui::PushToTalkWidget* panel = panelOf(app);
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->session().client().sessionId().isEmpty(), 30000);
        // Debian's only offline model is English: the session listens in English and says why.
        QCOMPARE(panel->session().language(), QStringLiteral("en-US"));
        QVERIFY(panel->session().portugueseWanted());
        QVERIFY(!panel->offlineText().isEmpty());
        QVERIFY2(panel->offlineText().contains(QStringLiteral("Debian")), qPrintable(panel->offlineText()));
    }
};

QTEST_MAIN(TestVoiceChatUi)
#include "tst_voice_chat_ui.moc"
