// SPDX-License-Identifier: GPL-3.0-or-later
// One voice turn (runTurn) with the real recogniser and synthesiser, and a brain whose failures the
// test chooses: how a failure before or after `intent` is reported, and that a raised cancel flag
// ends the turn without another message. (The real orchestrator is exercised by tst_voice_ws.)
#include "voicetestsupport.h"

#include "voice/espeaksynthesizer.h"
#include "voice/pocketsphinxrecognizer.h"
#include "voice/voiceturn.h"

#include <QFileInfo>
#include <QTest>

using namespace cidadao;
using namespace cidadao::voice;
using protocol::Json;

namespace {

// Answers from a script: announces an intent or not, then throws or answers.
class ScriptedBrain : public VoiceBrain
{
public:
    bool announce = true;
    bool fail = false;
    bool longAnswer = false;
    std::atomic_bool* raise = nullptr; // raised during the answer, as a barge-in would
    BrainReply answer(const QString& utterance, const http::Principal&, const std::optional<QString>&,
                      const BrainCallbacks& callbacks, const std::atomic_bool&) override
    {
        if (announce)
            callbacks.intent(QStringLiteral("investigate"), 0.9);
        if (raise)
            raise->store(true);
        if (fail)
            throw BrainError("the agent broke");
        BrainReply reply;
        reply.intent = QStringLiteral("investigate");
        reply.confidence = 0.9;
        reply.agentId = QStringLiteral("zumbi");
        reply.agentName = QStringLiteral("Zumbi dos Palmares");
        reply.text = QStringLiteral("You said: ") + utterance;
        if (longAnswer)
            for (int i = 0; i < 6; ++i)
                reply.text += QStringLiteral(" This sentence makes the answer long enough to take many seconds to say.");
        reply.language = QStringLiteral("en");
        reply.toolCalls.append({QStringLiteral("start_investigation"), Json{{"query", utterance.toStdString()}}});
        return reply;
    }
};

struct Recorded
{
    QStringList types;
    QStringList errors;
    Samples audio;
    QList<qsizetype> pieces;
    int done = 0;
    qsizetype typesWhileFeeding = -1;
    QStringList texts;
};

} // namespace

class TestVoiceTurn : public QObject
{
    Q_OBJECT
    std::unique_ptr<PocketSphinxRecognizer> m_stt;
    std::unique_ptr<EspeakSynthesizer> m_tts;
    Samples m_command;

