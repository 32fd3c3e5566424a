// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/csvreader.h"

#include <QIODevice>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cidadao::data {

namespace {

constexpr std::size_t kChunk = 1u << 20;

// Parser states shared by the record scan and the field split, so that both read quotes alike.
enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

// Length of the valid UTF-8 prefix of [data, data + size); stops at the first invalid sequence.
// An incomplete sequence at the very end counts as valid when more bytes may follow.
bool isValidUtf8(const unsigned char* data, std::size_t size, bool moreFollows)
{
    std::size_t i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned minimum = 0;
        unsigned code = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code = c & 0x1Fu;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0Fu;
            minimum = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code = c & 0x07u;
            minimum = 0x10000;
        } else {
            return false;
        }
        if (i + length > size)
            return moreFollows; // cut by the chunk boundary
        for (std::size_t k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (data[i + k] & 0x3Fu);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

} // namespace

DeviceSource::DeviceSource(QIODevice& device)
    : m_device(device)
{
}

qint64 DeviceSource::read(char* buffer, qint64 maxSize)
{
    const qint64 n = m_device.read(buffer, maxSize);
    if (n < 0)
        throw CsvError("read error: " + m_device.errorString().toStdString());
    return n;
}

qint64 DeviceSource::totalSize() const
{
    return m_device.isSequential() ? -1 : m_device.size();
}

MemorySource::MemorySource(std::string_view bytes, qint64 chunk)
    : m_bytes(bytes)
    , m_chunk(std::max<qint64>(1, chunk))
{
}

qint64 MemorySource::read(char* buffer, qint64 maxSize)
{
    const std::size_t n = std::min({std::size_t(maxSize), std::size_t(m_chunk), m_bytes.size() - m_position});
    if (n > 0)
        std::memcpy(buffer, m_bytes.data() + m_position, n);
    m_position += n;
    return qint64(n);
}

CsvReader::CsvReader(ByteSource& source, char separator)
    : m_source(source)
    , m_separator(separator)
    , m_buffer(kChunk)
{
}

bool CsvReader::fill()
{
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_consumedBefore += qint64(m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_eof)
        return false;
    if (m_end == m_buffer.size()) {
        if (m_buffer.size() > kMaxRecordBytes)
            throw CsvError("record starting at line " + std::to_string(m_line) + " is longer than "
                           + std::to_string(kMaxRecordBytes >> 20) + " MiB (unbalanced quote?)");
        m_buffer.resize(m_buffer.size() * 2);
    }
    const qint64 n = m_source.read(m_buffer.data() + m_end, qint64(m_buffer.size() - m_end));
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    detectEncoding(m_end, m_end + std::size_t(n));
    m_end += std::size_t(n);
    return true;
}

void CsvReader::detectEncoding(std::size_t from, std::size_t to)
{
    if (m_encoding != TextEncoding::Undecided)
        return;
    const auto* bytes = reinterpret_cast<const unsigned char*>(m_buffer.data());
    std::size_t first = from;
    while (first < to && bytes[first] < 0x80)
        ++first;
    if (first == to)
        return;
    // A Latin-1 accented letter is almost never followed by continuation bytes, so the chunk
    // that holds the first non-ASCII byte decides for the whole file.
    m_encoding = isValidUtf8(bytes + first, to - first, true) ? TextEncoding::Utf8 : TextEncoding::Latin1;
}

bool CsvReader::next()
{
    if (!m_started) {
        m_started = true;
        while (m_end - m_begin < 3 && fill()) {
        }
        if (m_end - m_begin >= 3 && std::memcmp(m_buffer.data() + m_begin, "\xEF\xBB\xBF", 3) == 0) {
            m_begin += 3;
            m_encoding = TextEncoding::Utf8;
        }
    }
    m_fields.clear();
    m_unterminated = false;
    for (;;) {
        if (m_begin == m_end && !fill())
            return false;
        if (splitFast())
            return true;
        m_fields.clear(); // what the fast path had split before it gave up

        // Pass 1: find where the record ends, keeping the parser state across refills.
        State state = State::FieldStart;
        std::size_t scan = m_begin;
        qint64 innerNewlines = 0;
        std::size_t recordEnd = 0;
        std::size_t nextBegin = 0;
        // Fast path, the common case: a record with no quote ends at the next newline. memchr finds
        // both far faster than the byte-by-byte state machine below, which handles everything else.
        bool quoted = true;
        if (const auto* newline = static_cast<const char*>(std::memchr(m_buffer.data() + scan, '\n', m_end - scan))) {
            const std::size_t at = std::size_t(newline - m_buffer.data());
            if (!std::memchr(m_buffer.data() + scan, '"', at - scan)) {
                quoted = false;
                recordEnd = at;
                nextBegin = at + 1;
            }
        }
        for (; quoted;) {
            const char* data = m_buffer.data();
            while (scan < m_end) {
                const char c = data[scan];
                if (state == State::Quoted) {
                    if (c == '"')
                        state = State::QuoteInQuoted;
                    else if (c == '\n')
                        ++innerNewlines;
                } else if (c == '\n') {
                    break;
                } else if (c == m_separator) {
                    state = State::FieldStart;
                } else if (c == '"') {
                    state = (state == State::FieldStart) ? State::Quoted
                            : (state == State::QuoteInQuoted) ? State::Quoted
                                                               : State::Unquoted;
                } else {
                    state = State::Unquoted;
                }
                ++scan;
            }
            if (scan < m_end) {
                recordEnd = scan;
                nextBegin = scan + 1;
                break;
            }
            const std::size_t offset = m_begin;
            if (!fill()) {
                scan -= offset;
                recordEnd = m_end;
                nextBegin = m_end;
                m_unterminated = state == State::Quoted;
                break;
            }
            scan -= offset;
        }

        m_recordLine = m_line;
        m_line += 1 + innerNewlines;
        std::size_t end = recordEnd;
        if (!m_unterminated && end > m_begin && m_buffer[end - 1] == '\r')
            --end;
        const std::size_t begin = m_begin;
        m_begin = nextBegin;
        if (end == begin)
            continue; // blank line
        if (quoted) {
            m_record.assign(m_buffer.data() + begin, end - begin);
            m_recordView = m_record;
            splitRecord(begin, end);
        } else {
            // Nothing to unquote: the buffer stays as read until the next call, so views suffice.
            m_recordView = std::string_view(m_buffer.data() + begin, end - begin);
            splitPlain(begin, end);
        }
        return true;
    }
}

// The Portal's own layout, whole in the buffer: every field quoted without a doubled quote inside (or
// unquoted without any quote), CRLF or LF. One pass with memchr finds the fields as views of the bytes
// as read: nothing is copied or unquoted, and the record view is the buffer itself. Anything else
// (doubled quotes, text after a closing quote, a record cut by the buffer's end, a blank line) returns
// false having consumed nothing, and next() reads the record with the general state machine.
bool CsvReader::splitFast()
{
    const char* const data = m_buffer.data();
    const char* const limit = data + m_end;
    const char* p = data + m_begin;
    if (*p == '\n' || *p == '\r')
        return false;
    const char separator = m_separator;
    qint64 innerNewlines = 0;
    const char* recordEnd = nullptr;
    const char* nextBegin = nullptr;
    m_fields.clear();
    while (!recordEnd) {
        if (p == limit)
            return false;
        const char* fieldEnd = nullptr;
        if (*p == '"') {
            const char* const start = p + 1;
            const auto* close = static_cast<const char*>(std::memchr(start, '"', std::size_t(limit - start)));
            if (!close || close + 1 >= limit || close[1] == '"')
                return false;
            if (std::memchr(start, '\n', std::size_t(close - start)))
                innerNewlines += std::count(start, close, '\n');
            m_fields.emplace_back(start, std::size_t(close - start));
            p = close + 1;
        } else {
            const char* const start = p;
            while (p < limit && *p != separator && *p != '\n' && *p != '"')
                ++p;
            if (p == limit || *p == '"')
                return false;
            fieldEnd = p;
            if (*p == '\n' && fieldEnd > start && fieldEnd[-1] == '\r')
                --fieldEnd;
            m_fields.emplace_back(start, std::size_t(fieldEnd - start));
        }
        if (*p == separator) {
            ++p;
        } else if (*p == '\n') {
            recordEnd = (p > data + m_begin && p[-1] == '\r') ? p - 1 : p;
            nextBegin = p + 1;
        } else if (*p == '\r' && p + 1 < limit && p[1] == '\n') {
            recordEnd = p;
            nextBegin = p + 2;
        } else {
            return false;
        }
    }
    m_unterminated = false;
    m_recordLine = m_line;
    m_line += 1 + innerNewlines;
    m_recordView = std::string_view(data + m_begin, std::size_t(recordEnd - (data + m_begin)));
    m_begin = std::size_t(nextBegin - data);
    return true;
}

void CsvReader::splitRecord(std::size_t begin, std::size_t end)
{
    char* data = m_buffer.data();
    std::size_t write = begin;
    std::size_t fieldStart = begin;
    State state = State::FieldStart;
    auto push = [&] {
        m_fields.emplace_back(data + fieldStart, write - fieldStart);
        fieldStart = write;
        state = State::FieldStart;
    };
    for (std::size_t read = begin; read < end; ++read) {
        const char c = data[read];
        switch (state) {
        case State::FieldStart:
            if (c == '"') {
                state = State::Quoted;
            } else if (c == m_separator) {
                push();
            } else {
                data[write++] = c;
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (c == m_separator)
                push();
            else
                data[write++] = c;
            break;
        case State::Quoted:
            if (c == '"')
                state = State::QuoteInQuoted;
            else
                data[write++] = c;
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                data[write++] = '"';
                state = State::Quoted;
            } else if (c == m_separator) {
                push();
            } else {
                // Text after a closing quote: kept, as spreadsheet programs do.
                data[write++] = c;
                state = State::Unquoted;
            }
            break;
        }
    }
    m_fields.emplace_back(data + fieldStart, write - fieldStart);
}

void CsvReader::splitPlain(std::size_t begin, std::size_t end)
{
    const char* data = m_buffer.data();
    std::size_t start = begin;
    while (const auto* separator = static_cast<const char*>(std::memchr(data + start, m_separator, end - start))) {
        const auto at = std::size_t(separator - data);
        m_fields.emplace_back(data + start, at - start);
        start = at + 1;
    }
    m_fields.emplace_back(data + start, end - start);
}

QString CsvReader::decode(std::string_view field) const
{
    if (m_encoding == TextEncoding::Utf8)
        return QString::fromUtf8(field.data(), qsizetype(field.size()));
    return QString::fromLatin1(field.data(), qsizetype(field.size()));
}

void CsvReader::appendUtf8(std::string& out, std::string_view field) const
{
    if (m_encoding == TextEncoding::Utf8) {
        out.append(field);
        return;
    }
    // Latin-1: at most two bytes per byte. Written through a pointer into room made once, not
    // push_back per byte (which the profile showed as a tenth of the import's own time), and runs of
    // ASCII (most of any Portal text) copied eight bytes at a time.
    const std::size_t offset = out.size();
    out.resize(offset + 2 * field.size());
    char* write = out.data() + offset;
    const char* read = field.data();
    const char* const end = read + field.size();
    while (read < end) {
        while (end - read >= 8) {
            std::uint64_t word;
            std::memcpy(&word, read, 8);
            if (word & 0x8080808080808080ull)
                break;
            std::memcpy(write, &word, 8);
            read += 8;
            write += 8;
        }
        if (read == end)
            break;
        const auto c = static_cast<unsigned char>(*read++);
        if (c < 0x80) {
            *write++ = char(c);
        } else {
            *write++ = char(0xC0 | (c >> 6));
            *write++ = char(0x80 | (c & 0x3F));
        }
    }
    out.resize(std::size_t(write - out.data()));
}

} // namespace cidadao::data
