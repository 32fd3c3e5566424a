// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/machado.h"

#include "engine/documents.h"
#include "engine/textfold.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace cidadao::engine {

namespace {
bool isVowel(QChar c)
{
    switch (c.unicode()) {
    case u'a': case u'e': case u'i': case u'o': case u'u': case u'y':
        return true;
    default:
        return false;
    }
}

double parseMoney(QString digits)
{
    // "1.234.567,89" → 1234567.89; "1234,5" → 1234.5
    digits.remove(u'.');
    digits.replace(u',', u'.');
    bool ok = false;
    const double v = digits.toDouble(&ok);
    return ok ? v : 0.0;
}

struct Patterns
{
    QRegularExpression cnpj{QStringLiteral("\\b[0-9A-Z]{2}\\.?[0-9A-Z]{3}\\.?[0-9A-Z]{3}/?[0-9A-Z]{4}-?\\d{2}\\b")};
    QRegularExpression cpf{QStringLiteral("(?<![\\d*])[\\d*]{3}\\.[\\d*]{3}\\.[\\d*]{3}-[\\d*]{2}(?![\\d*])|\\b\\d{11}\\b")};
    QRegularExpression money{QStringLiteral("R\\$\\s?(\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d+(?:,\\d{1,2})?)")};
    QRegularExpression law{QStringLiteral("\\b(?:Lei|Decreto|Lei Complementar|LC)\\s+(?:n[º°o.]*\\s*)?\\d{1,2}\\.?\\d{3}(?:/\\d{2,4})?"),
                           QRegularExpression::CaseInsensitiveOption};
    QRegularExpression article{QStringLiteral("\\bart(?:igo)?\\.?\\s*\\d+[º°o]?"), QRegularExpression::CaseInsensitiveOption};
};

const Patterns& patterns()
{
    static const Patterns p;
    return p;
}
} // namespace

const QStringList& vagueExpressions()
{
    static const QStringList terms = {
        QStringLiteral("diversos"),     QStringLiteral("diversas"),      QStringLiteral("eventual"),
        QStringLiteral("eventuais"),    QStringLiteral("a criterio"),    QStringLiteral("conforme necessidade"),
        QStringLiteral("quando necessario"), QStringLiteral("sob demanda"), QStringLiteral("entre outros"),
        QStringLiteral("e outros"),     QStringLiteral("etc"),           QStringLiteral("demais"),
        QStringLiteral("variados"),     QStringLiteral("afins"),         QStringLiteral("similares"),
        QStringLiteral("generico"),     QStringLiteral("genericos"),     QStringLiteral("outros servicos"),
        QStringLiteral("material de consumo em geral"),
    };
    return terms;
}

int countSyllables(QStringView word)
{
    const QString w = foldText(word);
    int groups = 0;
    bool inVowels = false;
    for (QChar c : w) {
        const bool v = isVowel(c);
        if (v && !inVowels)
            ++groups;
        inVowels = v;
    }
    return std::max(1, groups);
}

TextAnalysis analyseText(QStringView text)
{
    TextAnalysis a;
    const QString s = text.toString();
    const Patterns& p = patterns();
    auto collect = [&](const QRegularExpression& re, const char* kind) {
        auto it = re.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            TextEntity e;
            e.kind = QString::fromLatin1(kind);
            e.text = m.captured(0);
            if (e.kind == u"money")
                e.amount = parseMoney(m.captured(1));
            if (e.kind == u"cnpj" || e.kind == u"cpf") {
                const DocumentCheck check = checkDocument(e.text);
                if (e.kind == u"cnpj" && check.kind != DocumentKind::Cnpj)
                    continue;
                e.valid = !check.invalid();
            }
            a.entities.push_back(std::move(e));
        }
    };
    collect(p.cnpj, "cnpj");
    collect(p.cpf, "cpf");
    collect(p.money, "money");
    collect(p.law, "law");
    collect(p.article, "article");

    const QString folded = foldText(text);
    // Vague expressions match whole words only.
    for (const QString& term : vagueExpressions()) {
        qsizetype at = folded.indexOf(term);
        while (at >= 0) {
            const bool startOk = at == 0 || !folded[at - 1].isLetterOrNumber();
            const qsizetype end = at + term.size();
            const bool endOk = end >= folded.size() || !folded[end].isLetterOrNumber();
            if (startOk && endOk) {
                a.vagueTerms.append(term);
                break;
            }
            at = folded.indexOf(term, at + 1);
        }
    }

    QString previousWord;
    forEachWord(folded, [&](QStringView w) {
        bool letters = false;
        for (QChar c : w)
            letters = letters || c.isLetter();
        if (!letters)
            return;
        ++a.words;
        a.syllables += countSyllables(w);
    });
    // Sentences end at . ! ? followed by a space or the end, except after abbreviations ("art.", "nº.").
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const QChar c = folded[i];
        if (c != u'.' && c != u'!' && c != u'?' && c != u';')
            continue;
        if (i + 1 < folded.size() && !folded[i + 1].isSpace())
            continue;
        qsizetype j = i;
        while (j > 0 && folded[j - 1].isLetter())
            --j;
        const QStringView before = QStringView(folded).mid(j, i - j);
        if (before == u"art" || before == u"inc" || before == u"n" || before == u"no" || before == u"fl")
            continue;
        ++a.sentences;
    }
    if (a.words > 0 && (folded.isEmpty() || !(folded.back() == u'.' || folded.back() == u'!' || folded.back() == u'?')))
        ++a.sentences;   // a trailing sentence without a final mark
    if (a.words > 0)
        a.readability = 248.835 - 1.015 * (double(a.words) / std::max(1, a.sentences))
                        - 84.6 * (double(a.syllables) / a.words);
    return a;
}

