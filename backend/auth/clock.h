// SPDX-License-Identifier: GPL-3.0-or-later
// The time source of the auth library. Everything that expires (tokens, lockouts, rate windows) reads
// the time through one of these, so tests advance a counter instead of sleeping.
#pragma once

#include <QString>
#include <QtGlobal>
#include <functional>
#include <optional>

namespace cidadao::auth {

// Seconds since the Unix epoch (UTC).
using Clock = std::function<qint64()>;

Clock systemClock();

// "2026-01-31T12:00:00Z": fixed width, so text comparison in SQL orders like time.
QString isoUtc(qint64 epochSeconds);
std::optional<qint64> parseIsoUtc(const QString& text);

} // namespace cidadao::auth
