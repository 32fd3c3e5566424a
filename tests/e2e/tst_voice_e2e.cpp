// SPDX-License-Identifier: GPL-3.0-or-later
// Voice end to end, run by voice_e2e.sh inside a private PulseAudio: the microphone is a pipe
// source that this test feeds with espeak-ng speech at real-time pace, the speaker a null sink
// whose monitor the script records. The real client core (VoiceSession: push-to-talk, QAudioSource,
// the voice socket, QAudioSink) talks to a real cidadao-server; the server must hear the command,
// start an investigation through a tool_call, and answer in speech that is played.
#include "backend_api/chattestsupport.h"
#include "backend_api/investigationfixture.h"
#include "voice/voicesession.h"
#include "voice/voicetestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

using namespace cidadao;
using namespace cidadao::testing;

class TestVoiceE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spokenCommandIsHeardAnsweredAndPlayed()
    {
        const QByteArray fifo = qgetenv("CIDADAO_E2E_MIC_FIFO");
        if (fifo.isEmpty())
            QSKIP("run through voice_e2e.sh (it provides the PulseAudio microphone)");
        QTemporaryDir scratch;
        QString error;
        auto server = startServerWithData(scratch, 5, 3000, {}, &error);
        QVERIFY2(server, qPrintable(error));
        HttpClient http;
        const QString token = registerAndLogin(http, *server, QStringLiteral("e2e@example.org"));
        QVERIFY(!token.isEmpty());

        client::VoiceSession session;
        QVERIFY2(session.isAvailable(), qPrintable(session.unavailableReason()));
        QSignalSpy ready(&session, &client::VoiceSession::ready);
        QSignalSpy said(&session, &client::VoiceSession::userSaid);
        QSignalSpy tools(&session, &client::VoiceSession::toolCalled);
        QSignalSpy answered(&session, &client::VoiceSession::agentSaid);
        QSignalSpy problems(&session, &client::VoiceSession::problem);
        QSignalSpy ended(&session.client(), &client::VoiceClient::audioEnded);
        session.connectTo(server->url(), token);
        QVERIFY(ready.wait(20000));

        // The microphone: PulseAudio reads the FIFO; we write 20 ms pieces every 20 ms.
        const int fd = ::open(fifo.constData(), O_WRONLY);
        QVERIFY(fd >= 0);
        const QString command = QStringLiteral("investigate the contracts of the ministry of health");
        const QByteArray speech = voice::bytesFromSamples(speak(command, QStringLiteral("en"), 400));
        session.pushToTalk().press();
        qsizetype offset = 0;
        QTimer pacer;
        pacer.setTimerType(Qt::PreciseTimer);
        pacer.setInterval(20);
        QElapsedTimer clock;
        clock.start();
        connect(&pacer, &QTimer::timeout, this, [&] {
            // Write what real time says should have been spoken by now (timers may fire late).
            const qsizetype due = qMin<qsizetype>(speech.size(), clock.elapsed() * 32);
            while (offset < due) {
                const ssize_t n = ::write(fd, speech.constData() + offset, size_t(qMin<qsizetype>(due - offset, 640)));
                if (n <= 0)
                    break;
                offset += n;
            }
            if (offset >= speech.size())
                pacer.stop();
        });
        pacer.start();
        QTRY_VERIFY_WITH_TIMEOUT(!pacer.isActive(), 30000);
        QTest::qWait(300); // the microphone's own buffering
        session.pushToTalk().release();
        // Reported, not asserted (a shared machine): release → the first audio of the reply.
        QElapsedTimer sinceRelease;
        sinceRelease.start();
        qint64 firstAudioMs = -1, transcriptionMs = -1, answerMs = -1;
        connect(&session.client(), &client::VoiceClient::audio, this, [&] {
            if (firstAudioMs < 0)
                firstAudioMs = sinceRelease.elapsed();
        });
        connect(&session, &client::VoiceSession::userSaid, this, [&] {
            if (transcriptionMs < 0)
                transcriptionMs = sinceRelease.elapsed();
        });
        connect(&session, &client::VoiceSession::agentSaid, this, [&] {
            if (answerMs < 0)
                answerMs = sinceRelease.elapsed();
        });

        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty() || !problems.isEmpty(), 60000);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().at(1).toString()));
        const QString heard = said.first().first().toString();
        qInfo().noquote() << "server heard:" << heard;
        const auto errors = wordErrors(command, heard);
        QVERIFY2(errors.distance() <= 1, qPrintable(heard)); // the words, at most one slip
        for (const char* word : {"investigate", "contracts", "ministry", "health"})
            QVERIFY2(heard.split(QLatin1Char(' ')).contains(QLatin1String(word)), qPrintable(heard));

        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty() || !problems.isEmpty(), 120000);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().at(1).toString()));
        QVERIFY(!tools.isEmpty());
        QCOMPARE(tools.first().first().toString(), QStringLiteral("start_investigation"));
        QVERIFY(!answered.isEmpty());
        qInfo().noquote() << "agent:" << answered.first().at(0).toString() << "-" << answered.first().at(1).toString();
        qInfo("release -> transcription %lld ms, agent_response %lld ms, first reply audio %lld ms", transcriptionMs,
              answerMs, firstAudioMs);
        // Played: everything received went to the sink, and the sink drains.
        QTRY_VERIFY_WITH_TIMEOUT(!session.playback().isPlaying(), 60000);
        QVERIFY(session.playback().bytesPlayed() > 16000 * 2);
        ::close(fd);
        server->stop();
    }
};

QTEST_GUILESS_MAIN(TestVoiceE2e)
#include "tst_voice_e2e.moc"
