// SPDX-License-Identifier: GPL-3.0-or-later
// Chat over real HTTP (spec/API.md §4) against a real cidadao-server on generated Portal data: every
// route, the SSE framing and event order, contract events, numbers that come from the database, a
// client leaving mid-stream, two users kept apart, pagination, validation, anonymous mode.
#include "chattestsupport.h"

#include "engine/documents.h"
#include "engine/explanations.h"
#include "store/database.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace cidadao::testing;
using cidadao::protocol::Json;
namespace protocol = cidadao::protocol;
using cidadao::engine::Language;

namespace {

const QString kChat = QStringLiteral("/api/v1/chat");

QString str(const Json& value, const char* key)
{
    return value.contains(key) && value[key].is_string() ? value[key].get<QString>() : QString();
}

QStringList types(const QList<Json>& events)
{
    QStringList out;
    for (const Json& event : events)
        out.append(str(event, "type"));
    return out;
}

} // namespace

class TestChatApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void agentsAndSuggestions();
    void greetingNumbersComeFromTheDatabase();
    void messageCreatesSessionAndStoresBothMessages();
    void investigateStartsAnInvestigationWithToolCall();
    void supplierLookupByCnpj();
    void servantsPayFromTheData();
    void everyIntentRoutesToItsAgent();
    void streamFramingAndEventOrder();
    void streamByteExactFrames();
    void clientLeavesMidStream();
    void twoUsersAreIsolated();
    void sessionsListGetDelete();
    void historyAndClear();
    void paginatedHistoryWalksEveryMessage();
    void validationErrors();
    void anonymousServer();
    void optionalPhrasingThroughChatCompletions();

private:
    HttpResult chat(const Json& body, const QString& token);
    std::unique_ptr<cidadao::store::Database> database();

    QTemporaryDir m_scratch;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_alice;
    QString m_bob;
};

void TestChatApi::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QString error;
    m_server = startServerWithData(m_scratch, 7, 4000,
                                   {QStringLiteral("--rate-limit"), QStringLiteral("100000"),
                                    QStringLiteral("--login-rate-limit"), QStringLiteral("1000")},
                                   &error);
    QVERIFY2(m_server, qPrintable(error));
    m_alice = registerAndLogin(m_http, *m_server, QStringLiteral("alice@example.org"));
    m_bob = registerAndLogin(m_http, *m_server, QStringLiteral("bob@example.org"));
    QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
}

void TestChatApi::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

std::unique_ptr<cidadao::store::Database> TestChatApi::database()
{
    return cidadao::store::Database::open(m_server->dataDir() + QStringLiteral("/cidadao.db"),
                                          cidadao::store::Database::Mode::ReadOnly);
}

HttpResult TestChatApi::chat(const Json& body, const QString& token)
{
    return m_http.postJson(m_server->url(kChat + QStringLiteral("/message")), body, bearer(token));
}

void TestChatApi::agentsAndSuggestions()
{
    const HttpResult agents = m_http.get(m_server->url(kChat + QStringLiteral("/agents")));
    QCOMPARE(agents.status, 200);
    const Json list = agents.json();
    QVERIFY(list.is_array());
    QSet<QString> ids;
    for (const Json& agent : list) {
        ids.insert(str(agent, "id"));
        QVERIFY(!str(agent, "name").isEmpty() && !str(agent, "role").isEmpty() && !str(agent, "description").isEmpty());
        QCOMPARE(str(agent, "status"), QStringLiteral("IDLE"));
    }
    QSet<QString> expected;
    for (const char* id : {"abaporu", "zumbi", "anita", "tiradentes", "machado", "dandara", "drummond"})
        expected.insert(QString::fromLatin1(id));
    QCOMPARE(ids, expected);

    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/suggestions"))).status, 401);
    const HttpResult suggestions = m_http.get(m_server->url(kChat + QStringLiteral("/suggestions?lang=en")), bearer(m_alice));
    QCOMPARE(suggestions.status, 200);
    QVERIFY(suggestions.json().is_array() && suggestions.json().size() >= 3);
    for (const Json& action : suggestions.json())
        for (const char* key : {"id", "label", "icon", "action"})
            QVERIFY2(!str(action, key).isEmpty(), key);
    QCOMPARE(str(suggestions.json().at(0), "label"), QStringLiteral("Investigate health contracts"));

    // Without ?lang, the first of the client's Accept-Language that the agents speak.
    const auto firstLabel = [&](const QByteArray& acceptLanguage) {
        Headers headers = bearer(m_alice);
        headers.append({QByteArrayLiteral("Accept-Language"), acceptLanguage});
        const HttpResult answer = m_http.get(m_server->url(kChat + QStringLiteral("/suggestions")), headers);
        return answer.status == 200 ? str(answer.json().at(0), "label") : QString();
    };
    QCOMPARE(firstLabel("pt-BR"), QStringLiteral("Investigar contratos da Saúde"));
    QCOMPARE(firstLabel("en-US"), QStringLiteral("Investigate health contracts"));
    QCOMPARE(firstLabel("fr, en;q=0.8"), QStringLiteral("Investigate health contracts"));
    QCOMPARE(firstLabel("fr, pt;q=0.9, en;q=0.8"), QStringLiteral("Investigar contratos da Saúde"));
    QCOMPARE(firstLabel("de"), QStringLiteral("Investigar contratos da Saúde"));
}

