// SPDX-License-Identifier: GPL-3.0-or-later
// The data API (spec/API.md §6) over real HTTP against a real cidadao-server: sources with counts
// and date ranges, import by upload with progress events and a job status, records walked with
// cursor pagination (every record once, in order, both directions), text search, one record, and
// the refusals.
#include "investigationfixture.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao::testing;
using cidadao::protocol::Json;

class TestDataApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void uploadImportReportsProgressAndFinishes();
    void sourcesCountAndDateRanges();
    void cursorWalksEveryRecordOnceBothWays();
    void textSearchFindsFoldedText();
    void oneRecord();
    void refusals();
    void removingAnImportTakesItsRecordsAway();
    // Last: it may add rows the counting tests above do not expect.
    void uploadRouteAloneTakesBodiesOverOneMebibyte();

private:
    Json waitJob(const QString& job);
    qint64 recordCount(const QString& source);

    QTemporaryDir m_generated;
    Json m_dataset;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_token;
    QString m_adminToken;
    qint64 m_rows = 0; // contracts in the generated file
};

void TestDataApi::initTestCase()
{
    m_dataset = generateDataset(3, 1200, m_generated.path());
    QVERIFY(m_dataset.is_object());
    for (const Json& file : m_dataset["files"]) {
        if (file["source"].get<QString>() == QLatin1String("contracts"))
            m_rows = file["rows"].get<qint64>();
    }
    QVERIFY(m_rows >= 1200);
    m_server = std::make_unique<ServerProcess>(QStringList{QStringLiteral("--rate-limit"), QStringLiteral("100000"),
                                                           QStringLiteral("--login-rate-limit"), QStringLiteral("1000")});
    QVERIFY(importWithCli(m_server->dataDir(), m_dataset, {QStringLiteral("sanctions")}));
    // An administrator (only the command line makes one), for removing imports.
    QProcess admin;
    admin.start(QStringLiteral(CIDADAO_SERVER_BINARY), {QStringLiteral("--create-admin"), QStringLiteral("admin@example.org"),
                                                       QStringLiteral("--data-dir"), m_server->dataDir()});
    admin.write("admin-secret-42\n");
    admin.closeWriteChannel();
    QVERIFY(admin.waitForFinished(30000));
    QCOMPARE(admin.exitCode(), 0);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_token = registerAndLogin(m_http, *m_server, QStringLiteral("data@example.org"));
    QVERIFY(!m_token.isEmpty());
    const HttpResult login = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/login")),
                                             Json{{"email", "admin@example.org"}, {"password", "admin-secret-42"}});
    QCOMPARE(login.status, 200);
    m_adminToken = login.json()["access_token"].get<QString>();
}

void TestDataApi::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

Json TestDataApi::waitJob(const QString& job)
{
    Json state;
    for (int i = 0; i < 6000; ++i) {
        state = m_http.get(m_server->url(QStringLiteral("/api/v1/data/import/") + job), bearer(m_token)).json();
        const QString status = state.value("status", QString());
        if (status != QLatin1String("queued") && status != QLatin1String("running"))
            break;
        QTest::qWait(50);
    }
    return state;
}

void TestDataApi::uploadImportReportsProgressAndFinishes()
{
    QFile csv(generatedFile(m_dataset, QStringLiteral("contracts")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    const HttpResult started = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")), bytes,
                                           bearer(m_token));
    QCOMPARE(started.status, 202);
    const QString job = started.json()["job_id"].get<QString>();
    QVERIFY(!job.isEmpty());
    const Json state = waitJob(job);
    QCOMPARE(state["status"].get<QString>(), QStringLiteral("imported"));
    QCOMPARE(state["rows_imported"].get<qint64>(), m_rows);
    QCOMPARE(state["progress"].get<double>(), 1.0);
    QCOMPARE(state["report"]["rows_read"].get<qint64>(), m_rows);

    // A file of the wrong layout is rejected whole, with a reason.
    const HttpResult bad = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")),
                                       QByteArray("a;b;c\n1;2;3\n"), bearer(m_token));
    QCOMPARE(bad.status, 202);
    const Json rejected = waitJob(bad.json()["job_id"].get<QString>());
    QCOMPARE(rejected["status"].get<QString>(), QStringLiteral("rejected"));
    QVERIFY(!rejected["report"]["error"].get<QString>().isEmpty());

    // Another user cannot see the job; no token is 401; an empty body or unknown source is 422.
    const QString other = registerAndLogin(m_http, *m_server, QStringLiteral("other@example.org"));
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/data/import/") + job), bearer(other)).status, 404);
    QCOMPARE(m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")), bytes).status, 401);
    QCOMPARE(m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")), QByteArray(),
                         bearer(m_token))
                 .status,
             422);
    const HttpResult unknown = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=weather")), bytes,
                                           bearer(m_token));
    QCOMPARE(unknown.status, 422);
    QCOMPARE(unknown.json()["error"]["details"]["field"].get<QString>(), QStringLiteral("source"));
}

