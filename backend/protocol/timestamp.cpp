// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamp.h"

namespace cidadao::protocol {

namespace {

// Reads exactly `count` ASCII digits at `pos`; -1 when any of them is not a digit.
int digits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QString formatTimestamp(const QDateTime& timestamp)
{
    const QDateTime utc = timestamp.toUTC();
    const QString format = utc.time().msec() == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss")
                                                  : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz");
    return QString(utc.toString(format) + QLatin1Char('Z'));
}

std::optional<QDate> parseIsoDate(QStringView text)
{
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0 || !QDate::isValid(year, month, day))
        return std::nullopt;
    return QDate(year, month, day);
}

QString formatIsoDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

std::optional<QDateTime> parseTimestamp(QStringView text)
{
    // A hand-written reader instead of QDateTime::fromString: Qt accepts forms we do not want
    // (e.g. "2025-01-19T24:00:00") and gives no way to tell "no offset" from "UTC".
    if (text.size() < 16 || text.size() > 40)
        return std::nullopt;
    const std::optional<QDate> date = parseIsoDate(text.first(10));
    if (!date || (text[10] != u'T' && text[10] != u't' && text[10] != u' ') || text[13] != u':')
        return std::nullopt;
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    if (hour < 0 || minute < 0)
        return std::nullopt;
    qsizetype pos = 16;
    int second = 0;
    int msec = 0;
    if (pos < text.size() && text[pos] == u':') {
        second = digits(text, pos + 1, 2);
        if (second < 0)
            return std::nullopt;
        pos += 3;
        if (pos < text.size() && (text[pos] == u'.' || text[pos] == u',')) {
            ++pos;
            int fractionDigits = 0;
            while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9') {
                if (fractionDigits < 3)
                    msec = msec * 10 + (text[pos].unicode() - u'0');
                ++fractionDigits;
                ++pos;
            }
            if (fractionDigits == 0 || fractionDigits > 9)
                return std::nullopt;
            for (int i = fractionDigits; i < 3; ++i)
                msec *= 10;
        }
    }
    if (!QTime::isValid(hour, minute, second, msec))
        return std::nullopt;

    int offsetSeconds = 0;
    if (pos < text.size()) {
        const QStringView zone = text.sliced(pos);
        if (zone == u"Z" || zone == u"z") {
            offsetSeconds = 0;
        } else if (zone[0] == u'+' || zone[0] == u'-') {
            int offsetHours = -1;
            int offsetMinutes = 0;
            if (zone.size() == 3) {
                offsetHours = digits(zone, 1, 2);
            } else if (zone.size() == 5) {
                offsetHours = digits(zone, 1, 2);
                offsetMinutes = digits(zone, 3, 2);
            } else if (zone.size() == 6 && zone[3] == u':') {
                offsetHours = digits(zone, 1, 2);
                offsetMinutes = digits(zone, 4, 2);
            }
            if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
                return std::nullopt;
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (zone[0] == u'-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    // The wall-clock time minus its offset is the UTC instant.
    return QDateTime(*date, QTime(hour, minute, second, msec), Qt::UTC).addSecs(-offsetSeconds);
}

} // namespace cidadao::protocol
