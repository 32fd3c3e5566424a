// SPDX-License-Identifier: GPL-3.0-or-later
// StringPool: the open-addressing index must give one code per distinct text whether the text comes
// as a QString or as UTF-8 bytes (ASCII fast path, accented text, invalid bytes), survive rehashing,
// and keep appended unique keys out of the index.
#include "engine/stringpool.h"

#include <QTest>

#include <algorithm>

#include <string>
#include <string_view>
#include <vector>

using cidadao::engine::StringPool;

class TestStringPool : public QObject
{
    Q_OBJECT

private slots:
    void emptyIsCodeZero()
    {
        StringPool pool;
        QCOMPARE(pool.intern(QString()), 0u);
        QCOMPARE(pool.internUtf8({}), 0u);
        QCOMPARE(pool.appendUtf8Unique({}), 0u);
        QCOMPARE(pool.size(), std::size_t(1));
    }

    void utf8AndQStringAgree()
    {
        StringPool pool;
        const auto organ = pool.internUtf8("26000");
        QCOMPARE(pool.intern(QStringLiteral("26000")), organ);
        const auto accented = pool.intern(QStringLiteral("Pregão Eletrônico"));
        QCOMPARE(pool.internUtf8("Preg\xC3\xA3o Eletr\xC3\xB4nico"), accented);
        QCOMPARE(pool.at(accented), QStringLiteral("Pregão Eletrônico"));
        QVERIFY(pool.internUtf8("Pregao Eletronico") != accented);
        // Invalid UTF-8 decodes as QString::fromUtf8 does, and is interned once.
        const auto invalid = pool.internUtf8("a\xFF" "b");
        QCOMPARE(pool.internUtf8("a\xFF" "b"), invalid);
        QCOMPARE(pool.at(invalid), QString::fromUtf8("a\xFF" "b"));
        QCOMPARE(pool.size(), std::size_t(5));
    }

