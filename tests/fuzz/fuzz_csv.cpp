// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the CSV reader and the value parsers: any bytes, any chunking, must neither
// crash nor loop, and every record's fields must lie inside what was read.
#include "data/csvreader.h"
#include "data/values.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace cidadao::data;
    if (size == 0)
        return 0;
    // The first byte picks the chunk size, so records straddle refills in every possible way.
    const qint64 chunk = 1 + data[0] % 17;
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    MemorySource source(bytes, chunk);
    CsvReader reader(source);
    std::string utf8;
    qint64 lastLine = 0;
    try {
        while (reader.next()) {
            if (reader.line() <= lastLine)
                __builtin_trap(); // line numbers must increase
            lastLine = reader.line();
            for (const std::string_view field : reader.fields()) {
                utf8.clear();
                reader.appendUtf8(utf8, field);
                (void)reader.decode(field);
                double number = 0;
                (void)parseDecimal(field, number);
                cidadao::engine::Day day = 0;
                (void)parseDate(field, day);
                bool flag = false;
                (void)parseFlag(field, flag);
                std::string folded;
                appendFoldedUtf8(folded, utf8);
            }
        }
        if (reader.bytesConsumed() > qint64(bytes.size()))
            __builtin_trap();
    } catch (const CsvError&) {
        // Over-long records are refused by design.
    }
    return 0;
}