qint64 TestDataApi::recordCount(const QString& source)
{
    const Json body = m_http.get(m_server->url(QStringLiteral("/api/v1/data/sources")), bearer(m_token)).json();
    for (const Json& s : body["sources"]) {
        if (s["source"].get<QString>() == source)
            return s["record_count"].get<qint64>();
    }
    return -1;
}

void TestDataApi::removingAnImportTakesItsRecordsAway()
{
    // Importing the same file again doubles the records; removing the second import brings the
    // count back, records and all (what the desktop's "reload the sample data" relies on).
    const qint64 contractsBefore = recordCount(QStringLiteral("contracts"));
    const qint64 sanctionsBefore = recordCount(QStringLiteral("sanctions"));
    QVERIFY(contractsBefore >= 0); // m_rows when the upload test ran before, 0 when run alone
    QFile csv(generatedFile(m_dataset, QStringLiteral("contracts")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const HttpResult started = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")),
                                           csv.readAll(), bearer(m_token));
    QCOMPARE(started.status, 202);
    const Json state = waitJob(started.json()["job_id"].get<QString>());
    QCOMPARE(state["status"].get<QString>(), QStringLiteral("imported"));
    QCOMPARE(recordCount(QStringLiteral("contracts")), contractsBefore + m_rows);
    const qint64 importId = state["report"]["parts"][0]["import_id"].get<qint64>();
    QVERIFY(importId > 0);
    const QUrl url = m_server->url(QStringLiteral("/api/v1/data/imports/%1").arg(importId));
    // Only an administrator may; not without a token; not someone else.
    QCOMPARE(m_http.request("DELETE", url).status, 401);
    QCOMPARE(m_http.request("DELETE", url, {}, bearer(m_token)).status, 403);
    QCOMPARE(recordCount(QStringLiteral("contracts")), contractsBefore + m_rows);

    const HttpResult removed = m_http.request("DELETE", url, {}, bearer(m_adminToken));
    QCOMPARE(removed.status, 200);
    const Json body = removed.json();
    QCOMPARE(body["import_id"].get<qint64>(), importId);
    QCOMPARE(body["source"].get<QString>(), QStringLiteral("contracts"));
    QCOMPARE(body["records_removed"].get<qint64>(), m_rows);
    QCOMPARE(recordCount(QStringLiteral("contracts")), contractsBefore);
    QCOMPARE(recordCount(QStringLiteral("sanctions")), sanctionsBefore);
    // The records left can still be read one by one.
    if (contractsBefore > 0) {
        const Json page =
            m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?limit=1")), bearer(m_token)).json();
        QCOMPARE(page["items"].size(), size_t(1));
        const qint64 id = page["items"][0]["id"].get<qint64>();
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts/%1").arg(id)), bearer(m_token)).status,
                 200);
    }

    // Gone: 404 the second time; not a number: 404.
    QCOMPARE(m_http.request("DELETE", url, {}, bearer(m_adminToken)).status, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(QStringLiteral("/api/v1/data/imports/abc")), {}, bearer(m_adminToken))
                 .status,
             404);

    // The freed id is never handed out again: a client still holding it must not remove the next file.
    QVERIFY(csv.seek(0));
    const HttpResult again = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")),
                                         csv.readAll(), bearer(m_token));
    QCOMPARE(again.status, 202);
    const Json againState = waitJob(again.json()["job_id"].get<QString>());
    QCOMPARE(againState["status"].get<QString>(), QStringLiteral("imported"));
    const qint64 nextId = againState["report"]["parts"][0]["import_id"].get<qint64>();
    QVERIFY2(nextId > importId, qPrintable(QStringLiteral("%1 after %2").arg(nextId).arg(importId)));
    QCOMPARE(m_http.request("DELETE", m_server->url(QStringLiteral("/api/v1/data/imports/%1").arg(nextId)), {},
                            bearer(m_adminToken))
                 .status,
             200);
    QCOMPARE(recordCount(QStringLiteral("contracts")), contractsBefore);
}

