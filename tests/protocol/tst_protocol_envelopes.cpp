// SPDX-License-Identifier: GPL-3.0-or-later
// The wrappers around the models: the three WebSocket envelopes (round-trips, what make() fills,
// the timestamp forms of each protocol), error answers read back by the client (our envelope,
// CidadaoAIError, FastAPI's detail), SSE framing and the incremental SSE reader, channel names,
// stream event variants, API version checks.
#include "protocol/apierror.h"
#include "protocol/apiversion.h"
#include "protocol/chatstream.h"
#include "protocol/chatws.h"
#include "protocol/investigationstream.h"
#include "protocol/sse.h"
#include "protocol/decoding.h"
#include "protocol/voice.h"
#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <QTest>
#include <QUuid>

using namespace cidadao::protocol;

namespace {
const QDateTime Now(QDate(2025, 1, 19), QTime(12, 0, 0, 123), Qt::UTC);
}

class TestProtocolEnvelopes : public QObject
{
    Q_OBJECT

private slots:
    void chatEnvelope();
    void voiceEnvelope();
    void workflowEnvelope();
    void absentMembersAreOmitted();
    void fromEnvelope_data();
    void fromEnvelope();
    void envelopeRoundTripsAnApiError();
    void sseFrame();
    void sseDecoder();
    void sseDecoderSplitsAnywhere();
    void sseDecoderBoundsMemory();
    void chatStreamEvents();
    void investigationStreamEvents();
    void channels_data();
    void channels();
    void apiVersion();
};

void TestProtocolEnvelopes::chatEnvelope()
{
    const ChatEnvelope made = ChatEnvelope::make(QLatin1String(ChatWsType::AgentChunk),
                                                 encode(AgentChunkPayload{QStringLiteral("Olá")}), Now);
    QVERIFY(!QUuid::fromString(*made.id).isNull());
    QCOMPARE(QUuid::fromString(*made.id).version(), QUuid::Random);
    QVERIFY(ChatEnvelope::make(QStringLiteral("pong"), Json::object(), Now).id != made.id);
    const Json wire = encode(made);
    QCOMPARE(wire.at("timestamp"), Json("2025-01-19T12:00:00.123Z"));
    QCOMPARE(wire.at("type"), Json("agent_chunk"));
    QCOMPARE(wire.at("data"), (Json{{"content", "Olá"}}));
    const ChatEnvelope back = decodeBytes<ChatEnvelope>(toBytes(wire));
    QCOMPARE(back.type, made.type);
    QCOMPARE(back.timestamp, made.timestamp);
    QCOMPARE(back.id, made.id);
    QCOMPARE(decode<AgentChunkPayload>(back.data).content, QStringLiteral("Olá"));
}

void TestProtocolEnvelopes::voiceEnvelope()
{
    const VoiceEnvelope made = VoiceEnvelope::make(QLatin1String(VoiceType::Transcription), QStringLiteral("s1"),
                                                   encode(TranscriptionPayload{QStringLiteral("oi")}), Now);
    const Json wire = encode(made);
    // Seconds as a float, millisecond precision (the seed's 1234567890.123 form).
    QVERIFY(wire.at("timestamp").is_number_float());
    QCOMPARE(wire.at("timestamp").get<double>(), 1737288000.123);
    QCOMPARE(wire.at("session_id"), Json("s1"));
    const VoiceEnvelope back = decode<VoiceEnvelope>(wire);
    QCOMPARE(*back.timestamp, *made.timestamp);
    QCOMPARE(decode<TranscriptionPayload>(*back.data).text, QStringLiteral("oi"));
}

void TestProtocolEnvelopes::workflowEnvelope()
{
    const WorkflowEnvelope made
        = WorkflowEnvelope::make(QLatin1String(WorkflowType::WorkflowStarted),
                                 encode(WorkflowStartedPayload{QStringLiteral("exec-1"), QStringLiteral("investigation")}),
                                 Now, QStringLiteral("req-789"));
    const Json wire = encode(made);
    // Milliseconds as an integer (Date.now()).
    QVERIFY(wire.at("timestamp").is_number_integer());
    QCOMPARE(wire.at("timestamp").get<qint64>(), Now.toMSecsSinceEpoch());
    QCOMPARE(wire.at("correlationId"), Json("req-789"));
    const WorkflowEnvelope back = decode<WorkflowEnvelope>(wire);
    QCOMPARE(back.correlationId, made.correlationId);
    QCOMPARE(decode<WorkflowStartedPayload>(*back.payload).workflowId, QStringLiteral("investigation"));
    // The seed's heartbeat: no payload; pong echoes the client's number.
    const auto ping = decodeBytes<WorkflowEnvelope>(R"({"type":"ping","timestamp":1737288000000})");
    QVERIFY(!ping.payload);
    const WorkflowEnvelope pong{QLatin1String(WorkflowType::Pong), std::nullopt, ping.timestamp, std::nullopt};
    QCOMPARE(encode(pong), (Json{{"type", "pong"}, {"timestamp", 1737288000000LL}}));
}

