// SPDX-License-Identifier: GPL-3.0-or-later
// Cuts a reply into sentences so that the first one can be spoken (and sent) while the rest is
// still being synthesised. A sentence ends at . ! ? ; : or … followed by white space, or at a line
// break; "R$ 1.234,56" or "3.5" do not end one (no space after the point).
#pragma once

#include <QString>
#include <QStringList>

namespace cidadao::voice {

QStringList splitSentences(const QString& text);

} // namespace cidadao::voice
