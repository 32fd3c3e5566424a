// SPDX-License-Identifier: GPL-3.0-or-later
// Speech-to-text behind one interface: PocketSphinx offline (per-language model directories) or
// any OpenAI-compatible /v1/audio/transcriptions endpoint. Implementations are called from worker
// threads, several at once, and must honour the turn's cancel flag between steps.
#pragma once

#include "pcm.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <algorithm>
#include <memory>
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

// One utterance recognised while it is spoken: the audio is fed as it arrives, so that at its end
// only the tail is left to decode. Used from one thread at a time, in order.
class RecognitionStream
{
public:
    virtual ~RecognitionStream() = default;
    // More of the utterance (16 kHz mono PCM16), from its speech onset on. Errors are kept for
    // finish().
    virtual void feed(std::span<const std::int16_t> pcm) = 0;
    // The end of the utterance: its speech ends `speechEnd` samples into what was fed (the silence
    // after it is not decoded when it can still be left out). Decodes what is left and answers.
    // Throws SttError.
    virtual Transcript finish(std::size_t speechEnd, const std::atomic_bool& cancel) = 0;
};

class SpeechToText
{
public:
    virtual ~SpeechToText() = default;
    // A stream for one utterance. The default keeps the audio and transcribes the speech span at
    // finish() (what a remote endpoint, which takes whole files, needs).
    virtual std::unique_ptr<RecognitionStream> openStream(const QString& language);
    // 16 kHz mono PCM16. Throws SttError. An empty text means "heard nothing it knows".
    virtual Transcript transcribe(const Samples& pcm, const QString& language, const std::atomic_bool& cancel) = 0;
    // Languages this engine can do without any network (BCP 47).
    virtual QStringList offlineLanguages() const = 0;
    // Languages it accepts at all (offline ones plus what a remote endpoint takes; "*" = any).
    virtual QStringList languages() const = 0;
    virtual QString name() const = 0;
};

namespace detail {
class BufferedStream : public RecognitionStream
{
public:
    BufferedStream(SpeechToText& engine, QString language)
        : m_engine(engine)
        , m_language(std::move(language))
    {
    }
    void feed(std::span<const std::int16_t> pcm) override { m_pcm.insert(m_pcm.end(), pcm.begin(), pcm.end()); }
    Transcript finish(std::size_t speechEnd, const std::atomic_bool& cancel) override
    {
        m_pcm.resize(std::min(speechEnd, m_pcm.size()));
        return m_engine.transcribe(m_pcm, m_language, cancel);
    }

private:
    SpeechToText& m_engine;
    QString m_language;
    Samples m_pcm;
};
} // namespace detail

inline std::unique_ptr<RecognitionStream> SpeechToText::openStream(const QString& language)
{
    return std::make_unique<detail::BufferedStream>(*this, language);
}

} // namespace cidadao::voice
