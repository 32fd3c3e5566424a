// SPDX-License-Identifier: GPL-3.0-or-later
// A streaming reader of the Portal da Transparência's CSV files: `;` separated, double-quoted fields
// that may hold `;`, quotes (doubled) and newlines, CRLF or LF, ISO-8859-1 or UTF-8. Files run to
// gigabytes, so records are parsed in place in a reused buffer and handed out as byte views; a
// field is decoded to text only when a caller asks.
#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace cidadao::data {

// Where the bytes come from: a file, a ZIP member being inflated, memory.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Up to maxSize bytes; 0 at the end. Throws CsvError on a read failure.
    virtual qint64 read(char* buffer, qint64 maxSize) = 0;
    // Total bytes this source will produce, for progress; -1 when unknown.
    virtual qint64 totalSize() const = 0;
};

class CsvError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Reads an open QIODevice (not owned).
class DeviceSource : public ByteSource
{
public:
    explicit DeviceSource(QIODevice& device);
    qint64 read(char* buffer, qint64 maxSize) override;
    qint64 totalSize() const override;

private:
    QIODevice& m_device;
};

// Reads bytes held by the caller (not copied): tests and the fuzzer.
class MemorySource : public ByteSource
{
public:
    explicit MemorySource(std::string_view bytes, qint64 chunk = 1 << 20);
    qint64 read(char* buffer, qint64 maxSize) override;
    qint64 totalSize() const override { return qint64(m_bytes.size()); }

private:
    std::string_view m_bytes;
    std::size_t m_position = 0;
    qint64 m_chunk;
};

enum class TextEncoding { Undecided, Utf8, Latin1 };

class CsvReader
{
public:
    explicit CsvReader(ByteSource& source, char separator = ';');

    // Moves to the next record; false at the end of input. Blank lines are skipped.
    bool next();
    // The current record's fields: unquoted bytes in the file's encoding. Valid until next().
    const std::vector<std::string_view>& fields() const { return m_fields; }
    std::size_t size() const { return m_fields.size(); }
    std::string_view field(std::size_t index) const { return m_fields[index]; }
    // The current record's bytes as they were in the file (quotes and separators included, the line
    // ending left out): what the importers keep as the original row. Valid until next().
    std::string_view record() const { return m_recordView; }
    // Physical line (1-based) on which the current record starts.
    qint64 line() const { return m_recordLine; }
    // True when the record ended at the end of input inside an open quote.
    bool unterminatedQuote() const { return m_unterminated; }

    qint64 bytesConsumed() const { return m_consumedBefore + qint64(m_begin); }
    qint64 totalSize() const { return m_source.totalSize(); }

    // UTF-8 when the file starts with a BOM or its bytes are valid UTF-8, otherwise Latin-1.
    // Undecided while only ASCII has been seen (then both decodings agree).
    TextEncoding encoding() const { return m_encoding; }
    QString decode(std::string_view field) const;
    // Appends the field as UTF-8 (a copy for UTF-8 input, a conversion for Latin-1).
    void appendUtf8(std::string& out, std::string_view field) const;

    // Records longer than this are refused (a runaway quote in a huge file).
    static constexpr std::size_t kMaxRecordBytes = 64u << 20;

private:
    bool fill();
    void detectEncoding(std::size_t from, std::size_t to);
    void splitRecord(std::size_t begin, std::size_t end);
    void splitPlain(std::size_t begin, std::size_t end); // a record without quotes
    bool splitFast();

    ByteSource& m_source;
    char m_separator;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;     // first unconsumed byte
    std::size_t m_end = 0;       // end of valid bytes
    qint64 m_consumedBefore = 0; // bytes dropped from the buffer's front so far
    bool m_eof = false;
    bool m_started = false;
    bool m_unterminated = false;
    qint64 m_line = 1;           // physical line at m_begin
    qint64 m_recordLine = 0;
    TextEncoding m_encoding = TextEncoding::Undecided;
    std::vector<std::string_view> m_fields;
    std::string m_record; // copied before splitRecord() unquotes the buffer in place
    std::string_view m_recordView; // m_record, or the buffer itself when the record has no quote
};

} // namespace cidadao::data
