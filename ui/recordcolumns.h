// SPDX-License-Identifier: GPL-3.0-or-later
// The records table's column titles: the server names its fields in snake_case English (API.md), which
// no analyst should have to read. Each known field has a title in the user's language and a place in
// a reading order (what, who, how much, where, then the codes); a field this version does not know
// keeps its name and goes last.
#pragma once

#include <QString>

namespace cidadao::ui::RecordColumns {

// The title of `field` in the current language, or `field` itself when it is not known.
QString title(const QString& field);
// Where `field` goes in the table: known fields in reading order, unknown ones after them.
int rank(const QString& field);

} // namespace cidadao::ui::RecordColumns
