// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/values.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace cidadao::data {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

// Reads 1..maxDigits decimal digits at pos; false when there are none.
bool readNumber(std::string_view text, std::size_t& pos, std::size_t maxDigits, int& value)
{
    const std::size_t start = pos;
    value = 0;
    while (pos < text.size() && isDigit(text[pos]) && pos - start < maxDigits) {
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    return pos > start;
}

// True when digitsAndDots is "1", "12", "1.234", "12.345.678" (thousands groups of exactly 3).
bool isThousandsGrouped(std::string_view digitsAndDots)
{
    std::size_t group = 0;
    bool firstGroup = true;
    for (const char c : digitsAndDots) {
        if (c == '.') {
            if (group == 0 || (!firstGroup && group != 3) || (firstGroup && group > 3))
                return false;
            firstGroup = false;
            group = 0;
        } else {
            ++group;
        }
    }
    return group > 0 && (firstGroup || group == 3);
}

} // namespace

std::string_view trimmed(std::string_view text)
{
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

ParseStatus parseDecimal(std::string_view text, double& out)
{
    text = trimmed(text);
    if (text.empty())
        return ParseStatus::Empty;
    // Longer than any real amount: refuse rather than build an unbounded buffer.
    if (text.size() > 48)
        return ParseStatus::Invalid;

    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const std::size_t comma = text.find(',');
    std::string_view integral = text.substr(0, comma);
    std::string_view fraction;
    if (comma != std::string_view::npos) {
        fraction = text.substr(comma + 1);
        if (fraction.empty())
            return ParseStatus::Invalid;
        for (const char c : fraction) {
            if (!isDigit(c))
                return ParseStatus::Invalid;
        }
    }
    std::size_t dots = 0;
    for (const char c : integral) {
        if (c == '.')
            ++dots;
        else if (!isDigit(c))
            return ParseStatus::Invalid;
    }
    if (integral.empty() && fraction.empty())
        return ParseStatus::Invalid;

    std::array<char, 64> buffer{};
    std::size_t length = 0;
    if (negative)
        buffer[length++] = '-';
    auto appendDigits = [&](std::string_view digits) {
        for (const char c : digits) {
            if (c != '.')
                buffer[length++] = c;
        }
    };
    if (dots == 0 || isThousandsGrouped(integral)) {
        if (integral.empty())
            buffer[length++] = '0';
        appendDigits(integral);
        if (!fraction.empty()) {
            buffer[length++] = '.';
            appendDigits(fraction);
        }
    } else if (dots == 1 && comma == std::string_view::npos) {
        // "1234.5": a decimal point, as tools that re-export the files write it.
        const std::size_t dot = integral.find('.');
        const std::string_view left = integral.substr(0, dot);
        const std::string_view right = integral.substr(dot + 1);
        if (right.empty())
            return ParseStatus::Invalid;
        if (left.empty())
            buffer[length++] = '0';
        appendDigits(left);
        buffer[length++] = '.';
        appendDigits(right);
    } else {
        return ParseStatus::Invalid;
    }
    double value = 0;
    const auto result = std::from_chars(buffer.data(), buffer.data() + length, value);
    if (result.ec != std::errc() || result.ptr != buffer.data() + length)
        return ParseStatus::Invalid;
    out = value;
    return ParseStatus::Ok;
}

bool isValidCivil(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = (month == 2 && leap) ? 29 : kDays[std::size_t(month - 1)];
    return day <= last;
}

// Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian calendar.
engine::Day daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yoe = year - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return engine::Day(era * 146097 + doe - 719468);
}

void civilFromDays(engine::Day days, int& year, int& month, int& day)
{
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp + (mp < 10 ? 3 : -9);
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

ParseStatus parseDate(std::string_view text, engine::Day& out)
{
    text = trimmed(text);
    if (text.empty())
        return ParseStatus::Empty;
    int year = 0, month = 0, day = 0;
    std::size_t pos = 0;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        if (!readNumber(text, pos, 4, year) || pos != 4)
            return ParseStatus::Invalid;
        ++pos;
        if (!readNumber(text, pos, 2, month) || pos != 7)
            return ParseStatus::Invalid;
        ++pos;
        if (!readNumber(text, pos, 2, day) || pos != 10)
            return ParseStatus::Invalid;
    } else {
        if (!readNumber(text, pos, 2, day) || pos >= text.size() || text[pos] != '/')
            return ParseStatus::Invalid;
        ++pos;
        if (!readNumber(text, pos, 2, month) || pos >= text.size() || text[pos] != '/')
            return ParseStatus::Invalid;
        ++pos;
        const std::size_t yearStart = pos;
        if (!readNumber(text, pos, 4, year) || pos - yearStart != 4 || pos != text.size())
            return ParseStatus::Invalid;
    }
    if (!isValidCivil(year, month, day))
        return ParseStatus::Invalid;
    out = daysFromCivil(year, month, day);
    return ParseStatus::Ok;
}

ParseStatus parseInteger(std::string_view text, std::int64_t& out)
{
    text = trimmed(text);
    if (text.empty())
        return ParseStatus::Empty;
    if (text.front() == '+')
        text.remove_prefix(1);
    std::int64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size())
        return ParseStatus::Invalid;
    out = value;
    return ParseStatus::Ok;
}

ParseStatus parseFlag(std::string_view text, bool& out)
{
    text = trimmed(text);
    if (text.empty())
        return ParseStatus::Empty;
    for (const std::string_view yes : {"SIM", "S", "1", "TRUE", "YES", "Y", "VERDADEIRO"}) {
        if (equalsIgnoreCase(text, yes)) {
            out = true;
            return ParseStatus::Ok;
        }
    }
    // NÃO in Latin-1 (N C3 O) and in UTF-8 (N C3 83 O), and the unaccented spellings.
    for (const std::string_view no : {"NAO", "N\xC3O", "N\xC3\x83O", "N\xE3o", "N\xC3\xA3o", "N", "0", "FALSE", "NO",
                                      "FALSO"}) {
        if (equalsIgnoreCase(text, no)) {
            out = false;
            return ParseStatus::Ok;
        }
    }
    return ParseStatus::Invalid;
}

QString foldForSearch(const QString& text)
{
    std::string folded;
    const QByteArray utf8 = text.normalized(QString::NormalizationForm_C).toUtf8();
    appendFoldedUtf8(folded, std::string_view(utf8.constData(), std::size_t(utf8.size())));
    return QString::fromUtf8(folded.data(), qsizetype(folded.size()));
}

QString normaliseHeader(const QString& header)
{
    QString folded = foldForSearch(header);
    folded.remove(QLatin1Char(' '));
    return folded;
}

} // namespace cidadao::data
