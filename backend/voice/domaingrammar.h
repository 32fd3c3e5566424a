// SPDX-License-Identifier: GPL-3.0-or-later
// The command grammar of the offline recogniser, built from the domain: what a user asks the
// agents (investigate, search, status, explain, report, talk to an agent), the data sources, the
// órgãos and the anomaly kinds. Recognising against a grammar is far more accurate than open
// dictation on a small model; dictation stays as the fallback for anything outside it.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>

namespace cidadao::voice {

class DomainGrammar
{
public:
    // "en" or "pt" (any BCP 47 tag: the primary subtag decides); other languages get none.
    static DomainGrammar forLanguage(const QString& language);

    bool isEmpty() const { return m_rules.isEmpty(); }
    // The JSGF text. Phrases with a word the model cannot pronounce (`known` false) are left out,
    // so that the grammar always loads.
    QString jsgf(const std::function<bool(const QString& word)>& known) const;
    // Pronunciations (CMU phones) for domain words the stock English dictionary lacks (agent names).
    const QList<QPair<QString, QString>>& extraWords() const { return m_extraWords; }
    // Every word the grammar may use (for tests and for picking extra words).
    QStringList words() const;

private:
    struct Rule
    {
        QString name;
        QStringList alternatives; // JSGF expansions; plain words and <rule> references
        bool isPublic = false;
    };
    QList<Rule> m_rules;
    QList<QPair<QString, QString>> m_extraWords;
};

} // namespace cidadao::voice
