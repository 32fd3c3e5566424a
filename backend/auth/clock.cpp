// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/clock.h"

#include <QDateTime>
#include <QTimeZone>

namespace cidadao::auth {

Clock systemClock()
{
    return [] { return QDateTime::currentSecsSinceEpoch(); };
}

QString isoUtc(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, QTimeZone::utc()).toString(Qt::ISODate);
}

std::optional<qint64> parseIsoUtc(const QString& text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch();
}

} // namespace cidadao::auth
