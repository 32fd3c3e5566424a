// SPDX-License-Identifier: GPL-3.0-or-later
// The push-to-talk panel offscreen. Without an audio device (no PulseAudio here) push-to-talk is
// off and the panel says why (label and button tooltip); the hold key drives the push-to-talk state
// only when voice works; a Portuguese user is told that Debian has no offline Portuguese model.
#include "voice/pushtotalkwidget.h"
#include "voice/voicesession.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace cidadao;

class TestVoiceWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutADevicePushToTalkIsOffAndSaysWhy()
    {
        client::VoiceSession session;
        ui::PushToTalkWidget widget(session);
        widget.resize(360, 260);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const QImage shot = widget.grab().toImage();
        QVERIFY(!shot.isNull());
        shot.save(QDir::temp().filePath(QStringLiteral("cidadao-voice-panel.png")));
        auto* offline = widget.findChild<QLabel*>(QStringLiteral("voiceOffline"));
        QVERIFY(offline);
        QVERIFY(!offline->text().isEmpty());
        if (session.isAvailable()) {
            // A machine with PulseAudio: the button and the key work.
            QVERIFY(widget.talkButton()->isEnabled());
            QTest::keyPress(&widget, Qt::Key_F9);
            QVERIFY(session.pushToTalk().isTalking());
            QTest::keyRelease(&widget, Qt::Key_F9);
            QTRY_VERIFY(!session.pushToTalk().isTalking());
            return;
        }
        QVERIFY(!widget.talkButton()->isEnabled());
        QVERIFY(widget.statusText().contains(session.unavailableReason()));
        QVERIFY(!session.unavailableReason().isEmpty());
        // The disabled button itself says why (its tooltip), not only the label under it.
        QVERIFY(widget.talkButton()->toolTip().contains(session.unavailableReason()));
        // The key does nothing either.
        QTest::keyPress(&widget, Qt::Key_F9);
        QVERIFY(!session.pushToTalk().isTalking());
        QTest::keyRelease(&widget, Qt::Key_F9);
    }

    void portugueseUsersAreToldThereIsNoOfflineModel()
    {
        client::VoiceSession session;
        ui::PushToTalkWidget widget(session);
        QVERIFY(!widget.offlineText().contains(QStringLiteral("Debian")));
        session.setPreferredLanguage(QStringLiteral("pt_BR"));
        QVERIFY(session.portugueseWanted());
        QVERIFY2(widget.offlineText().contains(QStringLiteral("No offline Portuguese speech recognition model ships "
                                                              "with Debian")),
                 qPrintable(widget.offlineText()));
        session.setPreferredLanguage(QStringLiteral("en"));
        QVERIFY(!widget.offlineText().contains(QStringLiteral("Debian")));
    }

    void recognitionLanguageFollowsWhatTheServerCanDo()
    {
        using client::VoiceSession;
        const QStringList debianOnly{QStringLiteral("voice"), QStringLiteral("voice-stt-offline:en-US")};
        QCOMPARE(VoiceSession::recognitionLanguage(QStringLiteral("en"), debianOnly), QStringLiteral("en-US"));
        QCOMPARE(VoiceSession::recognitionLanguage(QStringLiteral("pt_BR"), debianOnly), QStringLiteral("en-US"));
        QCOMPARE(VoiceSession::recognitionLanguage(QStringLiteral("pt_BR"),
                                                   debianOnly + QStringList{QStringLiteral("voice-stt-offline:pt-BR")}),
                 QStringLiteral("pt-BR"));
        QCOMPARE(VoiceSession::recognitionLanguage(QStringLiteral("pt_BR"), {QStringLiteral("voice-stt-remote")}),
                 QStringLiteral("pt-BR"));
        QCOMPARE(VoiceSession::recognitionLanguage(QStringLiteral("fr"), {QStringLiteral("voice-stt-remote")}),
                 QStringLiteral("en-US"));
    }
};

QTEST_MAIN(TestVoiceWidget)
#include "tst_voice_widget.moc"