void TestChatApi::greetingNumbersComeFromTheDatabase()
{
    auto db = database();
    auto s = db->prepare("SELECT COUNT(*), TOTAL(COALESCE(final_value, initial_value)) FROM contracts");
    QVERIFY(s.step());
    const qint64 contracts = s.int64(0);
    const double total = s.real(1);
    QVERIFY(contracts > 0);
    const HttpResult answer = chat(Json{{"message", "Olá, bom dia!"}}, m_alice);
    QCOMPARE(answer.status, 200);
    const Json body = answer.json();
    QCOMPARE(str(body, "agent_id"), QStringLiteral("drummond"));
    QCOMPARE(str(body["metadata"], "intent"), QStringLiteral("greeting"));
    const QString text = str(body, "message");
    QVERIFY2(text.contains(cidadao::engine::formatCount(contracts, Language::Pt)), qPrintable(text));
    QVERIFY2(text.contains(cidadao::engine::formatMoney(total, Language::Pt)), qPrintable(text));
}

void TestChatApi::messageCreatesSessionAndStoresBothMessages()
{
    const HttpResult answer = chat(Json{{"message", "What can you do?"}}, m_alice);
    QCOMPARE(answer.status, 200);
    const Json body = answer.json();
    const QString session = str(body, "session_id");
    QVERIFY(!session.isEmpty());
    QCOMPARE(str(body["metadata"], "intent"), QStringLiteral("help"));
    QCOMPARE(str(body["metadata"], "language"), QStringLiteral("en"));
    QVERIFY(body["confidence"].get<double>() > 0.0 && body["confidence"].get<double>() <= 1.0);
    QVERIFY(body["suggested_actions"].is_array() && !body["suggested_actions"].empty());
    QVERIFY(body["metadata"]["quick_actions"].is_array());
    QVERIFY(!str(body, "message_id").isEmpty());

    const HttpResult history = m_http.get(m_server->url(kChat + QStringLiteral("/history/") + session), bearer(m_alice));
    QCOMPARE(history.status, 200);
    const Json h = history.json();
    QCOMPARE(h["total_messages"].get<int>(), 2);
    QCOMPARE(str(h["messages"][0], "role"), QStringLiteral("user"));
    QCOMPARE(str(h["messages"][0], "content"), QStringLiteral("What can you do?"));
    QCOMPARE(str(h["messages"][1], "role"), QStringLiteral("assistant"));
    QCOMPARE(str(h["messages"][1], "id"), str(body, "message_id"));
    QCOMPARE(str(h["messages"][1], "content"), str(body, "message"));
    QCOMPARE(str(h["messages"][1], "agent_id"), QStringLiteral("drummond"));

    // A second turn in the same session.
    const HttpResult again = chat(Json{{"message", "thanks!"}, {"session_id", session}}, m_alice);
    QCOMPARE(again.status, 200);
    QCOMPARE(str(again.json(), "session_id"), session);
    const HttpResult one = m_http.get(m_server->url(kChat + QStringLiteral("/sessions/") + session), bearer(m_alice));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json()["message_count"].get<int>(), 4);
    QCOMPARE(str(one.json(), "title"), QStringLiteral("What can you do?"));
    QVERIFY(!str(one.json(), "last_message_at").isEmpty());
}