    Recorded run(VoiceBrain& brain, std::atomic_bool& cancel, bool live = false)
    {
        TurnEngines engines;
        engines.stt = m_stt.get();
        engines.tts = m_tts.get();
        engines.brain = &brain;
        Recorded recorded;
        TurnOutput output;
        output.message = [&](const char* type, const Json& data) {
            if (cancel.load())
                return; // what the socket does with a cancelled turn's messages
            recorded.types.append(QLatin1String(type));
            if (qstrcmp(type, "error") == 0)
                recorded.errors.append(data["error"].get<QString>());
            if (qstrcmp(type, "transcription") == 0)
                recorded.texts.append(data["text"].get<QString>());
        };
        output.speech = [&](Samples piece) {
            recorded.pieces.append(qsizetype(piece.size()));
            recorded.audio.insert(recorded.audio.end(), piece.begin(), piece.end());
        };
        output.speechDone = [&] { ++recorded.done; };
        if (!live) {
            runTurn(TurnInput{m_command, QStringLiteral("en-US"), {}, std::nullopt}, engines, output, cancel);
            return recorded;
        }
        // As the socket does it: 128 ms pieces while the user speaks, then the end.
        const TurnInput input{{}, QStringLiteral("en-US"), {}, std::nullopt};
        TurnRunner runner(input, engines, output, cancel);
        Samples spoken = m_command;
        spoken.insert(spoken.end(), 8000, 0);
        for (std::size_t offset = 0; offset < spoken.size(); offset += 2048)
            runner.feed(std::span<const std::int16_t>(spoken).subspan(offset, std::min<std::size_t>(2048, spoken.size() - offset)));
        recorded.typesWhileFeeding = recorded.types.size();
        runner.finish();
        return recorded;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(PocketSphinxRecognizer::debianEnglishModel()))
            QSKIP("pocketsphinx-en-us is not installed");
        m_stt = std::make_unique<PocketSphinxRecognizer>(
            QHash<QString, QString>{{QStringLiteral("en-US"), PocketSphinxRecognizer::debianEnglishModel()}});
        m_tts = std::make_unique<EspeakSynthesizer>();
        m_command = testing::speak(QStringLiteral("search the contracts of the federal police"));
    }

    void aWholeTurnInOrder()
    {
        ScriptedBrain brain;
        std::atomic_bool cancel{false};
        const Recorded recorded = run(brain, cancel);
        QCOMPARE(recorded.types, (QStringList{QStringLiteral("transcription"), QStringLiteral("intent"),
                                              QStringLiteral("tool_call"), QStringLiteral("agent_response")}));
        QVERIFY(recorded.audio.size() > 16000);
        // Spoken in pieces of about one wire frame, then marked complete once.
        QVERIFY(recorded.pieces.size() > 4);
        QVERIFY(*std::max_element(recorded.pieces.begin(), recorded.pieces.end()) <= 2048);
        QCOMPARE(recorded.done, 1);
    }

    void aTurnFedWhileSpokenHearsTheSame()
    {
        ScriptedBrain brain;
        std::atomic_bool cancel{false};
        const Recorded recorded = run(brain, cancel, true);
        QCOMPARE(recorded.typesWhileFeeding, qsizetype(0)); // nothing is said before the utterance ends
        QCOMPARE(recorded.types, (QStringList{QStringLiteral("transcription"), QStringLiteral("intent"),
                                              QStringLiteral("tool_call"), QStringLiteral("agent_response")}));
        QCOMPARE(recorded.texts.value(0), QStringLiteral("search the contracts of the federal police"));
        QCOMPARE(recorded.done, 1);
    }

    void cancelWhileSpeakingStopsTheSynthesis()
    {
        ScriptedBrain brain;
        brain.longAnswer = true;
        std::atomic_bool cancel{false};
        TurnEngines engines;
        engines.stt = m_stt.get();
        engines.tts = m_tts.get();
        engines.brain = &brain;
        Samples audio;
        int done = 0;
        TurnOutput output;
        output.message = [](const char*, const Json&) {};
        output.speech = [&](Samples piece) {
            audio.insert(audio.end(), piece.begin(), piece.end());
            cancel.store(true); // a barge-in right after the first frame
        };
        output.speechDone = [&] { ++done; };
        runTurn(TurnInput{m_command, QStringLiteral("en-US"), {}, std::nullopt}, engines, output, cancel);
        QVERIFY(!audio.empty());
        QVERIFY2(audio.size() < 16000 * 2, qPrintable(QString::number(audio.size()))); // not the whole answer
        QCOMPARE(done, 0);
    }

    void failureBeforeTheIntentIsDialogflowError()
    {
        ScriptedBrain brain;
        brain.announce = false;
        brain.fail = true;
        std::atomic_bool cancel{false};
        const Recorded recorded = run(brain, cancel);
        QCOMPARE(recorded.errors, QStringList{QStringLiteral("dialogflow_error")});
        QVERIFY(!recorded.types.contains(QStringLiteral("intent")));
    }

    void failureAfterTheIntentIsDialogflowStreamError()
    {
        ScriptedBrain brain;
        brain.fail = true;
        std::atomic_bool cancel{false};
        const Recorded recorded = run(brain, cancel);
        QCOMPARE(recorded.types, (QStringList{QStringLiteral("transcription"), QStringLiteral("intent"),
                                              QStringLiteral("error")}));
        QCOMPARE(recorded.errors, QStringList{QStringLiteral("dialogflow_stream_error")});
    }

    void cancelDuringTheAnswerStopsTheTurn()
    {
        ScriptedBrain brain;
        std::atomic_bool cancel{false};
        brain.raise = &cancel;
        const Recorded recorded = run(brain, cancel);
        QCOMPARE(recorded.types, (QStringList{QStringLiteral("transcription"), QStringLiteral("intent")}));
        QVERIFY(recorded.audio.empty()); // nothing was synthesised for a cancelled turn
    }

    void noEngineMeansUnavailable()
    {
        ScriptedBrain brain;
        TurnEngines engines;
        engines.brain = &brain;
        engines.sttProblem = QStringLiteral("no model");
        QStringList errors;
        TurnOutput output;
        output.message = [&](const char*, const Json& data) { errors.append(data.value("error", QString())); };
        output.speech = [](Samples) {};
        std::atomic_bool cancel{false};
        runTurn(TurnInput{m_command, QStringLiteral("en-US"), {}, std::nullopt}, engines, output, cancel);
        QCOMPARE(errors, QStringList{QStringLiteral("stt_unavailable")});
    }

    void wordErrorRate()
    {
        using testing::wordErrors;
        QCOMPARE(wordErrors(QStringLiteral("a b c"), QStringLiteral("a b c")).distance(), 0);
        const auto e = wordErrors(QStringLiteral("investigate the contracts of health"),
                                  QStringLiteral("investigate contracts of the wealth now"));
        QCOMPARE(e.referenceWords, 5);
        QCOMPARE(e.deletions, 1);
        QCOMPARE(e.substitutions, 1);
        QCOMPARE(e.insertions, 2);
        QCOMPARE(wordErrors(QString(), QStringLiteral("x y")).insertions, 2);
    }
};

QTEST_GUILESS_MAIN(TestVoiceTurn)
#include "tst_voice_turn.moc"
