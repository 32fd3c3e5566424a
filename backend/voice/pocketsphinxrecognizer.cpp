// SPDX-License-Identifier: GPL-3.0-or-later
#include "pocketsphinxrecognizer.h"

#include "domaingrammar.h"

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QFileInfo>

#include <pocketsphinx.h>
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
    QStringList out;
    for (const SphinxModel& model : m_models)
        out.append(model.language);
    return out;
}

const SphinxModel* PocketSphinxRecognizer::modelFor(const QString& language) const
{
    for (const SphinxModel& model : m_models)
        if (model.language.compare(language, Qt::CaseInsensitive) == 0)
            return &model;
    for (const SphinxModel& model : m_models)
        if (primaryTag(model.language) == primaryTag(language))
            return &model;
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

void PocketSphinxRecognizer::warmUp(const QString& language)
{
    if (const SphinxModel* model = modelFor(language)) {
        try {
            release(*model, acquire(*model));
        } catch (const SttError&) {
            // Reported again, to the user, at the first utterance.
        }
    }
}

Transcript PocketSphinxRecognizer::transcribe(const Samples& pcm, const QString& language,
                                              const std::atomic_bool& cancel)
{
    const SphinxModel* model = modelFor(language);
    if (!model)
        throw SttError(SttError::Kind::Unavailable,
                       QStringLiteral("no offline speech model for %1 (offline: %2)")
                           .arg(language, offlineLanguages().join(QStringLiteral(", "))));
    std::unique_ptr<Decoder> decoder = acquire(*model);
    auto run = [&](const char* search) -> std::optional<QString> {
        if (ps_set_search(decoder->ps, search) < 0 || ps_start_utt(decoder->ps) < 0)
            throw SttError(SttError::Kind::Failed, QStringLiteral("PocketSphinx could not start an utterance"));
        for (std::size_t offset = 0; offset < pcm.size(); offset += kFeedSamples) {
            if (cancel.load())
                break;
            const std::size_t count = std::min(kFeedSamples, pcm.size() - offset);
            if (ps_process_raw(decoder->ps, pcm.data() + offset, count, FALSE, FALSE) < 0) {
                ps_end_utt(decoder->ps);
                throw SttError(SttError::Kind::Failed, QStringLiteral("PocketSphinx failed on this audio"));
            }
        }
        ps_end_utt(decoder->ps);
        if (cancel.load())
            return std::nullopt;
        int32 score = 0;
        const char* hypothesis = ps_get_hyp(decoder->ps, &score);
        return QString::fromUtf8(hypothesis ? hypothesis : "").simplified();
    };
    Transcript transcript;
    transcript.language = model->language;
    try {
        // Live cepstral mean normalisation starts from the model's generic means and adapts over
        // the first seconds of audio: a fresh decoder listens to its first utterance once to adapt
        // before decoding it, instead of misrecognising it.
        if (!decoder->primed) {
            run(decoder->hasGrammar ? kGrammarSearch : decoder->dictationSearch.constData());
            decoder->primed = true;
        }
        if (decoder->hasGrammar) {
            if (auto text = run(kGrammarSearch); text && !text->isEmpty()) {
                transcript.text = *text;
                transcript.engine = QStringLiteral("pocketsphinx-grammar");
            }
        }
        if (transcript.text.isEmpty() && !cancel.load()) {
            transcript.text = run(decoder->dictationSearch.constData()).value_or(QString());
            transcript.engine = QStringLiteral("pocketsphinx-dictation");
        }
    } catch (...) {
        // A decoder that failed mid-utterance is not trusted again.
        throw;
    }
    release(*model, std::move(decoder));
    return transcript;
}

} // namespace cidadao::voice
