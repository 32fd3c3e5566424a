// SPDX-License-Identifier: GPL-3.0-or-later
#include "pocketsphinxrecognizer.h"

#include "domaingrammar.h"
#include "sphinxdecoder.h"

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QFileInfo>

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

} // namespace

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

} // namespace cidadao::voice
