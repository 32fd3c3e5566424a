// SPDX-License-Identifier: GPL-3.0-or-later
// Offline speech-to-text with PocketSphinx (Debian's libpocketsphinx 0.8 API). One model directory
// per language (Debian ships en-US; Brazilian Portuguese models exist publicly and are configured
// by directory). Each decoder searches the domain grammar first and falls back to the model's
// dictation language model. Decoders are not thread-safe and slow to load, so a small pool per
// language keeps loaded ones for reuse. Recognition is incremental: an utterance is decoded while
// it is spoken (ps_process_raw takes audio piece by piece), so little is left at its end.
#pragma once

#include "speechtotext.h"

#include <QHash>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace cidadao::voice {

// The files PocketSphinx needs, found inside one model directory.
struct SphinxModel
{
    QString language;
    QString acousticModel; // directory holding mdef
    QString dictionary;
    QString languageModel; // .lm.bin / .lm / .dmp
};

class PocketSphinxRecognizer : public SpeechToText
{
public:
    // language → model directory. Directories without a usable model are reported by problems().
    // useGrammar false: dictation only (the benchmark's reference).
    explicit PocketSphinxRecognizer(const QHash<QString, QString>& modelDirectories, bool useGrammar = true);
    ~PocketSphinxRecognizer() override;

    static QString debianEnglishModel(); // /usr/share/pocketsphinx/model/en-us
    // Looks for an acoustic model (a directory with mdef), a dictionary and a language model.
    static std::optional<SphinxModel> discover(const QString& language, const QString& directory);

    Transcript transcribe(const Samples& pcm, const QString& language, const std::atomic_bool& cancel) override;
    // Decodes with the grammar while the utterance arrives, half a second behind the newest audio
    // so that trailing silence can still be left out at the end.
    std::unique_ptr<RecognitionStream> openStream(const QString& language) override;
    QStringList offlineLanguages() const override;
    QStringList languages() const override { return offlineLanguages(); }
    QString name() const override { return QStringLiteral("pocketsphinx"); }
    QStringList problems() const;

    // Loads one decoder for the language ahead of the first utterance (a few hundred ms). A model
    // that does not load is dropped from offlineLanguages() and named in problems(). Returns
    // whether it loaded.
    bool warmUp(const QString& language);
    // Tries the language's model in a child process first: PocketSphinx exit()s on some malformed
    // models, which must not take the server down. A model that fails is dropped as warmUp() does;
    // one that loads is then warmed up here. For model directories given by the user.
    bool checkAndWarmUp(const QString& language);

private:
    struct Decoder;
    class Stream;
    const SphinxModel* modelFor(const QString& language) const;
    std::unique_ptr<Decoder> acquire(const SphinxModel& model);
    void markBroken(const SphinxModel& model, const QString& why);
    void release(const SphinxModel& model, std::unique_ptr<Decoder> decoder);

    std::vector<SphinxModel> m_models;
    bool m_useGrammar = true;
    QStringList m_problems;     // guarded by m_mutex
    QStringList m_broken;       // languages whose model failed to load; guarded by m_mutex
    mutable std::mutex m_mutex;
    std::map<QString, std::vector<std::unique_ptr<Decoder>>> m_idle; // by model language
};

} // namespace cidadao::voice
