// SPDX-License-Identifier: GPL-3.0-or-later
// PairIndex (records by (UG, number)) and TextColumn (UTF-8 free text): the two structures the
// issue-4 speed work put under amendment_excess, date_logic, single_bidder and duplicate.
#include "engine/pairindex.h"
#include "engine/stringpool.h"
#include "engine/utf8arena.h"

#include <QTest>

#include <string>

using namespace cidadao::engine;

class TestPairIndex : public QObject
{
    Q_OBJECT

private slots:
    void uniqueAndAmbiguousPairs()
    {
        StringPool pool;
        const Code ugA = pool.intern(u"153080"), ugB = pool.intern(u"200004");
        const Code n1 = pool.intern(u"0001/2024"), n2 = pool.intern(u"0002/2024"), n3 = pool.intern(u"0003/2024");
        //                 row 0  row 1  row 2  row 3  row 4  row 5
        const std::vector<Code> units{ugA, ugA, ugB, ugA, ugA, ugB};
        const std::vector<Code> numbers{n1, n2, n2, 0, n3, n3};
        const PairIndex index(pool.size(), units, numbers);
        QCOMPARE(index.pairCount(), 5u);   // (A,n1) (A,n2) (B,n2) (A,n3) (B,n3); row 3 has no number
        QCOMPARE(index.uniqueRow(ugA, n1), 0u);
        QCOMPARE(index.uniqueRow(ugB, n2), 2u);
        QCOMPARE(index.uniqueRow(ugB, n1), PairIndex::kNone);
        QCOMPARE(index.pairOfRow()[3], PairIndex::kNone);
        // By number alone: n1 is in one UG only; n2 is in two, so it is ambiguous.
        QCOMPARE(index.uniqueRowByNumber(n1), 0u);
        QCOMPARE(index.uniqueRowByNumber(n2), PairIndex::kNone);
        QCOMPARE(index.uniqueRowByNumber(pool.intern(u"never used")), PairIndex::kNone);
    }

    void repeatedPairIsNotUnique()
    {
        StringPool pool;
        const Code ug = pool.intern(u"153080"), n = pool.intern(u"0001/2024");
        const PairIndex index(pool.size(), {ug, ug, ug}, {n, n, n});
        QCOMPARE(index.pairCount(), 1u);
        QCOMPARE(index.rowCount(0), 3u);
        QCOMPARE(index.uniqueRow(ug, n), PairIndex::kNone);
        QCOMPARE(index.find(ug, n), 0u);
        QCOMPARE(index.uniqueRowByNumber(n), PairIndex::kNone);
    }

    void textColumnRoundTrips()
    {
        TextColumn texts;
        texts.push_back(QStringLiteral("Aquisição de \"papel A4\"; resmas"));
        texts.push_back(QString());
        texts.pushUtf8("a\xFF" "b");   // invalid UTF-8 reads back as QString::fromUtf8 decodes it
        const QString huge(5 << 20, u'ç');   // larger than one arena block
        texts.push_back(huge);
        texts.pushUtf8("Manuten\xC3\xA7\xC3\xA3o");
        QCOMPARE(texts.size(), std::size_t(5));
        QCOMPARE(texts[0], QStringLiteral("Aquisição de \"papel A4\"; resmas"));
        QVERIFY(texts[1].isEmpty());
        QCOMPARE(texts[2], QString::fromUtf8("a\xFF" "b"));
        QCOMPARE(texts[3], huge);
        QCOMPARE(texts[4], QStringLiteral("Manutenção"));
        QCOMPARE(texts.utf8(4), std::string_view("Manuten\xC3\xA7\xC3\xA3o"));
        const TextColumn copy = texts;   // a Dataset may be copied
        QCOMPARE(copy[3], huge);
        QCOMPARE(copy[0], texts[0]);
    }

    void utf8Validation()
    {
        QVERIFY(isValidUtf8("plain ascii"));
        QVERIFY(isValidUtf8("Licita\xC3\xA7\xC3\xA3o"));
        QVERIFY(!isValidUtf8("\xC3"));              // truncated
        QVERIFY(!isValidUtf8("\xC0\xAF"));          // overlong
        QVERIFY(!isValidUtf8("\xED\xA0\x80"));      // surrogate
        QVERIFY(!isValidUtf8("Licita\xE7\xE3o"));   // Latin-1 bytes
        // Past the eight-bytes-at-a-time ASCII run, at every offset: a bad byte is still seen.
        for (int at = 0; at < 20; ++at) {
            std::string text(20, 'a');
            QVERIFY(isValidUtf8(text));
            text[std::size_t(at)] = '\xE7';
            QVERIFY2(!isValidUtf8(text), qPrintable(QString::number(at)));
            text.replace(std::size_t(at), 1, "\xC3\xA7");
            QVERIFY2(isValidUtf8(text), qPrintable(QString::number(at)));
        }
    }
};

QTEST_APPLESS_MAIN(TestPairIndex)
#include "tst_engine_pairindex.moc"
