// SPDX-License-Identifier: GPL-3.0-or-later
// SseReader on hand-made byte streams split at every possible point.
#include "core/ssereader.h"

#include <QSignalSpy>
#include <QTest>

using cidadao::client::SseReader;
using cidadao::protocol::Json;

class TestSseReader : public QObject
{
    Q_OBJECT

private:
    static QList<Json> readAll(const QList<QByteArray>& pieces)
    {
        SseReader reader;
        QList<Json> events;
        QObject::connect(&reader, &SseReader::event, &reader, [&events](const Json& e) { events.append(e); });
        for (const QByteArray& piece : pieces)
            reader.feed(piece);
        return events;
    }

private Q_SLOTS:
    void everySplitPointGivesTheSameEvents_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("lf") << QByteArray("data: {\"type\":\"start\"}\n\ndata: {\"type\":\"chunk\",\"content\":\"ol\xc3\xa1\"}\n\n"
                                          "data: {\"type\":\"complete\"}\n\n");
        QTest::newRow("crlf") << QByteArray("data: {\"type\":\"start\"}\r\n\r\ndata: {\"type\":\"chunk\",\"content\":\"ol\xc3\xa1\"}\r\n\r\n"
                                            "data: {\"type\":\"complete\"}\r\n\r\n");
        QTest::newRow("comments and fields")
            << QByteArray(": keep-alive\n\nevent: message\nid: 1\ndata: {\"type\":\"start\"}\n\n: ping\n"
                          "retry: 100\ndata: {\"type\":\"chunk\",\"content\":\"ol\xc3\xa1\"}\n\n"
                          "data:{\"type\":\"complete\"}\n\n");
    }

    void everySplitPointGivesTheSameEvents()
    {
        QFETCH(QByteArray, stream);
        const QList<Json> whole = readAll({stream});
        QCOMPARE(whole.size(), 3);
        QCOMPARE(whole.at(0)["type"].get<std::string>(), "start");
        QCOMPARE(whole.at(1)["content"].get<std::string>(), "ol\xc3\xa1");
        QCOMPARE(whole.at(2)["type"].get<std::string>(), "complete");
        for (qsizetype cut = 1; cut < stream.size(); ++cut) {
            const QList<Json> split = readAll({stream.left(cut), stream.mid(cut)});
            QCOMPARE(split, whole);
        }
        // And byte by byte, as a slow network would deliver it.
        QList<QByteArray> bytes;
        for (char c : std::as_const(stream))
            bytes.append(QByteArray(1, c));
        QCOMPARE(readAll(bytes), whole);
    }

    void multiLineDataIsJoinedWithNewlines()
    {
        const QList<Json> events = readAll({"data: {\"a\":\n", "data: 1}\n\n"});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0)["a"].get<int>(), 1);
    }

    void malformedFrameIsReportedAndReadingGoesOn()
    {
        SseReader reader;
        QSignalSpy bad(&reader, &SseReader::malformed);
        QSignalSpy good(&reader, &SseReader::event);
        reader.feed("data: {not json\n\ndata: {\"ok\":true}\n\n");
        QCOMPARE(bad.size(), 1);
        QCOMPARE(good.size(), 1);
        QCOMPARE(reader.malformedCount(), 1);
        QCOMPARE(reader.eventCount(), 1);
    }

    void unterminatedFrameEmitsNothing()
    {
        SseReader reader;
        QSignalSpy good(&reader, &SseReader::event);
        reader.feed("data: {\"ok\":true}\n");
        QCOMPARE(good.size(), 0);
        reader.feed("\n");
        QCOMPARE(good.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSseReader)
#include "tst_ssereader.moc"
