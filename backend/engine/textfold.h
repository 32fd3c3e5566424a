// SPDX-License-Identifier: GPL-3.0-or-later
// Text folding shared by object classes, legal-basis parsing, duplicates and Machado: lower case,
// Portuguese accents removed, so "Licitação", "LICITACAO" and "licitacao" compare equal. Written as a
// table over Latin-1 because it runs on every object text of a run (a million strings).
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cidadao::engine {

// Lower-cased, accents folded (á→a, ç→c, ...); other characters kept.
QString foldText(QStringView text);

// Splits folded text into words of letters and digits; every other character separates.
// Calls sink(QStringView word) for each word (views into `folded`).
template<typename Sink>
void forEachWord(QStringView folded, Sink&& sink)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i <= folded.size(); ++i) {
        const bool word = i < folded.size() && folded[i].isLetterOrNumber();
        if (word && start < 0)
            start = i;
        else if (!word && start >= 0) {
            sink(folded.mid(start, i - start));
            start = -1;
        }
    }
}

std::vector<QString> words(QStringView folded);

// A word of foldedWordsUtf8: folded[offset, offset + length).
struct WordSpan
{
    std::uint32_t offset;
    std::uint32_t length;
};

// forEachWord(foldText(QString::fromUtf8(utf8))) straight from the UTF-8 bytes, without building a
// QString: `folded` receives the folded words' UTF-16 units, `spans` where each word is. For the
// engine's hot loops over a million object texts. Bytes that are not UTF-8 separate words.
void foldedWordsUtf8(std::string_view utf8, std::u16string& folded, std::vector<WordSpan>& spans);

} // namespace cidadao::engine
