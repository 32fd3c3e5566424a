// SPDX-License-Identifier: GPL-3.0-or-later
// The client core's voice parts without audio devices: push-to-talk state (press counter and
// release hold), and VoiceClient against a real server — a spoken command answered with a
// tool_call and audio, and a barge-in after which nothing of that turn reaches the caller.
#include "voicetestsupport.h"

#include "backend_api/chattestsupport.h"
#include "backend_api/investigationfixture.h"
#include "voice/pushtotalk.h"
#include "voice/voiceclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using namespace cidadao::testing;

class TestVoiceClient : public QObject
{
    Q_OBJECT
    QTemporaryDir m_scratch;
    std::unique_ptr<ServerProcess> m_server;
    QString m_token;

private Q_SLOTS:
    void pressCounterAndReleaseHold()
    {
        client::PushToTalk ptt;
        ptt.setReleaseHoldMs(50);
        QSignalSpy changes(&ptt, &client::PushToTalk::talkingChanged);
        ptt.press();            // the button
        ptt.press();            // and the key, held together
        QVERIFY(ptt.isTalking());
        ptt.release();          // the button comes up: the key still holds
        QTest::qWait(120);
        QVERIFY(ptt.isTalking());
        ptt.release();          // the last one: talking ends only after the hold
        QVERIFY(ptt.isTalking());
        QTRY_VERIFY(!ptt.isTalking());
        QCOMPARE(changes.size(), 2);
        ptt.release();          // a stray release changes nothing
        QCOMPARE(ptt.pressCount(), 0);
        ptt.press();
        ptt.release();
        ptt.press();            // pressed again within the hold: one continuous talk
        QTest::qWait(120);
        QVERIFY(ptt.isTalking());
        QCOMPARE(changes.size(), 3);
        ptt.reset();
        QVERIFY(!ptt.isTalking());
    }

    void initTestCase()
    {
        QString error;
        m_server = startServerWithData(m_scratch, 13, 2000, {}, &error);
        QVERIFY2(m_server, qPrintable(error));
        HttpClient http;
        m_token = registerAndLogin(http, *m_server, QStringLiteral("cliente@example.org"));
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    void spokenCommandThroughTheClient()
    {
        client::VoiceClient voice;
        QSignalSpy started(&voice, &client::VoiceClient::sessionStarted);
        QSignalSpy said(&voice, &client::VoiceClient::transcription);
        QSignalSpy tools(&voice, &client::VoiceClient::toolCall);
        QSignalSpy answers(&voice, &client::VoiceClient::agentResponse);
        QSignalSpy audio(&voice, &client::VoiceClient::audio);
        QSignalSpy ended(&voice, &client::VoiceClient::audioEnded);
        voice.open(m_server->url(), m_token);
        QVERIFY(started.wait(20000));
        QVERIFY(voice.capabilities()["stt"]["offline_languages"].get<QStringList>().contains(QStringLiteral("en-US")));
        voice.startSpeaking();
        // Odd-sized pieces, as a capture device delivers them: the client re-chunks.
        const QByteArray pcm = voice::bytesFromSamples(speak(QStringLiteral("investigate the contracts of the federal police")));
        for (qsizetype offset = 0; offset < pcm.size(); offset += 3000)
            voice.sendAudio(pcm.mid(offset, 3000));
        voice.stopSpeaking();
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 120000);
        QCOMPARE(said.first().first().toString(), QStringLiteral("investigate the contracts of the federal police"));
        QVERIFY(!tools.isEmpty());
        QCOMPARE(tools.first().first().toString(), QStringLiteral("start_investigation"));
        QVERIFY(!answers.isEmpty());
        QVERIFY(audio.size() > 3);
    }

    void bargeInDropsTheRestOfTheTurn()
    {
        client::VoiceClient voice;
        QSignalSpy started(&voice, &client::VoiceClient::sessionStarted);
        QSignalSpy audio(&voice, &client::VoiceClient::audio);
        QSignalSpy ended(&voice, &client::VoiceClient::audioEnded);
        QSignalSpy said(&voice, &client::VoiceClient::transcription);
        voice.open(m_server->url(), m_token);
        QVERIFY(started.wait(20000));
        voice.startSpeaking();
        voice.sendAudio(voice::bytesFromSamples(speak(QStringLiteral("what can you do"))));
        voice.stopSpeaking();
        QTRY_VERIFY_WITH_TIMEOUT(!audio.isEmpty(), 120000);
        QVERIFY(voice.isReplying());
        voice.bargeIn();
        QVERIFY(!voice.isReplying());
        const qsizetype before = audio.size();
        QTest::qWait(2000); // frames already on the wire arrive here and must be dropped
        QCOMPARE(audio.size(), before);
        QCOMPARE(ended.size(), 0);
        // The next turn plays again.
        voice.startSpeaking();
        voice.sendAudio(voice::bytesFromSamples(speak(QStringLiteral("hello"))));
        voice.stopSpeaking();
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 120000);
        QVERIFY(audio.size() > before);
        QCOMPARE(said.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestVoiceClient)
#include "tst_voice_client.moc"