void TestDataApi::uploadRouteAloneTakesBodiesOverOneMebibyte()
{
    // Real Portal files are tens of megabytes: the import route raises the 1 MiB body limit for
    // itself only. The body is the generated file's rows repeated past 2 MiB under one header.
    QFile csv(generatedFile(m_dataset, QStringLiteral("contracts")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray header = csv.readLine();
    const QByteArray rows = csv.readAll();
    QByteArray big = header;
    while (big.size() <= 2 * 1024 * 1024)
        big += rows;
    const HttpResult started = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")), big,
                                           bearer(m_token));
    QCOMPARE(started.status, 202);
    const Json state = waitJob(started.json()["job_id"].get<QString>());
    const QString status = state["status"].get<QString>();
    QVERIFY2(status == QLatin1String("imported") || status == QLatin1String("rejected"), qPrintable(status));
    QVERIFY(state["report"]["rows_read"].get<qint64>() > 0);

    // Every other route keeps the 1 MiB limit.
    const HttpResult refused = m_http.post(m_server->url(QStringLiteral("/api/v1/auth/login")), big);
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.json()["error"]["details"]["limit"].get<qint64>(), qint64(1024 * 1024));
}

void TestDataApi::sourcesCountAndDateRanges()
{
    const HttpResult r = m_http.get(m_server->url(QStringLiteral("/api/v1/data/sources")), bearer(m_token));
    QCOMPARE(r.status, 200);
    QHash<QString, Json> bySource;
    const Json body = r.json();
    for (const Json& s : body["sources"])
        bySource.insert(s["source"].get<QString>(), s);
    QVERIFY(bySource.contains(QStringLiteral("contracts")));
    const Json contracts = bySource.value(QStringLiteral("contracts"));
    QCOMPARE(contracts["record_count"].get<qint64>(), m_rows);
    const QDate from = QDate::fromString(contracts["date_range"]["from"].get<QString>(), Qt::ISODate);
    const QDate to = QDate::fromString(contracts["date_range"]["to"].get<QString>(), Qt::ISODate);
    QVERIFY(from.isValid() && to.isValid() && from <= to);
    QCOMPARE(contracts["last_import"]["status"].get<QString>(), QStringLiteral("imported"));
    QVERIFY(bySource.value(QStringLiteral("sanctions"))["record_count"].get<qint64>() > 0);
    QCOMPARE(bySource.value(QStringLiteral("agreements"))["record_count"].get<qint64>(), qint64(0));
    QVERIFY(bySource.value(QStringLiteral("agreements"))["date_range"].is_null());
}

