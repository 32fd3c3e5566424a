// SPDX-License-Identifier: GPL-3.0-or-later
// Every validation rule of the protocol: each violating input is rejected with the right field
// named (nested ones with dots), and each accepted boundary passes. Rows are data-driven: the
// decoder's name, the JSON text, and the field expected in the ValidationFailure.
#include "protocol/agent.h"
#include "protocol/apiversion.h"
#include "protocol/auth.h"
#include "protocol/chat.h"
#include "protocol/chatstream.h"
#include "protocol/chatws.h"
#include "protocol/investigation.h"
#include "protocol/investigationstream.h"
#include "protocol/pagination.h"
#include "protocol/decoding.h"
#include "protocol/voice.h"
#include "protocol/voicetools.h"
#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <QTest>

#include <functional>
#include <map>

using namespace cidadao::protocol;

namespace {

using Decoder = std::function<void(const Json&)>;

template<typename T>
Decoder decoderOf()
{
    return [](const Json& in) { (void)decode<T>(in); };
}

const std::map<QByteArray, Decoder>& decoders()
{
    static const std::map<QByteArray, Decoder> table{
        {"ChatRequest", decoderOf<ChatRequest>()},
        {"ChatResponse", decoderOf<ChatResponse>()},
        {"ChatSession", decoderOf<ChatSession>()},
        {"InvestigationRequest", decoderOf<InvestigationRequest>()},
        {"InvestigationResponse", decoderOf<InvestigationResponse>()},
        {"InvestigationStatus", decoderOf<InvestigationStatus>()},
        {"AnomalyResult", decoderOf<AnomalyResult>()},
        {"LoginRequest", decoderOf<LoginRequest>()},
        {"LoginResponse", decoderOf<LoginResponse>()},
        {"RegisterRequest", decoderOf<RegisterRequest>()},
        {"RefreshRequest", decoderOf<RefreshRequest>()},
        {"UserResponse", decoderOf<UserResponse>()},
        {"AgentResponse", decoderOf<AgentResponse>()},
        {"AgentMessage", decoderOf<AgentMessage>()},
        {"CursorPaginationRequest", decoderOf<CursorPaginationRequest>()},
        {"ChatEnvelope", decoderOf<ChatEnvelope>()},
        {"VoiceEnvelope", decoderOf<VoiceEnvelope>()},
        {"WorkflowEnvelope", decoderOf<WorkflowEnvelope>()},
        {"ChatMessagePayload", decoderOf<ChatMessagePayload>()},
        {"InvestigationSubscription", decoderOf<InvestigationSubscription>()},
        {"InvestigationUpdatePayload", decoderOf<InvestigationUpdatePayload>()},
        {"AudioPayload", decoderOf<AudioPayload>()},
        {"IntentPayload", decoderOf<IntentPayload>()},
        {"ChannelsPayload", decoderOf<ChannelsPayload>()},
        {"ExecuteWorkflowPayload", decoderOf<ExecuteWorkflowPayload>()},
        {"SyncUpdatePayload", decoderOf<SyncUpdatePayload>()},
        {"AgentStatusPayload", decoderOf<AgentStatusPayload>()},
        {"ApiInfo", decoderOf<ApiInfo>()},
        {"SearchContractsParameters", decoderOf<SearchContractsParameters>()},
        {"StartInvestigationParameters", decoderOf<StartInvestigationParameters>()},
        {"InvestigationStatusParameters", decoderOf<InvestigationStatusParameters>()},
        {"ExplainAnomalyParameters", decoderOf<ExplainAnomalyParameters>()},
        {"ChatStreamEvent", [](const Json& in) { (void)decodeChatStreamEvent(in); }},
        {"InvestigationStreamEvent", [](const Json& in) { (void)decodeInvestigationStreamEvent(in); }},
    };
    return table;
}

QByteArray bytes(const Json& value)
{
    return toBytes(value);
}

QString repeated(const QString& piece, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

// 😀 U+1F600: one code point, two UTF-16 units, four UTF-8 bytes.
const QString Emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
// ç U+00E7: one code point, two UTF-8 bytes.
const QString CCedilla = QString::fromUtf8("\xC3\xA7");

Json withMember(Json base, const char* key, Json value)
{
    base[key] = std::move(value);
    return base;
}

Json without(Json base, const char* key)
{
    base.erase(key);
    return base;
}

const Json ChatOk{{"message", "Olá"}};
const Json InvestigationOk{{"query", "contratos emergenciais"}};
const Json RegisterOk{{"email", "ana@example.org"}, {"password", "12345678"}, {"name", "Ana"}};
const Json LoginOk{{"email", "ana@example.org"}, {"password", "x"}};
const Json AnomalyOk{{"anomaly_id", "a1"},      {"type", "price"},   {"severity", "high"},
                     {"confidence", 0.9},       {"description", "d"}, {"explanation", "e"},
                     {"affected_records", Json::array()}, {"suggested_actions", Json::array()},
                     {"metadata", Json::object()}};
const Json StatusOk{{"investigation_id", "i1"}, {"status", "processing"}, {"progress", 0.5},
                    {"current_phase", "anomaly_detection"}, {"records_processed", 10}, {"anomalies_detected", 1}};
const Json UserOk{{"id", "u1"}, {"email", "ana@example.org"}, {"name", "Ana"}, {"role", "analyst"},
                  {"is_active", true}, {"created_at", "2025-01-19T12:00:00Z"}};

Json filters(Json members)
{
    return withMember(InvestigationOk, "filters", std::move(members));
}

} // namespace

class TestProtocolValidation : public QObject
{
    Q_OBJECT

private slots:
    void rejected_data();
    void rejected();
    void accepted_data();
    void accepted();
    void codePointsNotUtf16Units();
    void defaultsAreTheSeeds();
    void filtersAreNormalised();
    void failureBecomesA422();
    void emailSyntax_data();
    void emailSyntax();
    void paginationFromQuery_data();
    void paginationFromQuery();
    void malformedJsonText();
};

void TestProtocolValidation::rejected_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const auto row = [](const char* name, const char* type, const Json& json, const char* field) {
        QTest::newRow(name) << QByteArray(type) << bytes(json) << QString::fromUtf8(field);
    };

