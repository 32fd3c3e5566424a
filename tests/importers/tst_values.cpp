// SPDX-License-Identifier: GPL-3.0-or-later
// Number, date and flag parsing of the Portal's formats, and header/search folding.
#include "data/values.h"

#include <QTest>

#include <cmath>

using namespace cidadao::data;
using cidadao::engine::Day;

class TestValues : public QObject
{
    Q_OBJECT

private slots:
    void decimals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<double>("expected");
        QTest::newRow("four decimals") << QByteArray("10665589,3300") << 10665589.33;
        QTest::newRow("two decimals") << QByteArray("59906,02") << 59906.02;
        QTest::newRow("no decimals") << QByteArray("8000") << 8000.0;
        QTest::newRow("one decimal") << QByteArray("7999,9") << 7999.9;
        QTest::newRow("thousands dots") << QByteArray("1.234,56") << 1234.56;
        QTest::newRow("millions") << QByteArray("1.500.000,00") << 1500000.0;
        QTest::newRow("negative") << QByteArray("-3000,00") << -3000.0;
        QTest::newRow("negative thousands") << QByteArray("-1.234,5") << -1234.5;
        QTest::newRow("spaces") << QByteArray("  12,5 ") << 12.5;
        QTest::newRow("dot decimal") << QByteArray("1234.5") << 1234.5;
        QTest::newRow("thousands only") << QByteArray("1.234") << 1234.0;
        QTest::newRow("leading comma") << QByteArray(",5") << 0.5;
    }
    void decimals()
    {
        QFETCH(QByteArray, text);
        QFETCH(double, expected);
        double value = 0;
        QCOMPARE(parseDecimal(std::string_view(text.constData(), std::size_t(text.size())), value), ParseStatus::Ok);
        QCOMPARE(value, expected);
    }

    void badDecimals()
    {
        double value = 42;
        for (const char* text : {"12,34,5", "abc", "1,", "12.34,5", "1..2", "R$ 10", "1,2a", "-", "1.2.3", "--1"})
            QVERIFY2(parseDecimal(text, value) == ParseStatus::Invalid, text);
        QCOMPARE(parseDecimal("", value), ParseStatus::Empty);
        QCOMPARE(parseDecimal("   ", value), ParseStatus::Empty);
        QCOMPARE(value, 42.0);
    }

    void dates()
    {
        Day day = 0;
        QCOMPARE(parseDate("01/01/1970", day), ParseStatus::Ok);
        QCOMPARE(day, 0);
        QCOMPARE(parseDate("15/01/2024", day), ParseStatus::Ok);
        QCOMPARE(day, 19737);
        QCOMPARE(parseDate("29/02/2024", day), ParseStatus::Ok);
        QCOMPARE(day, 19782);
        QCOMPARE(parseDate("2024-02-29", day), ParseStatus::Ok);
        QCOMPARE(day, 19782);
        QCOMPARE(parseDate("5/6/2019", day), ParseStatus::Ok);
        QCOMPARE(day, daysFromCivil(2019, 6, 5));
        QCOMPARE(parseDate("31/12/1969", day), ParseStatus::Ok);
        QCOMPARE(day, -1);
        for (const char* bad : {"31/02/2024", "29/02/2023", "00/01/2024", "32/01/2024", "01/13/2024", "1/1/24",
                                "01-01-2024", "01/01/2024x", "2024-13-01", "aa/bb/cccc"})
            QVERIFY2(parseDate(bad, day) == ParseStatus::Invalid, bad);
        QCOMPARE(parseDate(" ", day), ParseStatus::Empty);
    }

    void civilRoundTrip()
    {
        for (Day d = -700000; d <= 800000; d += 997) {
            int y = 0, m = 0, dd = 0;
            civilFromDays(d, y, m, dd);
            QVERIFY(isValidCivil(y, m, dd));
            QCOMPARE(daysFromCivil(y, m, dd), d);
        }
    }

    void flags()
    {
        bool flag = false;
        QCOMPARE(parseFlag("SIM", flag), ParseStatus::Ok);
        QVERIFY(flag);
        QCOMPARE(parseFlag("N\xC3O", flag), ParseStatus::Ok); // Latin-1 NÃO
        QVERIFY(!flag);
        flag = true;
        QCOMPARE(parseFlag("N\xC3\x83O", flag), ParseStatus::Ok); // UTF-8 NÃO
        QVERIFY(!flag);
        QCOMPARE(parseFlag("talvez", flag), ParseStatus::Invalid);
        QCOMPARE(parseFlag("", flag), ParseStatus::Empty);
    }

    void integers()
    {
        std::int64_t value = 0;
        QCOMPARE(parseInteger("2024", value), ParseStatus::Ok);
        QCOMPARE(value, 2024);
        QCOMPARE(parseInteger("01", value), ParseStatus::Ok);
        QCOMPARE(value, 1);
        QCOMPARE(parseInteger("1,5", value), ParseStatus::Invalid);
    }

    void headerNormalisation()
    {
        QCOMPARE(normaliseHeader(QStringLiteral("Código Contratado")), QStringLiteral("codigocontratado"));
        QCOMPARE(normaliseHeader(QStringLiteral("  CODIGO_CONTRATADO ")), QStringLiteral("codigocontratado"));
        QCOMPARE(normaliseHeader(QStringLiteral("REMUNERAÇÃO BÁSICA BRUTA (R$)")),
                 QStringLiteral("remuneracaobasicabrutar"));
        QVERIFY(normaliseHeader(QStringLiteral("REMUNERAÇÃO BÁSICA BRUTA (U$)"))
                != normaliseHeader(QStringLiteral("REMUNERAÇÃO BÁSICA BRUTA (R$)")));
        // Decomposed accents (NFD) fold like composed ones.
        QCOMPARE(normaliseHeader(QStringLiteral("Co\u0301digo O\u0301rga\u0303o")), QStringLiteral("codigoorgao"));
    }

    void searchFolding()
    {
        QCOMPARE(foldForSearch(QStringLiteral("  Aquisição de \"PAPEL\"; A4 ")), QStringLiteral("aquisicao de papel a4"));
        std::string folded;
        appendFoldedUtf8(folded, "S\xC3\x83O JOS\xC3\x89 \xE2\x82\xAC");
        QCOMPARE(folded, std::string("sao jose \xE2\x82\xAC"));
    }
};

QTEST_APPLESS_MAIN(TestValues)
#include "tst_values.moc"
