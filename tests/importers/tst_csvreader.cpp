// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming CSV reader on the Portal's real quirks: quoted `;`, doubled quotes, newlines inside
// quotes, CRLF/LF, physical line numbers, encoding detection, records cut by buffer refills.
#include "data/csvreader.h"

#include <QTest>

#include <string>
#include <vector>

using namespace cidadao::data;

namespace {

struct Record
{
    qint64 line;
    std::vector<std::string> fields;
};

std::vector<Record> readAllRecords(std::string_view bytes, qint64 chunk = 1 << 20)
{
    MemorySource source(bytes, chunk);
    CsvReader reader(source);
    std::vector<Record> records;
    while (reader.next()) {
        Record record{reader.line(), {}};
        for (const std::string_view field : reader.fields())
            record.fields.emplace_back(field);
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void quotedFieldsAndLineNumbers_data()
    {
        QTest::addColumn<int>("chunk");
        // Tiny chunks force every record to straddle refills.
        for (const int chunk : {1, 2, 3, 7, 64, 1 << 20})
            QTest::addRow("chunk %d", chunk) << chunk;
    }
    void quotedFieldsAndLineNumbers()
    {
        QFETCH(int, chunk);
        const std::string text = "\"A\";\"B\";\"C\"\r\n"
                                 "\"1;2\";\"say \"\"hi\"\"\";\"x\"\r\n"
                                 "\"multi\r\nline\";\"\";plain\r\n"
                                 "\r\n"
                                 "last;\"\";\"end\"";
        const auto records = readAllRecords(text, chunk);
        QCOMPARE(records.size(), std::size_t(4));
        QCOMPARE(records[0].line, 1);
        QCOMPARE(records[0].fields, (std::vector<std::string>{"A", "B", "C"}));
        QCOMPARE(records[1].line, 2);
        QCOMPARE(records[1].fields, (std::vector<std::string>{"1;2", "say \"hi\"", "x"}));
        QCOMPARE(records[2].line, 3);
        QCOMPARE(records[2].fields, (std::vector<std::string>{"multi\r\nline", "", "plain"}));
        // Line 5 is blank and skipped; the last record has no final newline.
        QCOMPARE(records[3].line, 6);
        QCOMPARE(records[3].fields, (std::vector<std::string>{"last", "", "end"}));
    }

    void lfEndingsAndEmptyFields()
    {
        const auto records = readAllRecords("a;b;c\n;;\n\"\";x;\n");
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records[1].fields, (std::vector<std::string>{"", "", ""}));
        QCOMPARE(records[2].fields, (std::vector<std::string>{"", "x", ""}));
        QCOMPARE(records[2].line, 3);
    }

    void lenientQuotes()
    {
        // A quote in the middle of an unquoted field is data; text after a closing quote is kept.
        const auto records = readAllRecords("ab\"c;\"q\"r;d\n");
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].fields, (std::vector<std::string>{"ab\"c", "qr", "d"}));
    }

    void unterminatedQuoteIsFlagged()
    {
        MemorySource source("a;b\n\"open;c\nmore\n");
        CsvReader reader(source);
        QVERIFY(reader.next());
        QVERIFY(!reader.unterminatedQuote());
        QVERIFY(reader.next());
        QVERIFY(reader.unterminatedQuote());
        QCOMPARE(reader.line(), 2);
        QVERIFY(!reader.next());
    }

    void detectsLatin1()
    {
        const std::string latin1 = "\"N\xFAmero\";\"Situa\xE7\xE3o\"\r\n\"1\";\"S\xC3O PAULO\"\r\n";
        MemorySource source(latin1);
        CsvReader reader(source);
        QVERIFY(reader.next());
        QCOMPARE(reader.encoding(), TextEncoding::Latin1);
        QCOMPARE(reader.decode(reader.field(0)), QStringLiteral("Número"));
        QCOMPARE(reader.decode(reader.field(1)), QStringLiteral("Situação"));
        QVERIFY(reader.next());
        std::string utf8;
        reader.appendUtf8(utf8, reader.field(1));
        QCOMPARE(utf8, std::string("S\xC3\x83O PAULO"));
    }

    void detectsUtf8WithAndWithoutBom()
    {
        for (const std::string& prefix : {std::string("\xEF\xBB\xBF"), std::string()}) {
            const std::string text = prefix + "\"N\xC3\xBAmero\";\"x\"\n";
            MemorySource source(text);
            CsvReader reader(source);
            QVERIFY(reader.next());
            QCOMPARE(reader.encoding(), TextEncoding::Utf8);
            // The BOM is not part of the first header.
            QCOMPARE(reader.decode(reader.field(0)), QStringLiteral("Número"));
        }
    }

    void asciiStaysUndecidedAndDecodes()
    {
        MemorySource source("a;b\n1;2\n");
        CsvReader reader(source);
        QVERIFY(reader.next());
        QCOMPARE(reader.encoding(), TextEncoding::Undecided);
        QCOMPARE(reader.decode(reader.field(1)), QStringLiteral("b"));
    }

    void countsBytesConsumed()
    {
        const std::string text = "a;b\n1;2\n";
        MemorySource source(text);
        CsvReader reader(source);
        while (reader.next()) {
        }
        QCOMPARE(reader.bytesConsumed(), qint64(text.size()));
        QCOMPARE(reader.totalSize(), qint64(text.size()));
    }

    void manyRecordsAcrossRefills()
    {
        std::string text = "\"id\";\"value\"\r\n";
        for (int i = 0; i < 50000; ++i)
            text += "\"" + std::to_string(i) + "\";\"v;" + std::to_string(i) + "\"\r\n";
        MemorySource source(text, 4093);
        CsvReader reader(source);
        QVERIFY(reader.next());
        int count = 0;
        while (reader.next()) {
            QCOMPARE(reader.size(), std::size_t(2));
            QCOMPARE(std::string(reader.field(0)), std::to_string(count));
            QCOMPARE(reader.line(), qint64(count + 2));
            ++count;
        }
        QCOMPARE(count, 50000);
    }

    // Quoted records in the Portal's layout take a one-pass memchr path (splitFast); everything else the
    // general state machine. Read a byte at a time, a record is never whole in the buffer, so the
    // general path reads it: both must give the same fields, lines, record bytes and quote state, on
    // random mixes of quoted/unquoted fields, doubled quotes, `;` and newlines inside quotes, text after
    // a closing quote, blank lines, CR LF and LF, with and without a final line ending.
    void quotedFastPathMatchesStateMachine()
    {
        std::uint32_t state = 12345;
        auto random = [&state](std::uint32_t bound) {
            state = state * 1664525u + 1013904223u;
            return (state >> 8) % bound;
        };
        const std::vector<std::string> pieces = {"a", "Lei 14.133", ";", "\"\"", "\n", "\r\n", " ", "\xE7\xE3o", "10,50"};
        for (int round = 0; round < 200; ++round) {
            std::string text;
            const std::uint32_t records = 1 + random(30);
            for (std::uint32_t r = 0; r < records; ++r) {
                const std::uint32_t fields = 1 + random(6);
                for (std::uint32_t f = 0; f < fields; ++f) {
                    if (f > 0)
                        text += ';';
                    const std::uint32_t kind = random(10);
                    if (kind < 6) { // quoted, maybe with doubled quotes, separators, newlines
                        text += '"';
                        for (std::uint32_t k = random(4); k > 0; --k)
                            text += pieces[random(std::uint32_t(pieces.size()))];
                        text += '"';
                        if (kind == 5 && random(4) == 0)
                            text += "x"; // text after the closing quote
                    } else if (kind < 9) {
                        text += random(2) ? "plain" : "";
                    } else {
                        text += "un\"quoted"; // a quote inside an unquoted field
                    }
                }
                const std::uint32_t ending = random(8);
                text += ending == 0 ? "\n\r\n" : ending < 4 ? "\n" : "\r\n";
            }
            if (random(3) == 0)
                text.resize(text.size() - 1); // no final line ending, or a lone CR
            for (const qint64 chunk : {qint64(1), qint64(7)}) {
                MemorySource slow(text, chunk);
                MemorySource fast(text);
                CsvReader general(slow);
                CsvReader reader(fast);
                for (;;) {
                    const bool more = reader.next();
                    QCOMPARE(more, general.next());
                    if (!more)
                        break;
                    QCOMPARE(reader.line(), general.line());
                    QCOMPARE(std::string(reader.record()), std::string(general.record()));
                    QCOMPARE(reader.unterminatedQuote(), general.unterminatedQuote());
                    QCOMPARE(reader.size(), general.size());
                    for (std::size_t i = 0; i < reader.size(); ++i)
                        QCOMPARE(std::string(reader.field(i)), std::string(general.field(i)));
                }
            }
        }
    }

    // Records without any quote take the memchr fast path (fields and record() are views into the
    // buffer); they must read exactly as the state machine reads them, next to quoted records, across
    // refills, with CR LF and LF endings, and record() must stay the bytes as written.
    void unquotedFastPathMatchesQuotedPath()
    {
        std::string text = "id;name;value\r\n";
        for (int i = 0; i < 3000; ++i) {
            if (i % 3 == 0)
                text += std::to_string(i) + ";plain " + std::to_string(i) + ";1.234,5678\r\n";
            else if (i % 3 == 1)
                text += "\"" + std::to_string(i) + "\";\"a;b\";\"\"\r\n";
            else
                text += std::to_string(i) + ";;\n";
        }
        for (const qint64 chunk : {qint64(5), qint64(4093), qint64(1) << 20}) {
            MemorySource source(text, chunk);
            CsvReader reader(source);
            QVERIFY(reader.next());
            QCOMPARE(std::string(reader.record()), std::string("id;name;value"));
            for (int i = 0; i < 3000; ++i) {
                QVERIFY(reader.next());
                QCOMPARE(reader.line(), qint64(i + 2));
                QCOMPARE(reader.size(), std::size_t(3));
                QCOMPARE(std::string(reader.field(0)), std::to_string(i));
                if (i % 3 == 0) {
                    QCOMPARE(std::string(reader.field(1)), "plain " + std::to_string(i));
                    QCOMPARE(std::string(reader.field(2)), std::string("1.234,5678"));
                    QCOMPARE(std::string(reader.record()), std::to_string(i) + ";plain " + std::to_string(i)
                                                               + ";1.234,5678");
                } else if (i % 3 == 1) {
                    QCOMPARE(std::string(reader.field(1)), std::string("a;b"));
                    QCOMPARE(std::string(reader.field(2)), std::string());
                    QCOMPARE(std::string(reader.record()), "\"" + std::to_string(i) + "\";\"a;b\";\"\"");
                } else {
                    QCOMPARE(std::string(reader.field(1)), std::string());
                    QCOMPARE(std::string(reader.field(2)), std::string());
                }
            }
            QVERIFY(!reader.next());
        }
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
