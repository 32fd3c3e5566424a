// SPDX-License-Identifier: GPL-3.0-or-later
// Which of the server's two languages (pt-BR, en) a request wants: the first of them in its
// Accept-Language, in the client's order ("fr, en;q=0.8" → en); Portuguese when it names neither.
#pragma once

#include <QByteArray>
#include <QString>

namespace cidadao::server {

// "pt-BR" or "en".
QString preferredLanguage(const QByteArray& acceptLanguage);

// The Portuguese name of a built-in workflow or of one of its steps; `name` itself when unknown.
QString workflowNamePt(const QString& name);

} // namespace cidadao::server
