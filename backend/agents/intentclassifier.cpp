// SPDX-License-Identifier: GPL-3.0-or-later
#include "intentclassifier.h"

#include "intent.h"
#include "intentrules.h"
#include "text.h"

#include <algorithm>
#include <cmath>

namespace cidadao::agents {

// Generated from intents.tsv at configure time (see CMakeLists.txt).
extern const char* const kIntentExamplesTsv;

namespace {
// Laplace-style smoothing; below 1 because the vocabulary is large against the few examples per intent.
constexpr double kAlpha = 0.3;
// The model's log-posterior is divided by this many "effective features": naive Bayes counts every
// correlated n-gram as independent evidence and would otherwise be near-certain about everything.
constexpr double kTemperatureFeatures = 6.0;
} // namespace

QList<IntentExample> IntentClassifier::parseExamples(QStringView tsv)
{
    QList<IntentExample> examples;
    for (QStringView line : tsv.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto parts = line.split(u'\t');
        if (parts.size() < 3)
            continue;
        examples.append({parts[0].trimmed().toString(), parts[1].trimmed().toString(), parts[2].trimmed().toString()});
    }
    return examples;
}

QList<IntentExample> IntentClassifier::builtinExamples()
{
    return parseExamples(QString::fromUtf8(kIntentExamplesTsv));
}

QStringList IntentClassifier::features(QStringView folded)
{
    const QStringList words = foldedWords(folded);
    QStringList out;
    out.reserve(words.size() * 6);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words[i];
        // Digits carry no intent; their shape does (a CNPJ, a year): keep one token per shape.
        bool digits = std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); });
        const QString token = digits ? QStringLiteral("#%1").arg(std::min<qsizetype>(word.size(), 5)) : word;
        out.append(QStringLiteral("w:") + token);
        if (i + 1 < words.size())
            out.append(QStringLiteral("b:") + token + u'_' + words[i + 1]);
        if (digits)
            continue;
        const QString padded = QStringLiteral("<") + word + u'>';
        for (qsizetype k = 0; k + 3 <= padded.size(); ++k)
            out.append(QStringLiteral("c:") + padded.mid(k, 3));
    }
    return out;
}

IntentClassifier::IntentClassifier(const QList<IntentExample>& training)
{
    for (const char* intent : Intent::All)
        m_intents.append(QLatin1String(intent));
    const int classes = int(m_intents.size());
    std::vector<int> documents(classes, 0);
    std::vector<QHash<int, double>> counts(classes);
    std::vector<double> totals(classes, 0.0);
    for (const IntentExample& example : training) {
        const int c = int(m_intents.indexOf(example.intent));
        if (c < 0)
            continue;
        ++documents[c];
        for (const QString& feature : features(foldMessage(example.text))) {
            auto it = m_featureIndex.find(feature);
            if (it == m_featureIndex.end())
                it = m_featureIndex.insert(feature, int(m_featureIndex.size()));
            counts[c][*it] += 1.0;
            totals[c] += 1.0;
        }
    }
    const double vocabulary = std::max<double>(1.0, double(m_featureIndex.size()));
    const double allDocuments = std::max(1, int(training.size()));
    m_logPrior.assign(classes, 0.0);
    m_logLikelihood.assign(classes, std::vector<double>(m_featureIndex.size(), 0.0));
    m_logUnseen.assign(classes, 0.0);
    for (int c = 0; c < classes; ++c) {
        // A uniform-ish prior: the example counts per intent say how many we wrote, not how often users ask.
        m_logPrior[c] = std::log((documents[c] + 5.0) / (allDocuments + 5.0 * classes));
        const double denominator = totals[c] + kAlpha * vocabulary;
        m_logUnseen[c] = std::log(kAlpha / denominator);
        for (auto it = counts[c].cbegin(); it != counts[c].cend(); ++it)
            m_logLikelihood[c][it.key()] = std::log((it.value() + kAlpha) / denominator);
        for (int f = 0; f < int(m_featureIndex.size()); ++f) {
            if (!counts[c].contains(f))
                m_logLikelihood[c][f] = m_logUnseen[c];
        }
    }
}

std::vector<double> IntentClassifier::modelLogScores(const QStringList& features) const
{
    const int classes = int(m_intents.size());
    std::vector<double> scores(m_logPrior);
    int known = 0;
    for (const QString& feature : features) {
        const auto it = m_featureIndex.constFind(feature);
        if (it == m_featureIndex.cend())
            continue; // never seen in training: no evidence either way
        ++known;
        for (int c = 0; c < classes; ++c)
            scores[c] += m_logLikelihood[c][*it];
    }
    const double temperature = std::max(1.0, known / kTemperatureFeatures);
    for (double& score : scores)
        score /= temperature;
    return scores;
}

std::vector<double> IntentClassifier::ruleScores(const QString& folded) const
{
    std::vector<double> scores(m_intents.size(), 0.0);
    const QHash<QString, double> weights = intentRuleWeights(folded);
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        const auto c = m_intents.indexOf(it.key());
        if (c >= 0)
            scores[c] += it.value();
    }
    return scores;
}

IntentScore IntentClassifier::decide(const std::vector<double>& scores) const
{
    const double top = *std::max_element(scores.cbegin(), scores.cend());
    double sum = 0.0;
    for (double score : scores)
        sum += std::exp(score - top);
    const auto best = std::max_element(scores.cbegin(), scores.cend()) - scores.cbegin();
    return {m_intents[best], 1.0 / sum};
}

IntentScore IntentClassifier::classifyModelOnly(QStringView message) const
{
    return decide(modelLogScores(features(foldMessage(message))));
}

IntentScore IntentClassifier::classify(QStringView message) const
{
    const QString folded = foldMessage(message);
    std::vector<double> scores = modelLogScores(features(folded));
    const std::vector<double> rules = ruleScores(folded);
    for (std::size_t c = 0; c < scores.size(); ++c)
        scores[c] += rules[c];
    return decide(scores);
}

} // namespace cidadao::agents
