// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/original.h"

#include "data/csvreader.h"
#include "data/lineformat.h"
#include "store/database.h"
#include "store/statement.h"

#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace cidadao::data {

namespace {

// The fields of one stored record, each decoded with the import's encoding (not guessed again from
// a single line, where a Latin-1 row can happen to be valid UTF-8).
std::vector<QString> splitDecoded(std::string_view bytes, bool latin1)
{
    MemorySource source(bytes);
    CsvReader reader(source);
    std::vector<QString> values;
    if (!reader.next())
        return values;
    for (const std::string_view field : reader.fields()) {
        values.push_back(latin1 ? QString::fromLatin1(field.data(), qsizetype(field.size()))
                                : QString::fromUtf8(field.data(), qsizetype(field.size())));
    }
    return values;
}

// A row that kept no bytes of its own (schema 0008): every field rendered back from the record's
// columns through the import's line format.
std::optional<std::vector<OriginalField>> renderRow(store::Database& db, const std::string& table, std::int64_t id)
{
    store::Statement query = db.prepare("SELECT i.header, i.encoding, i.line_format, r.* FROM " + table
                                        + " r JOIN imports i ON i.id = r.import_id WHERE r.id = ?");
    query.bind(1, id);
    if (!query.step() || query.isNull(2))
        return std::nullopt;
    const QByteArray formatText = query.blob(2);
    const std::optional<LineFormat> format = LineFormat::fromJson(
        std::string_view(formatText.constData(), std::size_t(formatText.size())));
    if (!format)
        return std::nullopt;
    const QByteArray header = query.blob(0);
    const bool latin1 = query.text(1) == QLatin1String("iso-8859-1");
    const std::vector<QString> headers = splitDecoded(std::string_view(header.constData(), std::size_t(header.size())),
                                                      latin1);
    sqlite3_stmt* statement = query.handle();
    std::vector<OriginalField> row;
    for (std::size_t i = 0; i < format->columns().size(); ++i) {
        const LineFormat::Column& column = format->columns()[i];
        int index = -1;
        for (int c = 3; c < sqlite3_column_count(statement); ++c) {
            if (column.sqlColumn == sqlite3_column_name(statement, c)) {
                index = c;
                break;
            }
        }
        if (index < 0)
            return std::nullopt; // a format naming a column the table lacks: nothing trustworthy to give back
        const bool isNull = sqlite3_column_type(statement, index) == SQLITE_NULL;
        // Numbers first: asking for the text afterwards leaves them as stored.
        const std::int64_t integer = sqlite3_column_int64(statement, index);
        const double real = sqlite3_column_double(statement, index);
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
        const QString textValue = isNull ? QString() : QString::fromUtf8(text, sqlite3_column_bytes(statement, index));
        const QString value = format->render(column, textValue, integer, real, isNull);
        row.push_back({i < headers.size() ? headers[i].trimmed() : QString(), value});
    }
    return row;
}

} // namespace

std::optional<std::vector<OriginalField>> readOriginalRow(store::Database& db, Source source, std::int64_t id)
{
    const std::string table(sourceSpec(source).table);
    if (table.empty())
        return std::nullopt;
    store::Statement query = db.prepare("SELECT o.line, i.header, i.encoding FROM " + table + "_original o JOIN "
                                        + table + " r ON r.id = o.id JOIN imports i ON i.id = r.import_id "
                                        + "WHERE o.id = ?");
    query.bind(1, id);
    if (!query.step())
        return renderRow(db, table, id);
    const QByteArray line = query.blob(0);
    std::vector<OriginalField> row;
    if (query.isNull(1)) {
        // Before 0004: a JSON object header → value, in file order.
        const auto json = nlohmann::ordered_json::parse(line.constData(), line.constData() + line.size(), nullptr,
                                                        false);
        if (!json.is_object())
            return row;
        for (const auto& [header, value] : json.items()) {
            row.push_back({QString::fromStdString(header),
                           value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString()});
        }
        return row;
    }
    const QByteArray header = query.blob(1);
    const bool latin1 = query.text(2) == QLatin1String("iso-8859-1");
    const std::vector<QString> headers = splitDecoded(std::string_view(header.constData(), std::size_t(header.size())),
                                                      latin1);
    const std::vector<QString> values = splitDecoded(std::string_view(line.constData(), std::size_t(line.size())),
                                                     latin1);
    for (std::size_t i = 0; i < values.size(); ++i)
        row.push_back({i < headers.size() ? headers[i].trimmed() : QString(), values[i]});
    return row;
}

} // namespace cidadao::data
