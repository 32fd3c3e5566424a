// SPDX-License-Identifier: GPL-3.0-or-later
// Chat over real HTTP (spec/API.md §4) against a real cidadao-server on generated Portal data: every
// route, contract events, numbers that come from the database, two users kept apart, pagination,
// validation, anonymous mode. The SSE stream is tst_chat_stream, phrasing through an external
// completions server tst_chat_completions.
#include "chattestsupport.h"

#include "engine/documents.h"
#include "engine/explanations.h"
#include "store/database.h"

#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace cidadao::testing;
using cidadao::protocol::Json;
namespace protocol = cidadao::protocol;
using cidadao::engine::Language;


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
    void twoUsersAreIsolated();
    void sessionsListGetDelete();
    void historyAndClear();
    void paginatedHistoryWalksEveryMessage();
    void validationErrors();
    void anonymousServer();

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
    m_server = startServerWithData(m_scratch, 7, 4000, kUnthrottled, &error);
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
    return m_http.postJson(m_server->url(kChatRoute + QStringLiteral("/message")), body, bearer(token));
}

void TestChatApi::agentsAndSuggestions()
{
    const HttpResult agents = m_http.get(m_server->url(kChatRoute + QStringLiteral("/agents")));
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

    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/suggestions"))).status, 401);
    const HttpResult suggestions = m_http.get(m_server->url(kChatRoute + QStringLiteral("/suggestions?lang=en")), bearer(m_alice));
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
        const HttpResult answer = m_http.get(m_server->url(kChatRoute + QStringLiteral("/suggestions")), headers);
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

    const HttpResult history = m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + session), bearer(m_alice));
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
    const HttpResult one = m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions/") + session), bearer(m_alice));
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
    const HttpResult s = m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions/") + session), bearer(m_alice));
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




void TestChatApi::twoUsersAreIsolated()
{
    const HttpResult mine = chat(Json{{"message", "olá"}}, m_alice);
    const QString session = str(mine.json(), "session_id");
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions/") + session), bearer(m_bob)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + session), bearer(m_bob)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/%1/paginated").arg(session)), bearer(m_bob)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChatRoute + QStringLiteral("/sessions/") + session), {}, bearer(m_bob)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChatRoute + QStringLiteral("/history/") + session), {}, bearer(m_bob)).status, 404);
    const HttpResult intrude = chat(Json{{"message", "olá"}, {"session_id", session}}, m_bob);
    QCOMPARE(intrude.status, 404);
    QCOMPARE(intrude.errorCode(), QStringLiteral("NotFound"));
    int status = 0;
    postEventStream(m_server->url(kChatRoute + QStringLiteral("/stream")), m_bob, Json{{"message", "olá"}, {"session_id", session}},
                    30000, &status);
    QCOMPARE(status, 404);
    const Json bobs = m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions?limit=100")), bearer(m_bob)).json();
    for (const Json& s : bobs["sessions"])
        QVERIFY(str(s, "id") != session);
    // Alice's session is untouched.
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + session), bearer(m_alice)).json()["total_messages"].get<int>(), 2);
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
    const Json page = m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions?limit=2&offset=0")), bearer(carol)).json();
    QCOMPARE(page["count"].get<int>(), 3);
    QCOMPARE(page["limit"].get<int>(), 2);
    QCOMPARE(page["offset"].get<int>(), 0);
    QCOMPARE(int(page["sessions"].size()), 2);
    QCOMPARE(str(page["sessions"][0], "id"), ids[2]); // most recent first
    QCOMPARE(str(page["sessions"][0], "user_id").isEmpty(), false);
    const Json rest = m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions?limit=2&offset=2")), bearer(carol)).json();
    QCOMPARE(int(rest["sessions"].size()), 1);
    QCOMPARE(str(rest["sessions"][0], "id"), ids[0]);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions?limit=0")), bearer(carol)).status, 422);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions?limit=101")), bearer(carol)).status, 422);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions?offset=-1")), bearer(carol)).status, 422);

    QCOMPARE(m_http.request("DELETE", m_server->url(kChatRoute + QStringLiteral("/sessions/") + ids[1]), {}, bearer(carol)).status, 204);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions/") + ids[1]), bearer(carol)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + ids[1]), bearer(carol)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChatRoute + QStringLiteral("/sessions/") + ids[1]), {}, bearer(carol)).status, 404);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions")), bearer(carol)).json()["count"].get<int>(), 2);
}

void TestChatApi::historyAndClear()
{
    const QString session = str(chat(Json{{"message", "oi"}}, m_alice).json(), "session_id");
    chat(Json{{"message", "o que você pode fazer?"}, {"session_id", session}}, m_alice);
    const Json last = m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/%1?limit=3").arg(session)), bearer(m_alice)).json();
    QCOMPARE(last["total_messages"].get<int>(), 4);
    QCOMPARE(int(last["messages"].size()), 3);
    QCOMPARE(str(last["messages"][0], "role"), QStringLiteral("assistant")); // the last three, oldest first
    QCOMPARE(str(last["messages"][1], "content"), QStringLiteral("o que você pode fazer?"));
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/%1?limit=0").arg(session)), bearer(m_alice)).status, 422);
    QCOMPARE(m_http.request("DELETE", m_server->url(kChatRoute + QStringLiteral("/history/") + session), {}, bearer(m_alice)).status, 204);
    const Json cleared = m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + session), bearer(m_alice)).json();
    QCOMPARE(cleared["total_messages"].get<int>(), 0);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions/") + session), bearer(m_alice)).json()["message_count"].get<int>(), 0);
}