void TestProtocolEnvelopes::absentMembersAreOmitted()
{
    QCOMPARE(encode(ChatEnvelope{QStringLiteral("ping"), Json::object(), std::nullopt, std::nullopt}),
             (Json{{"type", "ping"}, {"data", Json::object()}}));
    QCOMPARE(encode(VoiceEnvelope{QStringLiteral("barge_in"), QStringLiteral("s"), std::nullopt, std::nullopt}),
             (Json{{"type", "barge_in"}, {"session_id", "s"}}));
    // A missing data object is read as {}; explicit nulls as absent.
    const auto chat = decodeBytes<ChatEnvelope>(R"({"type":"ping","timestamp":null,"id":null})");
    QCOMPARE(chat.data, Json::object());
    QVERIFY(!chat.timestamp && !chat.id);
}

void TestProtocolEnvelopes::fromEnvelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field");
    QTest::newRow("ours") << QByteArray(R"({"status":"error","status_code":404,"error":{"error":"NotFound","message":"no such session","details":{}}})")
                          << 404 << QStringLiteral("NotFound") << QStringLiteral("no such session") << QString();
    QTest::newRow("ours with field") << QByteArray(R"({"status":"error","status_code":422,"error":{"error":"ValidationError","message":"limit: bad","details":{"field":"limit"}}})")
                                     << 422 << QStringLiteral("ValidationError") << QStringLiteral("limit: bad") << QStringLiteral("limit");
    QTest::newRow("CidadaoAIError") << QByteArray(R"({"error":"AgentExecutionError","message":"Agent failed","details":{"agent":"zumbi"}})")
                                    << 500 << QStringLiteral("AgentExecutionError") << QStringLiteral("Agent failed") << QString();
    QTest::newRow("FastAPI detail string") << QByteArray(R"({"detail":"Not Found"})") << 404
                                           << QStringLiteral("HTTPException") << QStringLiteral("Not Found") << QString();
    QTest::newRow("FastAPI detail object") << QByteArray(R"({"detail":{"reason":"x"}})") << 400
                                           << QStringLiteral("HTTPException") << QStringLiteral("{\"reason\":\"x\"}") << QString();
    QTest::newRow("FastAPI 422 list") << QByteArray(R"({"detail":[{"loc":["body","message"],"msg":"ensure this value has at most 1000 characters","type":"value_error"}]})")
                                      << 422 << QStringLiteral("ValidationError")
                                      << QStringLiteral("message: ensure this value has at most 1000 characters") << QStringLiteral("message");
    QTest::newRow("FastAPI 422 nested") << QByteArray(R"({"detail":[{"loc":["body","filters",0,"uf"],"msg":"bad","type":"x"}]})")
                                        << 422 << QStringLiteral("ValidationError") << QStringLiteral("filters.0.uf: bad") << QStringLiteral("filters.0.uf");
    QTest::newRow("not an error") << QByteArray(R"({"items":[]})") << 500 << QString() << QString() << QString();
    QTest::newRow("not an object") << QByteArray(R"([1,2])") << 502 << QString() << QString() << QString();
    QTest::newRow("error member of the wrong type") << QByteArray(R"({"error":5})") << 500 << QString() << QString() << QString();
}

void TestProtocolEnvelopes::fromEnvelope()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, field);
    const ApiError error = cidadao::protocol::fromEnvelope(parseJson(body), status);
    QCOMPARE(error.statusCode, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    const auto it = error.details.find("field");
    QCOMPARE(it == error.details.end() ? QString() : it->get<QString>(), field);
}

void TestProtocolEnvelopes::envelopeRoundTripsAnApiError()
{
    ApiError error = forbidden(QStringLiteral("not yours"));
    error.details = Json{{"channel", "sync:u2"}};
    const Json wire = toEnvelope(error);
    QCOMPARE(wire.at("status"), Json("error"));
    QCOMPARE(wire.at("status_code"), Json(403));
    const ApiError back = cidadao::protocol::fromEnvelope(wire, 403);
    QCOMPARE(back.code, error.code);
    QCOMPARE(back.message, error.message);
    QCOMPARE(back.details, error.details);
    QCOMPARE(errorBody(error), wire.at("error"));
}