void TestChatApi::investigateStartsAnInvestigationWithToolCall()
{
    const HttpResult answer = chat(Json{{"message", "Investigue os contratos do Ministério da Saúde em 2023"}}, m_alice);
    QCOMPARE(answer.status, 200);
    const Json body = answer.json();
    QCOMPARE(str(body, "agent_id"), QStringLiteral("zumbi"));
    QCOMPARE(str(body["metadata"], "intent"), QStringLiteral("investigate"));
    const Json calls = body["metadata"]["tool_calls"];
    Json start;
    for (const Json& call : calls)
        if (str(call, "tool") == QLatin1String("start_investigation"))
            start = call;
    QVERIFY2(start.is_object(), calls.dump().c_str());
    QCOMPARE(str(start["parameters"], "data_source"), QStringLiteral("contracts"));
    QCOMPARE(str(start["result"]["filters"], "organization"), QStringLiteral("36000"));
    QCOMPARE(str(start["result"]["filters"], "start_date"), QStringLiteral("2023-01-01"));
    QVERIFY(!start["parameters"].contains("filters")); // spec §8: {query, data_source, anomaly_types?}
    const QString id = str(body["metadata"], "investigation_id");
    QVERIFY(!id.isEmpty());
    QCOMPARE(str(start["result"], "investigation_id"), id);
    QVERIFY(str(body, "message").contains(id));

    // The investigation is real, and the session now points at it.
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/investigations/%1/status").arg(id)), bearer(m_alice)).status, 200);
    const QString session = str(body, "session_id");
    const HttpResult s = m_http.get(m_server->url(kChat + QStringLiteral("/sessions/") + session), bearer(m_alice));
    QCOMPARE(str(s.json(), "current_investigation_id"), id);

    // The scope's count in the reply is the database's.
    auto db = database();
    auto count = db->prepare("SELECT COUNT(*) FROM contracts WHERE (superior_organ = '36000' OR organ = '36000') "
                             "AND signed_date BETWEEN ? AND ?");
    count.bind(1, cidadao::engine::toDay(2023, 1, 1)).bind(2, cidadao::engine::toDay(2023, 12, 31));
    QVERIFY(count.step());
    QVERIFY2(str(body, "message").contains(QStringLiteral("%1 contratos").arg(cidadao::engine::formatCount(count.int64(0), Language::Pt))),
             qPrintable(str(body, "message")));

    // Status in the same session, in English.
    const HttpResult status = chat(Json{{"message", "What is the status of the investigation?"}, {"session_id", session}}, m_alice);
    QCOMPARE(status.status, 200);
    QCOMPARE(str(status.json(), "agent_id"), QStringLiteral("zumbi"));
    QCOMPARE(str(status.json()["metadata"], "intent"), QStringLiteral("status"));
    QVERIFY2(str(status.json(), "message").contains(id), qPrintable(str(status.json(), "message")));
    QCOMPARE(str(status.json()["metadata"]["tool_calls"][0], "tool"), QStringLiteral("investigation_status"));
}

