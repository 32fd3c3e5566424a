// SPDX-License-Identifier: GPL-3.0-or-later
// The push-to-talk panel offscreen. Without an audio device (no PulseAudio here) push-to-talk is
// off and the panel says why; the hold key drives the push-to-talk state only when voice works.
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
        // The key does nothing either.
        QTest::keyPress(&widget, Qt::Key_F9);
        QVERIFY(!session.pushToTalk().isTalking());
        QTest::keyRelease(&widget, Qt::Key_F9);
    }
};

QTEST_MAIN(TestVoiceWidget)
#include "tst_voice_widget.moc"
