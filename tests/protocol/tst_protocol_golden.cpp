// SPDX-License-Identifier: GPL-3.0-or-later
// Golden round-trips: every JSON example of the three seeds (and an instance of every shape that
// spec/API.md adds) lives in tests/data/seeds/<name>.json. Each is decoded into its protocol type
// (envelopes: their payload too, by message type) and encoded back; the result must equal the file
// as a JSON value. A file without a registered decoder fails the test, so a new example cannot be
// added and forgotten.
//
// No seed example needed timestamp normalisation: the seeds write "2025-01-19T12:00:00Z", which is
// exactly our output form, and the voice seed's float seconds survive as numbers. (Accepting other
// but equivalent forms, e.g. offsets, is tested in tst_protocol_timestamp.)
#include "protocol/agent.h"
#include "protocol/apierror.h"
#include "protocol/apiversion.h"
#include "protocol/auth.h"
#include "protocol/chat.h"
#include "protocol/chatstream.h"
#include "protocol/chatws.h"
#include "protocol/cursor.h"
#include "protocol/investigation.h"
#include "protocol/investigationstream.h"
#include "protocol/pagination.h"
#include "protocol/decoding.h"
#include "protocol/voice.h"
#include "protocol/voicetools.h"
#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>
#include <map>

using namespace cidadao::protocol;

