// SPDX-License-Identifier: GPL-3.0-or-later
#include "text.h"

#include "engine/textfold.h"

#include <QSet>

namespace cidadao::agents {

QString foldMessage(QStringView text)
{
    const QString folded = engine::foldText(text);
    QString out;
    out.reserve(folded.size());
    bool space = true;
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const QChar c = folded[i];
        if (c.isLetterOrNumber()) {
            out.append(c);
            space = false;
            continue;
        }
        // Keep punctuation that belongs to numbers, dates and CNPJs: "1.000,50", "12/05/2023", "00.000.000/0001-91".
        const bool inNumber = i > 0 && i + 1 < folded.size() && folded[i - 1].isDigit() && folded[i + 1].isDigit()
                              && (c == u'.' || c == u',' || c == u'/' || c == u'-');
        if (inNumber) {
            out.append(c);
            continue;
        }
        if (c == u'$' && !out.isEmpty() && out.back() == u'r') {
            out.append(c);
            continue;
        }
        if (!space) {
            out.append(u' ');
            space = true;
        }
    }
    if (out.endsWith(u' '))
        out.chop(1);
    return out;
}

QStringList foldedWords(QStringView folded)
{
    QStringList words;
    engine::forEachWord(folded, [&](QStringView word) { words.append(word.toString()); });
    return words;
}

Language detectLanguage(QStringView text)
{
    static const QSet<QString> english = {
        QStringLiteral("the"),      QStringLiteral("what"),    QStringLiteral("is"),      QStringLiteral("are"),
        QStringLiteral("of"),       QStringLiteral("show"),    QStringLiteral("me"),      QStringLiteral("how"),
        QStringLiteral("which"),    QStringLiteral("who"),     QStringLiteral("you"),     QStringLiteral("can"),
        QStringLiteral("and"),      QStringLiteral("with"),    QStringLiteral("for"),     QStringLiteral("hello"),
        QStringLiteral("hi"),       QStringLiteral("please"),  QStringLiteral("investigate"), QStringLiteral("why"),
        QStringLiteral("my"),       QStringLiteral("does"),    QStringLiteral("do"),      QStringLiteral("in"),
        QStringLiteral("contracts"), QStringLiteral("report"), QStringLiteral("help"),    QStringLiteral("thanks"),
        QStringLiteral("this"),     QStringLiteral("that"),    QStringLiteral("was"),     QStringLiteral("about"),
        QStringLiteral("ministry"), QStringLiteral("health"),  QStringLiteral("salary"),  QStringLiteral("supplier"),
        QStringLiteral("good"),     QStringLiteral("morning"), QStringLiteral("status"),  QStringLiteral("analyze"),
        QStringLiteral("analyse"),  QStringLiteral("spending"), QStringLiteral("tell"),   QStringLiteral("give"),
        QStringLiteral("there"),    QStringLiteral("any"),     QStringLiteral("from"),    QStringLiteral("list"),
        QStringLiteral("find"),     QStringLiteral("where"),   QStringLiteral("it"),      QStringLiteral("explain"),
        QStringLiteral("summary"),  QStringLiteral("hey"),     QStringLiteral("pay"),     QStringLiteral("servants"),
        QStringLiteral("on"),       QStringLiteral("at"),      QStringLiteral("to"),      QStringLiteral("be"),
        QStringLiteral("i"),        QStringLiteral("want"),    QStringLiteral("need"),    QStringLiteral("look"),
        QStringLiteral("check"),    QStringLiteral("were"),    QStringLiteral("has"),     QStringLiteral("have"),
        QStringLiteral("thank"),    QStringLiteral("your"),    QStringLiteral("an"),      QStringLiteral("flagged")};
    static const QSet<QString> portuguese = {
        QStringLiteral("o"),      QStringLiteral("a"),       QStringLiteral("os"),      QStringLiteral("as"),
        QStringLiteral("de"),     QStringLiteral("do"),      QStringLiteral("da"),      QStringLiteral("dos"),
        QStringLiteral("das"),    QStringLiteral("que"),     QStringLiteral("e"),       QStringLiteral("para"),
        QStringLiteral("com"),    QStringLiteral("um"),      QStringLiteral("uma"),     QStringLiteral("no"),
        QStringLiteral("na"),     QStringLiteral("nos"),     QStringLiteral("voce"),    QStringLiteral("qual"),
        QStringLiteral("quais"),  QStringLiteral("como"),    QStringLiteral("mostre"),  QStringLiteral("me"),
        QStringLiteral("contratos"), QStringLiteral("ola"),  QStringLiteral("oi"),      QStringLiteral("por"),
        QStringLiteral("favor"),  QStringLiteral("investigue"), QStringLiteral("ministerio"), QStringLiteral("saude"),
        QStringLiteral("quanto"), QStringLiteral("relatorio"), QStringLiteral("ajuda"), QStringLiteral("obrigado"),
        QStringLiteral("bom"),    QStringLiteral("dia"),     QStringLiteral("esse"),    QStringLiteral("essa"),
        QStringLiteral("isso"),   QStringLiteral("foi"),     QStringLiteral("sao"),     QStringLiteral("meu"),
        QStringLiteral("minha"),  QStringLiteral("fornecedor"), QStringLiteral("gastos"), QStringLiteral("quem"),
        QStringLiteral("onde"),   QStringLiteral("porque"),  QStringLiteral("nao"),     QStringLiteral("em"),
        QStringLiteral("se"),     QStringLiteral("tem"),     QStringLiteral("ha"),      QStringLiteral("salario"),
        QStringLiteral("servidores"), QStringLiteral("analise"), QStringLiteral("explique"), QStringLiteral("sobre"),
        QStringLiteral("pelo"),   QStringLiteral("pela"),    QStringLiteral("ao"),      QStringLiteral("quero"),
        QStringLiteral("preciso"), QStringLiteral("gostaria"), QStringLiteral("mais"),  QStringLiteral("ou"),
        QStringLiteral("esta"),   QStringLiteral("estao"),   QStringLiteral("andamento"), QStringLiteral("tudo")};
    const QStringList words = foldedWords(foldMessage(text));
    int en = 0;
    int pt = 0;
    for (const QString& word : words) {
        // "me", "do", "a" belong to both: they count for neither.
        const bool inEn = english.contains(word);
        const bool inPt = portuguese.contains(word);
        if (inEn && !inPt)
            ++en;
        else if (inPt && !inEn)
            ++pt;
    }
    return en > pt ? Language::En : Language::Pt;
}

QString languageTag(Language language)
{
    return language == Language::En ? QStringLiteral("en") : QStringLiteral("pt-BR");
}

} // namespace cidadao::agents
