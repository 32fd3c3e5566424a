// SPDX-License-Identifier: GPL-3.0-or-later
// Text-to-speech with the espeak-ng library (pt-BR and English voices). espeak-ng keeps one global
// synthesiser per process, so this class serialises calls; synthesis is synchronous and takes a
// few milliseconds per sentence, far less than the sentence lasts. The lock is held one sentence
// at a time, so concurrent sessions interleave. Every instance shares the one
// library state; the first instance's data path is the one used.
#pragma once

#include "texttospeech.h"


namespace cidadao::voice {

class EspeakSynthesizer : public TextToSpeech
{
public:
    // dataPath: espeak-ng-data's parent directory; empty = the library's default. Construct once
    // per process. A failed initialisation is kept and reported by every synthesize() call.
    explicit EspeakSynthesizer(const QString& dataPath = {});
    ~EspeakSynthesizer() override;

    // Sentence by sentence; within a sentence, pieces of one wire frame as the library makes them.
    void synthesizeStream(const QString& text, const QString& language, const std::atomic_bool& cancel,
                          const SpeechSink& sink) override;
    QStringList languages() const override;
    bool isAvailable() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    int nativeSampleRate() const { return m_sampleRate; }

    // The espeak-ng voice name for a BCP 47 language ("pt-BR" → "pt-br", "en" → "en-us").
    static QByteArray voiceFor(const QString& language);

private:
    QString m_error;
    int m_sampleRate = 0;
};

} // namespace cidadao::voice
