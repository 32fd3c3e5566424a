// SPDX-License-Identifier: GPL-3.0-or-later
// Writes CSV exactly as the Portal da Transparência publishes it: ISO-8859-1 bytes, `;` separator,
// every field double-quoted, CRLF, decimal comma, DD/MM/YYYY. A million rows must take seconds, so
// rows are assembled by hand in a large buffer (no QString, no printf) and flushed in big blocks.
#pragma once

#include "engine/columns.h"

#include <QFile>
#include <QString>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace cidadao::data::generator {

class CsvWriter
{
public:
    // Opens (truncates) the file; throws std::runtime_error when it cannot.
    explicit CsvWriter(const QString& path);
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void header(std::initializer_list<std::string_view> utf8Names);
    // A text field given as UTF-8; written as Latin-1 (characters beyond U+00FF become '?').
    CsvWriter& text(std::string_view utf8);
    CsvWriter& money(double value);          // "1234,56"; NaN writes an empty field
    CsvWriter& integer(std::int64_t value);
    CsvWriter& date(engine::Day day);        // "DD/MM/YYYY"; kNoDate writes an empty field
    CsvWriter& empty();
    void endRow();                           // CRLF

    void close();                            // flushes; throws std::runtime_error on a write error
    std::int64_t rows() const { return m_rows; }

private:
    void separator();
    void flushIfFull();

    QFile m_file;
    std::string m_buffer;
    bool m_rowStarted = false;
    std::int64_t m_rows = 0;
};

// Appends text as Latin-1 bytes (UTF-8 input).
void appendLatin1(std::string& out, std::string_view utf8);
// Appends a non-negative amount with decimal comma and two decimals.
void appendMoney(std::string& out, double value);

} // namespace cidadao::data::generator
