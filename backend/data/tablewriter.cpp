// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/tablewriter.h"

#include "data/lineformat.h"
#include "data/values.h"
#include "store/database.h"
#include "store/storeerror.h"

#include <sqlite3.h>

namespace cidadao::data {

namespace {

QString toQString(std::string_view utf8) { return QString::fromUtf8(utf8.data(), qsizetype(utf8.size())); }

// Values the Portal writes where a date or number is missing; read as empty, not as errors.
bool isPlaceholder(std::string_view raw, const CsvReader& reader)
{
    const QString folded = foldForSearch(reader.decode(trimmed(raw)));
    return folded == QLatin1String("sem informacao") || folded == QLatin1String("nao informado")
        || folded == QLatin1String("nao se aplica") || folded.isEmpty();
}

QString shown(std::string_view raw, const CsvReader& reader)
{
    QString text = reader.decode(trimmed(raw));
    if (text.size() > 60)
        text = text.left(57) + QLatin1String("...");
    return text;
}

// Fills the value-based rejection: the code, the field as written, and the English sentence.
bool reject(RowError& error, const char* code, const char* what, std::string_view raw, const CsvReader& reader,
            const char* expected = nullptr)
{
    error.code = QLatin1String(code);
    error.value = shown(raw, reader);
    error.reason = QLatin1String(what) + QLatin1String(" '") + error.value + QLatin1Char('\'');
    if (expected)
        error.reason += QLatin1String(" (expected ") + QString::fromUtf8(expected) + QLatin1Char(')');
    return false;
}

void setText(Cell& cell, const std::string& arena, std::size_t offset)
{
    cell.type = arena.size() > offset ? Cell::Type::Text : Cell::Type::Null;
    cell.offset = offset;
    cell.length = arena.size() - offset;
}

void bindCell(sqlite3_stmt* statement, int index, const Cell& cell, const std::string& arena)
{
    switch (cell.type) {
    case Cell::Type::Null:
        sqlite3_bind_null(statement, index);
        break;
    case Cell::Type::Text:
        // STATIC: the arena outlives the step() that reads it.
        sqlite3_bind_text(statement, index, arena.data() + cell.offset, int(cell.length), SQLITE_STATIC);
        break;
    case Cell::Type::Integer:
        sqlite3_bind_int64(statement, index, cell.integer);
        break;
    case Cell::Type::Real:
        sqlite3_bind_double(statement, index, cell.real);
        break;
    }
}

} // namespace

ColumnMap mapColumns(const SourceSpec& spec, const QStringList& headers)
{
    QStringList normalised;
    for (const QString& header : headers)
        normalised.append(normaliseHeader(header));
    ColumnMap map;
    for (const FieldSpec& field : spec.fields) {
        int index = -1;
        for (const std::string_view alias : field.headers) {
            index = int(normalised.indexOf(normaliseHeader(toQString(alias))));
            if (index >= 0)
                break;
        }
        map.indexOfField.push_back(index);
        if (index < 0 && field.required)
            map.missingRequired.append(toQString(field.headers.front()));
    }
    return map;
}

bool convertCell(const FieldSpec& field, std::string_view raw, const CsvReader& reader, std::string& arena,
                 Cell& cell, RowError& error)
{
    cell = Cell();
    const std::string_view value = trimmed(raw);
    switch (field.kind) {
    case FieldKind::Text: {
        const std::size_t offset = arena.size();
        reader.appendUtf8(arena, value);
        setText(cell, arena, offset);
        return true;
    }
    case FieldKind::Document: {
        const std::size_t offset = arena.size();
        // Masked CPFs (***.017.623-**) are kept as published: their digits cannot be completed.
        const bool masked = value.find('*') != std::string_view::npos;
        arena.resize(offset + value.size()); // written through a pointer: never longer than the field
        char* write = arena.data() + offset;
        for (const char c : value) {
            if (!masked && (c == '.' || c == '/' || c == '-' || c == ' '))
                continue;
            *write++ = (c >= 'a' && c <= 'z' && !masked) ? char(c - 'a' + 'A') : c;
        }
        arena.resize(std::size_t(write - arena.data()));
        // Non-ASCII bytes cannot be in a document number, but keep the text valid UTF-8 anyway.
        for (std::size_t i = offset; i < arena.size(); ++i) {
            if (static_cast<unsigned char>(arena[i]) >= 0x80) {
                arena.resize(offset);
                reader.appendUtf8(arena, value);
                break;
            }
        }
        setText(cell, arena, offset);
        return true;
    }
    case FieldKind::Date: {
        engine::Day day = 0;
        const ParseStatus status = parseDate(value, day);
        if (status == ParseStatus::Ok) {
            cell.type = Cell::Type::Integer;
            cell.integer = day;
            return true;
        }
        if (status == ParseStatus::Empty || isPlaceholder(value, reader))
            return true;
        return reject(error, "invalid_date", "invalid date", value, reader);
    }
    case FieldKind::Decimal: {
        double number = 0;
        const ParseStatus status = parseDecimal(value, number);
        if (status == ParseStatus::Ok) {
            cell.type = Cell::Type::Real;
            cell.real = number;
            return true;
        }
        if (status == ParseStatus::Empty || isPlaceholder(value, reader))
            return true;
        return reject(error, "invalid_number", "invalid number", value, reader);
    }
    case FieldKind::Integer: {
        std::int64_t number = 0;
        const ParseStatus status = parseInteger(value, number);
        if (status == ParseStatus::Empty)
            return true;
        if (status == ParseStatus::Invalid
            || ((field.minimum != 0 || field.maximum != 0) && (number < field.minimum || number > field.maximum))) {
            return reject(error, "invalid_integer", "invalid whole number", value, reader);
        }
        cell.type = Cell::Type::Integer;
        cell.integer = number;
        return true;
    }
    case FieldKind::Flag: {
        bool flag = false;
        const ParseStatus status = parseFlag(value, flag);
        if (status == ParseStatus::Empty)
            return true;
        if (status == ParseStatus::Invalid) {
            return reject(error, "invalid_flag", "invalid flag", value, reader, "SIM or NÃO");
        }
        cell.type = Cell::Type::Integer;
        cell.integer = flag ? 1 : 0;
        return true;
    }
    case FieldKind::Registry: {
        if (value.empty())
            return true;
        const QString folded = foldForSearch(reader.decode(value));
        const char* registry = folded.contains(QLatin1String("cnep")) ? "CNEP"
                               : folded.contains(QLatin1String("ceis")) ? "CEIS"
                                                                        : nullptr;
        if (!registry) {
            return reject(error, "unknown_registry", "unknown registry", value, reader, "CEIS or CNEP");
        }
        const std::size_t offset = arena.size();
        arena.append(registry);
        setText(cell, arena, offset);
        return true;
    }
    }
    return true;
}

TableWriter::TableWriter(store::Database& db, const SourceSpec& spec, const ColumnMap& map,
                         const QStringList& headers, std::int64_t importId, const JoinTable* join,
                         QString registryDefault)
    : m_spec(spec)
    , m_map(map)
    , m_headers(headers)
    , m_importId(importId)
    , m_join(join)
    , m_registryDefault(registryDefault.toStdString())
{
    auto fieldIndex = [&](std::string_view column) {
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            if (spec.fields[i].column == column)
                return int(i);
        }
        return -1;
    };
    for (const std::string_view column : spec.keyColumns)
        m_keyFields.push_back(fieldIndex(column));
    if (join)
        m_joinKeyField = fieldIndex("servant_id");