void TestChatApi::paginatedHistoryWalksEveryMessage()
{
    const QString session = str(chat(Json{{"message", "oi 0"}}, m_alice).json(), "session_id");
    for (int i = 1; i < 5; ++i)
        QCOMPARE(chat(Json{{"message", QStringLiteral("oi %1").arg(i)}, {"session_id", session}}, m_alice).status, 200);
    const Json all = m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/%1?limit=100").arg(session)), bearer(m_alice)).json();
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
        QUrl url = m_server->url(kChatRoute + QStringLiteral("/history/%1/paginated").arg(session));
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
    QUrl back = m_server->url(kChatRoute + QStringLiteral("/history/%1/paginated").arg(session));
    back.setQuery(QStringLiteral("limit=3&cursor=") + prevCursors.first());
    const Json first = m_http.get(back, bearer(m_alice)).json();
    QCOMPARE(int(first["items"].size()), 3);
    QCOMPARE(str(first["items"][0], "id"), expected[0]);
    QCOMPARE(str(first["items"][2], "id"), expected[2]);

    QUrl bad = m_server->url(kChatRoute + QStringLiteral("/history/%1/paginated").arg(session));
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
    const QUrl url = m_server->url(kChatRoute + QStringLiteral("/message"));
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
    postEventStream(m_server->url(kChatRoute + QStringLiteral("/stream")), m_alice, Json{{"message", ""}}, 30000, &status);
    QCOMPARE(status, 422);
    postEventStream(m_server->url(kChatRoute + QStringLiteral("/stream")), QString(), Json{{"message", "oi"}}, 30000, &status);
    QCOMPARE(status, 401);
    QCOMPARE(m_http.get(m_server->url(kChatRoute + QStringLiteral("/sessions/") + QString(200, u'x')), bearer(m_alice)).status, 404);
}

void TestChatApi::anonymousServer()
{
    ServerProcess open({QStringLiteral("--allow-anonymous")});
    QVERIFY2(open.start(), qPrintable(open.errorString()));
    HttpClient http;
    const HttpResult answer = http.postJson(open.url(kChatRoute + QStringLiteral("/message")), Json{{"message", "olá"}});
    QCOMPARE(answer.status, 200);
    const QString session = str(answer.json(), "session_id");
    QCOMPARE(http.get(open.url(kChatRoute + QStringLiteral("/history/") + session)).status, 200);
    // With no data imported, the agents say so instead of inventing numbers.
    QVERIFY(str(answer.json(), "message").contains(QStringLiteral("Ainda não há dados importados")));

    // A second anonymous client (another connection, same shared identity) starts its own session.
    HttpClient other;
    const HttpResult second = other.postJson(open.url(kChatRoute + QStringLiteral("/message")), Json{{"message", "oi"}});
    QCOMPARE(second.status, 200);
    const QString otherSession = str(second.json(), "session_id");
    QVERIFY(otherSession != session);
    // Neither can list the other's sessions: the anonymous list is always empty.
    for (HttpClient* client : {&http, &other}) {
        const Json list = client->get(open.url(kChatRoute + QStringLiteral("/sessions"))).json();
        QCOMPARE(list["count"].get<int>(), 0);
        QVERIFY(list["sessions"].empty());
        QVERIFY(!QString::fromUtf8(protocol::toBytes(list)).contains(session));
        QVERIFY(!QString::fromUtf8(protocol::toBytes(list)).contains(otherSession));
    }
    // Each reads its own session by its id; an id the server did not mint neither opens nor creates one.
    QCOMPARE(other.get(open.url(kChatRoute + QStringLiteral("/history/") + otherSession)).status, 200);
    QCOMPARE(other.get(open.url(kChatRoute + QStringLiteral("/sessions/") + otherSession)).status, 200);
    QCOMPARE(other.postJson(open.url(kChatRoute + QStringLiteral("/message")), Json{{"message", "oi"}, {"session_id", "1"}}).status,
             404);
    QCOMPARE(other.get(open.url(kChatRoute + QStringLiteral("/history/1"))).status, 404);
    // The first client's history holds only its own turn: nothing of the second client's leaked in.
    const Json history = http.get(open.url(kChatRoute + QStringLiteral("/history/") + session)).json();
    QVERIFY(!QString::fromUtf8(protocol::toBytes(history)).contains(QStringLiteral("\"oi\"")));
    QVERIFY(QString::fromUtf8(protocol::toBytes(history)).contains(QStringLiteral("olá")));

    // Records imported while the server runs (by the CLI, another process) show in the next answer:
    // the agents' cached aggregates notice the change instead of repeating "no data".
    QTemporaryDir scratch;
    const Json dataset = generateDataset(3, 500, scratch.filePath(QStringLiteral("generated")));
    QVERIFY(dataset.is_object());
    QVERIFY(importWithCli(open.dataDir(), dataset, {QStringLiteral("contracts")}));
    const HttpResult after = http.postJson(open.url(kChatRoute + QStringLiteral("/message")), Json{{"message", "olá"}});
    QCOMPARE(after.status, 200);
    QVERIFY2(!str(after.json(), "message").contains(QStringLiteral("Ainda não há dados importados")),
             qPrintable(str(after.json(), "message")));
    QVERIFY(str(after.json(), "message").contains(QStringLiteral("registros importados")));
    QCOMPARE(open.stop(), 0);
}



QTEST_GUILESS_MAIN(TestChatApi)
#include "tst_chat_api.moc"