void TestProtocolEnvelopes::sseFrame()
{
    const Json event = toJson(ChatStreamEvent{StreamChunk{QStringLiteral("Olá\nmundo")}});
    const QByteArray frame = cidadao::protocol::sseFrame(event);
    QCOMPARE(frame, QByteArray("data: {\"content\":\"Olá\\nmundo\",\"type\":\"chunk\"}\n\n"));
    // Exactly one data line: a newline in content is escaped by JSON, never raw.
    QCOMPARE(frame.count('\n'), 2);
}

void TestProtocolEnvelopes::sseDecoder()
{
    SseDecoder decoder;
    const QList<QByteArray> events = decoder.feed(
        ": keep-alive\n\n"
        "data: {\"a\":1}\n\n"
        "event: message\r\nid: 7\r\ndata: {\"b\":\r\ndata: 2}\r\n\r\n"
        "retry: 100\n\n"
        "data:{\"c\":3}\r\r"
        "data: {\"d\":4}\n");
    QCOMPARE(events, (QList<QByteArray>{"{\"a\":1}", "{\"b\":\n2}", "{\"c\":3}"}));
    QCOMPARE(decoder.feed("\n"), QList<QByteArray>{"{\"d\":4}"});
    QVERIFY(!decoder.overflowed());
}

void TestProtocolEnvelopes::sseDecoderSplitsAnywhere()
{
    // The same stream cut at every byte gives the same events.
    const QByteArray stream = QByteArray(cidadao::protocol::sseFrame(Json{{"type", "start"}})
                                         + "data: {\"x\":\"é\"}\r\n\r\n"
                                         + cidadao::protocol::sseFrame(Json{{"type", "complete"}}));
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        SseDecoder decoder;
        QList<QByteArray> events = decoder.feed(QByteArrayView(stream).first(cut));
        events += decoder.feed(QByteArrayView(stream).sliced(cut));
        QCOMPARE(events.size(), 3);
        QCOMPARE(parseJson(events.at(1)).at("x").get<QString>(), QStringLiteral("é"));
    }
}

void TestProtocolEnvelopes::sseDecoderBoundsMemory()
{
    SseDecoder decoder(64);
    QVERIFY(decoder.feed(QByteArray(QByteArray("data: ") + QByteArray(1000, 'x'))).isEmpty());
    QVERIFY(decoder.overflowed());
    const QList<QByteArray> events = decoder.feed("\n\n");
    QCOMPARE(events.size(), 1);
    QVERIFY(events.front().size() <= 64);
}

void TestProtocolEnvelopes::chatStreamEvents()
{
    // Every alternative survives toJson → decode, type word included.
    ContractData contract;
    contract.id = QStringLiteral("CT-1");
    contract.valor = 10.5;
    const QList<ChatStreamEvent> events{
        StreamStart{Now, QStringLiteral("s1")},
        StreamDetecting{QStringLiteral("Analisando...")},
        StreamIntent{QStringLiteral("investigate"), 0.9},
        StreamAgentSelected{QStringLiteral("zumbi"), QStringLiteral("Zumbi dos Palmares")},
        StreamThinking{QStringLiteral("...")},
        StreamSearching{Json{{"query", "saúde"}}},
        StreamFound{10, 5},
        StreamContract{1, 5, contract},
        StreamChunk{QStringLiteral("Olá")},
        StreamComplete{QStringLiteral("zumbi"), QStringLiteral("Zumbi"), QStringList{QStringLiteral("a")},
                       QStringLiteral("m1"), 0.8},
        StreamError{QStringLiteral("falhou"), QLatin1String(ChatFallbackEndpoint)},
    };
    QStringList types;
    for (const ChatStreamEvent& event : events) {
        const Json wire = toJson(event);
        types.append(wire.at("type").get<QString>());
        const ChatStreamEvent back = decodeChatStreamEvent(wire);
        QCOMPARE(back.index(), event.index());
        QCOMPARE(toJson(back), wire);
    }
    QCOMPARE(types.join(QLatin1Char(',')),
             QStringLiteral("start,detecting,intent,agent_selected,thinking,searching,found,contract,chunk,complete,error"));
}