namespace {

using RoundTrip = std::function<Json(const Json&)>;

template<typename T>
RoundTrip via()
{
    return [](const Json& in) { return encode(decode<T>(in)); };
}

template<typename T>
Json payloadRoundTrip(const Json& payload)
{
    return encode(decode<T>(payload));
}

Json emptyPayload(const Json& payload)
{
    if (!payload.is_object() || !payload.empty())
        throw ValidationFailure(QStringLiteral("data"), QStringLiteral("must be {}"));
    return payload;
}

Json chatPayload(const QString& type, const Json& data)
{
    if (type == QLatin1String(ChatWsType::ChatMessage))
        return payloadRoundTrip<ChatMessagePayload>(data);
    if (type == QLatin1String(ChatWsType::SubscribeInvestigation)
        || type == QLatin1String(ChatWsType::UnsubscribeInvestigation))
        return payloadRoundTrip<InvestigationSubscription>(data);
    if (type == QLatin1String(ChatWsType::Connection))
        return payloadRoundTrip<ConnectionPayload>(data);
    if (type == QLatin1String(ChatWsType::AgentResponse))
        return payloadRoundTrip<AgentResponsePayload>(data);
    if (type == QLatin1String(ChatWsType::AgentChunk))
        return payloadRoundTrip<AgentChunkPayload>(data);
    if (type == QLatin1String(ChatWsType::InvestigationUpdate))
        return payloadRoundTrip<InvestigationUpdatePayload>(data);
    if (type == QLatin1String(ChatWsType::Error))
        return payloadRoundTrip<WsErrorPayload>(data);
    if (type == QLatin1String(ChatWsType::Ping) || type == QLatin1String(ChatWsType::Pong))
        return emptyPayload(data);
    throw ValidationFailure(QStringLiteral("type"), QString(QStringLiteral("no chat payload type for ") + type));
}

Json chatEnvelope(const Json& in)
{
    ChatEnvelope envelope = decode<ChatEnvelope>(in);
    envelope.data = chatPayload(envelope.type, envelope.data);
    return encode(envelope);
}

Json voicePayload(const QString& type, const Json& data)
{
    if (type == QLatin1String(VoiceType::AudioChunk) || type == QLatin1String(VoiceType::AudioResponse))
        return payloadRoundTrip<AudioPayload>(data);
    if (type == QLatin1String(VoiceType::SessionStart))
        return payloadRoundTrip<SessionStartPayload>(data);
    if (type == QLatin1String(VoiceType::Transcription))
        return payloadRoundTrip<TranscriptionPayload>(data);
    if (type == QLatin1String(VoiceType::Intent))
        return payloadRoundTrip<IntentPayload>(data);
    if (type == QLatin1String(VoiceType::ToolCall)) {
        ToolCallPayload call = decode<ToolCallPayload>(data);
        // Our tools have typed parameters; the seed's example tool (search_products) stays free-form.
        if (call.tool == QLatin1String(VoiceTool::SearchContracts))
            call.parameters = payloadRoundTrip<SearchContractsParameters>(call.parameters);
        else if (call.tool == QLatin1String(VoiceTool::StartInvestigation))
            call.parameters = payloadRoundTrip<StartInvestigationParameters>(call.parameters);
        else if (call.tool == QLatin1String(VoiceTool::InvestigationStatus))
            call.parameters = payloadRoundTrip<InvestigationStatusParameters>(call.parameters);
        else if (call.tool == QLatin1String(VoiceTool::ExplainAnomaly))
            call.parameters = payloadRoundTrip<ExplainAnomalyParameters>(call.parameters);
        return encode(call);
    }
    if (type == QLatin1String(VoiceType::Error))
        return payloadRoundTrip<VoiceErrorPayload>(data);
    if (type == QLatin1String(VoiceType::AgentResponse))
        return payloadRoundTrip<VoiceAgentResponsePayload>(data);
    if (type == QLatin1String(VoiceType::AudioEnd))
        return emptyPayload(data);
    throw ValidationFailure(QStringLiteral("type"), QString(QStringLiteral("no voice payload type for ") + type));
}

Json voiceEnvelope(const Json& in)
{
    VoiceEnvelope envelope = decode<VoiceEnvelope>(in);
    if (envelope.data)
        envelope.data = voicePayload(envelope.type, *envelope.data);
    else if (!isOneOf(envelope.type, {VoiceType::StartSpeaking, VoiceType::StopSpeaking, VoiceType::BargeIn}))
        throw ValidationFailure(QStringLiteral("data"), QStringLiteral("is required for this type"));
    return encode(envelope);
}

Json workflowPayload(const QString& type, const Json& payload)
{
    if (isOneOf(type, {WorkflowType::Subscribe, WorkflowType::Unsubscribe, WorkflowType::Subscribed,
                       WorkflowType::Unsubscribed}))
        return payloadRoundTrip<ChannelsPayload>(payload);
    if (type == QLatin1String(WorkflowType::ExecuteWorkflow))
        return payloadRoundTrip<ExecuteWorkflowPayload>(payload);
    if (type == QLatin1String(WorkflowType::WorkflowStarted))
        return payloadRoundTrip<WorkflowStartedPayload>(payload);
    if (type == QLatin1String(WorkflowType::NodeCompleted))
        return payloadRoundTrip<NodeCompletedPayload>(payload);
    if (type == QLatin1String(WorkflowType::WorkflowCompleted))
        return payloadRoundTrip<WorkflowCompletedPayload>(payload);
    if (type == QLatin1String(WorkflowType::WorkflowFailed))
        return payloadRoundTrip<WorkflowFailedPayload>(payload);
    if (type == QLatin1String(WorkflowType::SyncUpdate))
        return payloadRoundTrip<SyncUpdatePayload>(payload);
    if (type == QLatin1String(WorkflowType::Error))
        return payloadRoundTrip<WsErrorPayload>(payload);
    if (type == QLatin1String(WorkflowType::Notification))
        return payloadRoundTrip<NotificationPayload>(payload);
    if (type == QLatin1String(WorkflowType::AgentStatus))
        return payloadRoundTrip<AgentStatusPayload>(payload);
    throw ValidationFailure(QStringLiteral("type"), QString(QStringLiteral("no workflow payload type for ") + type));
}

Json workflowEnvelope(const Json& in)
{
    WorkflowEnvelope envelope = decode<WorkflowEnvelope>(in);
    if (envelope.payload)
        envelope.payload = workflowPayload(envelope.type, *envelope.payload);
    else if (!isOneOf(envelope.type, {WorkflowType::Ping, WorkflowType::Pong}))
        throw ValidationFailure(QStringLiteral("payload"), QStringLiteral("is required for this type"));
    return encode(envelope);
}

Json errorEnvelope(const Json& in)
{
    const ApiError error = fromEnvelope(in, in.at("status_code").get<int>());
    if (error.code.isEmpty())
        throw ValidationFailure(QStringLiteral("error"), QStringLiteral("not an error envelope"));
    return toEnvelope(error);
}

// The seed's cursor is the decoded form: encode its bytes as a client would receive them, decode
// with decodeCursor, encode again and unwrap.
Json cursorRoundTrip(const Json& in)
{
    const QString wire = QString::fromLatin1(
        toBytes(in).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString again = encodeCursor(decodeCursor(wire));
    return parseJson(QByteArray::fromBase64(again.toLatin1(), QByteArray::Base64UrlEncoding));
}

const std::map<QString, RoundTrip>& roundTrips()
{
    static const std::map<QString, RoundTrip> table = [] {
        std::map<QString, RoundTrip> t;
        const auto add = [&t](const char* name, RoundTrip fn) { t.emplace(QLatin1String(name), std::move(fn)); };
        const RoundTrip chatSse = [](const Json& in) { return toJson(decodeChatStreamEvent(in)); };
        const RoundTrip investigationSse = [](const Json& in) { return toJson(decodeInvestigationStreamEvent(in)); };
        // cidadao-api-data-structures.md
        for (const char* name : {"cidadao-sse-start", "cidadao-sse-detecting", "cidadao-sse-intent",
                                 "cidadao-sse-agent_selected", "cidadao-sse-chunk", "cidadao-sse-complete",
                                 "cidadao-sse-error"})
            add(name, chatSse);
        for (const char* name : {"cidadao-ws-chat_message", "cidadao-ws-subscribe_investigation",
                                 "cidadao-ws-unsubscribe_investigation", "cidadao-ws-ping", "cidadao-ws-connection",
                                 "cidadao-ws-agent_response", "cidadao-ws-investigation_update", "cidadao-ws-error",
                                 "cidadao-ws-pong", "cidadao-websocket_message", "cidadao-ts-websocket_message"})
            add(name, chatEnvelope);
        add("cidadao-cursor", cursorRoundTrip);
        for (const char* name : {"cidadao-error-http_exception", "cidadao-error-application",
                                 "cidadao-ts-error_response"})
            add(name, errorEnvelope);
        add("cidadao-error-custom", [](const Json& in) { return errorBody(fromEnvelope(in, 500)); });
        add("cidadao-chat_request", via<ChatRequest>());
        add("cidadao-ts-chat_request", via<ChatRequest>());
        add("cidadao-chat_response", via<ChatResponse>());
        add("cidadao-ts-chat_response", via<ChatResponse>());
        add("cidadao-quick_action", via<QuickAction>());
        add("cidadao-investigation_request", via<InvestigationRequest>());
        add("cidadao-ts-investigation_request", via<InvestigationRequest>());
        add("cidadao-investigation_response", via<InvestigationResponse>());
        add("cidadao-anomaly_result", via<AnomalyResult>());
        add("cidadao-investigation_status", via<InvestigationStatus>());
        add("cidadao-login_request", via<LoginRequest>());
        add("cidadao-login_response", via<LoginResponse>());
        add("cidadao-refresh_request", via<RefreshRequest>());
        add("cidadao-refresh_response", via<RefreshResponse>());
        add("cidadao-register_request", via<RegisterRequest>());
        add("cidadao-user_response", via<UserResponse>());
        add("cidadao-agent_message", via<AgentMessage>());
        add("cidadao-agent_response", via<AgentResponse>());
        add("cidadao-agents", [](const Json& in) { return agentDirectoryToJson(agentDirectoryFromJson(in)); });
        add("cidadao-cursor_pagination_request", via<CursorPaginationRequest>());
        add("cidadao-cursor_pagination_response", via<CursorPaginationResponse<HistoryMessage>>());
        // voice-chat-api-reference.md
        add("voice-info", via<VoiceServiceInfo>());
        add("voice-health", via<HealthStatus>());
        for (const char* name : {"voice-audio_chunk", "voice-start_speaking", "voice-stop_speaking", "voice-barge_in",
                                 "voice-session_start", "voice-audio_response", "voice-transcription", "voice-intent",
                                 "voice-tool_call", "voice-error", "voice-flow-audio_chunk", "voice-flow-stop_speaking",
                                 "voice-flow-barge_in", "spec-voice-agent_response", "spec-voice-audio_end",
                                 "spec-voice-buffer_overflow", "spec-voice-tool_call-search_contracts",
                                 "spec-voice-tool_call-start_investigation", "spec-voice-tool_call-investigation_status",
                                 "spec-voice-tool_call-explain_anomaly"})
            add(name, voiceEnvelope);
        // genesis-websocket-api.md
        for (const char* name : {"genesis-wsmessage", "genesis-subscribe", "genesis-execute_workflow", "genesis-ping",
                                 "genesis-pong", "spec-workflow-subscribed", "spec-workflow-node_completed",
                                 "spec-workflow-workflow_completed", "spec-workflow-workflow_failed",
                                 "spec-workflow-sync_update", "spec-workflow-error", "spec-workflow-notification",
                                 "spec-workflow-agent_status"})
            add(name, workflowEnvelope);
        // spec/API.md additions
        add("spec-chat_request", via<ChatRequest>());
        add("spec-chat_response", via<ChatResponse>());
        add("spec-chat_session", via<ChatSession>());
        add("spec-chat_session_list", via<ChatSessionList>());
        add("spec-chat_history", via<ChatHistory>());
        add("spec-chat_agent", via<AgentInfo>());
        for (const char* name : {"spec-sse-start", "spec-sse-thinking", "spec-sse-searching", "spec-sse-found",
                                 "spec-sse-contract", "spec-sse-complete", "spec-sse-error"})
            add(name, chatSse);
        add("spec-investigation_started", via<InvestigationStarted>());
        for (const char* name : {"spec-investigation-stream-progress", "spec-investigation-stream-anomaly",
                                 "spec-investigation-stream-completion"})
            add(name, investigationSse);
        add("spec-ws-agent_chunk", chatEnvelope);
        add("spec-workflow-definition", via<WorkflowDefinition>());
        add("spec-workflow-execute_response", via<ExecuteWorkflowResponse>());
        add("spec-error-validation", errorEnvelope);
        add("spec-info", via<ApiInfo>());
        add("spec-health", via<HealthStatus>());
        return t;
    }();
    return table;
}

QString seedDir()
{
    return QStringLiteral(CIDADAO_TEST_DATA_DIR "/seeds");
}

QStringList goldenNames()
{
    QStringList names;
    const QStringList files = QDir(seedDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& file : files)
        names.append(file.chopped(5));
    return names;
}

Json readGolden(const QString& name)
{
    QFile file(seedDir() + QLatin1Char('/') + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(file.readAll().toStdString());
}

} // namespace

class TestProtocolGolden : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void everyDecoderHasItsFile();
    void builtinAgentsMatchTheSeed();
    void seedExamplesDecodeToTheExpectedValues();
};

void TestProtocolGolden::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = goldenNames();
    QVERIFY2(names.size() >= 90, "the golden files are missing");
    for (const QString& name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestProtocolGolden::roundTrip()
{
    QFETCH(QString, name);
    const auto it = roundTrips().find(name);
    QVERIFY2(it != roundTrips().end(), qPrintable(QStringLiteral("no decoder registered for %1.json").arg(name)));
    const Json golden = readGolden(name);
    QVERIFY(golden.is_object());
    Json back;
    try {
        back = it->second(golden);
    } catch (const ValidationFailure& failure) {
        QFAIL(qPrintable(QStringLiteral("%1 rejected: %2").arg(name, QString::fromUtf8(failure.what()))));
    }
    QVERIFY2(back == golden, qPrintable(QStringLiteral("\nexpected %1\nactual   %2")
                                            .arg(QString::fromStdString(golden.dump()), QString::fromStdString(back.dump()))));
}

void TestProtocolGolden::everyDecoderHasItsFile()
{
    const QStringList names = goldenNames();
    for (const auto& [name, fn] : roundTrips())
        QVERIFY2(names.contains(name), qPrintable(QStringLiteral("%1.json is missing").arg(name)));
}

void TestProtocolGolden::builtinAgentsMatchTheSeed()
{
    QList<AgentProfile> fromSeed = agentDirectoryFromJson(readGolden(QStringLiteral("cidadao-agents")));
    QList<AgentProfile> builtin = builtinAgents();
    const auto byId = [](const AgentProfile& a, const AgentProfile& b) { return a.id < b.id; };
    std::sort(fromSeed.begin(), fromSeed.end(), byId);
    std::sort(builtin.begin(), builtin.end(), byId);
    QCOMPARE(builtin.size(), 7);
    QVERIFY(fromSeed == builtin);
    QCOMPARE(findAgent(u"zumbi")->name, QStringLiteral("Zumbi dos Palmares"));
    QVERIFY(!findAgent(u"nobody"));
}

void TestProtocolGolden::seedExamplesDecodeToTheExpectedValues()
{
    // Round-trips could hide a member decoded into the wrong field and written back from it; check
    // a few values where they land.
    const auto request = decode<InvestigationRequest>(readGolden(QStringLiteral("cidadao-ts-investigation_request")));
    QCOMPARE(request.dataSource, QStringLiteral("expenses"));
    QCOMPARE(request.filters.startDate, QDate(2024, 1, 1));
    QCOMPARE(request.filters.uf, QStringLiteral("DF"));
    QCOMPARE(request.anomalyTypes, QStringList({QStringLiteral("duplicate"), QStringLiteral("pattern")}));
    QVERIFY(!request.includeExplanations);
    QVERIFY(request.streamResults);

    const auto session = decode<ChatSession>(readGolden(QStringLiteral("spec-chat_session")));
    QCOMPARE(session.lastMessageAt, QDateTime(QDate(2025, 1, 19), QTime(12, 5, 0, 250), Qt::UTC));
    QCOMPARE(session.messageCount, 4);

    const auto voice = decode<VoiceEnvelope>(readGolden(QStringLiteral("voice-intent")));
    QCOMPARE(*voice.timestamp, 1234567890.123);
    QCOMPARE(decode<IntentPayload>(*voice.data).confidence, 0.95);

    const auto workflow = decode<WorkflowEnvelope>(readGolden(QStringLiteral("genesis-execute_workflow")));
    QCOMPARE(*workflow.correlationId, QStringLiteral("req-789"));
    QCOMPARE(decode<ExecuteWorkflowPayload>(*workflow.payload).workflowId, QStringLiteral("wf-123"));

    const ChatStreamEvent start = decodeChatStreamEvent(readGolden(QStringLiteral("cidadao-sse-start")));
    QVERIFY(std::holds_alternative<StreamStart>(start));
    QCOMPARE(std::get<StreamStart>(start).timestamp, QDateTime(QDate(2025, 1, 19), QTime(12, 0), Qt::UTC));
}

QTEST_GUILESS_MAIN(TestProtocolGolden)
#include "tst_protocol_golden.moc"
