// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/textfold.h"

#include <array>

namespace cidadao::engine {

namespace {
// Folding of U+0000..U+00FF: lower case and base letter.
constexpr std::array<char16_t, 256> makeLatin1Table()
{
    std::array<char16_t, 256> t{};
    for (int i = 0; i < 256; ++i)
        t[std::size_t(i)] = char16_t(i);
    for (int c = 'A'; c <= 'Z'; ++c)
        t[std::size_t(c)] = char16_t(c + 32);
    const char16_t* from = u"ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÇçÑñÝýÿ";
    const char16_t* to = u"aaaaaaaaaaaaeeeeeeeeiiiiiiiioooooooooouuuuuuuuccnnyyy";
    for (int i = 0; from[i]; ++i)
        t[std::size_t(from[i])] = to[i];
    // Ordinal indicators as in "1º" / "2ª" are letters in Unicode; fold them to o/a.
    t[0xBA] = u'o';
    t[0xAA] = u'a';
    return t;
}
constexpr auto kLatin1 = makeLatin1Table();
} // namespace

QString foldText(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar* dst = out.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        dst[i] = c < 256 ? QChar(kLatin1[c]) : QChar(c).toLower();
    }
    return out;
}

std::vector<QString> words(QStringView folded)
{
    std::vector<QString> out;
    forEachWord(folded, [&](QStringView w) { out.push_back(w.toString()); });
    return out;
}

} // namespace cidadao::engine
