// SPDX-License-Identifier: GPL-3.0-or-later
// ApiClient against a real headless cidadao-server: register + login, typed errors from the
// envelope (404, 422 with its field, 401), one refresh on 401 then retry; Retry-After and the
// upstream FastAPI error shape against a tiny scripted HTTP peer on 127.0.0.1.
#include "core/apiclient.h"
#include "core/authsession.h"
#include "jobresult.h"
#include "support/serverprocess.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace cidadao;
using client::ApiClient;
using client::ApiJob;
using testing::run;

namespace {

// Answers each connection with the next canned HTTP response, then closes it.
class ScriptedPeer : public QObject
{
public:
    explicit ScriptedPeer(QList<QByteArray> answers)
        : m_answers(std::move(answers))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    m_request.clear();
                    ++m_requests;
                    socket->write(m_answers.isEmpty() ? QByteArray() : m_answers.takeFirst());
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    QTcpServer m_server;
    QList<QByteArray> m_answers;
    QByteArray m_request;
    int m_requests = 0;
};

QByteArray answer(int status, const QByteArray& reason, const QByteArray& body, const QByteArray& extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " " + reason + "\r\nContent-Type: application/json\r\n"
           + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::ServerProcess> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<testing::ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void registerLoginAndMe()
    {
        ApiClient api(m_server->url());
        client::MemorySecretStore store;
        client::AuthSession session(&api, &store, QStringLiteral("test"));
        protocol::RegisterRequest request;
        request.email = QStringLiteral("ana@example.org");
        request.password = QStringLiteral("correct horse battery");
        request.name = QStringLiteral("Ana");
        const auto registered = run(session.registerAccount(request));
        QVERIFY(registered.done);
        QCOMPARE(registered.httpStatus, 201);
        QCOMPARE(registered.json["email"].get<QString>(), request.email);

        const auto login = run(session.login(request.email, request.password));
        QCOMPARE(login.status, ApiJob::Status::Succeeded);
        QVERIFY(session.isAuthenticated());
        QCOMPARE(session.user().email, request.email);
        QTRY_COMPARE(store.size(), 1); // the refresh token, keyed by profile

        const auto me = run(api.get(QStringLiteral("/api/v1/auth/me")));
        QCOMPARE(me.status, ApiJob::Status::Succeeded);
        QCOMPARE(me.json["email"].get<QString>(), request.email);
        QCOMPARE(me.attempts, 1);
    }

    void typedErrors()
    {
        ApiClient api(m_server->url());
        const auto missing = run(api.get(QStringLiteral("/api/v1/no/such/route"), ApiJob::Auth::None));
        QCOMPARE(missing.status, ApiJob::Status::Failed);
        QCOMPARE(missing.error.statusCode, 404);
        QCOMPARE(missing.error.code, QStringLiteral("NotFound"));

        const auto invalid = run(api.post(QStringLiteral("/api/v1/auth/register"),
                                          protocol::Json{{"email", "not-an-email"}, {"password", "long enough pw"},
                                                         {"name", "X"}},
                                          ApiJob::Auth::None));
        QCOMPARE(invalid.error.statusCode, 422);
        QCOMPARE(invalid.error.code, QStringLiteral("ValidationError"));
        QCOMPARE(invalid.error.details.value("field", std::string()), std::string("email"));

        const auto anonymous = run(api.get(QStringLiteral("/api/v1/auth/me")));
        QCOMPARE(anonymous.error.statusCode, 401);
        QCOMPARE(anonymous.error.code, QStringLiteral("Unauthorized"));
        QVERIFY(!anonymous.refreshed); // nothing to refresh with
    }

    void unauthorizedRefreshesOnceThenRetries()
    {
        ApiClient api(m_server->url());
        client::MemorySecretStore store;
        client::AuthSession session(&api, &store, QStringLiteral("refresh-test"));
        protocol::RegisterRequest request{QStringLiteral("bia@example.org"), QStringLiteral("another good pw"),
                                          QStringLiteral("Bia"), QStringLiteral("analyst")};
        QCOMPARE(run(session.registerAccount(request)).httpStatus, 201);
        QCOMPARE(run(session.login(request.email, request.password)).status, ApiJob::Status::Succeeded);

        // Spoil the access token as an expiry would: the refresh token still works.
        protocol::LoginResponse spoiled;
        spoiled.accessToken = QStringLiteral("expired.or.garbage");
        spoiled.refreshToken = session.refreshToken();
        spoiled.expiresIn = 1800;
        spoiled.user = session.user();
        session.setTokens(spoiled);

        // Two calls at once: both see 401, one refresh serves both.
        auto first = testing::watch(api.get(QStringLiteral("/api/v1/auth/me")));
        auto second = testing::watch(api.get(QStringLiteral("/api/v1/auth/me")));
        QVERIFY(testing::waitFor(first));
        QVERIFY(testing::waitFor(second));
        QCOMPARE(first->status, ApiJob::Status::Succeeded);
        QCOMPARE(second->status, ApiJob::Status::Succeeded);
        QVERIFY(first->refreshed);
        QCOMPARE(first->attempts, 2);
        QCOMPARE(session.refreshCount(), 1);
        QVERIFY(session.accessToken() != spoiled.accessToken);

        // A dead refresh token: one refresh attempt, then the 401 stands.
        session.logout();
        spoiled.refreshToken = QStringLiteral("revoked");
        session.setTokens(spoiled);
        const auto refused = run(api.get(QStringLiteral("/api/v1/auth/me")));
        QCOMPARE(refused.status, ApiJob::Status::Failed);
        QCOMPARE(refused.error.statusCode, 401);
        QVERIFY(refused.refreshed);
        QCOMPARE(refused.attempts, 1);
    }

    void retryAfterIsHonouredOnce()
    {
        const QByteArray limited = R"({"status":"error","status_code":429,"error":{"error":"RateLimited","message":"slow down","details":{}}})";
        ScriptedPeer peer({answer(429, "Too Many Requests", limited, "Retry-After: 1\r\n"),
                           answer(200, "OK", R"({"ok":true})")});
        ApiClient api(peer.url());
        const auto ok = run(api.get(QStringLiteral("/x"), ApiJob::Auth::None));
        QCOMPARE(ok.status, ApiJob::Status::Succeeded);
        QCOMPARE(ok.attempts, 2);
        QCOMPARE(peer.requests(), 2);

        ScriptedPeer twice({answer(503, "Service Unavailable", limited, "Retry-After: 0\r\n"),
                            answer(503, "Service Unavailable", limited, "Retry-After: 0\r\n"),
                            answer(200, "OK", R"({"ok":true})")});
        ApiClient other(twice.url());
        const auto failed = run(other.get(QStringLiteral("/x"), ApiJob::Auth::None));
        QCOMPARE(failed.status, ApiJob::Status::Failed);
        QCOMPARE(failed.attempts, 2);
        QCOMPARE(failed.error.code, QStringLiteral("RateLimited"));
    }

    void retryAfterIsCapped()
    {
        ScriptedPeer peer({answer(429, "Too Many Requests", "{}", "Retry-After: 3600\r\n"),
                           answer(200, "OK", R"({"ok":true})")});
        ApiClient api(peer.url());
        api.setMaxRetryDelayMs(50);
        const auto ok = run(api.get(QStringLiteral("/x"), ApiJob::Auth::None), 20000);
        QVERIFY(ok.done);
        QCOMPARE(ok.status, ApiJob::Status::Succeeded);
    }

    void upstreamFastApiErrors()
    {
        ScriptedPeer peer({answer(404, "Not Found", R"({"detail":"Not Found"})"),
                           answer(422, "Unprocessable Entity",
                                  R"({"detail":[{"loc":["body","message"],"msg":"field required","type":"value_error"}]})"),
                           answer(500, "Internal Server Error", "<html>oops</html>")});
        ApiClient api(peer.url());
        const auto notFound = run(api.get(QStringLiteral("/a"), ApiJob::Auth::None));
        QCOMPARE(notFound.error.statusCode, 404);
        QCOMPARE(notFound.error.message, QStringLiteral("Not Found"));
        const auto invalid = run(api.get(QStringLiteral("/b"), ApiJob::Auth::None));
        QCOMPARE(invalid.error.code, QStringLiteral("ValidationError"));
        QCOMPARE(invalid.error.details.value("field", std::string()), std::string("message"));
        const auto html = run(api.get(QStringLiteral("/c"), ApiJob::Auth::None));
        QCOMPARE(html.error.statusCode, 500);
        QCOMPARE(html.error.code, QStringLiteral("HTTPException"));
    }

    void networkErrorIsTyped()
    {
        ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:1")));
        const auto refused = run(api.get(QStringLiteral("/health"), ApiJob::Auth::None));
        QCOMPARE(refused.status, ApiJob::Status::Failed);
        QCOMPARE(refused.httpStatus, 0);
        QCOMPARE(refused.error.code, QStringLiteral("NetworkError"));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