void TestChatApi::supplierLookupByCnpj()
{
    auto db = database();
    auto top = db->prepare("SELECT supplier_doc, MAX(supplier_name), COUNT(*) AS n FROM contracts "
                           "WHERE length(supplier_doc) = 14 GROUP BY supplier_doc ORDER BY n DESC LIMIT 50");
    QString doc;
    QString name;
    qint64 contracts = 0;
    while (doc.isEmpty() && top.step()) {
        if (!cidadao::engine::isValidCnpj(top.text(0)))
            continue;
        doc = top.text(0);
        name = top.text(1);
        contracts = top.int64(2);
    }
    QVERIFY(!doc.isEmpty());
    const QString formatted = QStringLiteral("%1.%2.%3/%4-%5").arg(doc.mid(0, 2), doc.mid(2, 3), doc.mid(5, 3), doc.mid(8, 4), doc.mid(12, 2));
    const HttpResult answer = chat(Json{{"message", QStringLiteral("Quem é o fornecedor %1?").arg(formatted)}}, m_alice);
    QCOMPARE(answer.status, 200);
    const Json body = answer.json();
    QCOMPARE(str(body["metadata"], "intent"), QStringLiteral("supplier"));
    QCOMPARE(str(body, "agent_id"), QStringLiteral("anita"));
    const QString text = str(body, "message");
    QVERIFY2(text.contains(name), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1 contratos").arg(cidadao::engine::formatCount(contracts, Language::Pt))), qPrintable(text));
    QCOMPARE(body["metadata"]["contracts_total"].get<qint64>(), contracts);
}

void TestChatApi::servantsPayFromTheData()
{
    auto db = database();
    auto s = db->prepare("SELECT COUNT(*), COUNT(DISTINCT servant_id) FROM servant_pay");
    QVERIFY(s.step());
    if (s.int64(0) == 0)
        QSKIP("the generated data set has no servants' pay");
    const HttpResult answer = chat(Json{{"message", "Qual o salário médio dos servidores?"}}, m_alice);
    QCOMPARE(answer.status, 200);
    QCOMPARE(str(answer.json(), "agent_id"), QStringLiteral("dandara"));
    const QString text = str(answer.json(), "message");
    QVERIFY2(text.contains(cidadao::engine::formatCount(s.int64(0), Language::Pt)), qPrintable(text));
    QVERIFY2(text.contains(cidadao::engine::formatCount(s.int64(1), Language::Pt)), qPrintable(text));
}

void TestChatApi::everyIntentRoutesToItsAgent()
{
    struct Case
    {
        const char* message;
        const char* agent;
        const char* tool; // a tool the answer must have used ("" = none required)
    };
    const Case cases[] = {
        {"Quais são os padrões de gastos dos contratos em 2023?", "anita", "analyze_patterns"},
        {"Os objetos dos contratos são vagos? Analise a redação.", "machado", "analyze_text"},
        {"A distribuição dos convênios entre municípios é desigual?", "dandara", "analyze_equity"},
        {"Gere um relatório dos dados importados", "tiradentes", "summarize_report"},
        {"Who are you?", "drummond", ""},
        {"O que é fracionamento de despesa?", "drummond", ""},
    };
    for (const Case& c : cases) {
        const HttpResult answer = chat(Json{{"message", c.message}}, m_alice);
        QCOMPARE(answer.status, 200);
        const Json body = answer.json();
        QVERIFY2(str(body, "agent_id") == QLatin1String(c.agent), qPrintable(QString::fromUtf8(c.message) + QStringLiteral(" -> ") + str(body, "agent_id")));
        QVERIFY(!str(body, "message").isEmpty());
        if (*c.tool) {
            bool used = false;
            for (const Json& call : body["metadata"]["tool_calls"])
                used = used || str(call, "tool") == QLatin1String(c.tool);
            QVERIFY2(used, c.message);
        }
    }
    // A forced agent answers whatever it is asked.
    const HttpResult forced = chat(Json{{"message", "olá"}, {"agent_id", "tiradentes"}}, m_alice);
    QCOMPARE(forced.status, 200);
    QCOMPARE(str(forced.json(), "agent_id"), QStringLiteral("tiradentes"));
}

void TestChatApi::streamFramingAndEventOrder()
{
    int status = 0;
    QByteArray raw;
    const QList<Json> events = postEventStream(
        m_server->url(kChat + QStringLiteral("/stream")), m_alice,
        Json{{"message", "mostre os contratos do Ministério da Saúde acima de 100 mil"}, {"agent_id", "anita"}}, 120000,
        &status, &raw);
    QCOMPARE(status, 200);
    const QStringList order = types(events);
    QVERIFY2(order.size() >= 7, qPrintable(order.join(u',')));
    QCOMPARE(order.mid(0, 4), (QStringList{QStringLiteral("start"), QStringLiteral("detecting"), QStringLiteral("intent"), QStringLiteral("agent_selected")}));
    QCOMPARE(order.last(), QStringLiteral("complete"));
    // Allowed after agent_selected: thinking, searching, found, contract..., then chunks only, then complete.
    const auto firstChunk = order.indexOf(QStringLiteral("chunk"));
    QVERIFY(firstChunk > 3);
    for (qsizetype i = firstChunk; i + 1 < order.size(); ++i)
        QCOMPARE(order[i], QStringLiteral("chunk"));
    const auto searching = order.indexOf(QStringLiteral("searching"));
    const auto found = order.indexOf(QStringLiteral("found"));
    QVERIFY(searching > 3 && found > searching && found < firstChunk);
    const qint64 showing = events[found]["showing"].get<qint64>();
    QVERIFY(showing > 0);
    QCOMPARE(qint64(order.count(QStringLiteral("contract"))), showing);
    for (qsizetype i = found + 1; i <= found + showing; ++i) {
        QCOMPARE(order[i], QStringLiteral("contract"));
        QCOMPARE(events[i]["index"].get<qint64>(), qint64(i - found));
        QCOMPARE(events[i]["total"].get<qint64>(), showing);
        const Json data = events[i]["data"];
        QVERIFY(!str(data, "id").isEmpty() && data["valor"].get<double>() >= 100000.0);
        QVERIFY(str(data, "valor_formatado").startsWith(QStringLiteral("R$ ")));
    }
    // The database agrees with `found`.
    auto db = database();
    auto count = db->prepare("SELECT COUNT(*) FROM contracts WHERE (superior_organ = '36000' OR organ = '36000') "
                             "AND COALESCE(final_value, initial_value, 0) >= 100000");
    QVERIFY(count.step());
    QCOMPARE(events[found]["total"].get<qint64>(), count.int64(0));

    const Json start = events[0];
    const QString session = str(start, "session_id");
    QVERIFY(!session.isEmpty() && !str(start, "timestamp").isEmpty());
    QCOMPARE(str(events[2], "intent").isEmpty(), false);
    QCOMPARE(str(events[3], "agent_id"), QStringLiteral("anita"));
    const Json complete = events.last();
    QCOMPARE(str(complete, "agent_id"), QStringLiteral("anita"));
    QVERIFY(complete["suggested_actions"].is_array());
    QString reply;
    for (const Json& e : events)
        if (str(e, "type") == QLatin1String("chunk"))
            reply += str(e, "content");
    const Json history = m_http.get(m_server->url(kChat + QStringLiteral("/history/") + session), bearer(m_alice)).json();
    QCOMPARE(str(history["messages"][1], "id"), str(complete, "message_id"));
    QCOMPARE(str(history["messages"][1], "content"), reply);
}

void TestChatApi::streamByteExactFrames()
{
    const QByteArray body = protocol::toBytes(Json{{"message", "oi"}});
    const QByteArray request = "POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                               + m_alice.toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray answer = rawExchange(m_server->port(), request, 60000);
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = answer.left(headEnd).toLower();
    QVERIFY(head.startsWith("http/1.1 200"));
    QVERIFY(head.contains("content-type: text/event-stream"));
    QVERIFY(head.contains("cache-control: no-cache"));
    QVERIFY(head.contains("x-accel-buffering: no"));
    QVERIFY(head.contains("transfer-encoding: chunked"));
    // Each chunk is exactly one frame: `data: <compact JSON>\n\n`; the stream ends with 0\r\n\r\n.
    QByteArray rest = answer.mid(headEnd + 4);
    int frames = 0;
    QString lastType;
    while (true) {
        const qsizetype lineEnd = rest.indexOf("\r\n");
        QVERIFY(lineEnd > 0);
        bool ok = false;
        const qsizetype size = rest.left(lineEnd).toLongLong(&ok, 16);
        QVERIFY(ok);
        if (size == 0) {
            QCOMPARE(rest.mid(lineEnd), QByteArray("\r\n\r\n"));
            break;
        }
        const QByteArray frame = rest.mid(lineEnd + 2, size);
        QCOMPARE(rest.mid(lineEnd + 2 + size, 2), QByteArray("\r\n"));
        rest.remove(0, lineEnd + 2 + size + 2);
        QVERIFY2(frame.startsWith("data: ") && frame.endsWith("\n\n"), frame.constData());
        const QByteArray json = frame.mid(6, frame.size() - 8);
        QVERIFY(!json.contains('\n'));
        const Json parsed = Json::parse(json.toStdString(), nullptr, false);
        QVERIFY(parsed.is_object());
        QCOMPARE(protocol::toBytes(parsed), json); // compact
        lastType = str(parsed, "type");
        if (frames == 0)
            QCOMPARE(lastType, QStringLiteral("start"));
        ++frames;
    }
    QCOMPARE(lastType, QStringLiteral("complete"));
    QVERIFY(frames >= 6);
}

void TestChatApi::clientLeavesMidStream()
{
    const QString session = QStringLiteral("leaver-%1").arg(QDateTime::currentMSecsSinceEpoch());
    const QByteArray body = protocol::toBytes(
        Json{{"message", "Analise os padrões e tendências de todos os contratos"}, {"session_id", session}});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_alice.toUtf8()
                 + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                 + body);
    QByteArray received;
    while (!received.contains("\"type\":\"start\"") && socket.waitForReadyRead(30000))
        received += socket.readAll();
    QVERIFY2(received.contains("\"type\":\"start\""), received.constData());
    socket.abort(); // gone mid-stream

    // The server keeps serving, and the reply is saved to the session when the turn ends.
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/health"))).status, 200);
    Json history;
    QTRY_VERIFY_WITH_TIMEOUT((history = m_http.get(m_server->url(kChat + QStringLiteral("/history/") + session), bearer(m_alice)).json(),
                              history.is_object() && history["total_messages"].get<int>() == 2),
                             120000);
    QCOMPARE(str(history["messages"][1], "role"), QStringLiteral("assistant"));
    QVERIFY(!str(history["messages"][1], "content").isEmpty());
    QCOMPARE(chat(Json{{"message", "oi"}}, m_alice).status, 200);
}

