// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 8601 in and out: offsets, 'Z', no zone (upstream's naive UTC) and fractions are read; the
// output is always UTC with 'Z' and milliseconds only when non-zero; impossible values are refused.
#include "protocol/timestamp.h"

#include <QTest>

using namespace cidadao::protocol;

class TestProtocolTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void parseAndFormat_data();
    void parseAndFormat();
    void rejected_data();
    void rejected();
    void formatConvertsToUtc();
    void calendarDates();
};

void TestProtocolTimestamp::parseAndFormat_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    const auto row = [](const char* in, const char* out) { QTest::newRow(in) << QString::fromLatin1(in) << QString::fromLatin1(out); };
    row("2025-01-19T12:00:00Z", "2025-01-19T12:00:00Z");
    row("2025-01-19T12:00:00z", "2025-01-19T12:00:00Z");
    row("2025-01-19T12:00:00+00:00", "2025-01-19T12:00:00Z");
    row("2025-01-19T09:00:00-03:00", "2025-01-19T12:00:00Z");
    row("2025-01-19T14:30:00+0230", "2025-01-19T12:00:00Z");
    row("2025-01-19T15:00:00+03", "2025-01-19T12:00:00Z");
    row("2025-01-19T23:00:00-03:00", "2025-01-20T02:00:00Z");
    row("2025-01-19T12:00:00", "2025-01-19T12:00:00Z");
    row("2025-01-19 12:00:00", "2025-01-19T12:00:00Z");
    row("2025-01-19T12:00Z", "2025-01-19T12:00:00Z");
    row("2025-01-19T12:00:00.5Z", "2025-01-19T12:00:00.500Z");
    row("2025-01-19T12:00:00.123Z", "2025-01-19T12:00:00.123Z");
    row("2025-01-19T12:00:00.123456", "2025-01-19T12:00:00.123Z");
    row("2025-01-19T12:00:00.999999999Z", "2025-01-19T12:00:00.999Z");
    row("2025-01-19T12:00:00,25Z", "2025-01-19T12:00:00.250Z");
    row("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z");
    row("2000-01-01T00:00:00.000Z", "2000-01-01T00:00:00Z");
}

void TestProtocolTimestamp::parseAndFormat()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    const std::optional<QDateTime> parsed = parseTimestamp(input);
    QVERIFY(parsed);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
    QCOMPARE(formatTimestamp(*parsed), output);
}

void TestProtocolTimestamp::rejected_data()
{
    QTest::addColumn<QString>("input");
    for (const char* text : {"", "yesterday", "2025-01-19", "2025-01-19T", "2025-01-19T12", "2025-02-30T12:00:00Z",
                             "2023-02-29T12:00:00Z", "2025-13-01T12:00:00Z", "2025-01-19T24:00:00Z",
                             "2025-01-19T12:60:00Z", "2025-01-19T12:00:60Z", "2025-01-19T12:00:00+24:00",
                             "2025-01-19T12:00:00+03:60", "2025-01-19T12:00:00.Z", "2025-01-19T12:00:00.1234567890Z",
                             "2025-01-19T12:00:00ZZ", "2025-01-19T12:00:00 Z", "2025-01-19X12:00:00Z",
                             "25-01-19T12:00:00Z", "2025-1-19T12:00:00Z", "+2025-01-19T12:00:00Z",
                             "2025-01-19T12:00:00+3", "2025-01-19T12:00:00EST", "１２"})
        QTest::newRow(text) << QString::fromUtf8(text);
}

void TestProtocolTimestamp::rejected()
{
    QFETCH(QString, input);
    QVERIFY(!parseTimestamp(input));
}

void TestProtocolTimestamp::formatConvertsToUtc()
{
    const QDateTime saoPaulo(QDate(2025, 1, 19), QTime(9, 0), Qt::OffsetFromUTC, -3 * 3600);
    QCOMPARE(formatTimestamp(saoPaulo), QStringLiteral("2025-01-19T12:00:00Z"));
    const QDateTime withMs(QDate(2025, 1, 19), QTime(12, 0, 0, 42), Qt::UTC);
    QCOMPARE(formatTimestamp(withMs), QStringLiteral("2025-01-19T12:00:00.042Z"));
}

void TestProtocolTimestamp::calendarDates()
{
    QCOMPARE(parseIsoDate(u"2024-02-29"), QDate(2024, 2, 29));
    QVERIFY(!parseIsoDate(u"2023-02-29"));
    QVERIFY(!parseIsoDate(u"2024-04-31"));
    QVERIFY(!parseIsoDate(u"2024-00-10"));
    QVERIFY(!parseIsoDate(u"2024-1-10"));
    QVERIFY(!parseIsoDate(u"2024-01-10 "));
    QVERIFY(!parseIsoDate(u"10/01/2024"));
    QCOMPARE(formatIsoDate(QDate(2024, 1, 5)), QStringLiteral("2024-01-05"));
}

QTEST_GUILESS_MAIN(TestProtocolTimestamp)
#include "tst_protocol_timestamp.moc"
