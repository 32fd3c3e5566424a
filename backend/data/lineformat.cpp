// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/lineformat.h"

#include "data/values.h"

#include <cstdio>
#include <cstring>

namespace cidadao::data {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text)
{
    for (const char c : text) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

// A whole number as std::to_chars would write it: no sign but '-', no leading zero.
bool isPlainInteger(std::string_view text)
{
    if (!text.empty() && text.front() == '-')
        text.remove_prefix(1);
    return !text.empty() && allDigits(text) && (text.size() == 1 || text.front() != '0');
}

const char* kindName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Text:
        return "text";
    case FieldKind::Document:
        return "document";
    case FieldKind::Date:
        return "date";
    case FieldKind::Decimal:
        return "decimal";
    case FieldKind::Integer:
        return "integer";
    case FieldKind::Flag:
        return "flag";
    case FieldKind::Registry:
        return "registry";
    }
    return "text";
}

std::optional<FieldKind> kindFromName(std::string_view name)
{
    for (const FieldKind kind : {FieldKind::Text, FieldKind::Document, FieldKind::Date, FieldKind::Decimal,
                                 FieldKind::Integer, FieldKind::Flag, FieldKind::Registry}) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

bool sameBytes(const Cell& cell, const std::string& arena, std::string_view raw)
{
    if (cell.type == Cell::Type::Null)
        return raw.empty();
    return cell.type == Cell::Type::Text && cell.length == raw.size()
        && std::memcmp(arena.data() + cell.offset, raw.data(), raw.size()) == 0;
}

} // namespace

LineFormat::LineFormat(const SourceSpec& spec, const ColumnMap& map, std::size_t headerCount)
    : m_columns(headerCount)
{
    for (std::size_t f = 0; f < map.indexOfField.size(); ++f) {
        const int index = map.indexOfField[f];
        if (index < 0 || std::size_t(index) >= headerCount || m_columns[std::size_t(index)].field >= 0)
            continue; // two fields read from one column: either writes it back
        Column& column = m_columns[std::size_t(index)];
        column.field = int(f);
        column.sqlColumn = std::string(spec.fields[f].column);
        column.kind = spec.fields[f].kind;
    }
    for (const Column& column : m_columns)
        m_writesBack = m_writesBack && column.field >= 0;
}

bool LineFormat::fieldWritesBack(Column& column, std::string_view raw, const Cell& cell, const std::string& arena,
                                 const CsvReader& reader)
{
    if (raw.empty())
        return cell.type == Cell::Type::Null;
    switch (column.kind) {
    case FieldKind::Text:
        // Stored as the trimmed text: written back unless trimming dropped something.
        return cell.type == Cell::Type::Text && trimmed(raw).size() == raw.size();
    case FieldKind::Document:
    case FieldKind::Registry:
        return sameBytes(cell, arena, raw);
    case FieldKind::Date:
        return cell.type == Cell::Type::Integer && raw.size() == 10 && raw[2] == '/' && raw[5] == '/'
            && allDigits(raw.substr(0, 2)) && allDigits(raw.substr(3, 2)) && allDigits(raw.substr(6, 4));
    case FieldKind::Integer:
        return cell.type == Cell::Type::Integer && isPlainInteger(raw) && !(raw.front() == '-' && cell.integer == 0);
    case FieldKind::Decimal: {
        if (cell.type != Cell::Type::Real)
            return false;
        std::string_view digits = raw;
        if (digits.front() == '-') {
            if (cell.real == 0)
                return false; // "-0,00" would come back without its sign
            digits.remove_prefix(1);
        }
        const std::size_t comma = digits.find(',');
        const std::string_view integral = digits.substr(0, comma);
        const std::string_view fraction = comma == std::string_view::npos ? std::string_view() : digits.substr(comma + 1);
        if (!isPlainInteger(integral) || integral.front() == '-' || !allDigits(fraction)
            || (comma != std::string_view::npos && fraction.empty()))
            return false;
        // Up to 15 significant digits a double gives back exactly under printf's rounding.
        if (integral.size() + fraction.size() > 15)
            return false;
        const int decimals = int(fraction.size());
        if (column.decimals < 0)
            column.decimals = decimals;
        return decimals == column.decimals;
    }
    case FieldKind::Flag: {
        if (cell.type != Cell::Type::Integer)
            return false;
        std::string& spelling = cell.integer ? column.yesRaw : column.noRaw;
        if (spelling.empty()) {
            spelling.assign(raw);
            std::string& utf8 = cell.integer ? column.yes : column.no;
            reader.appendUtf8(utf8, raw);
        }
        return raw == spelling;
    }
    }
    return false;
}

bool LineFormat::writesBack(const CsvReader& reader, const Cell* cells, const std::string& arena)
{
    if (!m_writesBack)
        return false;
    const auto& fields = reader.fields();
    if (fields.size() != m_columns.size())
        return false;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        Column& column = m_columns[i];
        if (!fieldWritesBack(column, fields[i], cells[std::size_t(column.field)], arena, reader))
            return false;
    }
    return true;
}

QString LineFormat::render(const Column& column, const QString& text, std::int64_t integer, double real,
                           bool isNull) const
{
    if (isNull)
        return QString();
    switch (column.kind) {
    case FieldKind::Text:
    case FieldKind::Document:
    case FieldKind::Registry:
        return text;
    case FieldKind::Date: {
        int year = 0, month = 0, day = 0;
        civilFromDays(engine::Day(integer), year, month, day);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", day, month, year);
        return QString::fromLatin1(buffer);
    }
    case FieldKind::Integer:
        return QString::number(integer);
    case FieldKind::Decimal: {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*f", std::max(0, column.decimals), real);
        QString value = QString::fromLatin1(buffer);
        value.replace(QLatin1Char('.'), QLatin1Char(','));
        return value;
    }
    case FieldKind::Flag:
        return QString::fromStdString(integer ? column.yes : column.no);
    }
    return text;
}

nlohmann::json LineFormat::toJson() const
{
    nlohmann::json columns = nlohmann::json::array();
    for (const Column& column : m_columns) {
        nlohmann::json json = {{"column", column.sqlColumn}, {"kind", kindName(column.kind)}};
        if (column.kind == FieldKind::Decimal)
            json["decimals"] = column.decimals;
        if (column.kind == FieldKind::Flag) {
            json["yes"] = column.yes;
            json["no"] = column.no;
        }
        columns.push_back(std::move(json));
    }
    return {{"version", 1}, {"columns", std::move(columns)}};
}

std::optional<LineFormat> LineFormat::fromJson(std::string_view text)
{
    const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (!json.is_object() || !json.contains("columns") || !json["columns"].is_array())
        return std::nullopt;
    LineFormat format;
    for (const auto& item : json["columns"]) {
        if (!item.is_object() || !item.contains("column") || !item["column"].is_string() || !item.contains("kind")
            || !item["kind"].is_string())
            return std::nullopt;
        const std::optional<FieldKind> kind = kindFromName(item["kind"].get<std::string>());
        if (!kind)
            return std::nullopt;
        Column column;
        column.field = int(format.m_columns.size());
        column.sqlColumn = item["column"].get<std::string>();
        column.kind = *kind;
        if (item.contains("decimals") && item["decimals"].is_number_integer())
            column.decimals = item["decimals"].get<int>();
        if (item.contains("yes") && item["yes"].is_string())
            column.yes = item["yes"].get<std::string>();
        if (item.contains("no") && item["no"].is_string())
            column.no = item["no"].get<std::string>();
        format.m_columns.push_back(std::move(column));
    }
    return format;
}

} // namespace cidadao::data