void TestChatApi::twoUsersAreIsolated()
{
    const HttpResult mine = chat(Json{{"message", "olá"}}, m_alice);
    const QString session = str(mine.json(), "session_id");
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions/") + session), bearer(m_bob)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/history/") + session), bearer(m_bob)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/history/%1/paginated").arg(session)), bearer(m_bob)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChat + QStringLiteral("/sessions/") + session), {}, bearer(m_bob)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChat + QStringLiteral("/history/") + session), {}, bearer(m_bob)).status, 404);
    const HttpResult intrude = chat(Json{{"message", "olá"}, {"session_id", session}}, m_bob);
    QCOMPARE(intrude.status, 404);
    QCOMPARE(intrude.errorCode(), QStringLiteral("NotFound"));
    int status = 0;
    postEventStream(m_server->url(kChat + QStringLiteral("/stream")), m_bob, Json{{"message", "olá"}, {"session_id", session}},
                    30000, &status);
    QCOMPARE(status, 404);
    const Json bobs = m_http.get(m_server->url(kChat + QStringLiteral("/sessions?limit=100")), bearer(m_bob)).json();
    for (const Json& s : bobs["sessions"])
        QVERIFY(str(s, "id") != session);
    // Alice's session is untouched.
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/history/") + session), bearer(m_alice)).json()["total_messages"].get<int>(), 2);
}

