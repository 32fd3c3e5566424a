// SPDX-License-Identifier: GPL-3.0-or-later
// The original row of an imported record, given back from what the importers keep: the record's bytes
// as read (`<table>_original.line`) and the file's header once per import (`imports.header`, with
// `imports.encoding`), or, for a row that kept no bytes (schema 0008), its fields rendered back from the
// record's columns through `imports.line_format` (lineformat.h). Every column of the file is there,
// modelled or not, under its own header.
#pragma once

#include "data/sources.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::data {

struct OriginalField
{
    QString header; // as written in the file (trimmed)
    QString value;  // unquoted and decoded; untrimmed
};

// The row `id` of source's table, in file column order; nullopt when there is no such row. Rows imported
// before schema 0004 were kept as JSON objects and come back without their empty fields.
std::optional<std::vector<OriginalField>> readOriginalRow(store::Database& db, Source source, std::int64_t id);

} // namespace cidadao::data
