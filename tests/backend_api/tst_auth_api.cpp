// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts and abuse protection (spec/API.md §2-§3) over real HTTP and WebSocket against a real
// cidadao-server: the happy path, every refusal, token attacks, rotation, revocation, lockout,
// rate limits, the embedded bootstrap token, --create-admin, and logs free of secrets.
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QFile>
#include <QProcess>
#include <QTest>
#include <QWebSocket>

using namespace cidadao::testing;
using cidadao::protocol::Json;

namespace {

const QString kPassword = QStringLiteral("correct-horse-9");

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Headers bearer(const QString& token)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()}};
}

} // namespace

class TestAuthApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void registerLoginMe();
    void duplicateEmailIs409();
    void weakPasswordIs422NamingField();
    void badEmailIs422NamingField();
    void selfRegisteredAdminIsRefused();
    void wrongPasswordAndUnknownEmailAnswerAlike();
    void refreshRotates();
    void refreshTokenAsAccessIs401();
    void accessTokenAsRefreshIs401();
    void logoutRevokesBothTokens();
    void missingTokenIs401WithChallenge();
    void tamperedPayloadIs401();
    void algNoneIs401();
    void garbageTokensAre401_data();
    void garbageTokensAre401();
    void expiredTokenIs401();
    void adminRouteIs403ForAnalyst();
    void createAdminThenListUsers();
    void lockoutAfterRepeatedFailures();
    void rateLimitHeadersDecreaseThen429();
    void bootstrapTokenWorksExactlyOnce();
    void anonymousAccessOnlyWhenAllowed();
    void webSocketWithoutTokenClosed1008();
    void webSocketWithTokenPingsAndSubscribes();
    void logsCarryNoSecrets();

private:
    Json registerUser(ServerProcess& server, const QString& email, int expectedStatus = 201);
    Json login(ServerProcess& server, const QString& email, const QString& password = kPassword);

    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QStringList m_secretsSeen; // every password and token this test used, for the log check
};

void TestAuthApi::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(QStringList{QStringLiteral("--login-rate-limit"), QStringLiteral("1000")});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestAuthApi::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
}

Json TestAuthApi::registerUser(ServerProcess& server, const QString& email, int expectedStatus)
{
    const HttpResult result = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                                              Json{{"email", email}, {"password", kPassword}, {"name", "Ana Souza"}});
    if (result.status != expectedStatus)
        qWarning() << "register" << email << result.status << result.body;
    return result.status == expectedStatus ? result.json() : Json();
}

Json TestAuthApi::login(ServerProcess& server, const QString& email, const QString& password)
{
    const HttpResult result = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                              Json{{"email", email}, {"password", password}});
    if (result.status != 200)
        return Json();
    const Json body = result.json();
    m_secretsSeen << body["access_token"].get<QString>() << body["refresh_token"].get<QString>();
    return body;
}

void TestAuthApi::registerLoginMe()
{
    const Json user = registerUser(*m_server, QStringLiteral("ana@example.org"));
    QVERIFY(!user.is_null());
    QVERIFY(!QUuid::fromString(user["id"].get<QString>()).isNull());
    QCOMPARE(user["email"].get<QString>(), QStringLiteral("ana@example.org"));
    QCOMPARE(user["role"].get<QString>(), QStringLiteral("analyst"));
    QCOMPARE(user["is_active"].get<bool>(), true);
    QVERIFY(QDateTime::fromString(user["created_at"].get<QString>(), Qt::ISODate).isValid());

    const Json tokens = login(*m_server, QStringLiteral("ana@example.org"));
    QVERIFY(tokens.is_object());
    QCOMPARE(tokens["token_type"].get<QString>(), QStringLiteral("bearer"));
    QCOMPARE(tokens["expires_in"].get<int>(), 1800);
    QCOMPARE(tokens["user"]["id"], user["id"]);

    // The access token carries the claims of the spec.
    const QList<QByteArray> parts = tokens["access_token"].get<QString>().toLatin1().split('.');
    QCOMPARE(parts.size(), 3);
    const Json header = Json::parse(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding).toStdString());
    QCOMPARE(header["alg"].get<QString>(), QStringLiteral("HS256"));
    const Json claims = Json::parse(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding).toStdString());
    for (const char* key : {"sub", "email", "name", "role", "exp", "iat", "type", "jti"})
        QVERIFY2(claims.contains(key), key);
    QCOMPARE(claims["type"].get<QString>(), QStringLiteral("access"));
    QCOMPARE(claims["exp"].get<qint64>() - claims["iat"].get<qint64>(), 1800);

    const HttpResult me = m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")),
                                     bearer(tokens["access_token"].get<QString>()));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json()["email"].get<QString>(), QStringLiteral("ana@example.org"));
    QVERIFY(me.json()["last_login"].is_string());
}