void TestChatApi::sessionsListGetDelete()
{
    QString carol;
    {
        HttpClient http;
        carol = registerAndLogin(http, *m_server, QStringLiteral("carol@example.org"));
    }
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(str(chat(Json{{"message", QStringLiteral("oi %1").arg(i)}}, carol).json(), "session_id"));
    const Json page = m_http.get(m_server->url(kChat + QStringLiteral("/sessions?limit=2&offset=0")), bearer(carol)).json();
    QCOMPARE(page["count"].get<int>(), 3);
    QCOMPARE(page["limit"].get<int>(), 2);
    QCOMPARE(page["offset"].get<int>(), 0);
    QCOMPARE(int(page["sessions"].size()), 2);
    QCOMPARE(str(page["sessions"][0], "id"), ids[2]); // most recent first
    QCOMPARE(str(page["sessions"][0], "user_id").isEmpty(), false);
    const Json rest = m_http.get(m_server->url(kChat + QStringLiteral("/sessions?limit=2&offset=2")), bearer(carol)).json();
    QCOMPARE(int(rest["sessions"].size()), 1);
    QCOMPARE(str(rest["sessions"][0], "id"), ids[0]);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions?limit=0")), bearer(carol)).status, 422);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions?limit=101")), bearer(carol)).status, 422);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions?offset=-1")), bearer(carol)).status, 422);

    QCOMPARE(m_http.request("DELETE", m_server->url(kChat + QStringLiteral("/sessions/") + ids[1]), {}, bearer(carol)).status, 204);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions/") + ids[1]), bearer(carol)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/history/") + ids[1]), bearer(carol)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChat + QStringLiteral("/sessions/") + ids[1]), {}, bearer(carol)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions")), bearer(carol)).json()["count"].get<int>(), 2);
}

void TestChatApi::historyAndClear()
{
    const QString session = str(chat(Json{{"message", "oi"}}, m_alice).json(), "session_id");
    chat(Json{{"message", "o que você pode fazer?"}, {"session_id", session}}, m_alice);
    const Json last = m_http.get(m_server->url(kChat + QStringLiteral("/history/%1?limit=3").arg(session)), bearer(m_alice)).json();
    QCOMPARE(last["total_messages"].get<int>(), 4);
    QCOMPARE(int(last["messages"].size()), 3);
    QCOMPARE(str(last["messages"][0], "role"), QStringLiteral("assistant")); // the last three, oldest first
    QCOMPARE(str(last["messages"][1], "content"), QStringLiteral("o que você pode fazer?"));
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/history/%1?limit=0").arg(session)), bearer(m_alice)).status, 422);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChat + QStringLiteral("/history/") + session), {}, bearer(m_alice)).status, 204);
    const Json cleared = m_http.get(m_server->url(kChat + QStringLiteral("/history/") + session), bearer(m_alice)).json();
    QCOMPARE(cleared["total_messages"].get<int>(), 0);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions/") + session), bearer(m_alice)).json()["message_count"].get<int>(), 0);
}

void TestChatApi::paginatedHistoryWalksEveryMessage()
{
    const QString session = str(chat(Json{{"message", "oi 0"}}, m_alice).json(), "session_id");
    for (int i = 1; i < 5; ++i)
        QCOMPARE(chat(Json{{"message", QStringLiteral("oi %1").arg(i)}, {"session_id", session}}, m_alice).status, 200);
    const Json all = m_http.get(m_server->url(kChat + QStringLiteral("/history/%1?limit=100").arg(session)), bearer(m_alice)).json();
    QCOMPARE(all["total_messages"].get<int>(), 10);
    QStringList expected; // newest first
    for (const Json& m : all["messages"])
        expected.prepend(str(m, "id"));

    QStringList walked;
    QString cursor;
    QList<QString> prevCursors;
    for (int pageNo = 0; pageNo < 10; ++pageNo) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("3"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        QUrl url = m_server->url(kChat + QStringLiteral("/history/%1/paginated").arg(session));
        url.setQuery(query);
        const HttpResult page = m_http.get(url, bearer(m_alice));
        QCOMPARE(page.status, 200);
        const Json body = page.json();
        QCOMPARE(body["total_items"].get<int>(), 10);
        for (const Json& item : body["items"])
            walked.append(str(item, "id"));
        if (body.contains("prev_cursor"))
            prevCursors.append(str(body, "prev_cursor"));
        if (!body.value("has_more", false)) {
            QVERIFY(!body.contains("next_cursor"));
            break;
        }
        cursor = str(body, "next_cursor");
        QVERIFY(!cursor.isEmpty());
    }
    QCOMPARE(walked, expected);
    // Going back from the second page gives the first page again.
    QVERIFY(!prevCursors.isEmpty());
    QUrl back = m_server->url(kChat + QStringLiteral("/history/%1/paginated").arg(session));
    back.setQuery(QStringLiteral("limit=3&cursor=") + prevCursors.first());
    const Json first = m_http.get(back, bearer(m_alice)).json();
    QCOMPARE(int(first["items"].size()), 3);
    QCOMPARE(str(first["items"][0], "id"), expected[0]);
    QCOMPARE(str(first["items"][2], "id"), expected[2]);

    QUrl bad = m_server->url(kChat + QStringLiteral("/history/%1/paginated").arg(session));
    bad.setQuery(QStringLiteral("cursor=not-a-cursor!!"));
    const HttpResult badCursor = m_http.get(bad, bearer(m_alice));
    QCOMPARE(badCursor.status, 422);
    QCOMPARE(str(badCursor.json()["error"]["details"], "field"), QStringLiteral("cursor"));
    bad.setQuery(QStringLiteral("limit=0"));
    QCOMPARE(m_http.get(bad, bearer(m_alice)).status, 422);
    bad.setQuery(QStringLiteral("limit=101"));
    QCOMPARE(m_http.get(bad, bearer(m_alice)).status, 422);
}

