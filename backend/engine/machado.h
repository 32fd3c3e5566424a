// SPDX-License-Identifier: GPL-3.0-or-later
// Machado de Assis (text): what object texts say and how clearly. Entities (CNPJ, CPF, R$ amounts,
// laws and articles), vague or open-ended wording that makes an object hard to audit ("diversos",
// "eventual", "a critério", ...), and a readability score: Flesch reading ease adapted to Portuguese
// by Martins et al. (1996): 248.835 − 1.015·(words/sentence) − 84.6·(syllables/word); higher is
// easier (above 75 easy, 50–75 fairly easy, 25–50 hard, below 25 very hard).
#pragma once

#include "engine/columns.h"
#include "engine/detectors.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <nlohmann/json.hpp>

#include <vector>

namespace cidadao::engine {

struct TextEntity
{
    QString kind;       // "cnpj" | "cpf" | "money" | "law" | "article"
    QString text;       // as written
    double amount = 0.0; // money: the value in R$
    bool valid = true;  // cnpj/cpf: check digits (masked CPFs count as valid)
};

struct TextAnalysis
{
    std::vector<TextEntity> entities;
    QStringList vagueTerms;         // distinct vague expressions found (folded form)
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    double readability = 0.0;       // Flesch (Martins et al.); 0 for empty text
};

TextAnalysis analyseText(QStringView text);
// Syllables of one word by vowel groups (Portuguese diphthongs count once): an approximation.
int countSyllables(QStringView word);
// The vague expressions the analysis looks for (folded).
const QStringList& vagueExpressions();

struct MachadoReport
{
    int texts = 0;                          // non-empty object texts analysed (distinct texts once)
    double meanReadability = 0.0;
    int vagueContracts = 0;                 // contracts whose object has vague wording
    std::vector<std::pair<QString, int>> vagueTermCounts;   // by count, descending
    std::vector<std::uint32_t> vagueRows;   // first 200 contract rows with vague wording
    int entityCount = 0;
    int invalidDocumentsInText = 0;
};

MachadoReport analyseObjects(const Dataset& data, const RunControl& control = RunControl{});
nlohmann::json toJson(const TextAnalysis& analysis);
nlohmann::json toJson(const MachadoReport& report);

} // namespace cidadao::engine
