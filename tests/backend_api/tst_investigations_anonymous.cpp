// SPDX-License-Identifier: GPL-3.0-or-later
// Investigations of anonymous callers (--allow-anonymous) against a real cidadao-server. Every caller
// without a token is the same "anonymous" principal, so listing would show each anonymous client
// everyone else's investigations: the list is empty for them, and an anonymous investigation is
// reached only by its random id (the capability the 202 answer gave its starter). Registered users
// keep their own list, and neither side reaches the other's investigations.
#include "investigationfixture.h"

#include <QTest>
#include <QUuid>

using cidadao::protocol::Json;
using cidadao::testing::HttpClient;
using cidadao::testing::HttpResult;
using cidadao::testing::ServerProcess;
using cidadao::testing::bearer;

namespace {

const QString kBase = QStringLiteral("/api/v1/investigations");

Json startBody(const char* query)
{
    return Json{{"query", query}, {"data_source", "contracts"}};
}

QStringList listedIds(const HttpResult& result)
{
    QStringList ids;
    const Json page = result.json();
    for (const Json& item : page["items"])
        ids << item["investigation_id"].get<QString>();
    return ids;
}

} // namespace

class TestInvestigationsAnonymous : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void anonymousListIsEmpty();
    void anonymousInvestigationOpensOnlyByItsId();
    void registeredUsersKeepTheirOwnList();

private:
    QString start(const Json& body, const QString& token = {});
    QUrl url(const QString& path) const { return m_server->url(kBase + path); }

    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_alice;
    QString m_anonymousId;
    QString m_otherAnonymousId;
    QString m_aliceId;
};

void TestInvestigationsAnonymous::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(QStringList{QStringLiteral("--allow-anonymous"), QStringLiteral("--rate-limit"),
                                                           QStringLiteral("100000"), QStringLiteral("--anonymous-rate-limit"),
                                                           QStringLiteral("100000"), QStringLiteral("--login-rate-limit"),
                                                           QStringLiteral("1000")});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = cidadao::testing::registerAndLogin(m_http, *m_server, QStringLiteral("alice@example.org"));
    QVERIFY(!m_alice.isEmpty());
    // Two anonymous clients (the same identity to the server) and one registered user.
    m_anonymousId = start(startBody("contratos anônimos"));
    m_otherAnonymousId = start(startBody("outro cliente anônimo"));
    m_aliceId = start(startBody("contratos da alice"), m_alice);
    QVERIFY(!m_anonymousId.isEmpty() && !m_otherAnonymousId.isEmpty() && !m_aliceId.isEmpty());
}

void TestInvestigationsAnonymous::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

QString TestInvestigationsAnonymous::start(const Json& body, const QString& token)
{
    const HttpResult result =
        m_http.postJson(url(QStringLiteral("/start")), body, token.isEmpty() ? cidadao::testing::Headers() : bearer(token));
    if (result.status != 202) {
        qWarning() << "start:" << result.status << result.body;
        return {};
    }
    return result.json()["investigation_id"].get<QString>();
}

void TestInvestigationsAnonymous::anonymousListIsEmpty()
{
    const HttpResult listed = m_http.get(m_server->url(kBase));
    QCOMPARE(listed.status, 200);
    QVERIFY2(listed.json()["items"].empty(), listed.body.constData());
    QCOMPARE(listed.json()["has_more"].get<bool>(), false);
    QVERIFY(!listed.body.contains(m_anonymousId.toUtf8()));
    // Filters and pages do not open it either; a bad filter is still refused.
    const HttpResult filtered = m_http.get(m_server->url(kBase + QStringLiteral("?status=started&limit=100")));
    QCOMPARE(filtered.status, 200);
    QVERIFY(filtered.json()["items"].empty());
    QCOMPARE(m_http.get(m_server->url(kBase + QStringLiteral("?status=bogus"))).status, 422);
}

void TestInvestigationsAnonymous::anonymousInvestigationOpensOnlyByItsId()
{
    // Its id opens it: status, summary, results (finished or 409 while running).
    for (const QString& id : {m_anonymousId, m_otherAnonymousId}) {
        const HttpResult status = m_http.get(url(QLatin1Char('/') + id + QStringLiteral("/status")));
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json()["investigation_id"].get<QString>(), id);
        QCOMPARE(m_http.get(url(QLatin1Char('/') + id)).status, 200);
        const int results = m_http.get(url(QLatin1Char('/') + id + QStringLiteral("/results"))).status;
        QVERIFY2(results == 200 || results == 409, QByteArray::number(results).constData());
    }
    // Any other id is not found, and a registered user's investigation is not an anonymous one's.
    const QString guessed = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(m_http.get(url(QLatin1Char('/') + guessed + QStringLiteral("/status"))).status, 404);
    QCOMPARE(m_http.get(url(QLatin1Char('/') + m_aliceId + QStringLiteral("/status"))).status, 404);
    QCOMPARE(m_http.request("DELETE", url(QLatin1Char('/') + m_aliceId)).status, 404);
}

void TestInvestigationsAnonymous::registeredUsersKeepTheirOwnList()
{
    const HttpResult listed = m_http.get(m_server->url(kBase), bearer(m_alice));
    QCOMPARE(listed.status, 200);
    QVERIFY2(listedIds(listed) == QStringList{m_aliceId}, listed.body.constData());
    // The anonymous ones are not Alice's to read.
    QCOMPARE(m_http.get(url(QLatin1Char('/') + m_anonymousId + QStringLiteral("/status")), bearer(m_alice)).status, 404);
}

QTEST_GUILESS_MAIN(TestInvestigationsAnonymous)
#include "tst_investigations_anonymous.moc"
