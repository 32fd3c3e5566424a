// SPDX-License-Identifier: GPL-3.0-or-later
// How an import's original rows are given back from the record's own columns, so that the importer
// keeps a row's bytes (`<table>_original`) only when they say more than the columns do (schema 0008).
// A field is "written back" when its stored value renders to exactly the text the file had: text
// without surrounding blanks, a document number without punctuation, DD/MM/YYYY dates, numbers with
// the column's own count of decimals and no thousands dots, the column's own SIM/NÃO spelling. A row
// all of whose fields are written back needs nothing more; any other row keeps its bytes. A file with a
// column no field models keeps every row's bytes, so no original column is ever lost.
#pragma once

#include "data/sources.h"
#include "data/tablewriter.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cidadao::data {

class LineFormat
{
public:
    struct Column
    {
        int field = -1;          // index into the spec's fields; -1: not modelled
        std::string sqlColumn;   // the record table's column holding it
        FieldKind kind = FieldKind::Text;
        int decimals = -1;       // Decimal: digits after the comma, decided by the first value (-1: none yet)
        std::string yes;         // Flag: the file's spellings (UTF-8), decided by the first value of each
        std::string no;
        std::string yesRaw;      // the same as the file's bytes, compared while importing
        std::string noRaw;
    };

    // The format of a file whose header maps onto spec as map says.
    LineFormat(const SourceSpec& spec, const ColumnMap& map, std::size_t headerCount);
    // The format stored with an import (imports.line_format); nullopt when absent or unreadable.
    static std::optional<LineFormat> fromJson(std::string_view text);

    // False when some file column is not modelled: then every row keeps its bytes.
    bool writesBack() const { return m_writesBack; }
    // True when every field of the converted row renders back to the file's text. Decides the
    // column's decimals and flag spellings on their first value.
    // cells: the row's converted fields, one per spec field.
    bool writesBack(const CsvReader& reader, const Cell* cells, const std::string& arena);

    const std::vector<Column>& columns() const { return m_columns; }
    // The field's original text from its stored value (the SQLite column's value as text, day number or
    // number; null → empty).
    QString render(const Column& column, const QString& text, std::int64_t integer, double real, bool isNull) const;

    nlohmann::json toJson() const;

private:
    LineFormat() = default;
    static bool fieldWritesBack(Column& column, std::string_view raw, const Cell& cell, const std::string& arena,
                                const CsvReader& reader);

    std::vector<Column> m_columns; // one per file column, in file order
    bool m_writesBack = true;
};

} // namespace cidadao::data
