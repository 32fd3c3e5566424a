// SPDX-License-Identifier: GPL-3.0-or-later
// The server writes its own words (agents, reports, anomaly explanations, workflow names) in pt-BR and
// en; the interface also speaks fr. One rule for what the client asks of it: Portuguese for a
// Portuguese interface, English for any other (closer to a French reader than Portuguese).
#pragma once

#include <QByteArray>
#include <QLocale>
#include <QString>

namespace cidadao::client {

// "pt-BR" or "en": the report's ?lang=, the anomaly texts to show.
QString serverLanguage(const QLocale& locale = QLocale());
// The Accept-Language header: the interface's language, then English when the server cannot speak it.
QByteArray acceptLanguage(const QLocale& locale = QLocale());

} // namespace cidadao::client