    // --- ChatRequest ---
    row("chat: body not an object", "ChatRequest", Json::array({1}), "body");
    row("chat: body a string", "ChatRequest", Json("hello"), "body");
    row("chat: message missing", "ChatRequest", Json::object(), "message");
    row("chat: message null", "ChatRequest", Json{{"message", nullptr}}, "message");
    row("chat: message a number", "ChatRequest", Json{{"message", 5}}, "message");
    row("chat: message an object", "ChatRequest", Json{{"message", Json::object()}}, "message");
    row("chat: message empty", "ChatRequest", Json{{"message", ""}}, "message");
    row("chat: message 1001 ascii", "ChatRequest", Json{{"message", QString(1001, QLatin1Char('a'))}}, "message");
    row("chat: message 1001 two-byte", "ChatRequest", Json{{"message", repeated(CCedilla, 1001)}}, "message");
    row("chat: message 1001 emoji", "ChatRequest", Json{{"message", repeated(Emoji, 1001)}}, "message");
    row("chat: session_id a number", "ChatRequest", withMember(ChatOk, "session_id", 7), "session_id");
    row("chat: session_id empty", "ChatRequest", withMember(ChatOk, "session_id", ""), "session_id");
    row("chat: session_id too long", "ChatRequest", withMember(ChatOk, "session_id", QString(129, QLatin1Char('s'))),
        "session_id");
    row("chat: context a string", "ChatRequest", withMember(ChatOk, "context", "x"), "context");
    row("chat: context an array", "ChatRequest", withMember(ChatOk, "context", Json::array()), "context");
    row("chat: agent_id unknown", "ChatRequest", withMember(ChatOk, "agent_id", "hal9000"), "agent_id");
    row("chat: agent_id a number", "ChatRequest", withMember(ChatOk, "agent_id", 1), "agent_id");