void TestDataApi::cursorWalksEveryRecordOnceBothWays()
{
    QList<qint64> ids;
    QList<QString> cursors; // the cursor that fetched each page ("" first)
    QString cursor;
    int pages = 0;
    do {
        cursors.append(cursor);
        QString path = QStringLiteral("/api/v1/data/contracts?limit=100");
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const HttpResult page = m_http.get(m_server->url(path), bearer(m_token));
        QCOMPARE(page.status, 200);
        const Json body = page.json();
        for (const Json& item : body["items"]) {
            QVERIFY(item.contains("key"));
            QVERIFY(!item.contains("search_text"));
            ids.append(item["id"].get<qint64>());
        }
        cursor = body.value("next_cursor", QString());
        QCOMPARE(body["has_more"].get<bool>(), !cursor.isEmpty());
        ++pages;
    } while (!cursor.isEmpty() && pages < 100);
    QCOMPARE(qint64(pages), (m_rows + 99) / 100);
    QCOMPARE(qint64(ids.size()), m_rows);
    QCOMPARE(qint64(QSet<qint64>(ids.cbegin(), ids.cend()).size()), m_rows);
    for (qsizetype i = 1; i < ids.size(); ++i)
        QVERIFY(ids[i] > ids[i - 1]);

    // Backwards from the last page, page by page, to the first: the same ids.
    const Json last = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?limit=100&cursor=") + cursors.back()),
                                 bearer(m_token))
                          .json();
    QList<qint64> backwards;
    for (const Json& item : last["items"])
        backwards.append(item["id"].get<qint64>());
    QString prev = last.value("prev_cursor", QString());
    int guard = 0;
    while (!prev.isEmpty() && guard++ < 100) {
        const Json page = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?limit=100&cursor=") + prev),
                                     bearer(m_token))
                              .json();
        QList<qint64> pageIds;
        for (const Json& item : page["items"])
            pageIds.append(item["id"].get<qint64>());
        backwards = pageIds + backwards;
        prev = page.value("prev_cursor", QString());
    }
    QCOMPARE(backwards, ids);
}

void TestDataApi::textSearchFindsFoldedText()
{
    // Take a supplier name from the data and search for a folded, upper-case part of it.
    const Json first = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?limit=1")), bearer(m_token)).json();
    const QString supplier = first["items"][0]["supplier_name"].get<QString>();
    QVERIFY(!supplier.isEmpty());
    const QString word = supplier.split(QLatin1Char(' ')).first();
    const HttpResult r = m_http.get(
        m_server->url(QStringLiteral("/api/v1/data/contracts?limit=100&q=") + QString::fromLatin1(QUrl::toPercentEncoding(word.toUpper()))),
        bearer(m_token));
    QCOMPARE(r.status, 200);
    const Json body = r.json();
    QVERIFY(!body["items"].empty());
    QVERIFY(qint64(body["items"].size()) < m_rows || body["has_more"].get<bool>());
    bool found = false;
    for (const Json& item : body["items"])
        found = found || item["id"] == first["items"][0]["id"];
    QVERIFY(found);
    const HttpResult none = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?q=zzqqxxnotthere")), bearer(m_token));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json()["items"].size(), std::size_t(0));
    QCOMPARE(none.json()["has_more"].get<bool>(), false);
}

void TestDataApi::oneRecord()
{
    const Json first = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?limit=1")), bearer(m_token)).json();
    const qint64 id = first["items"][0]["id"].get<qint64>();
    const HttpResult r = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts/%1").arg(id)), bearer(m_token));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["id"].get<qint64>(), id);
    QCOMPARE(r.json()["source"].get<QString>(), QStringLiteral("contracts"));
    QCOMPARE(r.json()["key"], first["items"][0]["key"]);
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts/999999999")), bearer(m_token)).status, 404);
}

void TestDataApi::refusals()
{
    const auto field = [](const HttpResult& r) { return r.json()["error"]["details"]["field"].get<QString>(); };
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/data/weather")), bearer(m_token)).status, 404);
    HttpResult r = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?limit=0")), bearer(m_token));
    QCOMPARE(r.status, 422);
    QCOMPARE(field(r), QStringLiteral("limit"));
    r = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?cursor=garbage")), bearer(m_token));
    QCOMPARE(r.status, 422);
    QCOMPARE(field(r), QStringLiteral("cursor"));
    r = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?sort=value")), bearer(m_token));
    QCOMPARE(r.status, 422);
    QCOMPARE(field(r), QStringLiteral("sort"));
    r = m_http.get(m_server->url(QStringLiteral("/api/v1/data/contracts?q=") + QString(201, QLatin1Char('a'))),
                   bearer(m_token));
    QCOMPARE(r.status, 422);
    QCOMPARE(field(r), QStringLiteral("q"));
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/data/sources"))).status, 401);
}

QTEST_GUILESS_MAIN(TestDataApi)
#include "tst_data_api.moc"