void TestChatApi::validationErrors()
{
    const QUrl url = m_server->url(kChat + QStringLiteral("/message"));
    const HttpResult empty = chat(Json{{"message", ""}}, m_alice);
    QCOMPARE(empty.status, 422);
    QCOMPARE(str(empty.json()["error"]["details"], "field"), QStringLiteral("message"));
    QCOMPARE(chat(Json{{"message", std::string(1001, 'a')}}, m_alice).status, 422);
    QCOMPARE(chat(Json{{"message", std::string(1000, 'a')}}, m_alice).status, 200);
    QCOMPARE(chat(Json{{"message", "oi"}, {"agent_id", "nobody"}}, m_alice).status, 422);
    QCOMPARE(chat(Json{{"message", "oi"}, {"context", "not an object"}}, m_alice).status, 422);
    QCOMPARE(chat(Json{{"text", "oi"}}, m_alice).status, 422);
    QCOMPARE(m_http.post(url, "{not json", bearer(m_alice)).status, 422);
    QCOMPARE(chat(Json{{"message", "oi"}}, QString()).status, 401);
    QCOMPARE(chat(Json{{"message", "oi"}}, QStringLiteral("not-a-token")).status, 401);
    QCOMPARE(m_http.get(url, bearer(m_alice)).status, 405);
    int status = 0;
    postEventStream(m_server->url(kChat + QStringLiteral("/stream")), m_alice, Json{{"message", ""}}, 30000, &status);
    QCOMPARE(status, 422);
    postEventStream(m_server->url(kChat + QStringLiteral("/stream")), QString(), Json{{"message", "oi"}}, 30000, &status);
    QCOMPARE(status, 401);
    QCOMPARE(m_http.get(m_server->url(kChat + QStringLiteral("/sessions/") + QString(200, u'x')), bearer(m_alice)).status, 404);
}

void TestChatApi::anonymousServer()
{
    ServerProcess open({QStringLiteral("--allow-anonymous")});
    QVERIFY2(open.start(), qPrintable(open.errorString()));
    HttpClient http;
    const HttpResult answer = http.postJson(open.url(kChat + QStringLiteral("/message")), Json{{"message", "olá"}});
    QCOMPARE(answer.status, 200);
    const QString session = str(answer.json(), "session_id");
    QCOMPARE(http.get(open.url(kChat + QStringLiteral("/history/") + session)).status, 200);
    // With no data imported, the agents say so instead of inventing numbers.
    QVERIFY(str(answer.json(), "message").contains(QStringLiteral("Ainda não há dados importados")));

    // A second anonymous client (another connection, same shared identity) starts its own session.
    HttpClient other;
    const HttpResult second = other.postJson(open.url(kChat + QStringLiteral("/message")), Json{{"message", "oi"}});
    QCOMPARE(second.status, 200);
    const QString otherSession = str(second.json(), "session_id");
    QVERIFY(otherSession != session);
    // Neither can list the other's sessions: the anonymous list is always empty.
    for (HttpClient* client : {&http, &other}) {
        const Json list = client->get(open.url(kChat + QStringLiteral("/sessions"))).json();
        QCOMPARE(list["count"].get<int>(), 0);
        QVERIFY(list["sessions"].empty());
        QVERIFY(!QString::fromUtf8(protocol::toBytes(list)).contains(session));
        QVERIFY(!QString::fromUtf8(protocol::toBytes(list)).contains(otherSession));
    }
    // Each reads its own session by its id; an id the server did not mint neither opens nor creates one.
    QCOMPARE(other.get(open.url(kChat + QStringLiteral("/history/") + otherSession)).status, 200);
    QCOMPARE(other.get(open.url(kChat + QStringLiteral("/sessions/") + otherSession)).status, 200);
    QCOMPARE(other.postJson(open.url(kChat + QStringLiteral("/message")), Json{{"message", "oi"}, {"session_id", "1"}}).status,
             404);
    QCOMPARE(other.get(open.url(kChat + QStringLiteral("/history/1"))).status, 404);
    // The first client's history holds only its own turn: nothing of the second client's leaked in.
    const Json history = http.get(open.url(kChat + QStringLiteral("/history/") + session)).json();
    QVERIFY(!QString::fromUtf8(protocol::toBytes(history)).contains(QStringLiteral("\"oi\"")));
    QVERIFY(QString::fromUtf8(protocol::toBytes(history)).contains(QStringLiteral("olá")));

    // Records imported while the server runs (by the CLI, another process) show in the next answer:
    // the agents' cached aggregates notice the change instead of repeating "no data".
    QTemporaryDir scratch;
    const Json dataset = generateDataset(3, 500, scratch.filePath(QStringLiteral("generated")));
    QVERIFY(dataset.is_object());
    QVERIFY(importWithCli(open.dataDir(), dataset, {QStringLiteral("contracts")}));
    const HttpResult after = http.postJson(open.url(kChat + QStringLiteral("/message")), Json{{"message", "olá"}});
    QCOMPARE(after.status, 200);
    QVERIFY2(!str(after.json(), "message").contains(QStringLiteral("Ainda não há dados importados")),
             qPrintable(str(after.json(), "message")));
    QVERIFY(str(after.json(), "message").contains(QStringLiteral("registros importados")));
    QCOMPARE(open.stop(), 0);
}

