// SPDX-License-Identifier: GPL-3.0-or-later
// Speech-to-text behind one interface: PocketSphinx offline (per-language model directories) or
// any OpenAI-compatible /v1/audio/transcriptions endpoint. Implementations are called from worker
// threads, several at once, and must honour the turn's cancel flag between steps.
#pragma once

#include "pcm.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <stdexcept>

namespace cidadao::voice {

struct Transcript
{
    QString text;
    QString language;  // what the engine recognised in (BCP 47, e.g. "en-US")
    QString engine;    // "pocketsphinx-grammar" | "pocketsphinx-dictation" | "http"
};

// Why recognition did not produce a transcript. Unavailable: no engine can run for this language
// (model missing, endpoint unreachable) → stt_unavailable. Failed: the engine ran and broke on this
// audio (bad answer, decoder error) → stream_processing_error.
class SttError : public std::runtime_error
{
public:
    enum class Kind { Unavailable, Failed };
    SttError(Kind kind, const QString& message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

class SpeechToText
{
public:
    virtual ~SpeechToText() = default;
    // 16 kHz mono PCM16. Throws SttError. An empty text means "heard nothing it knows".
    virtual Transcript transcribe(const Samples& pcm, const QString& language, const std::atomic_bool& cancel) = 0;
    // Languages this engine can do without any network (BCP 47).
    virtual QStringList offlineLanguages() const = 0;
    // Languages it accepts at all (offline ones plus what a remote endpoint takes; "*" = any).
    virtual QStringList languages() const = 0;
    virtual QString name() const = 0;
};

} // namespace cidadao::voice
