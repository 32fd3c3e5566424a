// SPDX-License-Identifier: GPL-3.0-or-later
// Text handling shared by the classifier, the entity extractor and the agents: folding (lower case,
// accents removed, as record search folds), word splitting, language detection
// between pt-BR and en, and the one helper that picks the sentence of the user's language.
#pragma once

#include "engine/explanations.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cidadao::agents {

using engine::Language;

// Lower case, accents folded, every run of non-letters/digits (except '.', ',', '/', '-', '$' inside
// tokens of numbers) turned into one space.
QString foldMessage(QStringView text);
// Words of letters and digits of already-folded text.
QStringList foldedWords(QStringView folded);
// pt-BR unless the message reads as English (function words and common verbs decide; ties are pt).
Language detectLanguage(QStringView text);
QString languageTag(Language language); // "pt-BR" | "en"
inline QString pick(Language language, const QString& pt, const QString& en)
{
    return language == Language::En ? en : pt;
}

} // namespace cidadao::agents