MachadoReport analyseObjects(const Dataset& data, const RunControl& control)
{
    const ContractTable& c = data.contracts;
    MachadoReport r;
    QHash<QString, int> analysed;           // text → index into cache
    std::vector<TextAnalysis> cache;
    QHash<QString, int> termCounts;
    double readabilitySum = 0.0;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if ((i & 0x3FFF) == 0 && control.cancelled())
            break;
        const QString& text = c.object[i];
        if (text.isEmpty())
            continue;
        auto it = analysed.constFind(text);
        if (it == analysed.constEnd()) {
            it = analysed.insert(text, int(cache.size()));
            cache.push_back(analyseText(text));
            const TextAnalysis& a = cache.back();
            ++r.texts;
            readabilitySum += a.readability;
            r.entityCount += int(a.entities.size());
            for (const auto& e : a.entities)
                if (!e.valid)
                    ++r.invalidDocumentsInText;
        }
        const TextAnalysis& a = cache[std::size_t(*it)];
        if (!a.vagueTerms.isEmpty()) {
            ++r.vagueContracts;
            if (r.vagueRows.size() < 200)
                r.vagueRows.push_back(i);
            for (const QString& t : a.vagueTerms)
                ++termCounts[t];
        }
    }
    r.meanReadability = r.texts > 0 ? readabilitySum / r.texts : 0.0;
    for (auto it = termCounts.constBegin(); it != termCounts.constEnd(); ++it)
        r.vagueTermCounts.push_back({it.key(), it.value()});
    std::sort(r.vagueTermCounts.begin(), r.vagueTermCounts.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    return r;
}

nlohmann::json toJson(const TextAnalysis& a)
{
    nlohmann::json j;
    j["entities"] = nlohmann::json::array();
    for (const auto& e : a.entities) {
        nlohmann::json x = {{"kind", e.kind.toStdString()}, {"text", e.text.toStdString()}};
        if (e.kind == u"money")
            x["amount"] = e.amount;
        if (e.kind == u"cnpj" || e.kind == u"cpf")
            x["valid"] = e.valid;
        j["entities"].push_back(std::move(x));
    }
    j["vague_terms"] = nlohmann::json::array();
    for (const QString& t : a.vagueTerms)
        j["vague_terms"].push_back(t.toStdString());
    j["words"] = a.words;
    j["sentences"] = a.sentences;
    j["syllables"] = a.syllables;
    j["readability"] = a.readability;
    return j;
}

nlohmann::json toJson(const MachadoReport& r)
{
    nlohmann::json j;
    j["texts"] = r.texts;
    j["mean_readability"] = r.meanReadability;
    j["vague_contracts"] = r.vagueContracts;
    j["vague_terms"] = nlohmann::json::array();
    for (const auto& [term, n] : r.vagueTermCounts)
        j["vague_terms"].push_back({{"term", term.toStdString()}, {"contracts", n}});
    j["vague_rows"] = r.vagueRows;
    j["entities"] = r.entityCount;
    j["invalid_documents_in_text"] = r.invalidDocumentsInText;
    return j;
}

} // namespace cidadao::engine