void TestAuthApi::duplicateEmailIs409()
{
    registerUser(*m_server, QStringLiteral("dup@example.org"));
    const HttpResult again = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                             Json{{"email", "DUP@Example.org"}, {"password", kPassword}, {"name", "X"}});
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("Conflict"));
}

void TestAuthApi::weakPasswordIs422NamingField()
{
    const HttpResult result = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                              Json{{"email", "weak@example.org"}, {"password", "1234567"}, {"name", "W"}});
    QCOMPARE(result.status, 422);
    QCOMPARE(result.json()["error"]["details"]["field"].get<QString>(), QStringLiteral("password"));
    // Eight characters is enough.
    const HttpResult eight = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                             Json{{"email", "eight@example.org"}, {"password", "12345678"}, {"name", "E"}});
    QCOMPARE(eight.status, 201);
}

void TestAuthApi::badEmailIs422NamingField()
{
    const HttpResult result = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                              Json{{"email", "not-an-email"}, {"password", kPassword}, {"name", "N"}});
    QCOMPARE(result.status, 422);
    QCOMPARE(result.json()["error"]["details"]["field"].get<QString>(), QStringLiteral("email"));
}

void TestAuthApi::selfRegisteredAdminIsRefused()
{
    const HttpResult result = m_http.postJson(
        m_server->url(QStringLiteral("/api/v1/auth/register")),
        Json{{"email", "sneaky@example.org"}, {"password", kPassword}, {"name", "S"}, {"role", "admin"}});
    QCOMPARE(result.status, 403);
}

void TestAuthApi::wrongPasswordAndUnknownEmailAnswerAlike()
{
    registerUser(*m_server, QStringLiteral("bia@example.org"));
    const HttpResult wrong = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/login")),
                                             Json{{"email", "bia@example.org"}, {"password", "wrong-password"}});
    const HttpResult unknown = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/login")),
                                               Json{{"email", "nobody@example.org"}, {"password", "wrong-password"}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.body, unknown.body);
    m_secretsSeen << QStringLiteral("wrong-password");
}

void TestAuthApi::refreshRotates()
{
    registerUser(*m_server, QStringLiteral("rot@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("rot@example.org"));
    const QString firstRefresh = tokens["refresh_token"].get<QString>();
    const HttpResult refreshed = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/refresh")),
                                                 Json{{"refresh_token", firstRefresh}});
    QCOMPARE(refreshed.status, 200);
    const Json body = refreshed.json();
    QCOMPARE(body["token_type"].get<QString>(), QStringLiteral("bearer"));
    const QString secondRefresh = body["refresh_token"].get<QString>();
    QVERIFY(secondRefresh != firstRefresh);
    m_secretsSeen << secondRefresh << body["access_token"].get<QString>();
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")), bearer(body["access_token"].get<QString>())).status,
             200);
    // The used refresh token is dead.
    const HttpResult reused = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/refresh")),
                                              Json{{"refresh_token", firstRefresh}});
    QCOMPARE(reused.status, 401);
}