    // --- InvestigationRequest ---
    row("inv: query missing", "InvestigationRequest", Json::object(), "query");
    row("inv: query empty", "InvestigationRequest", Json{{"query", ""}}, "query");
    row("inv: query a number", "InvestigationRequest", Json{{"query", 5}}, "query");
    row("inv: query 1001", "InvestigationRequest", Json{{"query", QString(1001, QLatin1Char('q'))}}, "query");
    row("inv: data_source unknown", "InvestigationRequest", withMember(InvestigationOk, "data_source", "tweets"),
        "data_source");
    row("inv: data_source upper case", "InvestigationRequest", withMember(InvestigationOk, "data_source", "Contracts"),
        "data_source");
    row("inv: data_source a number", "InvestigationRequest", withMember(InvestigationOk, "data_source", 1),
        "data_source");
    row("inv: anomaly_types unknown", "InvestigationRequest",
        withMember(InvestigationOk, "anomaly_types", Json::array({"price", "astrology"})), "anomaly_types");
    row("inv: anomaly_types a string", "InvestigationRequest", withMember(InvestigationOk, "anomaly_types", "price"),
        "anomaly_types");
    row("inv: anomaly_types empty", "InvestigationRequest",
        withMember(InvestigationOk, "anomaly_types", Json::array()), "anomaly_types");
    row("inv: anomaly_types numbers", "InvestigationRequest",
        withMember(InvestigationOk, "anomaly_types", Json::array({1})), "anomaly_types");
    row("inv: include_explanations a string", "InvestigationRequest",
        withMember(InvestigationOk, "include_explanations", "yes"), "include_explanations");
    row("inv: stream_results a number", "InvestigationRequest", withMember(InvestigationOk, "stream_results", 1),
        "stream_results");
    row("inv: filters a string", "InvestigationRequest", withMember(InvestigationOk, "filters", "x"), "filters");
    row("inv: filters an array", "InvestigationRequest", withMember(InvestigationOk, "filters", Json::array()),
        "filters");
    row("inv: filters unknown key", "InvestigationRequest", filters({{"color", "red"}}), "filters.color");
    row("inv: filters unknown key beside known", "InvestigationRequest", filters({{"uf", "SP"}, {"cnpj", "1"}}),
        "filters.cnpj");
    row("inv: start_date 30 Feb", "InvestigationRequest", filters({{"start_date", "2025-02-30"}}), "filters.start_date");
    row("inv: start_date 29 Feb non-leap", "InvestigationRequest", filters({{"start_date", "2023-02-29"}}),
        "filters.start_date");
    row("inv: start_date one-digit month", "InvestigationRequest", filters({{"start_date", "2025-1-01"}}),
        "filters.start_date");
    row("inv: start_date with time", "InvestigationRequest", filters({{"start_date", "2025-01-01T00:00:00Z"}}),
        "filters.start_date");
    row("inv: start_date Brazilian order", "InvestigationRequest", filters({{"start_date", "31/12/2024"}}),
        "filters.start_date");
    row("inv: start_date a number", "InvestigationRequest", filters({{"start_date", 20250101}}), "filters.start_date");
    row("inv: end_date month 13", "InvestigationRequest", filters({{"end_date", "2025-13-01"}}), "filters.end_date");
    row("inv: end_date day 00", "InvestigationRequest", filters({{"end_date", "2025-01-00"}}), "filters.end_date");
    row("inv: start after end", "InvestigationRequest",
        filters({{"start_date", "2025-02-01"}, {"end_date", "2025-01-31"}}), "filters.start_date");
    row("inv: min_value above max_value", "InvestigationRequest", filters({{"min_value", 100.5}, {"max_value", 100}}),
        "filters.min_value");
    row("inv: min_value a string", "InvestigationRequest", filters({{"min_value", "100"}}), "filters.min_value");
    row("inv: max_value a bool", "InvestigationRequest", filters({{"max_value", true}}), "filters.max_value");
    row("inv: uf unknown", "InvestigationRequest", filters({{"uf", "XX"}}), "filters.uf");
    row("inv: uf three letters", "InvestigationRequest", filters({{"uf", "SPA"}}), "filters.uf");
    row("inv: uf a number", "InvestigationRequest", filters({{"uf", 35}}), "filters.uf");
    row("inv: organization a number", "InvestigationRequest", filters({{"organization", 5}}), "filters.organization");
    row("inv: vendor an array", "InvestigationRequest", filters({{"vendor", Json::array()}}), "filters.vendor");

    // --- Auth ---
    row("register: email missing", "RegisterRequest", without(RegisterOk, "email"), "email");
    row("register: email without at", "RegisterRequest", withMember(RegisterOk, "email", "ana.example.org"), "email");
    row("register: email a number", "RegisterRequest", withMember(RegisterOk, "email", 5), "email");
    row("register: password 7", "RegisterRequest", withMember(RegisterOk, "password", "1234567"), "password");
    row("register: password 7 emoji (14 UTF-16 units)", "RegisterRequest",
        withMember(RegisterOk, "password", repeated(Emoji, 7)), "password");
    row("register: password 257", "RegisterRequest", withMember(RegisterOk, "password", QString(257, QLatin1Char('p'))),
        "password");
    row("register: password a number", "RegisterRequest", withMember(RegisterOk, "password", 12345678), "password");
    row("register: password missing", "RegisterRequest", without(RegisterOk, "password"), "password");
    row("register: name missing", "RegisterRequest", without(RegisterOk, "name"), "name");
    row("register: name blank", "RegisterRequest", withMember(RegisterOk, "name", "   "), "name");
    row("register: name a number", "RegisterRequest", withMember(RegisterOk, "name", 5), "name");
    row("register: role unknown", "RegisterRequest", withMember(RegisterOk, "role", "root"), "role");
    row("register: role wrong case", "RegisterRequest", withMember(RegisterOk, "role", "Admin"), "role");
    row("register: role a number", "RegisterRequest", withMember(RegisterOk, "role", 1), "role");
    row("login: email bad", "LoginRequest", withMember(LoginOk, "email", "ana@"), "email");
    row("login: password empty", "LoginRequest", withMember(LoginOk, "password", ""), "password");
    row("login: password missing", "LoginRequest", without(LoginOk, "password"), "password");
    row("refresh: token missing", "RefreshRequest", Json::object(), "refresh_token");
    row("refresh: token empty", "RefreshRequest", Json{{"refresh_token", ""}}, "refresh_token");
    row("refresh: token a number", "RefreshRequest", Json{{"refresh_token", 5}}, "refresh_token");
    row("user: role unknown", "UserResponse", withMember(UserOk, "role", "root"), "role");
    row("user: created_at not a timestamp", "UserResponse", withMember(UserOk, "created_at", "yesterday"), "created_at");
    row("user: is_active a string", "UserResponse", withMember(UserOk, "is_active", "true"), "is_active");
    row("login response: nested user role", "LoginResponse",
        Json{{"access_token", "a"}, {"refresh_token", "r"}, {"expires_in", 1800},
             {"user", {{"id", "u"}, {"email", "e@x.org"}, {"name", "n"}, {"role", "boss"}, {"is_active", true}}}},
        "user.role");
    row("login response: expires_in fractional", "LoginResponse",
        Json{{"access_token", "a"}, {"refresh_token", "r"}, {"expires_in", 1.5}, {"user", Json::object()}},
        "expires_in");

