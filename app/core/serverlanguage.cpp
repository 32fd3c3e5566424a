// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlanguage.h"

namespace cidadao::client {

QString serverLanguage(const QLocale& locale)
{
    return locale.language() == QLocale::Portuguese ? QStringLiteral("pt-BR") : QStringLiteral("en");
}

QByteArray acceptLanguage(const QLocale& locale)
{
    const QByteArray own = locale.bcp47Name().toLatin1();
    const bool spoken = locale.language() == QLocale::Portuguese || locale.language() == QLocale::English;
    return spoken ? own : own + ", en;q=0.8";
}

} // namespace cidadao::client