void TestAuthApi::refreshTokenAsAccessIs401()
{
    registerUser(*m_server, QStringLiteral("mix@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("mix@example.org"));
    const HttpResult result = m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")),
                                         bearer(tokens["refresh_token"].get<QString>()));
    QCOMPARE(result.status, 401);
    QVERIFY(result.header("WWW-Authenticate").startsWith("Bearer"));
}

void TestAuthApi::accessTokenAsRefreshIs401()
{
    registerUser(*m_server, QStringLiteral("mix2@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("mix2@example.org"));
    const HttpResult result = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/refresh")),
                                              Json{{"refresh_token", tokens["access_token"]}});
    QCOMPARE(result.status, 401);
}

void TestAuthApi::logoutRevokesBothTokens()
{
    registerUser(*m_server, QStringLiteral("out@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("out@example.org"));
    const QString access = tokens["access_token"].get<QString>();
    const HttpResult logout = m_http.request("POST", m_server->url(QStringLiteral("/api/v1/auth/logout")),
                                             cidadao::protocol::toBytes(Json{{"refresh_token", tokens["refresh_token"]}}),
                                             bearer(access));
    QCOMPARE(logout.status, 204);
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")), bearer(access)).status, 401);
    QCOMPARE(m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/refresh")),
                             Json{{"refresh_token", tokens["refresh_token"]}})
                 .status,
             401);
    // Logging in again works.
    QVERIFY(login(*m_server, QStringLiteral("out@example.org")).is_object());
}

void TestAuthApi::missingTokenIs401WithChallenge()
{
    const HttpResult result = m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")));
    QCOMPARE(result.status, 401);
    QCOMPARE(result.header("WWW-Authenticate"), QByteArray("Bearer"));
    QCOMPARE(result.errorCode(), QStringLiteral("Unauthorized"));
}

void TestAuthApi::tamperedPayloadIs401()
{
    registerUser(*m_server, QStringLiteral("tamper@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("tamper@example.org"));
    QList<QByteArray> parts = tokens["access_token"].get<QString>().toLatin1().split('.');
    Json claims = Json::parse(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding).toStdString());
    claims["role"] = "admin";
    parts[1] = base64Url(cidadao::protocol::toBytes(claims));
    const QString forged = QString::fromLatin1(parts.join('.'));
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")), bearer(forged)).status, 401);
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/auth/users")), bearer(forged)).status, 401);
}

void TestAuthApi::algNoneIs401()
{
    registerUser(*m_server, QStringLiteral("none@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("none@example.org"));
    const QList<QByteArray> parts = tokens["access_token"].get<QString>().toLatin1().split('.');
    const QByteArray header = base64Url(R"({"alg":"none","typ":"JWT"})");
    for (const QByteArray& signature : {QByteArray(), parts[2]}) {
        const QString forged = QString::fromLatin1(header + '.' + parts[1] + '.' + signature);
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")), bearer(forged)).status, 401);
    }
}

void TestAuthApi::garbageTokensAre401_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("not a jwt") << QStringLiteral("hello");
    QTest::newRow("empty segments") << QStringLiteral("..");
    QTest::newRow("bad base64") << QStringLiteral("@@@.###.$$$");
    QTest::newRow("huge") << QString(20000, QLatin1Char('a'));
}

void TestAuthApi::garbageTokensAre401()
{
    QFETCH(QString, token);
    const HttpResult result = m_http.get(m_server->url(QStringLiteral("/api/v1/auth/me")), bearer(token));
    QCOMPARE(result.status, 401);
    QCOMPARE(result.errorCode(), QStringLiteral("Unauthorized"));
}

void TestAuthApi::expiredTokenIs401()
{
    ServerProcess server({QStringLiteral("--access-ttl"), QStringLiteral("1")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    registerUser(server, QStringLiteral("short@example.org"));
    const Json tokens = login(server, QStringLiteral("short@example.org"));
    QCOMPARE(tokens["expires_in"].get<int>(), 1);
    const QString access = tokens["access_token"].get<QString>();
    // Expiry is whole seconds: after 2.2 s the token is past exp whatever the rounding.
    QTest::qWait(2200);
    const HttpResult result = m_http.get(server.url(QStringLiteral("/api/v1/auth/me")), bearer(access));
    QCOMPARE(result.status, 401);
    QVERIFY(result.header("WWW-Authenticate").contains("invalid_token"));
    // The refresh token still gets a fresh access token.
    const HttpResult refreshed = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/refresh")),
                                                 Json{{"refresh_token", tokens["refresh_token"]}});
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(server.stop(), 0);
}

void TestAuthApi::adminRouteIs403ForAnalyst()
{
    registerUser(*m_server, QStringLiteral("plain@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("plain@example.org"));
    const HttpResult result = m_http.get(m_server->url(QStringLiteral("/api/v1/auth/users")),
                                         bearer(tokens["access_token"].get<QString>()));
    QCOMPARE(result.status, 403);
    QCOMPARE(result.errorCode(), QStringLiteral("Forbidden"));
}

void TestAuthApi::createAdminThenListUsers()
{
    QTemporaryDir dir;
    // Password from standard input.
    QProcess create;
    create.start(QStringLiteral(CIDADAO_SERVER_BINARY),
                 {QStringLiteral("--create-admin"), QStringLiteral("boss@example.org"), QStringLiteral("--data-dir"), dir.path()});
    create.write("chefe-secreto-1\n");
    create.closeWriteChannel();
    QVERIFY(create.waitForFinished(30000));
    QCOMPARE(create.exitCode(), 0);
    const Json created = Json::parse(create.readAllStandardOutput().trimmed().toStdString());
    QCOMPARE(created["event"].get<QString>(), QStringLiteral("admin_created"));
    QVERIFY(!created.contains("generated_password"));
    // Generated password, printed once.
    QProcess generate;
    generate.setStandardInputFile(QProcess::nullDevice());
    generate.start(QStringLiteral(CIDADAO_SERVER_BINARY), {QStringLiteral("--create-admin"),
                                                          QStringLiteral("boss2@example.org"), QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(generate.waitForFinished(30000));
    QCOMPARE(generate.exitCode(), 0);
    const QString generated =
        QString::fromStdString(Json::parse(generate.readAllStandardOutput().trimmed().toStdString())["generated_password"]
                                   .get<std::string>());
    QVERIFY(generated.size() >= 16);
    m_secretsSeen << QStringLiteral("chefe-secreto-1") << generated;

    ServerProcess server({}, dir.path());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    for (const auto& [email, password] : {std::pair{QStringLiteral("boss@example.org"), QStringLiteral("chefe-secreto-1")},
                                          std::pair{QStringLiteral("boss2@example.org"), generated}}) {
        const Json tokens = login(server, email, password);
        QVERIFY2(tokens.is_object(), qPrintable(email));
        QCOMPARE(tokens["user"]["role"].get<QString>(), QStringLiteral("admin"));
        const HttpResult users = m_http.get(server.url(QStringLiteral("/api/v1/auth/users")),
                                            bearer(tokens["access_token"].get<QString>()));
        QCOMPARE(users.status, 200);
        QCOMPARE(users.json()["count"].get<int>(), 2);
    }
    QCOMPARE(server.stop(), 0);
}

void TestAuthApi::lockoutAfterRepeatedFailures()
{
    ServerProcess server({QStringLiteral("--login-max-failures"), QStringLiteral("5"), QStringLiteral("--lockout-seconds"),
                          QStringLiteral("900")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    registerUser(server, QStringLiteral("lock@example.org"));
    for (int i = 0; i < 5; ++i) {
        const HttpResult failed = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                                  Json{{"email", "lock@example.org"}, {"password", "bad-password"}});
        QCOMPARE(failed.status, 401);
    }
    // Locked: even the right password, and an unknown email gets exactly the same answer.
    const HttpResult right = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                             Json{{"email", "lock@example.org"}, {"password", kPassword}});
    const HttpResult unknown = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                               Json{{"email", "ghost@example.org"}, {"password", kPassword}});
    QCOMPARE(right.status, 429);
    QCOMPARE(unknown.status, 429);
    const int retryAfter = right.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 800 && retryAfter <= 900, right.header("Retry-After").constData());
    QCOMPARE(right.errorCode(), QStringLiteral("RateLimited"));
    QCOMPARE(right.json()["error"]["message"], unknown.json()["error"]["message"]);
    m_secretsSeen << QStringLiteral("bad-password");
    QCOMPARE(server.stop(), 0);
}

void TestAuthApi::rateLimitHeadersDecreaseThen429()
{
    ServerProcess server({QStringLiteral("--rate-limit"), QStringLiteral("5")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    registerUser(server, QStringLiteral("busy@example.org"));
    const Json tokens = login(server, QStringLiteral("busy@example.org"));
    const Headers auth = bearer(tokens["access_token"].get<QString>());
    int previous = 1000;
    for (int i = 0; i < 5; ++i) {
        const HttpResult result = m_http.get(server.url(QStringLiteral("/api/v1/auth/me")), auth);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("X-RateLimit-Limit"), QByteArray("5"));
        QCOMPARE(result.header("X-RateLimit-Window"), QByteArray("60"));
        QVERIFY(result.header("X-RateLimit-Reset").toLongLong() > QDateTime::currentSecsSinceEpoch() - 1);
        const int remaining = result.header("X-RateLimit-Remaining").toInt();
        QVERIFY(remaining < previous);
        previous = remaining;
    }
    QCOMPARE(previous, 0);
    const HttpResult limited = m_http.get(server.url(QStringLiteral("/api/v1/auth/me")), auth);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("RateLimited"));
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    // Health is not limited.
    QCOMPARE(m_http.get(server.url(QStringLiteral("/health"))).status, 200);
    QCOMPARE(server.stop(), 0);
}

void TestAuthApi::bootstrapTokenWorksExactlyOnce()
{
    ServerProcess server({QStringLiteral("--embedded")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString token = server.readyLine()["bootstrap_token"].get<QString>();
    QVERIFY(token.size() >= 32);
    m_secretsSeen << token;
    const HttpResult first = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/bootstrap")),
                                             Json{{"bootstrap_token", token}});
    QCOMPARE(first.status, 200);
    const QString access = first.json()["access_token"].get<QString>();
    m_secretsSeen << access;
    QCOMPARE(m_http.get(server.url(QStringLiteral("/api/v1/auth/me")), bearer(access)).status, 200);
    const HttpResult second = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/bootstrap")),
                                              Json{{"bootstrap_token", token}});
    QCOMPARE(second.status, 401);
    QCOMPARE(m_http.get(server.url(QStringLiteral("/api/v1/info"))).json()["mode"].get<QString>(), QStringLiteral("embedded"));
    QCOMPARE(server.stop(), 0);
    // A headless server has no bootstrap route at all.
    QCOMPARE(m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/bootstrap")), Json{{"bootstrap_token", token}}).status,
             404);
}

void TestAuthApi::anonymousAccessOnlyWhenAllowed()
{
    const QString whoami = QStringLiteral("/api/v1/dev/whoami");
    ServerProcess closed({QStringLiteral("--dev")});
    QVERIFY2(closed.start(), qPrintable(closed.errorString()));
    QCOMPARE(m_http.get(closed.url(whoami)).status, 401);
    QCOMPARE(closed.stop(), 0);

    ServerProcess open({QStringLiteral("--dev"), QStringLiteral("--allow-anonymous"), QStringLiteral("--anonymous-rate-limit"),
                        QStringLiteral("3")});
    QVERIFY2(open.start(), qPrintable(open.errorString()));
    const HttpResult anonymous = m_http.get(open.url(whoami));
    QCOMPARE(anonymous.status, 200);
    QCOMPARE(anonymous.json()["anonymous"].get<bool>(), true);
    QCOMPARE(anonymous.json()["role"].get<QString>(), QStringLiteral("citizen"));
    QCOMPARE(anonymous.header("X-RateLimit-Limit"), QByteArray("3")); // the shared, lower anonymous budget
    // A presented but bad token is refused, never quietly treated as anonymous.
    QCOMPARE(m_http.get(open.url(whoami), bearer(QStringLiteral("bad.token.value"))).status, 401);
    // Account holders keep their identity and their own budget.
    registerUser(open, QStringLiteral("named@example.org"));
    const Json tokens = login(open, QStringLiteral("named@example.org"));
    const HttpResult named = m_http.get(open.url(whoami), bearer(tokens["access_token"].get<QString>()));
    QCOMPARE(named.json()["anonymous"].get<bool>(), false);
    QCOMPARE(named.json()["user_id"], tokens["user"]["id"]);
    QCOMPARE(named.header("X-RateLimit-Limit"), QByteArray("120"));
    // The anonymous budget (3 a minute per address, the bad-token call included) runs out.
    m_http.get(open.url(whoami));
    m_http.get(open.url(whoami));
    QCOMPARE(m_http.get(open.url(whoami)).status, 429);
    // Account routes still need an account.
    QCOMPARE(m_http.get(open.url(QStringLiteral("/api/v1/auth/me"))).status, 401);
    QCOMPARE(open.stop(), 0);
}

void TestAuthApi::webSocketWithoutTokenClosed1008()
{
    for (const QString& query : {QString(), QStringLiteral("?token=forged.token.here")}) {
        QWebSocket socket;
        QList<Json> messages;
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [&messages](const QString& text) { messages.append(Json::parse(text.toStdString(), nullptr, false)); });
        int closeCode = -1;
        connect(&socket, &QWebSocket::disconnected, this, [&] { closeCode = int(socket.closeCode()); });
        socket.open(m_server->webSocketUrl(QStringLiteral("/ws") + query));
        QTRY_VERIFY_WITH_TIMEOUT(closeCode != -1, 10000);
        QCOMPARE(closeCode, int(QWebSocketProtocol::CloseCodePolicyViolated));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0]["type"].get<QString>(), QStringLiteral("error"));
        QCOMPARE(messages[0]["payload"]["code"].get<QString>(), QStringLiteral("UNAUTHORIZED"));
    }
}

void TestAuthApi::webSocketWithTokenPingsAndSubscribes()
{
    registerUser(*m_server, QStringLiteral("ws@example.org"));
    const Json tokens = login(*m_server, QStringLiteral("ws@example.org"));
    const QString userId = tokens["user"]["id"].get<QString>();
    // The header form of the seed (Authorization + X-Agent-ID).
    QNetworkRequest request(m_server->webSocketUrl(QStringLiteral("/ws")));
    request.setRawHeader("Authorization", "Bearer " + tokens["access_token"].get<QString>().toUtf8());
    request.setRawHeader("X-Agent-ID", "desktop-test");
    QWebSocket socket;
    QList<Json> messages;
    connect(&socket, &QWebSocket::textMessageReceived, this,
            [&messages](const QString& text) { messages.append(Json::parse(text.toStdString(), nullptr, false)); });
    socket.open(request);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 10000);

    socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\",\"timestamp\":1732200000123}"));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages[0]["type"].get<QString>(), QStringLiteral("pong"));
    QCOMPARE(messages[0]["timestamp"].get<qint64>(), Q_INT64_C(1732200000123));

    const QString mine = QStringLiteral("sync:") + userId;
    socket.sendTextMessage(QString::fromUtf8(cidadao::protocol::toBytes(
        Json{{"type", "subscribe"}, {"payload", {{"channels", {mine, "sync:someone-else"}}}}, {"correlationId", "c-1"}})));
    QTRY_COMPARE(messages.size(), 3);
    QCOMPARE(messages[1]["type"].get<QString>(), QStringLiteral("error"));
    QCOMPARE(messages[1]["payload"]["code"].get<QString>(), QStringLiteral("FORBIDDEN_CHANNEL"));
    QCOMPARE(messages[2]["type"].get<QString>(), QStringLiteral("subscribed"));
    QCOMPARE(messages[2]["correlationId"].get<QString>(), QStringLiteral("c-1"));
    QCOMPARE(messages[2]["payload"]["channels"].size(), 1u);
    QCOMPARE(messages[2]["payload"]["channels"][0].get<QString>(), mine);

    socket.sendTextMessage(QStringLiteral("{\"type\":\"dance\",\"payload\":{}}"));
    socket.sendTextMessage(QStringLiteral("not json"));
    QTRY_COMPARE(messages.size(), 5);
    QCOMPARE(messages[3]["payload"]["code"].get<QString>(), QStringLiteral("UNKNOWN_TYPE"));
    QCOMPARE(messages[4]["payload"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestAuthApi::logsCarryNoSecrets()
{
    // A full flow has run against m_server: register, logins, refreshes, logouts, failures.
    QVERIFY(m_secretsSeen.size() > 10);
    QCOMPARE(m_server->stop(), 0);
    const QByteArray log = m_server->standardError();
    QVERIFY2(log.contains("failed login"), "the server should log auth events, or this test proves nothing");
    m_secretsSeen << kPassword;
    for (const QString& secret : std::as_const(m_secretsSeen)) {
        QVERIFY2(!log.contains(secret.toUtf8()), qPrintable(QStringLiteral("secret in log: %1").arg(secret.left(12))));
    }
    QFile key(m_server->dataDir() + QStringLiteral("/jwt-secret"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray keyBytes = key.readAll();
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY(!log.contains(keyBytes.trimmed()));
    QVERIFY(!log.contains(keyBytes.toBase64()));
    QVERIFY(!log.contains(keyBytes.toHex()));
    // Restart so that cleanupTestCase has a server to stop.
    QVERIFY(m_server->start());
}

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_auth_api.moc"