    std::string sql = "INSERT INTO " + std::string(spec.table) + " (import_id, source_line, key";
    std::string values = "?, ?, ?";
    for (const FieldSpec& field : spec.fields) {
        sql += ", " + std::string(field.column);
        values += ", ?";
    }
    if (join) {
        for (const std::string_view column : join->columns) {
            sql += ", " + std::string(column);
            values += ", ?";
        }
    }
    // search_text is left NULL: searches fold the columns as they scan (data::searchTextSql).
    sql += ") VALUES (" + values + ")";
    m_insert = db.prepare(sql);
    m_insertOriginal = db.prepare("INSERT INTO " + std::string(spec.table) + "_original (id, line) VALUES (?, ?)");
    m_format = std::make_unique<LineFormat>(spec, map, std::size_t(headers.size()));
}

TableWriter::~TableWriter() = default;

void RowBatch::clear()
{
    arena.clear();
    cells.clear();
    lines.clear();
    joinRows.clear();
    errors.clear();
    rowsRead = 0;
    rowsRejected = 0;
    bytesConsumed = 0;
}

bool TableWriter::convert(const CsvReader& reader, RowBatch& batch, RowError& error)
{
    const auto& fields = reader.fields();
    if (reader.unterminatedQuote()) {
        error = RowError();
        error.line = reader.line();
        error.code = QStringLiteral("unterminated_quote");
        error.reason = QStringLiteral("unterminated quoted field");
        return false;
    }
    if (fields.size() != std::size_t(m_headers.size())) {
        error = RowError();
        error.line = reader.line();
        error.code = QStringLiteral("field_count");
        error.expectedFields = m_headers.size();
        error.foundFields = qint64(fields.size());
        error.reason = QStringLiteral("expected %1 fields, found %2").arg(m_headers.size()).arg(fields.size());
        return false;
    }

    std::string& arena = batch.arena;
    const std::size_t arenaStart = arena.size();
    const std::size_t cellStart = batch.cells.size();
    batch.cells.resize(cellStart + width());
    Cell* const cells = batch.cells.data() + cellStart;
    for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
        const int index = m_map.indexOfField[i];
        if (index < 0)
            continue;
        if (!convertCell(m_spec.fields[i], fields[std::size_t(index)], reader, arena, cells[i], error)) {
            error.line = reader.line();
            error.column = m_headers.at(index);
            error.member.clear();
            error.expectedFields = error.foundFields = 0;
            batch.cells.resize(cellStart);
            arena.resize(arenaStart);
            return false;
        }
    }
    for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
        if (m_spec.fields[i].kind == FieldKind::Registry && cells[i].type == Cell::Type::Null) {
            const std::size_t offset = arena.size();
            arena += m_registryDefault;
            setText(cells[i], arena, offset);
        }
    }

    Cell& key = cells[m_spec.fields.size()];
    const std::size_t keyOffset = arena.size();
    bool anyKey = false;
    for (std::size_t k = 0; k < m_keyFields.size(); ++k) {
        if (k > 0)
            arena.push_back('/');
        const Cell& cell = cells[std::size_t(m_keyFields[k])];
        if (cell.type == Cell::Type::Text)
            arena.append(arena, cell.offset, cell.length);
        else if (cell.type == Cell::Type::Integer)
            arena += std::to_string(cell.integer);
        anyKey = anyKey || cell.type != Cell::Type::Null;
    }
    if (anyKey)
        setText(key, arena, keyOffset);
    else
        arena.resize(keyOffset);

    // The original row: the record's bytes, once, as the file had them (the header is in imports),
    // unless every field renders back from the columns.
    Cell& original = cells[m_spec.fields.size() + 1];
    if (m_format->writesBack(reader, cells, arena)) {
        ++m_writtenBack;
    } else {
        const std::size_t offset = arena.size();
        arena.append(reader.record());
        original.type = Cell::Type::Text;
        original.offset = offset;
        original.length = reader.record().size();
    }

    const JoinTable::Row* joinRow = nullptr;
    if (m_join) {
        const Cell& idCell = cells[std::size_t(m_joinKeyField)];
        if (idCell.type == Cell::Type::Text) {
            const auto it = m_join->rows.find(arena.substr(idCell.offset, idCell.length));
            if (it != m_join->rows.end())
                joinRow = &it->second;
        }
    }
    batch.joinRows.push_back(joinRow);
    batch.lines.push_back(reader.line());
    return true;
}

