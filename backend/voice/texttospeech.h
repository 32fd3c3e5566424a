// SPDX-License-Identifier: GPL-3.0-or-later
// Text-to-speech behind one interface; the voice socket only ever sees 16 kHz mono PCM16.
#pragma once

#include "pcm.h"

#include <QString>
#include <QStringList>

#include <atomic>
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

class TextToSpeech
{
public:
    virtual ~TextToSpeech() = default;
    // Speech for text in language ("pt-BR", "en", "en-US"...), resampled to 16 kHz. Returns what
    // was made so far when cancel is raised. Throws TtsError.
    virtual Samples synthesize(const QString& text, const QString& language, const std::atomic_bool& cancel) = 0;
    virtual QStringList languages() const = 0;
};

} // namespace cidadao::voice