    // --- Pagination ---
    row("page: limit 0", "CursorPaginationRequest", Json{{"limit", 0}}, "limit");
    row("page: limit 101", "CursorPaginationRequest", Json{{"limit", 101}}, "limit");
    row("page: limit negative", "CursorPaginationRequest", Json{{"limit", -1}}, "limit");
    row("page: limit 2^32+20", "CursorPaginationRequest", Json{{"limit", 4294967316LL}}, "limit");
    row("page: limit a string", "CursorPaginationRequest", Json{{"limit", "20"}}, "limit");
    row("page: limit fractional", "CursorPaginationRequest", Json{{"limit", 20.5}}, "limit");
    row("page: direction unknown", "CursorPaginationRequest", Json{{"direction", "sideways"}}, "direction");
    row("page: direction a number", "CursorPaginationRequest", Json{{"direction", 1}}, "direction");
    row("page: cursor garbage", "CursorPaginationRequest", Json{{"cursor", "not a cursor!"}}, "cursor");
    row("page: cursor a number", "CursorPaginationRequest", Json{{"cursor", 5}}, "cursor");

    // --- Closed sets in models ---
    row("anomaly: severity unknown", "AnomalyResult", withMember(AnomalyOk, "severity", "extreme"), "severity");
    row("anomaly: type unknown", "AnomalyResult", withMember(AnomalyOk, "type", "astrology"), "type");
    row("anomaly: confidence above 1", "AnomalyResult", withMember(AnomalyOk, "confidence", 1.5), "confidence");
    row("anomaly: confidence negative", "AnomalyResult", withMember(AnomalyOk, "confidence", -0.1), "confidence");
    row("anomaly: affected record not an object", "AnomalyResult",
        withMember(AnomalyOk, "affected_records", Json::array({Json::object(), 3})), "affected_records.1");
    row("status: status unknown", "InvestigationStatus", withMember(StatusOk, "status", "running"), "status");
    row("status: progress above 1", "InvestigationStatus", withMember(StatusOk, "progress", 1.2), "progress");
    row("status: records_processed fractional", "InvestigationStatus", withMember(StatusOk, "records_processed", 1.5),
        "records_processed");
    row("status: estimated_completion bad", "InvestigationStatus",
        withMember(StatusOk, "estimated_completion", "2025-01-19T25:00:00Z"), "estimated_completion");
    row("response: nested anomaly severity", "InvestigationResponse",
        Json{{"investigation_id", "i"}, {"status", "completed"}, {"query", "q"}, {"data_source", "contracts"},
             {"started_at", "2025-01-19T12:00:00Z"}, {"anomalies_found", 1}, {"total_records_analyzed", 1},
             {"results", Json::array({AnomalyOk, withMember(AnomalyOk, "severity", "huge")})}, {"summary", ""},
             {"confidence_score", 0.5}, {"processing_time", 1.0}},
        "results.1.severity");
    row("response: status cancelled-ish", "InvestigationResponse", Json{{"investigation_id", "i"}, {"status", "canceled"}},
        "status");
    row("agent response: status lower case", "AgentResponse",
        Json{{"agent_name", "zumbi"}, {"status", "idle"}, {"timestamp", "2025-01-19T12:00:00Z"}}, "status");
    row("agent message: timestamp missing", "AgentMessage",
        Json{{"sender", "a"}, {"recipient", "b"}, {"action", "c"}, {"message_id", "m"}}, "timestamp");
    row("chat response: requires_input value not a string", "ChatResponse",
        Json{{"session_id", "s"}, {"agent_id", "a"}, {"agent_name", "n"}, {"message", "m"}, {"confidence", 1},
             {"requires_input", {{"organization", 5}}}},
        "requires_input.organization");
    row("chat response: confidence a string", "ChatResponse",
        Json{{"session_id", "s"}, {"agent_id", "a"}, {"agent_name", "n"}, {"message", "m"}, {"confidence", "high"}},
        "confidence");
    row("session: message_count a string", "ChatSession",
        Json{{"id", "s"}, {"user_id", "u"}, {"status", "active"}, {"message_count", "4"}}, "message_count");
    row("info: mode unknown", "ApiInfo",
        Json{{"name", "n"}, {"version", "1"}, {"api_version", "1.0"}, {"mode", "cloud"}}, "mode");

