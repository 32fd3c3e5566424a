// SPDX-License-Identifier: GPL-3.0-or-later
#include "pocketsphinxrecognizer.h"

#include "domaingrammar.h"

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QFileInfo>

#include <pocketsphinx.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <sphinxbase/ckd_alloc.h>

namespace cidadao::voice {

namespace {

QString primaryTag(const QString& language)
{
    return language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
}

QString firstMatch(const QString& directory, const QStringList& patterns)
{
    for (const QString& pattern : patterns) {
        QDirIterator it(directory, {pattern}, QDir::Files, QDirIterator::Subdirectories);
        if (it.hasNext())
            return it.next();
    }
    return {};
}

constexpr char kGrammarSearch[] = "cidadao_grammar";
// The decoder reads audio in pieces so that a raised cancel flag stops it within ~100 ms of audio.
constexpr std::size_t kFeedSamples = 1600;

} // namespace

struct PocketSphinxRecognizer::Decoder
{
    ps_decoder_t* ps = nullptr;
    cmd_ln_t* config = nullptr;
    QByteArray dictationSearch;
    bool hasGrammar = false;
    bool primed = false;

    ~Decoder()
    {
        if (ps)
            ps_free(ps);
        if (config)
            cmd_ln_free_r(config);
    }
};

PocketSphinxRecognizer::PocketSphinxRecognizer(const QHash<QString, QString>& modelDirectories, bool useGrammar)
    : m_useGrammar(useGrammar)
{
    for (auto it = modelDirectories.cbegin(); it != modelDirectories.cend(); ++it) {
        if (auto model = discover(it.key(), it.value()))
            m_models.push_back(*model);
        else
            m_problems.append(QStringLiteral("%1: no PocketSphinx model in %2").arg(it.key(), it.value()));
    }
}

PocketSphinxRecognizer::~PocketSphinxRecognizer() = default;

QString PocketSphinxRecognizer::debianEnglishModel()
{
    return QStringLiteral("/usr/share/pocketsphinx/model/en-us");
}

std::optional<SphinxModel> PocketSphinxRecognizer::discover(const QString& language, const QString& directory)
{
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        return std::nullopt;
    SphinxModel model;
    model.language = language;
    const QString mdef = firstMatch(directory, {QStringLiteral("mdef")});
    model.dictionary = firstMatch(directory, {QStringLiteral("*.dict"), QStringLiteral("*.dic")});
    model.languageModel = firstMatch(directory, {QStringLiteral("*.lm.bin"), QStringLiteral("*.lm.dmp"),
                                                 QStringLiteral("*.lm.DMP"), QStringLiteral("*.lm")});
    // Debian's en-us directory also holds a phone language model: never take that one for words.
    if (model.languageModel.contains(QLatin1String("-phone"))) {
        QDirIterator it(directory, {QStringLiteral("*.lm.bin"), QStringLiteral("*.lm")}, QDir::Files,
                        QDirIterator::Subdirectories);
        model.languageModel.clear();
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("-phone"))) {
                model.languageModel = path;
                break;
            }
        }
    }
    if (mdef.isEmpty() || model.dictionary.isEmpty() || model.languageModel.isEmpty())
        return std::nullopt;
    model.acousticModel = QFileInfo(mdef).absolutePath();
    return model;
}

QStringList PocketSphinxRecognizer::offlineLanguages() const
{
    std::lock_guard lock(m_mutex);
    QStringList out;
    for (const SphinxModel& model : m_models)
        if (!m_broken.contains(model.language))
            out.append(model.language);
    return out;
}

QStringList PocketSphinxRecognizer::problems() const
{
    std::lock_guard lock(m_mutex);
    return m_problems;
}

const SphinxModel* PocketSphinxRecognizer::modelFor(const QString& language) const
{
    std::vector<const SphinxModel*> usable;
    {
        std::lock_guard lock(m_mutex);
        for (const SphinxModel& model : m_models)
            if (!m_broken.contains(model.language))
                usable.push_back(&model);
    }
    for (const SphinxModel* model : usable)
        if (model->language.compare(language, Qt::CaseInsensitive) == 0)
            return model;
    for (const SphinxModel* model : usable)
        if (primaryTag(model->language) == primaryTag(language))
            return model;
    return nullptr;
}

