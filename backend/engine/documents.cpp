// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/documents.h"

namespace cidadao::engine {

namespace {
int checkDigit(int weightedSum)
{
    const int r = weightedSum % 11;
    return r < 2 ? 0 : 11 - r;
}

bool allEqual(QStringView text)
{
    for (QChar c : text)
        if (c != text.front())
            return false;
    return true;
}

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isUpperAlnum(QChar c) { return isDigit(c) || (c >= u'A' && c <= u'Z'); }
} // namespace

QString normaliseDocument(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == u'.' || c == u'-' || c == u'/' || c.isSpace())
            continue;
        out.append(c.toUpper());
    }
    return out;
}

bool isValidCpf(QStringView digits)
{
    if (digits.size() != 11)
        return false;
    for (QChar c : digits)
        if (!isDigit(c))
            return false;
    if (allEqual(digits))
        return false;
    auto value = [&](qsizetype i) { return digits[i].unicode() - u'0'; };
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += value(i) * (10 - i);
    if (checkDigit(sum) != value(9))
        return false;
    sum = 0;
    for (int i = 0; i < 10; ++i)
        sum += value(i) * (11 - i);
    return checkDigit(sum) == value(10);
}

bool isValidCnpj(QStringView characters)
{
    if (characters.size() != 14)
        return false;
    for (int i = 0; i < 12; ++i)
        if (!isUpperAlnum(characters[i]))
            return false;
    if (!isDigit(characters[12]) || !isDigit(characters[13]))
        return false;
    if (allEqual(characters))
        return false;
    // Receita Federal's alphanumeric CNPJ: every character is worth its ASCII code minus 48, which
    // keeps the old numeric CNPJs' digits unchanged.
    auto value = [&](qsizetype i) { return int(characters[i].unicode()) - 48; };
    static constexpr int first[12] = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    static constexpr int second[13] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += value(i) * first[i];
    if (checkDigit(sum) != value(12))
        return false;
    sum = 0;
    for (int i = 0; i < 13; ++i)
        sum += value(i) * second[i];
    return checkDigit(sum) == value(13);
}

DocumentCheck checkDocument(QStringView text)
{
    DocumentCheck out;
    out.normalised = normaliseDocument(text);
    if (out.normalised.contains(u'*')) {
        out.kind = DocumentKind::Masked;
        return out;
    }
    bool allDigits = !out.normalised.isEmpty();
    bool allAlnum = !out.normalised.isEmpty();
    for (QChar c : out.normalised) {
        allDigits = allDigits && isDigit(c);
        allAlnum = allAlnum && isUpperAlnum(c);
    }
    if (out.normalised.size() == 11 && allDigits) {
        out.kind = DocumentKind::Cpf;
        out.valid = isValidCpf(out.normalised);
    } else if (out.normalised.size() == 14 && allAlnum) {
        out.kind = DocumentKind::Cnpj;
        out.valid = isValidCnpj(out.normalised);
    }
    return out;
}

} // namespace cidadao::engine