    // --- WebSocket envelopes and payloads ---
    row("chat ws: type missing", "ChatEnvelope", Json{{"data", Json::object()}}, "type");
    row("chat ws: type empty", "ChatEnvelope", Json{{"type", ""}}, "type");
    row("chat ws: type a number", "ChatEnvelope", Json{{"type", 1}}, "type");
    row("chat ws: data a string", "ChatEnvelope", Json{{"type", "ping"}, {"data", "x"}}, "data");
    row("chat ws: timestamp not ISO", "ChatEnvelope", Json{{"type", "ping"}, {"timestamp", "now"}}, "timestamp");
    row("chat ws: timestamp a number", "ChatEnvelope", Json{{"type", "ping"}, {"timestamp", 1234567890}}, "timestamp");
    row("chat ws: id a number", "ChatEnvelope", Json{{"type", "ping"}, {"id", 5}}, "id");
    row("chat ws: chat_message too long", "ChatMessagePayload", Json{{"message", QString(1001, QLatin1Char('m'))}},
        "message");
    row("chat ws: chat_message empty", "ChatMessagePayload", Json{{"message", ""}}, "message");
    row("chat ws: chat_message context a list", "ChatMessagePayload",
        Json{{"message", "m"}, {"context", Json::array()}}, "context");
    row("chat ws: subscribe without id", "InvestigationSubscription", Json::object(), "investigation_id");
    row("chat ws: update status unknown", "InvestigationUpdatePayload",
        Json{{"investigation_id", "i"}, {"status", "paused"}, {"progress", 0.1}, {"current_phase", "p"},
             {"anomalies_detected", 0}},
        "status");
    row("voice: timestamp a string", "VoiceEnvelope", Json{{"type", "barge_in"}, {"timestamp", "1.5"}}, "timestamp");
    row("voice: session_id a number", "VoiceEnvelope", Json{{"type", "barge_in"}, {"session_id", 1}}, "session_id");
    row("voice: data a list", "VoiceEnvelope", Json{{"type", "audio_chunk"}, {"data", Json::array()}}, "data");
    row("voice: audio not base64", "AudioPayload", Json{{"audio", "not base64!"}}, "audio");
    row("voice: audio missing", "AudioPayload", Json::object(), "audio");
    row("voice: intent confidence 2", "IntentPayload", Json{{"intent", "x"}, {"confidence", 2}}, "confidence");
    row("workflow: timestamp fractional", "WorkflowEnvelope", Json{{"type", "ping"}, {"timestamp", 1.5}}, "timestamp");
    row("workflow: timestamp a string", "WorkflowEnvelope", Json{{"type", "ping"}, {"timestamp", "1"}}, "timestamp");
    row("workflow: correlationId a number", "WorkflowEnvelope", Json{{"type", "ping"}, {"correlationId", 5}},
        "correlationId");
    row("workflow: channels unknown kind", "ChannelsPayload", Json{{"channels", {"weather:today"}}}, "channels");
    row("workflow: channels empty id", "ChannelsPayload", Json{{"channels", {"workflow:"}}}, "channels");
    row("workflow: channels no colon", "ChannelsPayload", Json{{"channels", {"workflow"}}}, "channels");
    row("workflow: channels a string", "ChannelsPayload", Json{{"channels", "sync:u1"}}, "channels");
    row("workflow: execute without workflowId", "ExecuteWorkflowPayload", Json{{"input", Json::object()}},
        "workflowId");
    row("workflow: execute input a list", "ExecuteWorkflowPayload",
        Json{{"workflowId", "investigation"}, {"input", Json::array()}}, "input");
    row("workflow: sync op unknown", "SyncUpdatePayload", Json{{"entity", "session"}, {"id", "1"}, {"op", "moved"}},
        "op");
    row("workflow: agent status unknown", "AgentStatusPayload", Json{{"agentId", "zumbi"}, {"status", "SLEEPING"}},
        "status");

    // --- Voice tool parameters ---
    row("tool: search without query", "SearchContractsParameters", Json{{"vendor", "ACME"}}, "query");
    row("tool: search min above max", "SearchContractsParameters",
        Json{{"query", "q"}, {"min_value", 10}, {"max_value", 5}}, "min_value");
    row("tool: search min a string", "SearchContractsParameters", Json{{"query", "q"}, {"min_value", "10"}},
        "min_value");
    row("tool: start data_source unknown", "StartInvestigationParameters",
        Json{{"query", "q"}, {"data_source", "tweets"}}, "data_source");
    row("tool: start anomaly type unknown", "StartInvestigationParameters",
        Json{{"query", "q"}, {"anomaly_types", {"price", "x"}}}, "anomaly_types");
    row("tool: status id empty", "InvestigationStatusParameters", Json{{"investigation_id", ""}}, "investigation_id");
    row("tool: explain id missing", "ExplainAnomalyParameters", Json::object(), "anomaly_id");

    // --- Stream events ---
    row("sse: type unknown", "ChatStreamEvent", Json{{"type", "party"}}, "type");
    row("sse: type missing", "ChatStreamEvent", Json{{"content", "x"}}, "type");
    row("sse: chunk without content", "ChatStreamEvent", Json{{"type", "chunk"}}, "content");
    row("sse: intent confidence a string", "ChatStreamEvent",
        Json{{"type", "intent"}, {"intent", "x"}, {"confidence", "high"}}, "confidence");
    row("sse: start timestamp bad", "ChatStreamEvent", Json{{"type", "start"}, {"timestamp", "2025-02-30T00:00:00Z"}},
        "timestamp");
    row("sse: contract data without id", "ChatStreamEvent",
        Json{{"type", "contract"}, {"index", 0}, {"total", 1}, {"data", {{"numero", "1"}}}}, "data.id");
    row("inv sse: progress status unknown", "InvestigationStreamEvent",
        Json{{"type", "progress"}, {"data", withMember(StatusOk, "status", "running")}}, "data.status");
    row("inv sse: completion not finished", "InvestigationStreamEvent",
        Json{{"type", "completion"},
             {"data", {{"investigation_id", "i"}, {"status", "processing"}, {"summary", "s"}, {"anomalies_found", 0}}}},
        "data.status");
}

