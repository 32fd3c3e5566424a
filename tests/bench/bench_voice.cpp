// SPDX-License-Identifier: GPL-3.0-or-later
// Voice benchmark (not a test): against a real cidadao-server over /ws/voice-chat,
//  1. barge_in → the last audio_response received (target ≤ 20 ms; frames already on the wire count),
//  2. stop_speaking → first audio_response for a ~3 s utterance (target ≤ 800 ms), the audio sent
//     at real-time pace as a microphone does (and, for the stage breakdown, all at once), next to
//     the batch reference measured in the same run in-process: recognise the whole utterance after
//     its end + synthesise the whole reply (what the server did before streaming both),
//  3. word error rate of the offline recogniser on 50 espeak-ng command sentences, grammar +
//     dictation fallback (what the server runs) against dictation alone (the reference).
// Prints one JSON line per figure and a summary. Usage: bench_voice [turns=10]
#include "voice/voicetestsupport.h"

#include "backend_api/chattestsupport.h"
#include "backend_api/investigationfixture.h"
#include "support/serverprocess.h"
#include "voice/energyvad.h"
#include "voice/espeaksynthesizer.h"
#include "voice/pocketsphinxrecognizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

using namespace cidadao;
using namespace cidadao::testing;
using protocol::Json;

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double maximum(const std::vector<double>& values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

QString typeOf(const Json& message)
{
    return message.is_object() ? QString::fromStdString(message.value("type", std::string())) : QString();
}

QStringList commandSentences()
{
    const QStringList verbs = {QStringLiteral("investigate"), QStringLiteral("audit"), QStringLiteral("check"),
                               QStringLiteral("examine"), QStringLiteral("analyze")};
    const QStringList sources = {QStringLiteral("contracts"), QStringLiteral("expenses"), QStringLiteral("agreements"),
                                 QStringLiteral("biddings"), QStringLiteral("payments")};
    const QStringList organs = {QStringLiteral("the ministry of health"), QStringLiteral("the ministry of education"),
                                QStringLiteral("the federal police"), QStringLiteral("the ministry of defense"),
                                QStringLiteral("the ministry of agriculture"), QStringLiteral("the central bank"),
                                QStringLiteral("the ministry of justice"), QStringLiteral("the national treasury")};
    QStringList out;
    for (int i = 0; i < 30; ++i)
        out.append(QStringLiteral("%1 the %2 of %3")
                       .arg(verbs[i % verbs.size()], sources[(i / 5) % sources.size()], organs[(i * 3) % organs.size()]));
    for (int i = 0; i < 8; ++i)
        out.append(QStringLiteral("search the %1 of %2").arg(sources[i % sources.size()], organs[(i * 5 + 1) % organs.size()]));
    const QStringList anomalies = {QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("payment"),
                                   QStringLiteral("duplicate")};
    for (int i = 0; i < 4; ++i)
        out.append(QStringLiteral("investigate the contracts of %1 looking for %2 anomalies")
                       .arg(organs[(i * 2 + 1) % organs.size()], anomalies[i]));
    out.append({QStringLiteral("what is the status of my investigation"), QStringLiteral("explain this anomaly"),
                QStringLiteral("generate a report of the ministry of health"), QStringLiteral("talk to anita"),
                QStringLiteral("ask machado"), QStringLiteral("what can you do"), QStringLiteral("who are you"),
                QStringLiteral("good morning")});
    return out;
}

class VoiceBench
{
public:
    explicit VoiceBench(int turns)
        : m_turns(turns)
    {
    }

    int run()
    {
        QTemporaryDir scratch;
        QString error;
        auto server = startServerWithData(scratch, 3, 3000, {}, &error);
        if (!server) {
            std::fprintf(stderr, "bench_voice: %s\n", qPrintable(error));
            return 1;
        }
        HttpClient http;
        const QString token = registerAndLogin(http, *server, QStringLiteral("bench@example.org"));
        QUrl url = server->webSocketUrl(QStringLiteral("/ws/voice-chat"));
        url.setQuery(QStringLiteral("token=") + token);

        WsClient client;
        if (!client.open(url) || typeOf(client.next()) != QLatin1String("session_start")) {
            std::fprintf(stderr, "bench_voice: no voice session\n");
            return 1;
        }
        const voice::Samples question = speak(QStringLiteral("what can you do"));
        // ~3 s of audio: the command with silence around it, as push-to-talk records it.
        voice::Samples threeSeconds = speak(QStringLiteral("investigate the expenses of the ministry of education"),
                                            QStringLiteral("en"), 0);
        const std::size_t pad = threeSeconds.size() < 48000 ? (48000 - threeSeconds.size()) / 2 : 4800;
        threeSeconds.insert(threeSeconds.begin(), pad, 0);
        threeSeconds.insert(threeSeconds.end(), pad, 0);

        // Warm-up turn: decoders load once per server.
        turn(client, question);

        std::vector<double> firstAudio, bargeIn;
        std::vector<TurnStages> realTimeStages, burstStages;
        for (int i = 0; i < m_turns; ++i) {
            realTimeStages.push_back(turn(client, threeSeconds, true));
            firstAudio.push_back(realTimeStages.back().firstAudio);
            burstStages.push_back(turn(client, threeSeconds, false));
            bargeIn.push_back(bargeInLatency(client, question));
        }
        printStages("real_time", realTimeStages);
        printStages("burst", burstStages);
        const QString reply = realTimeStages.empty() || realTimeStages.back().reply.isEmpty()
                                  ? QStringLiteral("Starting an investigation of the expenses of the ministry of education.")
                                  : realTimeStages.back().reply;
        const InProcess local = inProcessStages(threeSeconds, reply);
        const double floorMs = local.batchReference();
        std::printf("{\"metric\":\"in_process_stages_ms\",\"stt_whole_utterance\":%.1f,\"stt_tail_after_live_feed\":%.1f,"
                    "\"tts_whole_reply\":%.1f,\"tts_first_piece\":%.1f,\"reply_chars\":%lld}\n",
                    local.sttWhole, local.sttTail, local.ttsWhole, local.ttsFirst, static_cast<long long>(reply.size()));
        std::printf("{\"metric\":\"barge_in_to_last_audio_ms\",\"median\":%.2f,\"max\":%.2f,\"turns\":%d,\"target\":20}\n",
                    median(bargeIn), maximum(bargeIn), m_turns);
        std::printf("{\"metric\":\"stop_speaking_to_first_audio_ms\",\"utterance_s\":%.2f,\"median\":%.1f,\"max\":%.1f,"
                    "\"batch_reference_ms\":%.1f,\"ratio_to_batch_reference\":%.2f,\"target\":800}\n",
                    double(threeSeconds.size()) / 16000.0, median(firstAudio), maximum(firstAudio), floorMs,
                    floorMs > 0 ? median(firstAudio) / floorMs : 0.0);
        wordErrorRates();
        server->stop();
        return 0;
    }

private:
    // realTime: one chunk every 128 ms (4096 bytes of 16 kHz PCM16), as a microphone delivers it;
    // otherwise all at once (what a client replaying a recording does).
    static void sendUtterance(WsClient& client, const voice::Samples& samples, bool realTime = false)
    {
        client.sendJson(voiceMessage("start_speaking"));
        const QStringList chunks = audioChunks(samples);
        QElapsedTimer clock;
        clock.start();
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            if (realTime) {
                const qint64 due = i * 128;
                if (clock.elapsed() < due) {
                    QEventLoop loop;
                    QTimer::singleShot(int(due - clock.elapsed()), Qt::PreciseTimer, &loop, &QEventLoop::quit);
                    loop.exec();
                }
            }
            client.sendJson(voiceMessage("audio_chunk", Json{{"audio", chunks[i]}}));
        }
        client.sendJson(voiceMessage("stop_speaking"));
    }

    // Milliseconds from stop_speaking sent to each message of the turn received.
    struct TurnStages
    {
        double transcription = 0, intent = 0, agentResponse = 0, firstAudio = 0;
        QString reply;
    };

    static TurnStages turn(WsClient& client, const voice::Samples& samples, bool realTime = false)
    {
        // Whatever is still queued belongs to an earlier turn.
        while (client.pending() > 0)
            client.next(0);
        sendUtterance(client, samples, realTime);
        QElapsedTimer timer;
        timer.start();
        TurnStages stages;
        const auto stamp = [&timer](double& at) {
            if (at == 0)
                at = double(timer.nsecsElapsed()) / 1e6;
        };
        for (;;) {
            const Json message = client.next(120000);
            const QString type = typeOf(message);
            if (message.is_discarded() || type == QLatin1String("audio_end") || type == QLatin1String("error"))
                return stages;
            if (type == QLatin1String("transcription"))
                stamp(stages.transcription);
            else if (type == QLatin1String("intent"))
                stamp(stages.intent);
            else if (type == QLatin1String("agent_response")) {
                stamp(stages.agentResponse);
                stages.reply = QString::fromStdString(message["data"].value("text", std::string()));
            }
            else if (type == QLatin1String("audio_response"))
                stamp(stages.firstAudio);
        }
    }

    static void printStages(const char* mode, const std::vector<TurnStages>& turns)
    {
        const auto column = [&turns](double TurnStages::*member) {
            std::vector<double> values;
            for (const TurnStages& stages : turns)
                values.push_back(stages.*member);
            return median(values);
        };
        std::printf("{\"metric\":\"stop_speaking_stages_ms\",\"sending\":\"%s\",\"turns\":%zu,\"transcription\":%.1f,"
                    "\"intent\":%.1f,\"agent_response\":%.1f,\"first_audio\":%.1f}\n",
                    mode, turns.size(), column(&TurnStages::transcription), column(&TurnStages::intent),
                    column(&TurnStages::agentResponse), column(&TurnStages::firstAudio));
    }

    // Starts a reply, barges in after its first audio frame, and measures until the last
    // audio_response that still arrives (0 when none does). A marker message closes the window.
    static double bargeInLatency(WsClient& client, const voice::Samples& samples)
    {
        sendUtterance(client, samples);
        client.waitFor(QStringLiteral("audio_response"), 120000);
        QElapsedTimer timer;
        timer.start();
        client.sendJson(voiceMessage("barge_in"));
        client.sendJson(voiceMessage("marker"));
        double last = 0.0;
        for (;;) {
            const Json message = client.next(30000);
            if (message.is_discarded())
                break;
            if (typeOf(message) == QLatin1String("audio_response"))
                last = double(timer.nsecsElapsed()) / 1e6;
            if (typeOf(message) == QLatin1String("error"))
                break; // the marker's answer: the server has handled barge_in
        }
        return last;
    }

    // The stages in-process, without socket or orchestrator: recognising the whole utterance after
    // its end (what the server did before), the tail left when it was fed while spoken (what it
    // does now), synthesising the whole reply, and the reply's first piece of speech.
    struct InProcess
    {
        double sttWhole = 0, sttTail = 0, ttsWhole = 0, ttsFirst = 0;
        double batchReference() const { return sttWhole + ttsWhole; }
    };

    static InProcess inProcessStages(const voice::Samples& samples, const QString& reply)
    {
        voice::PocketSphinxRecognizer stt({{QStringLiteral("en-US"), voice::PocketSphinxRecognizer::debianEnglishModel()}});
        voice::EspeakSynthesizer tts;
        const std::atomic_bool never{false};
        const voice::EnergyVad vad;
        const auto span = vad.findSpeech(samples).value_or(voice::SpeechSpan{0, samples.size()});
        const voice::Samples speech(samples.begin() + std::ptrdiff_t(span.begin), samples.begin() + std::ptrdiff_t(span.end));
        stt.transcribe(speech, QStringLiteral("en-US"), never); // load + prime
        std::vector<double> sttWhole, sttTail, ttsWhole, ttsFirst;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            stt.transcribe(speech, QStringLiteral("en-US"), never);
            sttWhole.push_back(double(timer.nsecsElapsed()) / 1e6);

            auto stream = stt.openStream(QStringLiteral("en-US"));
            const voice::Samples rest(samples.begin() + std::ptrdiff_t(span.begin), samples.end());
            for (std::size_t offset = 0; offset < rest.size(); offset += 2048)
                stream->feed(std::span<const std::int16_t>(rest).subspan(offset, std::min<std::size_t>(2048, rest.size() - offset)));
            timer.restart();
            stream->finish(span.end - span.begin, never);
            sttTail.push_back(double(timer.nsecsElapsed()) / 1e6);

            timer.restart();
            bool first = true;
            tts.synthesizeStream(reply, QStringLiteral("en"), never, [&](voice::Samples) {
                if (first) {
                    first = false;
                    ttsFirst.push_back(double(timer.nsecsElapsed()) / 1e6);
                }
            });
            ttsWhole.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        return {median(sttWhole), median(sttTail), median(ttsWhole), median(ttsFirst)};
    }

    static void wordErrorRates()
    {
        const QStringList sentences = commandSentences();
        const QHash<QString, QString> models{{QStringLiteral("en-US"), voice::PocketSphinxRecognizer::debianEnglishModel()}};
        voice::PocketSphinxRecognizer grammar(models, true);
        voice::PocketSphinxRecognizer dictation(models, false);
        const std::atomic_bool never{false};
        WordErrors totalGrammar, totalDictation;
        int exact = 0;
        for (const QString& sentence : sentences) {
            const voice::Samples audio = speak(sentence);
            const QString heard = grammar.transcribe(audio, QStringLiteral("en-US"), never).text;
            const QString reference = dictation.transcribe(audio, QStringLiteral("en-US"), never).text;
            const WordErrors g = wordErrors(sentence, heard);
            const WordErrors d = wordErrors(sentence, reference);
            exact += g.distance() == 0 ? 1 : 0;
            const auto add = [](WordErrors& total, const WordErrors& part) {
                total.substitutions += part.substitutions;
                total.deletions += part.deletions;
                total.insertions += part.insertions;
                total.referenceWords += part.referenceWords;
            };
            add(totalGrammar, g);
            add(totalDictation, d);
            if (g.distance() > 0)
                std::fprintf(stderr, "  miss: \"%s\" -> \"%s\"\n", qPrintable(sentence), qPrintable(heard));
        }
        const double werGrammar = double(totalGrammar.distance()) / totalGrammar.referenceWords;
        const double werDictation = double(totalDictation.distance()) / totalDictation.referenceWords;
        std::printf("{\"metric\":\"word_error_rate\",\"sentences\":%lld,\"words\":%d,\"grammar_and_fallback\":%.4f,"
                    "\"S\":%d,\"D\":%d,\"I\":%d,\"exact_sentences\":%d,\"dictation_only_reference\":%.4f}\n",
                    static_cast<long long>(sentences.size()), totalGrammar.referenceWords, werGrammar,
                    totalGrammar.substitutions, totalGrammar.deletions, totalGrammar.insertions, exact, werDictation);
    }

    int m_turns;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int turns = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10;
    int status = 1;
    QTimer::singleShot(0, &app, [&] {
        status = VoiceBench(turns).run();
        app.quit();
    });
    app.exec();
    return status;
}
