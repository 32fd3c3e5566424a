// SPDX-License-Identifier: GPL-3.0-or-later
// Intent classification: a multinomial naive Bayes model over folded word unigrams, bigrams and
// character trigrams, trained at start from the shipped example sentences (intents.tsv), combined
// with keyword rules that carry what a few dozen examples cannot (a CNPJ means a supplier lookup,
// "status" means an investigation's status). The combination is a softmax over the model's
// tempered log-posterior plus the rules' weights; its top probability is the confidence.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace cidadao::agents {

struct IntentExample
{
    QString intent;
    QString language; // "pt" | "en"
    QString text;
};

struct IntentScore
{
    QString intent;
    double confidence = 0.0;
};

class IntentClassifier
{
public:
    // Lines "intent<TAB>language<TAB>sentence"; blank lines and lines starting with '#' skipped.
    static QList<IntentExample> parseExamples(QStringView tsv);
    // The examples compiled into the library (backend/agents/intents.tsv).
    static QList<IntentExample> builtinExamples();

    explicit IntentClassifier(const QList<IntentExample>& training);

    IntentScore classify(QStringView message) const;         // rules + model
    IntentScore classifyModelOnly(QStringView message) const; // the trained model alone
    const QStringList& intents() const { return m_intents; }
    int vocabularySize() const { return int(m_featureIndex.size()); }

    // The features of a message (exposed for tests): "w:word", "b:word_word", "c:gram".
    static QStringList features(QStringView folded);

private:
    std::vector<double> modelLogScores(const QStringList& features) const;
    std::vector<double> ruleScores(const QString& folded) const;
    IntentScore decide(const std::vector<double>& scores) const;

    QStringList m_intents;
    QHash<QString, int> m_featureIndex;
    std::vector<double> m_logPrior;                // per intent
    std::vector<std::vector<double>> m_logLikelihood; // [intent][feature]
    std::vector<double> m_logUnseen;               // per intent: a feature never seen with it
};

} // namespace cidadao::agents