void TestProtocolValidation::rejected()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto decoder = decoders().find(type);
    QVERIFY2(decoder != decoders().end(), type.constData());
    const Json input = Json::parse(json.toStdString());
    try {
        decoder->second(input);
        QFAIL("accepted");
    } catch (const ValidationFailure& failure) {
        QCOMPARE(failure.field(), field);
        QVERIFY(!failure.reason().isEmpty());
    }
}

void TestProtocolValidation::accepted_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("json");
    const auto row = [](const char* name, const char* type, const Json& json) {
        QTest::newRow(name) << QByteArray(type) << bytes(json);
    };
    row("chat: 1 character", "ChatRequest", Json{{"message", "a"}});
    row("chat: 1000 ascii", "ChatRequest", Json{{"message", QString(1000, QLatin1Char('a'))}});
    row("chat: 1000 two-byte characters", "ChatRequest", Json{{"message", repeated(CCedilla, 1000)}});
    row("chat: 1000 emoji (2000 UTF-16 units)", "ChatRequest", Json{{"message", repeated(Emoji, 1000)}});
    row("chat: whitespace is content", "ChatRequest", Json{{"message", " "}});
    row("chat: optionals null", "ChatRequest",
        Json{{"message", "m"}, {"session_id", nullptr}, {"context", nullptr}, {"agent_id", nullptr}});
    row("chat: every agent id", "ChatRequest", withMember(ChatOk, "agent_id", "drummond"));
    row("chat: session_id 128", "ChatRequest", withMember(ChatOk, "session_id", QString(128, QLatin1Char('s'))));
    row("chat: unknown keys ignored", "ChatRequest", withMember(ChatOk, "client", "desktop"));
    row("inv: minimal", "InvestigationRequest", InvestigationOk);
    row("inv: every anomaly type", "InvestigationRequest",
        withMember(InvestigationOk, "anomaly_types",
                   Json::array({"price", "vendor", "temporal", "payment", "duplicate", "pattern"})));
    row("inv: every data source", "InvestigationRequest", withMember(InvestigationOk, "data_source", "servants"));
    row("inv: query 1000", "InvestigationRequest", Json{{"query", QString(1000, QLatin1Char('q'))}});
    row("inv: leap day", "InvestigationRequest", filters({{"start_date", "2024-02-29"}}));
    row("inv: start equals end", "InvestigationRequest",
        filters({{"start_date", "2024-05-01"}, {"end_date", "2024-05-01"}}));
    row("inv: min equals max", "InvestigationRequest", filters({{"min_value", 10}, {"max_value", 10.0}}));
    row("inv: every filter", "InvestigationRequest",
        filters({{"organization", "MS"}, {"start_date", "2024-01-01"}, {"end_date", "2024-12-31"}, {"vendor", "ACME"},
                 {"min_value", 0}, {"max_value", 1e9}, {"uf", "to"}}));
    row("inv: null filter members", "InvestigationRequest", filters({{"uf", nullptr}}));
    row("register: password 8", "RegisterRequest", RegisterOk);
    row("register: password 8 emoji", "RegisterRequest", withMember(RegisterOk, "password", repeated(Emoji, 8)));
    row("register: password 256", "RegisterRequest",
        withMember(RegisterOk, "password", QString(256, QLatin1Char('p'))));
    row("register: each role", "RegisterRequest", withMember(RegisterOk, "role", "citizen"));
    row("register: role null means default", "RegisterRequest", withMember(RegisterOk, "role", nullptr));
    row("login: short password is fine", "LoginRequest", LoginOk);
    row("page: empty", "CursorPaginationRequest", Json::object());
    row("page: limit 1", "CursorPaginationRequest", Json{{"limit", 1}});
    row("page: limit 100", "CursorPaginationRequest", Json{{"limit", 100}});
    row("page: limit 20.0", "CursorPaginationRequest", Json{{"limit", 20.0}});
    row("page: prev", "CursorPaginationRequest", Json{{"direction", "prev"}});
    row("anomaly: confidence 0", "AnomalyResult", withMember(AnomalyOk, "confidence", 0));
    row("anomaly: confidence 1", "AnomalyResult", withMember(AnomalyOk, "confidence", 1));
    row("status: cancelled", "InvestigationStatus", withMember(StatusOk, "status", "cancelled"));
    row("status: upstream phase name", "InvestigationStatus",
        withMember(StatusOk, "current_phase", "analyzing_patterns"));
    row("chat ws: bare type", "ChatEnvelope", Json{{"type", "ping"}});
    row("chat ws: offset timestamp", "ChatEnvelope", Json{{"type", "ping"}, {"timestamp", "2025-01-19T09:00:00-03:00"}});
    row("voice: integer timestamp", "VoiceEnvelope", Json{{"type", "barge_in"}, {"timestamp", 1234567890}});
    row("workflow: integral float timestamp", "WorkflowEnvelope", Json{{"type", "ping"}, {"timestamp", 1.0e12}});
    row("workflow: non-object payload", "WorkflowEnvelope", Json{{"type", "ping"}, {"payload", 5}});
    row("workflow: every channel kind", "ChannelsPayload",
        Json{{"channels", {"workflow:e1", "sync:u1", "agent:zumbi", "notifications:u1"}}});
    row("workflow: no channels", "ChannelsPayload", Json{{"channels", Json::array()}});
}