namespace {

// A stand-in for an external OpenAI-compatible server (llama.cpp, Ollama...): answers every
// POST .../chat/completions with `prefix` + the user's text, or with `replacement` when set.
class FakeCompletions : public QObject
{
public:
    QString prefix = QStringLiteral("Resumo: ");
    QString replacement;
    int requests = 0;
    QByteArray lastAuthorization;

    FakeCompletions()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                    if (headEnd < 0)
                        return;
                    const QByteArray head = buffer->left(headEnd);
                    const QRegularExpression length(QStringLiteral("content-length:\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
                    const auto m = length.match(QString::fromLatin1(head));
                    const qsizetype needed = m.hasMatch() ? m.captured(1).toLongLong() : 0;
                    if (buffer->size() < headEnd + 4 + needed)
                        return;
                    ++requests;
                    for (const QByteArray& line : head.split('\n'))
                        if (line.toLower().startsWith("authorization:"))
                            lastAuthorization = line.mid(14).trimmed();
                    const Json request = Json::parse(buffer->mid(headEnd + 4, needed).toStdString(), nullptr, false);
                    QString user;
                    if (request.is_object() && request.contains("messages"))
                        for (const Json& message : request["messages"])
                            if (message.value("role", std::string()) == "user")
                                user = QString::fromStdString(message.value("content", std::string()));
                    const QString content = replacement.isEmpty() ? QString(prefix + user) : replacement;
                    const QByteArray body = protocol::toBytes(
                        Json{{"choices", Json::array({Json{{"index", 0}, {"message", Json{{"role", "assistant"}, {"content", content}}}}})}});
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

} // namespace

void TestChatApi::optionalPhrasingThroughChatCompletions()
{
    FakeCompletions llm;
    QVERIFY(llm.port() != 0);
    QTemporaryDir keyDir;
    QFile key(keyDir.filePath(QStringLiteral("key")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("sk-test-123\n");
    key.close();
    ServerProcess phrased({QStringLiteral("--allow-anonymous"), QStringLiteral("--llm-url"),
                           QStringLiteral("http://127.0.0.1:%1").arg(llm.port()), QStringLiteral("--llm-model"),
                           QStringLiteral("tiny"), QStringLiteral("--llm-key-file"), key.fileName()});
    QVERIFY2(phrased.start(), qPrintable(phrased.errorString()));
    // The server's worker asks the endpoint while this test's event loop serves it: poll, don't block.
    HttpClient http;
    const Json question{{"message", "Explique a anomalia de pagamento acima do teto"}};
    const HttpResult reworded = http.postJson(phrased.url(kChat + QStringLiteral("/message")), question);
    QCOMPARE(reworded.status, 200);
    QVERIFY(llm.requests >= 1);
    QCOMPARE(llm.lastAuthorization, QByteArray("Bearer sk-test-123"));
    const QString text = str(reworded.json(), "message");
    QVERIFY2(text.startsWith(QStringLiteral("Resumo: ")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("R$ "))); // the numbers made it through

    // A rewording that loses the numbers is refused: the composed answer is kept.
    llm.replacement = QStringLiteral("O teto é um limite salarial.");
    const HttpResult kept = http.postJson(phrased.url(kChat + QStringLiteral("/message")), question);
    QCOMPARE(kept.status, 200);
    const QString original = str(kept.json(), "message");
    QVERIFY2(!original.startsWith(QStringLiteral("Resumo")) && original.contains(QStringLiteral("R$ ")), qPrintable(original));
    QCOMPARE(phrased.stop(), 0);
}

QTEST_GUILESS_MAIN(TestChatApi)
#include "tst_chat_api.moc"