void TestProtocolEnvelopes::investigationStreamEvents()
{
    InvestigationStatus status;
    status.investigationId = QStringLiteral("i1");
    status.status = QStringLiteral("processing");
    status.currentPhase = QStringLiteral("anomaly_detection");
    AnomalyResult anomaly;
    anomaly.anomalyId = QStringLiteral("a1");
    anomaly.type = QStringLiteral("vendor");
    anomaly.severity = QStringLiteral("critical");
    anomaly.description = QStringLiteral("d");
    const QList<InvestigationStreamEvent> events{
        status, anomaly,
        InvestigationCompletion{QStringLiteral("i1"), QStringLiteral("completed"), QStringLiteral("ok"), 1},
        StreamError{QStringLiteral("boom"), std::nullopt}};
    const QStringList expected{QStringLiteral("progress"), QStringLiteral("anomaly"), QStringLiteral("completion"),
                               QStringLiteral("error")};
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Json wire = toJson(events.at(i));
        QCOMPARE(wire.at("type").get<QString>(), expected.at(i));
        QVERIFY(wire.at("data").is_object());
        const InvestigationStreamEvent back = decodeInvestigationStreamEvent(wire);
        QCOMPARE(back.index(), events.at(i).index());
        QCOMPARE(toJson(back), wire);
    }
    // The anomaly keeps its own "type" inside data.
    QCOMPARE(toJson(events.at(1)).at("data").at("type"), Json("vendor"));
}

void TestProtocolEnvelopes::channels_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind"); // empty: refused
    QTest::addColumn<QString>("id");
    QTest::newRow("workflow") << QStringLiteral("workflow:wf-123") << QStringLiteral("workflow") << QStringLiteral("wf-123");
    QTest::newRow("sync") << QStringLiteral("sync:user-456") << QStringLiteral("sync") << QStringLiteral("user-456");
    QTest::newRow("agent") << QStringLiteral("agent:zumbi") << QStringLiteral("agent") << QStringLiteral("zumbi");
    QTest::newRow("notifications") << QStringLiteral("notifications:u1") << QStringLiteral("notifications") << QStringLiteral("u1");
    QTest::newRow("id with colon") << QStringLiteral("workflow:a:b") << QStringLiteral("workflow") << QStringLiteral("a:b");
    QTest::newRow("unknown kind") << QStringLiteral("weather:today") << QString() << QString();
    QTest::newRow("kind case") << QStringLiteral("Workflow:x") << QString() << QString();
    QTest::newRow("no id") << QStringLiteral("sync:") << QString() << QString();
    QTest::newRow("no kind") << QStringLiteral(":x") << QString() << QString();
    QTest::newRow("no colon") << QStringLiteral("sync") << QString() << QString();
    QTest::newRow("space in id") << QStringLiteral("sync:a b") << QString() << QString();
    QTest::newRow("control in id") << QStringLiteral("sync:a\nb") << QString() << QString();
    QTest::newRow("id too long") << QString(QStringLiteral("sync:") + QString(129, QLatin1Char('u'))) << QString() << QString();
}

void TestProtocolEnvelopes::channels()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, id);
    const std::optional<Channel> channel = parseChannel(name);
    QCOMPARE(bool(channel), !kind.isEmpty());
    if (channel) {
        QCOMPARE(channel->kind, kind);
        QCOMPARE(channel->id, id);
        QCOMPARE(channel->toString(), name);
    }
}

void TestProtocolEnvelopes::apiVersion()
{
    QVERIFY(isCompatibleApiVersion(QString(QLatin1String(ApiVersion))));
    QVERIFY(isCompatibleApiVersion(u"1.7"));
    QVERIFY(!isCompatibleApiVersion(u"2.0"));
    QVERIFY(!isCompatibleApiVersion(u"1"));
    QVERIFY(!isCompatibleApiVersion(u"one.zero"));
    QCOMPARE(parseApiVersion(u"1.12").minor, 12);
    ApiInfo info;
    info.version = QStringLiteral(CIDADAO_VERSION);
    info.features = {QLatin1String(Feature::Chat), QLatin1String(Feature::Voice)};
    const Json wire = encode(info);
    QCOMPARE(wire.at(InfoKey::ApiVersion), Json("1.0"));
    QCOMPARE(wire.at(InfoKey::Mode), Json("embedded"));
    QCOMPARE(decode<ApiInfo>(wire).features, info.features);
}

QTEST_GUILESS_MAIN(TestProtocolEnvelopes)
#include "tst_protocol_envelopes.moc"