void TestProtocolValidation::accepted()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, json);
    const auto decoder = decoders().find(type);
    QVERIFY2(decoder != decoders().end(), type.constData());
    try {
        decoder->second(Json::parse(json.toStdString()));
    } catch (const ValidationFailure& failure) {
        QFAIL(failure.what());
    }
}

void TestProtocolValidation::codePointsNotUtf16Units()
{
    QCOMPARE(codePointCount(u""), 0);
    QCOMPARE(codePointCount(QStringLiteral("ação")), 4);
    QCOMPARE(codePointCount(Emoji), 1);
    QCOMPARE(codePointCount(QString(repeated(Emoji, 3) + QStringLiteral("ab"))), 5);
    // A lone surrogate (not valid UTF-16, but QString can hold it) counts as one.
    QCOMPARE(codePointCount(QString(QChar(0xD800))), 1);
    // The 1000-emoji message decodes intact.
    const auto request = decode<ChatRequest>(Json{{"message", repeated(Emoji, 1000)}});
    QCOMPARE(request.message.size(), 2000);
}

void TestProtocolValidation::defaultsAreTheSeeds()
{
    const auto investigation = decode<InvestigationRequest>(InvestigationOk);
    QCOMPARE(investigation.dataSource, QStringLiteral("contracts"));
    QCOMPARE(investigation.anomalyTypes, QStringList({QStringLiteral("price"), QStringLiteral("vendor"),
                                                      QStringLiteral("temporal"), QStringLiteral("payment")}));
    QVERIFY(investigation.includeExplanations);
    QVERIFY(!investigation.streamResults);
    QVERIFY(investigation.filters.isEmpty());

    const auto registration = decode<RegisterRequest>(RegisterOk);
    QCOMPARE(registration.role, QStringLiteral("analyst"));

    const auto page = decode<CursorPaginationRequest>(Json::object());
    QCOMPARE(page.limit, 20);
    QCOMPARE(page.direction, QStringLiteral("next"));
    QVERIFY(!page.cursor);

    const auto agentMessage = decode<AgentMessage>(Json{
        {"sender", "a"}, {"recipient", "b"}, {"action", "c"}, {"timestamp", "2025-01-19T12:00:00Z"}, {"message_id", "m"}});
    QVERIFY(agentMessage.requiresResponse);
    QCOMPARE(agentMessage.payload, Json::object());
}

void TestProtocolValidation::filtersAreNormalised()
{
    const auto request = decode<InvestigationRequest>(
        filters({{"uf", "sp"}, {"start_date", "2024-02-29"}, {"min_value", 10}}));
    QCOMPARE(request.filters.uf, QStringLiteral("SP"));
    QCOMPARE(request.filters.startDate, QDate(2024, 2, 29));
    QCOMPARE(request.filters.minValue, 10.0);
    const Json out = encode(request);
    QCOMPARE(out.at("filters"), (Json{{"uf", "SP"}, {"start_date", "2024-02-29"}, {"min_value", 10.0}}));

    // Repeated anomaly types collapse, in first-seen order.
    const auto repeatedTypes = decode<InvestigationRequest>(
        withMember(InvestigationOk, "anomaly_types", Json::array({"vendor", "price", "vendor"})));
    QCOMPARE(repeatedTypes.anomalyTypes, QStringList({QStringLiteral("vendor"), QStringLiteral("price")}));
}

void TestProtocolValidation::failureBecomesA422()
{
    try {
        (void)decode<ChatRequest>(Json{{"message", ""}});
        QFAIL("accepted");
    } catch (const ValidationFailure& failure) {
        const ApiError error = failure.toApiError();
        QCOMPARE(error.statusCode, 422);
        QCOMPARE(error.code, QStringLiteral("ValidationError"));
        // The exact message of spec/API.md §1's example.
        QCOMPARE(error.message, QStringLiteral("message: must be 1..1000 characters"));
        QCOMPARE(error.details, (Json{{"field", "message"}}));
    }
    try {
        (void)decode<InvestigationRequest>(filters({{"colour", "red"}}));
        QFAIL("accepted");
    } catch (const ValidationFailure& failure) {
        QVERIFY(failure.reason().contains(QStringLiteral("organization")));
        QCOMPARE(failure.toApiError().details, (Json{{"field", "filters.colour"}}));
    }
}

