// SPDX-License-Identifier: GPL-3.0-or-later
// The pagination cursor: what encodeCursor writes decodes to the same position, the wire form is
// unpadded base64url of the seed's {"t","i","d"}, padding is accepted, and every malformed cursor is
// a ValidationFailure naming "cursor" (the HTTP layer turns that into a 422, never a 500).
#include "protocol/cursor.h"
#include "protocol/decoding.h"

#include <QRegularExpression>
#include <QTest>

using namespace cidadao::protocol;

namespace {

QString wire(const QByteArray& json)
{
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestProtocolCursor : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void wireFormIsTheSeeds();
    void paddingIsAccepted();
    void offsetsAreNormalised();
    void malformed_data();
    void malformed();
};

void TestProtocolCursor::roundTrip_data()
{
    QTest::addColumn<QDateTime>("timestamp");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("direction");
    const QDate day(2025, 1, 19);
    QTest::newRow("whole seconds") << QDateTime(day, QTime(12, 0), Qt::UTC) << QStringLiteral("123e4567") << QStringLiteral("next");
    QTest::newRow("milliseconds") << QDateTime(day, QTime(12, 0, 0, 7), Qt::UTC) << QStringLiteral("a") << QStringLiteral("prev");
    QTest::newRow("uuid") << QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                          << QStringLiteral("123e4567-e89b-12d3-a456-426614174000") << QStringLiteral("next");
    QTest::newRow("non-ASCII id") << QDateTime(day, QTime(0, 0), Qt::UTC) << QStringLiteral("sessão-ç") << QStringLiteral("next");
    QTest::newRow("id with quotes") << QDateTime(day, QTime(0, 0), Qt::UTC) << QStringLiteral("a\"b\\c") << QStringLiteral("prev");
    QTest::newRow("id 128") << QDateTime(day, QTime(0, 0), Qt::UTC) << QString(128, QLatin1Char('x')) << QStringLiteral("next");
}

void TestProtocolCursor::roundTrip()
{
    QFETCH(QDateTime, timestamp);
    QFETCH(QString, id);
    QFETCH(QString, direction);
    const Cursor cursor{timestamp, id, direction};
    const QString encoded = encodeCursor(cursor);
    static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QVERIFY2(base64url.match(encoded).hasMatch(), qPrintable(encoded));
    const Cursor back = decodeCursor(encoded);
    QCOMPARE(back.timestamp, timestamp);
    QCOMPARE(back.id, id);
    QCOMPARE(back.direction, direction);
    QVERIFY(back == cursor);
}

void TestProtocolCursor::wireFormIsTheSeeds()
{
    const Cursor cursor{QDateTime(QDate(2025, 1, 19), QTime(12, 0), Qt::UTC), QStringLiteral("123e4567"),
                        QStringLiteral("next")};
    const QByteArray json = QByteArray::fromBase64(encodeCursor(cursor).toLatin1(), QByteArray::Base64UrlEncoding);
    QCOMPARE(parseJson(json), (Json{{"t", "2025-01-19T12:00:00Z"}, {"i", "123e4567"}, {"d", "next"}}));
    // Compact JSON, as the seed says.
    QVERIFY(!json.contains(' '));
}

void TestProtocolCursor::paddingIsAccepted()
{
    // 53 bytes of JSON: base64 needs one '=' of padding, which we do not write but must read.
    const QByteArray json = R"({"t":"2025-01-19T12:00:00Z","i":"abcd","d":"next"})";
    const QString unpadded = wire(json);
    QString padded = unpadded;
    while (padded.size() % 4 != 0)
        padded += QLatin1Char('=');
    QVERIFY(padded != unpadded);
    QCOMPARE(decodeCursor(padded), decodeCursor(unpadded));
    QCOMPARE(decodeCursor(padded).id, QStringLiteral("abcd"));
}

void TestProtocolCursor::offsetsAreNormalised()
{
    const Cursor cursor = decodeCursor(wire(R"({"t":"2025-01-19T09:00:00-03:00","i":"x","d":"prev"})"));
    QCOMPARE(cursor.timestamp, QDateTime(QDate(2025, 1, 19), QTime(12, 0), Qt::UTC));
    const QByteArray again = QByteArray::fromBase64(encodeCursor(cursor).toLatin1(), QByteArray::Base64UrlEncoding);
    QCOMPARE(parseJson(again).at("t").get<std::string>(), std::string("2025-01-19T12:00:00Z"));
}

void TestProtocolCursor::malformed_data()
{
    QTest::addColumn<QString>("cursor");
    const auto json = [](const char* name, const char* text) { QTest::newRow(name) << wire(QByteArray(text)); };
    QTest::newRow("empty") << QString();
    QTest::newRow("not base64") << QStringLiteral("!!!!");
    QTest::newRow("spaces") << QStringLiteral("eyJ0 Ijo");
    QTest::newRow("standard base64 alphabet") << QStringLiteral("++//");
    QTest::newRow("non-ASCII") << QStringLiteral("eyJ0Ijoiw");
    QTest::newRow("too long") << QString(CursorMaxLength + 1, QLatin1Char('A'));
    QTest::newRow("bad padding") << QStringLiteral("e=yJ");
    json("not JSON", "hello");
    json("truncated JSON", R"({"t":"2025-01-19T12:00:00Z","i":"a")");
    json("an array", R"(["2025-01-19T12:00:00Z","a","next"])");
    json("a string", R"("cursor")");
    json("deep", R"({"t":[[[[[[1]]]]]]})");
    json("t missing", R"({"i":"a","d":"next"})");
    json("i missing", R"({"t":"2025-01-19T12:00:00Z","d":"next"})");
    json("d missing", R"({"t":"2025-01-19T12:00:00Z","i":"a"})");
    json("t a number", R"({"t":1737288000,"i":"a","d":"next"})");
    json("i a number", R"({"t":"2025-01-19T12:00:00Z","i":5,"d":"next"})");
    json("d a bool", R"({"t":"2025-01-19T12:00:00Z","i":"a","d":true})");
    json("t not a date", R"({"t":"yesterday","i":"a","d":"next"})");
    json("t impossible date", R"({"t":"2025-02-30T12:00:00Z","i":"a","d":"next"})");
    json("t hour 24", R"({"t":"2025-01-19T24:00:00Z","i":"a","d":"next"})");
    json("t bad offset", R"({"t":"2025-01-19T12:00:00+25:00","i":"a","d":"next"})");
    json("i empty", R"({"t":"2025-01-19T12:00:00Z","i":"","d":"next"})");
    json("d unknown", R"({"t":"2025-01-19T12:00:00Z","i":"a","d":"up"})");
    QTest::newRow("i too long") << wire(QByteArray(R"({"t":"2025-01-19T12:00:00Z","i":")" + QByteArray(129, 'x')
                                                   + R"(","d":"next"})"));
}

void TestProtocolCursor::malformed()
{
    QFETCH(QString, cursor);
    try {
        (void)decodeCursor(cursor);
        QFAIL("accepted");
    } catch (const ValidationFailure& failure) {
        QCOMPARE(failure.field(), QStringLiteral("cursor"));
        QCOMPARE(failure.toApiError().statusCode, 422);
    }
}

QTEST_GUILESS_MAIN(TestProtocolCursor)
#include "tst_protocol_cursor.moc"