void TableWriter::insert(const RowBatch& batch)
{
    sqlite3_stmt* statement = m_insert.handle();
    sqlite3_stmt* original = m_insertOriginal.handle();
    const std::string& arena = batch.arena;
    const std::size_t fieldCount = m_spec.fields.size();
    for (std::size_t row = 0; row < batch.rows(); ++row) {
        const Cell* cells = batch.cells.data() + row * width();
        sqlite3_reset(statement);
        int index = 1;
        sqlite3_bind_int64(statement, index++, m_importId);
        sqlite3_bind_int64(statement, index++, batch.lines[row]);
        bindCell(statement, index++, cells[fieldCount], arena); // key
        for (std::size_t i = 0; i < fieldCount; ++i)
            bindCell(statement, index++, cells[i], arena);
        if (m_join) {
            const JoinTable::Row* joinRow = batch.joinRows[row];
            for (std::size_t i = 0; i < m_join->columns.size(); ++i) {
                if (joinRow)
                    bindCell(statement, index++, joinRow->cells[i], joinRow->arena);
                else
                    sqlite3_bind_null(statement, index++);
            }
        }
        const int rc = sqlite3_step(statement);
        if (rc != SQLITE_DONE) {
            sqlite3_reset(statement);
            throw store::StoreError(std::string("insert into ") + std::string(m_spec.table) + " failed: "
                                        + sqlite3_errmsg(sqlite3_db_handle(statement)),
                                    rc);
        }

        const Cell& line = cells[fieldCount + 1];
        if (line.type == Cell::Type::Null)
            continue; // rendered back from the row's columns (lineformat.h)
        sqlite3_reset(original);
        sqlite3_bind_int64(original, 1, sqlite3_last_insert_rowid(sqlite3_db_handle(statement)));
        sqlite3_bind_blob(original, 2, arena.data() + line.offset, int(line.length), SQLITE_STATIC);
        const int originalRc = sqlite3_step(original);
        if (originalRc != SQLITE_DONE) {
            sqlite3_reset(original);
            throw store::StoreError(std::string("insert into ") + std::string(m_spec.table) + "_original failed: "
                                        + sqlite3_errmsg(sqlite3_db_handle(original)),
                                    originalRc);
        }
    }
}

} // namespace cidadao::data
