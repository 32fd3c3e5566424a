// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 8601 timestamps as the API writes and reads them. Out: always UTC with 'Z', milliseconds only
// when they are not zero ("2025-01-19T12:00:00Z", "2025-01-19T12:00:00.250Z"), so the seed's
// examples round-trip byte for byte. In: any offset, 'Z', or none at all (read as UTC, because
// Python's datetime.utcnow() — what the upstream server uses — serialises without one).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace cidadao::protocol {

QString formatTimestamp(const QDateTime& timestamp);
// nullopt when the text is not an ISO 8601 date-time or names an impossible date or time.
// Fractions beyond milliseconds are truncated. The result is in UTC.
std::optional<QDateTime> parseTimestamp(QStringView text);

// Strict "YYYY-MM-DD" naming a real calendar date (no 2025-02-30).
std::optional<QDate> parseIsoDate(QStringView text);
QString formatIsoDate(QDate date);

} // namespace cidadao::protocol
