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

// Decodes one code point at p (advancing p); U+FFFD for a malformed sequence, whose first byte is skipped.
char32_t decodeUtf8(const unsigned char*& p, const unsigned char* end)
{
    const unsigned char b = *p++;
    if (b < 0x80)
        return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (extra < 0 || b >= 0xF8 || end - p < extra)
        return 0xFFFD;
    char32_t cp = b & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if ((p[k] & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    p += extra;
    return cp;
}
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

void foldedWordsUtf8(std::string_view utf8, std::u16string& folded, std::vector<WordSpan>& spans)
{
    // Which folded Latin-1 units are letters or digits (what forEachWord asks QChar).
    static const std::array<bool, 256> isWord = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 256; ++c)
            t[std::size_t(c)] = QChar(char16_t(c)).isLetterOrNumber();
        return t;
    }();
    folded.clear();
    spans.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto* end = p + utf8.size();
    std::uint32_t start = UINT32_MAX;
    while (p != end) {
        const char32_t cp = decodeUtf8(p, end);
        // Outside the BMP a QString holds surrogates, which are not letters: a separator, as there.
        char16_t unit = 0;
        bool word = false;
        if (cp < 256) {
            unit = kLatin1[cp];
            word = isWord[unit];
        } else if (cp < 0x10000) {
            unit = QChar(char16_t(cp)).toLower().unicode();
            word = QChar(unit).isLetterOrNumber();
        }
        if (word) {
            if (start == UINT32_MAX)
                start = std::uint32_t(folded.size());
            folded.push_back(unit);
        } else if (start != UINT32_MAX) {
            spans.push_back({start, std::uint32_t(folded.size()) - start});
            start = UINT32_MAX;
        }
    }
    if (start != UINT32_MAX)
        spans.push_back({start, std::uint32_t(folded.size()) - start});
}

std::vector<QString> words(QStringView folded)
{
    std::vector<QString> out;
    forEachWord(folded, [&](QStringView w) { out.push_back(w.toString()); });
    return out;
}

} // namespace cidadao::engine
