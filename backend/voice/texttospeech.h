// SPDX-License-Identifier: GPL-3.0-or-later
// Text-to-speech behind one interface; the voice socket only ever sees 16 kHz mono PCM16.
#pragma once

#include "pcm.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <stdexcept>

namespace cidadao::voice {

// The synthesiser cannot run (data missing, no such voice) → tts_unavailable.
class TtsError : public std::runtime_error
{
public:
    explicit TtsError(const QString& message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// Receives speech as it is made, in order (16 kHz). Called on the synthesising thread.
using SpeechSink = std::function<void(Samples piece)>;

class TextToSpeech
{
public:
    virtual ~TextToSpeech() = default;
    // Speech for text in language ("pt-BR", "en", "en-US"...), resampled to 16 kHz, handed to sink
    // piece by piece while the rest is still being made (sentence by sentence at least). Stops
    // early when cancel is raised. Throws TtsError (before any piece when the voice is missing).
    virtual void synthesizeStream(const QString& text, const QString& language, const std::atomic_bool& cancel,
                                  const SpeechSink& sink) = 0;
    // The whole speech at once: what was made so far when cancel is raised.
    Samples synthesize(const QString& text, const QString& language, const std::atomic_bool& cancel)
    {
        Samples all;
        synthesizeStream(text, language, cancel, [&all](Samples piece) { all.insert(all.end(), piece.begin(), piece.end()); });
        return all;
    }
    virtual QStringList languages() const = 0;
};

} // namespace cidadao::voice
