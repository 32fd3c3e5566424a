// SPDX-License-Identifier: GPL-3.0-or-later
#include "espeaksynthesizer.h"

#include "resampler.h"
#include "sentences.h"

#include <QFile>
#include <QFileInfo>

#include <mutex>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

namespace cidadao::voice {

namespace {

// Where the callback puts speech: converted to 16 kHz as it comes, and handed on in pieces of
// about one wire frame, so that the first frame can leave before the sentence is finished.
struct SynthesisTarget
{
    Resampler* resampler;
    Samples* pending;
    const SpeechSink* sink;
    const std::atomic_bool* cancel;
};

constexpr std::size_t kPieceSamples = 2048; // 4096 bytes: one audio_response

// Whole frames as soon as they exist; with `all`, the remainder too (the end of a sentence).
void handOn(SynthesisTarget& target, bool all)
{
    Samples& pending = *target.pending;
    std::size_t offset = 0;
    for (; pending.size() - offset >= kPieceSamples; offset += kPieceSamples)
        (*target.sink)(Samples(pending.begin() + std::ptrdiff_t(offset),
                               pending.begin() + std::ptrdiff_t(offset + kPieceSamples)));
    if (all && offset < pending.size()) {
        (*target.sink)(Samples(pending.begin() + std::ptrdiff_t(offset), pending.end()));
        offset = pending.size();
    }
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(offset));
}

int collect(short* wav, int count, espeak_EVENT* events)
{
    auto* target = static_cast<SynthesisTarget*>(events ? events->user_data : nullptr);
    if (!target)
        return 0;
    if (wav && count > 0 && !target->cancel->load()) {
        const Samples converted = target->resampler->process(std::span<const std::int16_t>(wav, std::size_t(count)));
        target->pending->insert(target->pending->end(), converted.begin(), converted.end());
        handOn(*target, false);
    }
    // Non-zero stops the synthesis: a barged-in turn stops costing CPU at once.
    return target->cancel->load() ? 1 : 0;
}

QString statusText(espeak_ng_STATUS status)
{
    char buffer[512] = {};
    espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

// espeak-ng's state is process-wide and does not survive espeak_ng_Terminate() followed by a new
// initialisation (it deadlocks), so the library is started once per process and never stopped.
struct EspeakLibrary
{
    std::mutex mutex;
    bool started = false;
    QString error;
    int sampleRate = 0;
};

EspeakLibrary& library()
{
    static EspeakLibrary instance;
    return instance;
}

} // namespace

EspeakSynthesizer::EspeakSynthesizer(const QString& dataPath)
{
    EspeakLibrary& lib = library();
    std::lock_guard lock(lib.mutex);
    if (!lib.started) {
        lib.started = true;
        // espeak-ng silently falls back to its built-in path when the given one holds no data; a
        // configured directory that is wrong must be reported instead.
        const bool hasData = dataPath.isEmpty() || QFileInfo::exists(dataPath + QStringLiteral("/phontab"))
                             || QFileInfo::exists(dataPath + QStringLiteral("/espeak-ng-data/phontab"));
        if (!hasData) {
            lib.error = QStringLiteral("espeak-ng data not found in %1").arg(dataPath);
            m_error = lib.error;
            return;
        }
        const QByteArray path = QFile::encodeName(dataPath);
        espeak_ng_InitializePath(dataPath.isEmpty() ? nullptr : path.constData());
        espeak_ng_ERROR_CONTEXT context = nullptr;
        espeak_ng_STATUS status = espeak_ng_Initialize(&context);
        if (status != ENS_OK) {
            lib.error = QStringLiteral("espeak-ng cannot start: %1").arg(statusText(status));
            espeak_ng_ClearErrorContext(&context);
        } else if ((status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr)) != ENS_OK) {
            lib.error = QStringLiteral("espeak-ng output: %1").arg(statusText(status));
        } else {
            espeak_SetSynthCallback(collect);
            lib.sampleRate = espeak_ng_GetSampleRate();
        }
    }
    m_error = lib.error;
    m_sampleRate = lib.sampleRate;
}

EspeakSynthesizer::~EspeakSynthesizer() = default;

QByteArray EspeakSynthesizer::voiceFor(const QString& language)
{
    const QString tag = language.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (tag.startsWith(QLatin1String("pt")))
        return tag == QLatin1String("pt-pt") ? QByteArray("pt") : QByteArray("pt-br");
    if (tag.startsWith(QLatin1String("en")))
        return tag == QLatin1String("en-gb") ? QByteArray("en") : QByteArray("en-us");
    if (tag.startsWith(QLatin1String("fr")))
        return QByteArray("fr");
    return tag.toUtf8();
}

QStringList EspeakSynthesizer::languages() const
{
    if (!m_error.isEmpty())
        return {};
    return {QStringLiteral("pt-BR"), QStringLiteral("en"), QStringLiteral("fr")};
}

void EspeakSynthesizer::synthesizeStream(const QString& text, const QString& language, const std::atomic_bool& cancel,
                                         const SpeechSink& sink)
{
    if (!m_error.isEmpty())
        throw TtsError(m_error);
    const QByteArray voice = voiceFor(language);
    Resampler resampler(m_sampleRate, 16000);
    Samples pending;
    SynthesisTarget target{&resampler, &pending, &sink, &cancel};
    bool voiceChecked = false;
    // One sentence per call: the library is free for other sessions in between, and a raised
    // cancel flag is seen before the next sentence starts.
    const QStringList sentences = splitSentences(text);
    for (const QString& sentence : sentences) {
        if (cancel.load())
            return;
        {
            std::lock_guard lock(library().mutex);
            espeak_ng_STATUS status = espeak_ng_SetVoiceByName(voice.constData());
            if (status != ENS_OK)
                throw TtsError(QStringLiteral("espeak-ng has no voice %1: %2")
                                   .arg(QString::fromUtf8(voice), statusText(status)));
            voiceChecked = true;
            const QByteArray utf8 = sentence.toUtf8();
            status = espeak_ng_Synthesize(utf8.constData(), size_t(utf8.size()) + 1, 0, POS_CHARACTER, 0,
                                          espeakCHARS_UTF8, nullptr, &target);
            if (status != ENS_OK && !cancel.load())
                throw TtsError(QStringLiteral("espeak-ng failed: %1").arg(statusText(status)));
        }
        handOn(target, true); // the end of a sentence goes out at once
    }
    if (!voiceChecked || cancel.load())
        return;
    const Samples rest = resampler.flush();
    pending.insert(pending.end(), rest.begin(), rest.end());
    handOn(target, true);
}

} // namespace cidadao::voice
