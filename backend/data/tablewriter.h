// SPDX-License-Identifier: GPL-3.0-or-later
// The row-level half of an import: maps a file's header onto a SourceSpec, converts each record's
// fields to typed cells and inserts them with one prepared statement. Internal to backend/data; the
// Importer drives it inside the file's transaction.
#pragma once

#include "data/csvreader.h"
#include "data/sources.h"
#include "store/statement.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::data {

// Why a row was rejected. `reason` is an English sentence for logs and scripts; `code` is stable, so that a
// client can say it in its user's language: unterminated_quote, field_count (expectedFields, foundFields),
// invalid_date, invalid_number, invalid_integer, invalid_flag, unknown_registry (value: the field as written).
struct RowError
{
    qint64 line = 0;
    QString column; // the header as written in the file; empty when the row as a whole is wrong
    QString reason;
    QString member; // the ZIP member, when the file was a ZIP
    QString code;
    QString value; // at most 60 characters
    qint64 expectedFields = 0;
    qint64 foundFields = 0;
};

// A converted field. Text lives in the owning row's arena (offset/length), so that converting a row
// allocates nothing once the arena has grown to the longest row.
struct Cell
{
    enum class Type { Null, Text, Integer, Real } type = Type::Null;
    std::size_t offset = 0;
    std::size_t length = 0;
    std::int64_t integer = 0;
    double real = 0;
};

// Where each spec field is in the file (-1: absent).
struct ColumnMap
{
    std::vector<int> indexOfField;
    QStringList missingRequired; // canonical header names
};
ColumnMap mapColumns(const SourceSpec& spec, const QStringList& headers);

// Converts one field; false when it cannot be read, with error's code, value and reason filled.
bool convertCell(const FieldSpec& field, std::string_view raw, const CsvReader& reader, std::string& arena,
                 Cell& cell, RowError& error);

// Columns copied from the cadastro into servant_pay, keyed by Id_SERVIDOR_PORTAL.
struct JoinTable
{
    std::vector<std::string_view> columns;
    struct Row
    {
        std::string arena;
        std::vector<Cell> cells;
    };
    std::unordered_map<std::string, Row> rows;
};

class LineFormat;

// Rows converted and ready to insert: what the parse thread hands to the inserting thread. Text lives in
// the batch's arena (offsets, so that the arena may grow), one row after the other.
struct RowBatch
{
    std::string arena;
    std::vector<Cell> cells;                    // width() cells per row: the fields, key, original
    std::vector<qint64> lines;                  // source line of each row
    std::vector<const JoinTable::Row*> joinRows; // the cadastro row joined to each row (servants), else nullptr
    std::vector<RowError> errors;               // rows refused, in order (at most ImportReport::kMaxErrors)
    qint64 rowsRead = 0;
    qint64 rowsRejected = 0;
    qint64 bytesConsumed = 0;                   // the reader's position after the batch's last row

    std::size_t rows() const { return lines.size(); }
    void clear();
};

class TableWriter
{
public:
    TableWriter(store::Database& db, const SourceSpec& spec, const ColumnMap& map, const QStringList& headers,
                std::int64_t importId, const JoinTable* join, QString registryDefault);
    ~TableWriter();

    // Parse side (any one thread): converts the reader's current record into the batch, or returns false
    // with the reason when it cannot be read. Touches no database.
    bool convert(const CsvReader& reader, RowBatch& batch, RowError& error);
    // Insert side (the database's thread): inserts every row of the batch; throws store::StoreError.
    void insert(const RowBatch& batch);

    // Rows converted so far that keep no `<table>_original` row: they render back from their columns.
    qint64 rowsWrittenBack() const { return m_writtenBack; }
    const LineFormat& lineFormat() const { return *m_format; }

private:
    std::size_t width() const { return m_spec.fields.size() + 2; }

    const SourceSpec& m_spec;
    ColumnMap m_map;
    QStringList m_headers;
    std::int64_t m_importId;
    const JoinTable* m_join;
    std::string m_registryDefault;
    int m_joinKeyField = -1;
    std::vector<int> m_keyFields;
    store::Statement m_insert;
    store::Statement m_insertOriginal; // <table>_original: the record's bytes as read
    std::unique_ptr<LineFormat> m_format;
    qint64 m_writtenBack = 0;
};

} // namespace cidadao::data