void TestProtocolValidation::emailSyntax_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");
    const auto row = [](const char* text, bool valid) { QTest::newRow(text) << QString::fromUtf8(text) << valid; };
    row("ana@example.org", true);
    row("ana.souza+tag@sub.example.com.br", true);
    row("o'brien@example.ie", true);
    row("joão@exemplo.com.br", true);
    row("ana@exemplo-ação.br", true);
    row("a@b.co", true);
    row("", false);
    row("ana", false);
    row("@example.org", false);
    row("ana@", false);
    row("ana@localhost", false);
    row("ana@@example.org", false);
    row(".ana@example.org", false);
    row("ana.@example.org", false);
    row("an..a@example.org", false);
    row("ana souza@example.org", false);
    row("ana@exa mple.org", false);
    row("ana@-example.org", false);
    row("ana@example-.org", false);
    row("ana@example..org", false);
    row("ana@.example.org", false);
    row("ana@example.org.", false);
    row("\"ana\"@example.org", false);
    row("ana@[127.0.0.1]", false);
    row("ana(comment)@example.org", false);
    QTest::newRow("local part 65") << QString(QString(65, QLatin1Char('a')) + QStringLiteral("@example.org")) << false;
    QTest::newRow("local part 64") << QString(QString(64, QLatin1Char('a')) + QStringLiteral("@example.org")) << true;
    QTest::newRow("label 64") << QString(QStringLiteral("a@") + QString(64, QLatin1Char('b')) + QStringLiteral(".org"))
                              << false;
}

void TestProtocolValidation::emailSyntax()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(isValidEmail(address), valid);
}

void TestProtocolValidation::paginationFromQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field"); // empty: accepted
    QTest::addColumn<int>("limit");
    QTest::newRow("defaults") << QString() << QString() << 20;
    QTest::newRow("limit 1") << QStringLiteral("limit=1") << QString() << 1;
    QTest::newRow("limit 100") << QStringLiteral("limit=100") << QString() << 100;
    QTest::newRow("empty cursor is first page") << QStringLiteral("cursor=&limit=5") << QString() << 5;
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit") << 0;
    QTest::newRow("limit 101") << QStringLiteral("limit=101") << QStringLiteral("limit") << 0;
    QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit") << 0;
    QTest::newRow("limit empty") << QStringLiteral("limit=") << QStringLiteral("limit") << 0;
    QTest::newRow("limit huge") << QStringLiteral("limit=99999999999999") << QStringLiteral("limit") << 0;
    QTest::newRow("direction") << QStringLiteral("direction=up") << QStringLiteral("direction") << 0;
    QTest::newRow("cursor") << QStringLiteral("cursor=%25%25%25") << QStringLiteral("cursor") << 0;
}

void TestProtocolValidation::paginationFromQuery()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(int, limit);
    try {
        const auto request = CursorPaginationRequest::fromQuery(QUrlQuery(query));
        QVERIFY2(field.isEmpty(), "accepted");
        QCOMPARE(request.limit, limit);
        QVERIFY(!request.cursor);
    } catch (const ValidationFailure& failure) {
        QCOMPARE(failure.field(), field);
    }
}

void TestProtocolValidation::malformedJsonText()
{
    const auto fieldOf = [](QByteArrayView text) -> QString {
        try {
            (void)decodeBytes<ChatRequest>(text);
        } catch (const ValidationFailure& failure) {
            return failure.field();
        }
        return QStringLiteral("<accepted>");
    };
    QCOMPARE(fieldOf("{\"message\": "), QStringLiteral("body"));
    QCOMPARE(fieldOf("{\"message\": \"a\",}"), QStringLiteral("body"));
    QCOMPARE(fieldOf(""), QStringLiteral("body"));
    QCOMPARE(fieldOf("null"), QStringLiteral("body"));
    QCOMPARE(fieldOf(QByteArray(QByteArray(100, '[') + QByteArray(100, ']'))), QStringLiteral("body"));
    QCOMPARE(fieldOf("{\"message\": 1e400}"), QStringLiteral("body")); // number overflow, found by fuzzing
    QCOMPARE(fieldOf("{\"message\": \"\xff\"}"), QStringLiteral("body"));  // invalid UTF-8
    QCOMPARE(fieldOf("{\"message\": 5}"), QStringLiteral("message"));
    QCOMPARE(fieldOf("{\"message\": \"ok\"}"), QStringLiteral("<accepted>"));
    // Depth 64 is fine, 65 is not.
    const QByteArray deep64 = QByteArray(QByteArray(63, '[') + QByteArray(63, ']'));
    QCOMPARE(parseJson(QByteArray("{\"a\":" + deep64 + "}")).is_object(), true);
    QVERIFY_THROWS_EXCEPTION(ValidationFailure, parseJson(QByteArray(QByteArray(65, '[') + QByteArray(65, ']'))));
}

QTEST_GUILESS_MAIN(TestProtocolValidation)
#include "tst_protocol_validation.moc"