std::unique_ptr<PocketSphinxRecognizer::Decoder> PocketSphinxRecognizer::acquire(const SphinxModel& model)
{
    {
        std::lock_guard lock(m_mutex);
        auto& idle = m_idle[model.language];
        if (!idle.empty()) {
            auto decoder = std::move(idle.back());
            idle.pop_back();
            return decoder;
        }
    }
    auto decoder = std::make_unique<Decoder>();
    const QByteArray hmm = QFile::encodeName(model.acousticModel);
    const QByteArray dict = QFile::encodeName(model.dictionary);
    const QByteArray lm = QFile::encodeName(model.languageModel);
    decoder->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-dict", dict.constData(), "-lm",
                                  lm.constData(), "-logfn", "/dev/null", nullptr);
    if (!decoder->config)
        throw SttError(SttError::Kind::Unavailable, QStringLiteral("PocketSphinx rejected the model configuration"));
    decoder->ps = ps_init(decoder->config);
    if (!decoder->ps)
        throw SttError(SttError::Kind::Unavailable,
                       QStringLiteral("PocketSphinx could not load the %1 model").arg(model.language));
    decoder->dictationSearch = QByteArray(ps_get_search(decoder->ps));

    const DomainGrammar grammar = DomainGrammar::forLanguage(model.language);
    if (m_useGrammar && !grammar.isEmpty()) {
        const auto& extra = grammar.extraWords();
        for (qsizetype i = 0; i < extra.size(); ++i) {
            const QByteArray word = extra[i].first.toUtf8();
            char* known = ps_lookup_word(decoder->ps, word.constData());
            if (known) {
                ckd_free(known);
                continue;
            }
            ps_add_word(decoder->ps, word.constData(), extra[i].second.toUtf8().constData(), i + 1 == extra.size());
        }
        ps_decoder_t* ps = decoder->ps;
        const QByteArray text = grammar
                                    .jsgf([ps](const QString& word) {
                                        char* phones = ps_lookup_word(ps, word.toUtf8().constData());
                                        if (!phones)
                                            return false;
                                        ckd_free(phones);
                                        return true;
                                    })
                                    .toUtf8();
        decoder->hasGrammar = !text.isEmpty() && ps_set_jsgf_string(decoder->ps, kGrammarSearch, text.constData()) == 0;
    }
    return decoder;
}

void PocketSphinxRecognizer::release(const SphinxModel& model, std::unique_ptr<Decoder> decoder)
{
    std::lock_guard lock(m_mutex);
    m_idle[model.language].push_back(std::move(decoder));
}

bool PocketSphinxRecognizer::warmUp(const QString& language)
{
    const SphinxModel* model = modelFor(language);
    if (!model)
        return false;
    try {
        release(*model, acquire(*model));
        return true;
    } catch (const SttError& error) {
        markBroken(*model, QString::fromUtf8(error.what()));
        return false;
    }
}

void PocketSphinxRecognizer::markBroken(const SphinxModel& model, const QString& why)
{
    // Not offered as offline any more; an utterance in it is told stt_unavailable.
    std::lock_guard lock(m_mutex);
    if (!m_broken.contains(model.language)) {
        m_broken.append(model.language);
        m_problems.append(QStringLiteral("%1: %2").arg(model.language, why));
    }
}

bool PocketSphinxRecognizer::checkAndWarmUp(const QString& language)
{
    const SphinxModel* model = modelFor(language);
    if (!model)
        return false;
    const QByteArray hmm = QFile::encodeName(model->acousticModel);
    const QByteArray dict = QFile::encodeName(model->dictionary);
    const QByteArray lm = QFile::encodeName(model->languageModel);
    // sphinxbase's E_FATAL calls exit(): the trial load runs in a child, which only loads and
    // leaves with _exit(). glibc keeps malloc and stdio usable in a forked child.
    const pid_t child = ::fork();
    if (child == 0) {
        cmd_ln_t* config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-dict", dict.constData(),
                                       "-lm", lm.constData(), "-logfn", "/dev/null", nullptr);
        ps_decoder_t* ps = config ? ps_init(config) : nullptr;
        ::_exit(ps ? 0 : 3);
    }
    if (child < 0)
        return warmUp(language); // cannot isolate it: load it here
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        markBroken(*model, QStringLiteral("the model in %1 does not load in PocketSphinx")
                               .arg(QFileInfo(model->acousticModel).absolutePath()));
        return false;
    }
    return warmUp(language);
}

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
