// SPDX-License-Identifier: GPL-3.0-or-later
#include "pocketsphinxrecognizer.h"

#include "sphinxdecoder.h"

#include <optional>

namespace cidadao::voice {

// One utterance on one decoder. The grammar search runs incrementally, half a second behind;
// a decoder's first utterance is decoded again once its cepstral means have adapted, and an
// utterance the grammar cannot parse is decoded again by dictation, both over the kept audio.
class PocketSphinxRecognizer::Stream : public RecognitionStream
{
public:
    Stream(PocketSphinxRecognizer& owner, const SphinxModel* model, QString language)
        : m_owner(owner)
        , m_model(model)
        , m_language(std::move(language))
    {
    }

    ~Stream() override
    {
        if (!m_decoder)
            return;
        if (m_inUtterance)
            ps_end_utt(m_decoder->ps);
        if (!m_failed)
            m_owner.release(*m_model, std::move(m_decoder));
    }

    void feed(std::span<const std::int16_t> pcm) override
    {
        m_pcm.insert(m_pcm.end(), pcm.begin(), pcm.end());
        if (m_model && !m_failed && m_pcm.size() > kHoldBackSamples)
            advance(m_pcm.size() - kHoldBackSamples);
    }

    Transcript finish(std::size_t speechEnd, const std::atomic_bool& cancel) override
    {
        if (!m_model)
            throw SttError(SttError::Kind::Unavailable,
                           QStringLiteral("no offline speech model for %1 (offline: %2)")
                               .arg(m_language, m_owner.offlineLanguages().join(QStringLiteral(", "))));
        speechEnd = std::min(speechEnd, m_pcm.size());
        if (!cancel.load())
            advance(speechEnd);
        if (m_error)
            throw *m_error;
        Transcript transcript;
        transcript.language = m_model->language;
        if (cancel.load() || !m_decoder)
            return transcript;
        std::optional<QString> heard = endUtterance();
        const auto speech = std::span<const std::int16_t>(m_pcm).first(speechEnd);
        if (!m_decoder->primed) {
            // The incremental pass adapted the means; this one recognises.
            m_decoder->primed = true;
            heard = m_decoder->hasGrammar ? decodeWhole(kGrammarSearch, speech, cancel) : std::nullopt;
        }
        if (m_decoder->hasGrammar && heard && !heard->isEmpty()) {
            transcript.text = *heard;
            transcript.engine = QStringLiteral("pocketsphinx-grammar");
        } else if (!cancel.load()) {
            transcript.text = decodeWhole(m_decoder->dictationSearch.constData(), speech, cancel).value_or(QString());
            transcript.engine = QStringLiteral("pocketsphinx-dictation");
        }
        if (m_error)
            throw *m_error;
        return transcript;
    }

private:
    static constexpr std::size_t kHoldBackSamples = 8000; // 500 ms

    const char* firstSearch() const
    {
        return m_decoder->hasGrammar ? kGrammarSearch : m_decoder->dictationSearch.constData();
    }

    void fail(SttError error)
    {
        m_error = std::move(error);
        if (m_error->kind() == SttError::Kind::Failed)
            m_failed = true; // a decoder that failed mid-utterance is not trusted again
    }

    // Decodes the kept audio up to `until` (absolute sample index).
    void advance(std::size_t until)
    {
        if (m_error)
            return;
        try {
            if (!m_decoder)
                m_decoder = m_owner.acquire(*m_model);
            if (!m_inUtterance) {
                if (ps_set_search(m_decoder->ps, firstSearch()) < 0 || ps_start_utt(m_decoder->ps) < 0)
                    throw SttError(SttError::Kind::Failed, QStringLiteral("PocketSphinx could not start an utterance"));
                m_inUtterance = true;
            }
            if (until > m_fed) {
                if (ps_process_raw(m_decoder->ps, m_pcm.data() + m_fed, until - m_fed, FALSE, FALSE) < 0)
                    throw SttError(SttError::Kind::Failed, QStringLiteral("PocketSphinx failed on this audio"));
                m_fed = until;
            }
        } catch (const SttError& error) {
            fail(error);
        }
    }

    std::optional<QString> endUtterance()
    {
        if (!m_inUtterance)
            return QString();
        m_inUtterance = false;
        ps_end_utt(m_decoder->ps);
        int32 score = 0;
        const char* hypothesis = ps_get_hyp(m_decoder->ps, &score);
        return QString::fromUtf8(hypothesis ? hypothesis : "").simplified();
    }

    // One search over a whole span, in pieces so that a raised cancel stops it within ~100 ms of audio.
    std::optional<QString> decodeWhole(const char* search, std::span<const std::int16_t> pcm, const std::atomic_bool& cancel)
    {
        if (m_error)
            return std::nullopt;
        if (ps_set_search(m_decoder->ps, search) < 0 || ps_start_utt(m_decoder->ps) < 0) {
            fail(SttError(SttError::Kind::Failed, QStringLiteral("PocketSphinx could not start an utterance")));
            return std::nullopt;
        }
        m_inUtterance = true;
        for (std::size_t offset = 0; offset < pcm.size(); offset += kFeedSamples) {
            if (cancel.load())
                break;
            const std::size_t count = std::min(kFeedSamples, pcm.size() - offset);
            if (ps_process_raw(m_decoder->ps, pcm.data() + offset, count, FALSE, FALSE) < 0) {
                fail(SttError(SttError::Kind::Failed, QStringLiteral("PocketSphinx failed on this audio")));
                return std::nullopt;
            }
        }
        std::optional<QString> text = endUtterance();
        if (cancel.load())
            return std::nullopt;
        return text;
    }

    PocketSphinxRecognizer& m_owner;
    const SphinxModel* m_model;
    QString m_language;
    std::unique_ptr<Decoder> m_decoder;
    Samples m_pcm;         // the whole utterance so far
    std::size_t m_fed = 0; // decoded up to here
    bool m_inUtterance = false;
    bool m_failed = false;
    std::optional<SttError> m_error;
};

std::unique_ptr<RecognitionStream> PocketSphinxRecognizer::openStream(const QString& language)
{
    return std::make_unique<Stream>(*this, modelFor(language), language);
}

Transcript PocketSphinxRecognizer::transcribe(const Samples& pcm, const QString& language,
                                              const std::atomic_bool& cancel)
{
    // The caller already cut the speech out: all of it is decoded.
    auto stream = openStream(language);
    stream->feed(pcm);
    return stream->finish(pcm.size(), cancel);
}

} // namespace cidadao::voice