    // Texts that differ only in trailing NUL bytes or past their first eight bytes are different texts,
    // before and after the table grows.
    void textsDifferingInNulsOrPastEightBytesStayDistinct()
    {
        StringPool pool;
        const std::vector<std::string_view> texts{std::string_view("A", 1),        std::string_view("A\0", 2),
                                                  std::string_view("A\0\0", 3),    std::string_view("12345678", 8),
                                                  std::string_view("123456789", 9), std::string_view("12345678\0", 9),
                                                  std::string_view("1234567", 7),   std::string_view("\xC3\xA7", 2)};
        std::vector<std::uint32_t> codes;
        for (const std::string_view text : texts)
            codes.push_back(pool.internUtf8(text));
        for (std::size_t i = 0; i < texts.size(); ++i) {
            QCOMPARE(pool.internUtf8(texts[i]), codes[i]);   // found again
            QVERIFY(pool.utf8(codes[i]) == texts[i]);
            for (std::size_t j = i + 1; j < texts.size(); ++j)
                QVERIFY2(codes[i] != codes[j], qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
        }
        // And after the table has doubled many times.
        for (int i = 0; i < 50000; ++i)
            pool.internUtf8(std::to_string(i));
        for (std::size_t i = 0; i < texts.size(); ++i)
            QCOMPARE(pool.internUtf8(texts[i]), codes[i]);
        QCOMPARE(pool.internUtf8("4711"), pool.internUtf8(std::string("4711")));
    }
    void survivesRehashing()
    {
        StringPool pool;
        std::vector<std::uint32_t> codes;
        for (int i = 0; i < 50000; ++i)
            codes.push_back(pool.internUtf8(std::to_string(i * 7919)));
        for (int i = 0; i < 50000; ++i) {
            QCOMPARE(pool.intern(QString::number(i * 7919)), codes[std::size_t(i)]);
            QCOMPARE(pool.find(QString::number(i * 7919)), codes[std::size_t(i)]);
        }
        QCOMPARE(pool.size(), std::size_t(50001));
        QCOMPARE(pool.find(QStringLiteral("not there")), UINT32_MAX);
    }

    void reserveKeepsCodes()
    {
        StringPool pool;
        const auto a = pool.internUtf8("153080");
        pool.reserve(100000);
        QCOMPARE(pool.internUtf8("153080"), a);
        QCOMPARE(pool.at(a), QStringLiteral("153080"));
    }

    void uniqueKeysAreNotIndexed()
    {
        StringPool pool;
        const auto key = pool.appendUtf8Unique("153080/000012024");
        QCOMPARE(pool.at(key), QStringLiteral("153080/000012024"));
        QCOMPARE(pool.find(QStringLiteral("153080/000012024")), UINT32_MAX);
        const auto again = pool.appendUtf8Unique("153080/000012024");
        QVERIFY(again != key);
        // Interning the same text afterwards gives an indexed code of its own, found from then on;
        // rehashing (forced by many later texts) must not index the appended ones.
        const auto interned = pool.intern(QStringLiteral("153080/000012024"));
        QVERIFY(interned != key && interned != again);
        for (int i = 0; i < 5000; ++i)
            pool.internUtf8(std::to_string(i));
        QCOMPARE(pool.find(QStringLiteral("153080/000012024")), interned);
    }
    // The loader hashes a row's texts first and interns them after: the codes must be interning's own,
    // also when the table grows between a hint and its use, for malformed UTF-8 and for the empty text.
    void hintedInterningGivesInterningsCodes()
    {
        StringPool hinted;
        StringPool plain;
        std::vector<std::string> texts = {"", "Pregão", std::string("caf\xE9", 4), "PREGÃO", "x"};
        for (int i = 0; i < 3000; ++i)
            texts.push_back("supplier " + std::to_string(i % 1700));
        for (std::size_t i = 0; i < texts.size(); i += 4) {
            std::vector<StringPool::Hint> hints;
            for (std::size_t k = i; k < std::min(texts.size(), i + 4); ++k)
                hints.push_back(hinted.hint(texts[k]));
            for (std::size_t k = i; k < std::min(texts.size(), i + 4); ++k)
                QCOMPARE(hinted.internUtf8(texts[k], hints[k - i]), plain.internUtf8(texts[k]));
        }
        QCOMPARE(hinted.size(), plain.size());
        QCOMPARE(hinted.find(QStringLiteral("supplier 1699")), plain.find(QStringLiteral("supplier 1699")));
    }
    // A pool filled on another thread merges in with the codes a one-pool run would have given.
    void absorbingGivesTheCodesOfOnePool()
    {
        const auto fill = [](StringPool& pool, int from, int to) {
            for (int i = from; i < to; ++i) {
                pool.internUtf8("supplier " + std::to_string(i % 700)); // shared with the other range
                pool.appendUtf8Unique("key " + std::to_string(i));       // unique, never indexed
                pool.internUtf8("row " + std::to_string(i));
            }
        };
        StringPool one;
        fill(one, 0, 3000);
        StringPool merged;
        fill(merged, 0, 1000);
        StringPool side;
        fill(side, 1000, 3000);
        const std::vector<std::uint32_t> codes = merged.absorb(side);
        QCOMPARE(codes.size(), side.size());
        QCOMPARE(codes[0], 0u);
        QCOMPARE(merged.size(), one.size());
        for (std::uint32_t code = 0; code < one.size(); ++code)
            QCOMPARE(merged.utf8(code), one.utf8(code));
        for (std::uint32_t code = 0; code < side.size(); ++code)
            QCOMPARE(merged.utf8(codes[code]), side.utf8(code));
        QCOMPARE(merged.find(QStringLiteral("supplier 5")), one.find(QStringLiteral("supplier 5")));
        QCOMPARE(merged.find(QStringLiteral("row 2999")), one.find(QStringLiteral("row 2999")));
        QCOMPARE(merged.find(QStringLiteral("key 2999")), UINT32_MAX);
    }
};

QTEST_GUILESS_MAIN(TestStringPool)
#include "tst_engine_stringpool.moc"
