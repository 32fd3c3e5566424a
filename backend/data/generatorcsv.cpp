// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorcsv.h"

#include "data/generatorcalendar.h"

#include <cmath>
#include <stdexcept>

namespace cidadao::data::generator {

namespace {
constexpr std::size_t kFlushAt = 4u << 20;

void appendUnsigned(std::string& out, std::uint64_t value, int minimumDigits = 1)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value);
    while (n < minimumDigits)
        digits[n++] = '0';
    while (n)
        out.push_back(digits[--n]);
}
} // namespace

void appendLatin1(std::string& out, std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        // Fast path: copy a run of plain ASCII in one append.
        std::size_t run = i;
        while (run < utf8.size() && static_cast<unsigned char>(utf8[run]) < 0x80 && utf8[run] != '"')
            ++run;
        if (run > i) {
            out.append(utf8.data() + i, run - i);
            i = run - 1;
            continue;
        }
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            if (c == '"')
                out.push_back('"'); // quotes inside a quoted field are doubled
            out.push_back(char(c));
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[++i]);
            out.push_back(char(((c & 0x03) << 6) | (next & 0x3F)));
        } else {
            // Outside Latin-1: skip the continuation bytes and write one replacement character.
            while (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80)
                ++i;
            out.push_back('?');
        }
    }
}

void appendMoney(std::string& out, double value)
{
    const auto cents = std::int64_t(std::llround(value * 100.0));
    if (cents < 0)
        out.push_back('-');
    const auto magnitude = std::uint64_t(cents < 0 ? -cents : cents);
    appendUnsigned(out, magnitude / 100);
    out.push_back(',');
    appendUnsigned(out, magnitude % 100, 2);
}

CsvWriter::CsvWriter(const QString& path)
    : m_file(path)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path.toStdString() + ": " + m_file.errorString().toStdString());
    m_buffer.reserve(kFlushAt + (64u << 10));
}

CsvWriter::~CsvWriter()
{
    if (m_file.isOpen()) {
        m_file.write(m_buffer.data(), qint64(m_buffer.size()));
        m_file.close();
    }
}

void CsvWriter::header(std::initializer_list<std::string_view> utf8Names)
{
    for (std::string_view name : utf8Names)
        text(name);
    endRow();
    --m_rows;
}

void CsvWriter::separator()
{
    if (m_rowStarted)
        m_buffer.push_back(';');
    m_rowStarted = true;
}

CsvWriter& CsvWriter::text(std::string_view utf8)
{
    separator();
    m_buffer.push_back('"');
    appendLatin1(m_buffer, utf8);
    m_buffer.push_back('"');
    return *this;
}

CsvWriter& CsvWriter::money(double value)
{
    separator();
    m_buffer.push_back('"');
    if (!std::isnan(value))
        appendMoney(m_buffer, value);
    m_buffer.push_back('"');
    return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t value)
{
    separator();
    m_buffer.push_back('"');
    if (value < 0) {
        m_buffer.push_back('-');
        value = -value;
    }
    appendUnsigned(m_buffer, std::uint64_t(value));
    m_buffer.push_back('"');
    return *this;
}

CsvWriter& CsvWriter::date(engine::Day day)
{
    separator();
    m_buffer.push_back('"');
    if (day != engine::kNoDate) {
        const CivilDate c = civilFromDay(day);
        appendUnsigned(m_buffer, std::uint64_t(c.day), 2);
        m_buffer.push_back('/');
        appendUnsigned(m_buffer, std::uint64_t(c.month), 2);
        m_buffer.push_back('/');
        appendUnsigned(m_buffer, std::uint64_t(c.year), 4);
    }
    m_buffer.push_back('"');
    return *this;
}

CsvWriter& CsvWriter::empty()
{
    separator();
    m_buffer.append("\"\"");
    return *this;
}

void CsvWriter::endRow()
{
    m_buffer.append("\r\n");
    m_rowStarted = false;
    ++m_rows;
    flushIfFull();
}

void CsvWriter::flushIfFull()
{
    if (m_buffer.size() < kFlushAt)
        return;
    if (m_file.write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size()))
        throw std::runtime_error("write failed: " + m_file.fileName().toStdString());
    m_buffer.clear();
}

void CsvWriter::close()
{
    if (!m_file.isOpen())
        return;
    if (m_file.write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size()))
        throw std::runtime_error("write failed: " + m_file.fileName().toStdString());
    m_buffer.clear();
    m_file.close();
}

} // namespace cidadao::data::generator
