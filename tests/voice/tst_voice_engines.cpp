// SPDX-License-Identifier: GPL-3.0-or-later
// The voice engines on real audio: resampling (whole and streamed), sentences, VAD, the domain grammar, espeak-ng synthesis and
// PocketSphinx recognition of espeak-ng speech (Debian's en-US model).
#include "voice/domaingrammar.h"
#include "voice/energyvad.h"
#include "voice/espeaksynthesizer.h"
#include "voice/pocketsphinxrecognizer.h"
#include "voice/resampler.h"
#include "voice/sentences.h"

#include <QFileInfo>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace cidadao::voice;

namespace {

Samples tone(double frequency, int rate, double seconds, double amplitude)
{
    Samples out(std::size_t(rate * seconds));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = std::int16_t(amplitude * std::sin(2.0 * std::numbers::pi * frequency * double(i) / rate));
    return out;
}

// Zero crossings per second / 2 = frequency of a pure tone.
double measuredFrequency(const Samples& samples, int rate)
{
    int crossings = 0;
    for (std::size_t i = 1; i < samples.size(); ++i)
        if ((samples[i - 1] < 0) != (samples[i] < 0))
            ++crossings;
    return crossings / 2.0 / (double(samples.size()) / rate);
}

} // namespace

class TestVoiceEngines : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resamplerKeepsPitchAndLevel()
    {
        const Samples input = tone(1000.0, 22050, 1.0, 10000.0);
        const Samples output = resample(input, 22050, 16000);
        QCOMPARE(qint64(output.size()), qint64(16000));
        QVERIFY(std::abs(measuredFrequency(output, 16000) - 1000.0) < 5.0);
        QVERIFY(std::abs(rms(output) - rms(input)) / rms(input) < 0.02);
    }

    void resamplerRemovesWhatCannotBeRepresented()
    {
        // 10 kHz is above 16 kHz's Nyquist: it must not fold back as a 6 kHz alias.
        const Samples input = tone(10000.0, 22050, 0.5, 10000.0);
        const Samples output = resample(input, 22050, 16000);
        QVERIFY2(rms(output) < 0.05 * rms(input), qPrintable(QString::number(rms(output))));
    }

    void resamplerStreamsLikeTheWholeBuffer()
    {
        // Speech comes from the synthesiser in pieces of any size: converting them one by one must
        // give the same signal as converting the whole, sample for sample.
        Samples input = tone(440.0, 22050, 0.7, 9000.0);
        const Samples overtone = tone(3100.0, 22050, 0.7, 3000.0);
        for (std::size_t i = 0; i < input.size(); ++i)
            input[i] = std::int16_t(input[i] + overtone[i]);
        const Samples whole = resample(input, 22050, 16000);
        Resampler streaming(22050, 16000);
        Samples pieces;
        const std::size_t sizes[] = {1, 7, 300, 4096, 13, 2205};
        for (std::size_t offset = 0, piece = 0; offset < input.size(); ++piece) {
            const std::size_t count = std::min(sizes[piece % std::size(sizes)], input.size() - offset);
            const Samples out = streaming.process(std::span<const std::int16_t>(input).subspan(offset, count));
            pieces.insert(pieces.end(), out.begin(), out.end());
            offset += count;
        }
        const Samples rest = streaming.flush();
        pieces.insert(pieces.end(), rest.begin(), rest.end());
        QCOMPARE(qint64(pieces.size()), qint64(whole.size()));
        int differing = 0;
        for (std::size_t i = 0; i < whole.size(); ++i)
            differing += std::abs(int(whole[i]) - int(pieces[i])) > 1 ? 1 : 0;
        QCOMPARE(differing, 0);
    }

    void sentencesSplitWhereTheSpeechPauses()
    {
        QCOMPARE(splitSentences(QStringLiteral("Starting now. The contracts of R$ 1.234,56 are odd!  Why?\nDone")),
                 (QStringList{QStringLiteral("Starting now."), QStringLiteral("The contracts of R$ 1.234,56 are odd!"),
                              QStringLiteral("Why?"), QStringLiteral("Done")}));
        QCOMPARE(splitSentences(QStringLiteral("  ")), QStringList());
        QCOMPARE(splitSentences(QStringLiteral("version 3.5 is out")), QStringList{QStringLiteral("version 3.5 is out")});
    }

    void vadFindsTheSpeechBetweenSilences()
    {
        Samples audio(16000, 0);                       // 1 s silence
        const Samples voice = tone(220.0, 16000, 1.0, 6000.0);
        audio.insert(audio.end(), voice.begin(), voice.end());
        audio.insert(audio.end(), 16000, 0);            // 1 s silence
        const EnergyVad vad;
        const auto span = vad.findSpeech(audio);
        QVERIFY(span.has_value());
        QVERIFY(span->begin >= 16000 - 3200 - 320 && span->begin <= 16000);
        QVERIFY(span->end >= 32000 && span->end <= 32000 + 3200 + 320);
        QVERIFY(!vad.findSpeech(Samples(32000, 0)).has_value());
        // Quiet noise is not speech either.
        QVERIFY(!vad.findSpeech(tone(300.0, 16000, 1.0, 100.0)).has_value());
    }

    void vadStreamingNoticesSpeech()
    {
        EnergyVad vad;
        QVERIFY(!vad.feed(Samples(8000, 0)));
        QVERIFY(vad.feed(tone(200.0, 16000, 0.2, 8000.0)));
        QVERIFY(vad.speechFrames() >= 5);
        vad.reset();
        QCOMPARE(vad.speechFrames(), 0);
    }

    void grammarDropsWhatTheModelCannotSay()
    {
        const DomainGrammar grammar = DomainGrammar::forLanguage(QStringLiteral("en-US"));
        QVERIFY(grammar.words().contains(QStringLiteral("ministry")));
        QVERIFY(grammar.words().contains(QStringLiteral("zumbi")));
        const QString all = grammar.jsgf([](const QString&) { return true; });
        QVERIFY(all.contains(QStringLiteral("public <command>")));
        QVERIFY(all.contains(QStringLiteral("zumbi")));
        const QString noAgents = grammar.jsgf([](const QString& word) { return word != QLatin1String("zumbi"); });
        QVERIFY(!noAgents.contains(QStringLiteral("zumbi")));
        QVERIFY(noAgents.contains(QStringLiteral("<agentname> =")));
        // With no organ pronounceable the organ rule goes, and so do the alternatives needing it.
        const QString noOrgans = grammar.jsgf([](const QString& word) {
            return word != QLatin1String("ministry") && word != QLatin1String("federal") && word != QLatin1String("national")
                   && word != QLatin1String("presidency") && word != QLatin1String("supreme") && word != QLatin1String("central")
                   && word != QLatin1String("petrobras");
        });
        QVERIFY(!noOrgans.contains(QStringLiteral("<organ> =")));
        QVERIFY(!noOrgans.contains(QStringLiteral("<organ>")));
        QVERIFY(DomainGrammar::forLanguage(QStringLiteral("pt-BR")).words().contains(QStringLiteral("investigue")));
        QVERIFY(DomainGrammar::forLanguage(QStringLiteral("de")).isEmpty());
    }

    void espeakSpeaksBothLanguages()
    {
        EspeakSynthesizer tts;
        QVERIFY2(tts.isAvailable(), qPrintable(tts.errorString()));
        const std::atomic_bool never{false};
        const Samples english = tts.synthesize(QStringLiteral("Investigation started."), QStringLiteral("en"), never);
        const Samples portuguese =
            tts.synthesize(QStringLiteral("Investigação iniciada no Ministério da Saúde."), QStringLiteral("pt-BR"), never);
        // Seconds of speech at 16 kHz, and not silence.
        QVERIFY(english.size() > 8000 && english.size() < 16000 * 4);
        QVERIFY(portuguese.size() > english.size());
        QVERIFY(rms(english) > 500.0);
        const std::atomic_bool cancelled{true};
        const Samples stopped = tts.synthesize(QStringLiteral("A very long sentence that would take a while to say, "
                                                              "repeated. A very long sentence that would take a while."),
                                               QStringLiteral("en"), cancelled);
        QVERIFY(stopped.size() < english.size());
    }

    void espeakHandsSpeechOnWhileItSpeaks()
    {
        EspeakSynthesizer tts;
        QVERIFY2(tts.isAvailable(), qPrintable(tts.errorString()));
        const QString text = QStringLiteral("I started an investigation of the ministry of health. It looks for price "
                                            "anomalies in its contracts. You will hear from me when it ends.");
        const std::atomic_bool never{false};
        const Samples whole = tts.synthesize(text, QStringLiteral("en"), never);
        // Piece by piece: at most one wire frame each, and together the same speech.
        QList<qsizetype> sizes;
        Samples joined;
        tts.synthesizeStream(text, QStringLiteral("en"), never, [&](Samples piece) {
            sizes.append(qsizetype(piece.size()));
            joined.insert(joined.end(), piece.begin(), piece.end());
        });
        QVERIFY(sizes.size() > 10);
        QVERIFY(*std::max_element(sizes.begin(), sizes.end()) <= 2048);
        // (espeak-ng's output of the same text may differ by a few samples from one call to the next.)
        QVERIFY(std::abs(double(joined.size()) - double(whole.size())) < 0.01 * double(whole.size()));
        // The first piece comes while the rest is not made yet: stopping there leaves little made.
        std::atomic_bool stop{false};
        Samples beforeStop;
        tts.synthesizeStream(text, QStringLiteral("en"), stop, [&](Samples piece) {
            beforeStop.insert(beforeStop.end(), piece.begin(), piece.end());
            stop.store(true);
        });
        QVERIFY2(beforeStop.size() < whole.size() / 4,
                 qPrintable(QStringLiteral("%1 of %2").arg(beforeStop.size()).arg(whole.size())));
    }

    void pocketsphinxHearsAnEspeakCommand()
    {
        if (!QFileInfo::exists(PocketSphinxRecognizer::debianEnglishModel()))
            QSKIP("pocketsphinx-en-us is not installed");
        PocketSphinxRecognizer stt({{QStringLiteral("en-US"), PocketSphinxRecognizer::debianEnglishModel()}});
        QCOMPARE(stt.offlineLanguages(), QStringList{QStringLiteral("en-US")});
        EspeakSynthesizer tts;
        const std::atomic_bool never{false};
        const Samples speech = tts.synthesize(QStringLiteral("investigate the contracts of the ministry of health"),
                                              QStringLiteral("en"), never);
        const Transcript transcript = stt.transcribe(speech, QStringLiteral("en-US"), never);
        QCOMPARE(transcript.text, QStringLiteral("investigate the contracts of the ministry of health"));
        QCOMPARE(transcript.engine, QStringLiteral("pocketsphinx-grammar"));
        QVERIFY_THROWS_EXCEPTION(SttError, stt.transcribe(speech, QStringLiteral("pt-BR"), never));

        // Fed as a microphone delivers it (128 ms pieces, silence after), the same words come out.
        Samples spoken = speech;
        spoken.insert(spoken.end(), 16000, 0);
        auto stream = stt.openStream(QStringLiteral("en-US"));
        for (std::size_t offset = 0; offset < spoken.size(); offset += 2048)
            stream->feed(std::span<const std::int16_t>(spoken).subspan(offset, std::min<std::size_t>(2048, spoken.size() - offset)));
        const Transcript streamed = stream->finish(speech.size() + 3200, never);
        QCOMPARE(streamed.text, QStringLiteral("investigate the contracts of the ministry of health"));
        QCOMPARE(streamed.engine, QStringLiteral("pocketsphinx-grammar"));
        auto portuguese = stt.openStream(QStringLiteral("pt-BR"));
        portuguese->feed(speech);
        QVERIFY_THROWS_EXCEPTION(SttError, portuguese->finish(speech.size(), never));
    }

    void modelDiscovery()
    {
        QVERIFY(!PocketSphinxRecognizer::discover(QStringLiteral("pt-BR"), QStringLiteral("/nonexistent")).has_value());
        if (!QFileInfo::exists(PocketSphinxRecognizer::debianEnglishModel()))
            QSKIP("pocketsphinx-en-us is not installed");
        const auto model = PocketSphinxRecognizer::discover(QStringLiteral("en-US"), PocketSphinxRecognizer::debianEnglishModel());
        QVERIFY(model.has_value());
        QVERIFY(model->languageModel.endsWith(QLatin1String("en-us.lm.bin")));
        QVERIFY(model->dictionary.endsWith(QLatin1String("cmudict-en-us.dict")));
    }
};

QTEST_GUILESS_MAIN(TestVoiceEngines)
#include "tst_voice_engines.moc"
