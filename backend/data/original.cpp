// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/original.h"

#include "data/csvreader.h"
#include "store/database.h"
#include "store/statement.h"

#include <nlohmann/json.hpp>

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
        return std::nullopt;
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
