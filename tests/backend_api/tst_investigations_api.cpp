// SPDX-License-Identifier: GPL-3.0-or-later
// Investigations (spec/API.md §5) over real HTTP against a real cidadao-server on generated Portal
// data: the full flow (upload import → start → SSE stream → results → Tiradentes exports), cancel,
// the 409s, another user's investigation as 404, list pagination, filter validation, the /public
// aliases, and a SIGKILL mid-run followed by a restart.
#include "investigationfixture.h"

#include "store/database.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace cidadao::testing;
using cidadao::protocol::Json;

namespace {

const QString kBase = QStringLiteral("/api/v1/investigations");

Json startBody(const QString& query)
{
    return Json{{"query", query.toStdString()},
                {"data_source", "contracts"},
                {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}};
}

} // namespace

class TestInvestigationsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void fullFlowImportStartStreamResultsExport();
    void exportsInEveryFormatAndLanguage();
    void cancelMidRunThen409s();
    void resultsWhileRunningIs409();
    void anotherUsersInvestigationIs404();
    void listWalksEveryPageWithoutDuplicatesOrGaps();
    void listRejectsBadParameters();
    void badFiltersAre422_data();
    void badFiltersAre422();
    void publicAliases();
    void sigkillMidRunThenRestart();

private:
    Json waitFinished(const QString& id, const QString& token);
    QString start(const Json& body, const QString& token, int expected = 202);

    QTemporaryDir m_generated;
    Json m_dataset;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_alice;
    QString m_bob;
    QString m_completedId;
    qint64 m_contracts = 0; // in the server's database
};

void TestInvestigationsApi::initTestCase()
{
    QVERIFY(m_generated.isValid());
    m_dataset = generateDataset(11, 20000, m_generated.filePath(QStringLiteral("big")));
    QVERIFY(m_dataset.is_object());
    m_server = std::make_unique<ServerProcess>(QStringList{QStringLiteral("--login-rate-limit"), QStringLiteral("1000"),
                                                           QStringLiteral("--rate-limit"), QStringLiteral("100000")});
    // The large data set goes in through the CLI importer before the server starts (the API upload
    // is limited to 1 MiB bodies); the flow test uploads a small file through the API.
    QVERIFY(importWithCli(m_server->dataDir(), m_dataset,
                          {QStringLiteral("contracts"), QStringLiteral("expenses"), QStringLiteral("sanctions")}));
    for (const Json& file : m_dataset["files"]) {
        if (file["source"].get<QString>() == QLatin1String("contracts"))
            m_contracts = file["rows"].get<qint64>();
    }
    QVERIFY(m_contracts > 0);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = registerAndLogin(m_http, *m_server, QStringLiteral("alice@example.org"));
    m_bob = registerAndLogin(m_http, *m_server, QStringLiteral("bob@example.org"));
    QVERIFY(!m_alice.isEmpty());
    QVERIFY(!m_bob.isEmpty());
}

void TestInvestigationsApi::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

QString TestInvestigationsApi::start(const Json& body, const QString& token, int expected)
{
    const HttpResult result = m_http.postJson(m_server->url(kBase + QStringLiteral("/start")), body, bearer(token));
    if (result.status != expected) {
        qWarning() << "start:" << result.status << result.body;
        return {};
    }
    return expected == 202 ? result.json()["investigation_id"].get<QString>() : QStringLiteral("refused");
}

Json TestInvestigationsApi::waitFinished(const QString& id, const QString& token)
{
    // Polls the status route; the stream is tested separately. Bounded by the ctest timeout only.
    for (int i = 0; i < 6000; ++i) {
        const HttpResult status = m_http.get(m_server->url(kBase + QLatin1Char('/') + id + QStringLiteral("/status")),
                                             bearer(token));
        if (status.status != 200)
            return Json();
        const QString state = status.json()["status"].get<QString>();
        if (state == QLatin1String("completed") || state == QLatin1String("failed") || state == QLatin1String("cancelled"))
            return status.json();
        QTest::qWait(50);
    }
    return Json();
}

void TestInvestigationsApi::fullFlowImportStartStreamResultsExport()
{
    // Import by upload: a second, small generated data set.
    const Json small = generateDataset(5, 1500, m_generated.filePath(QStringLiteral("small")));
    QFile csv(generatedFile(small, QStringLiteral("contracts")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY2(bytes.size() < 1024 * 1024, "the upload must fit the 1 MiB body limit");
    const HttpResult import = m_http.post(m_server->url(QStringLiteral("/api/v1/data/import?source=contracts")), bytes,
                                          bearer(m_alice));
    QCOMPARE(import.status, 202);
    const QString job = import.json()["job_id"].get<QString>();
    Json jobState;
    for (int i = 0; i < 6000; ++i) {
        jobState = m_http.get(m_server->url(QStringLiteral("/api/v1/data/import/") + job), bearer(m_alice)).json();
        const QString state = jobState.value("status", QString());
        if (state != QLatin1String("queued") && state != QLatin1String("running"))
            break;
        QTest::qWait(50);
    }
    QCOMPARE(jobState["status"].get<QString>(), QStringLiteral("imported"));
    qint64 smallRows = 0;
    for (const Json& file : small["files"]) {
        if (file["source"].get<QString>() == QLatin1String("contracts"))
            smallRows = file["rows"].get<qint64>();
    }
    QCOMPARE(jobState["rows_imported"].get<qint64>(), smallRows);
    m_contracts += smallRows;

    // Start and follow the stream to its end.
    const QString id = start(startBody(QStringLiteral("Contratos suspeitos em 2024")), m_alice);
    QVERIFY(!id.isEmpty());
    int streamStatus = 0;
    const QList<Json> events = readEventStream(m_server->url(kBase + QStringLiteral("/stream/") + id), m_alice,
                                               QStringLiteral("completion"), 300000, &streamStatus);
    QCOMPARE(streamStatus, 200);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.back()["type"].get<QString>(), QStringLiteral("completion"));
    QCOMPARE(events.back()["data"]["status"].get<QString>(), QStringLiteral("completed"));
    // Phases only move forward.
    const QStringList order{QStringLiteral("data_retrieval"), QStringLiteral("anomaly_detection"),
                            QStringLiteral("pattern_analysis"), QStringLiteral("report_generation"),
                            QStringLiteral("completed")};
    int lastPhase = -1;
    int anomalyEvents = 0;
    for (const Json& event : events) {
        const QString type = event["type"].get<QString>();
        if (type == QLatin1String("progress")) {
            const int phase = order.indexOf(event["data"]["current_phase"].get<QString>());
            QVERIFY(phase >= 0);
            QVERIFY(phase >= lastPhase);
            lastPhase = phase;
        } else if (type == QLatin1String("anomaly")) {
            ++anomalyEvents;
        }
    }

    const HttpResult results = m_http.get(m_server->url(kBase + QLatin1Char('/') + id + QStringLiteral("/results")),
                                          bearer(m_alice));
    QCOMPARE(results.status, 200);
    const Json body = results.json();
    QCOMPARE(body["investigation_id"].get<QString>(), id);
    QCOMPARE(body["status"].get<QString>(), QStringLiteral("completed"));
    QCOMPARE(body["query"].get<QString>(), QStringLiteral("Contratos suspeitos em 2024"));
    QCOMPARE(body["total_records_analyzed"].get<qint64>(), m_contracts);
    QVERIFY(body["completed_at"].is_string());
    QVERIFY(body["processing_time"].get<double>() > 0.0);
    const Json& anomalies = body["results"];
    QVERIFY(anomalies.is_array());
    QVERIFY2(anomalies.size() > 0, "the generator injects anomalies: some must be found");
    QCOMPARE(body["anomalies_found"].get<qint64>(), qint64(anomalies.size()));
    // A late subscriber may miss early events, never invent them.
    QVERIFY(anomalyEvents <= int(anomalies.size()));
    QSet<QString> types;
    for (const Json& a : anomalies) {
        for (const char* key : {"anomaly_id", "type", "severity", "confidence", "description", "explanation",
                                "affected_records", "suggested_actions", "metadata"})
            QVERIFY2(a.contains(key), key);
        QVERIFY(!a["anomaly_id"].get<QString>().isEmpty());
        QVERIFY(QStringList({QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                             QStringLiteral("critical")})
                    .contains(a["severity"].get<QString>()));
        QVERIFY(a["confidence"].get<double>() >= 0.0 && a["confidence"].get<double>() <= 1.0);
        QVERIFY(!a["description"].get<QString>().isEmpty());
        QVERIFY(!a["explanation"].get<QString>().isEmpty());
        QVERIFY(a["affected_records"].is_array() && !a["affected_records"].empty());
        QVERIFY(a["affected_records"][0].contains("key"));
        QVERIFY(a["suggested_actions"].is_array());
        QVERIFY(a["metadata"]["detector"].is_string());
        types.insert(a["type"].get<QString>());
    }
    QVERIFY(types.size() >= 2);
    m_completedId = id;

    // The PDF: a real PDF whose text holds the findings.
    const HttpResult pdf = m_http.get(m_server->url(kBase + QLatin1Char('/') + id + QStringLiteral("/export?format=pdf")),
                                      bearer(m_alice));
    QCOMPARE(pdf.status, 200);
    QCOMPARE(pdf.header("Content-Type"), QByteArray("application/pdf"));
    QVERIFY(pdf.body.startsWith("%PDF-"));
    QVERIFY(pdf.header("Content-Disposition").contains("attachment"));
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    QVERIFY2(!pdftotext.isEmpty(), "poppler-utils (pdftotext) is needed to read the PDF back");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("report.pdf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pdf.body);
    file.close();
    QProcess text;
    text.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), file.fileName(), QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    QVERIFY2(content.contains(QStringLiteral("Relatório de investigação")), qPrintable(content.left(300)));
    QVERIFY(content.contains(QStringLiteral("Achados")));
    QVERIFY(content.contains(QStringLiteral("indício")));
    // Every finding's id is in the PDF, and the first finding's first evidence record (compared
    // without white space: the layout may break a long id across lines).
    // NFKC: the PDF's fonts use ligatures (an id ending in "ff" comes back as U+FB00).
    QString compact = content.normalized(QString::NormalizationForm_KC);
    compact.remove(QRegularExpression(QStringLiteral("\\s")));
    for (const Json& a : anomalies)
        QVERIFY2(compact.contains(a["anomaly_id"].get<QString>()), qPrintable(a["anomaly_id"].get<QString>()));
    QVERIFY(compact.contains(anomalies[0]["affected_records"][0]["key"].get<QString>()));
}

void TestInvestigationsApi::exportsInEveryFormatAndLanguage()
{
    if (m_completedId.isEmpty())
        QSKIP("needs the full flow's investigation");
    const QString url = kBase + QLatin1Char('/') + m_completedId + QStringLiteral("/export?format=");
    const HttpResult md = m_http.get(m_server->url(url + QStringLiteral("md")), bearer(m_alice));
    QCOMPARE(md.status, 200);
    QVERIFY(md.header("Content-Type").startsWith("text/markdown"));
    const QString markdown = QString::fromUtf8(md.body);
    QVERIFY(markdown.startsWith(QStringLiteral("# Relatório de investigação")));
    QVERIFY(markdown.contains(QStringLiteral("## Resumo")));
    QVERIFY(markdown.contains(QStringLiteral("## Método")));
    QVERIFY(markdown.contains(QStringLiteral("| Registro |")));
    QVERIFY(markdown.contains(QStringLiteral("não uma prova de irregularidade")));

    const HttpResult en = m_http.get(m_server->url(url + QStringLiteral("md&lang=en")), bearer(m_alice));
    QCOMPARE(en.status, 200);
    const QString english = QString::fromUtf8(en.body);
    QVERIFY(english.contains(QStringLiteral("## Summary")));
    QVERIFY(english.contains(QStringLiteral("## Method")));
    QVERIFY(english.contains(QStringLiteral("An anomaly is a lead, not proof of wrongdoing")));

    const HttpResult html = m_http.get(m_server->url(url + QStringLiteral("html")), bearer(m_alice));
    QCOMPARE(html.status, 200);
    QVERIFY(html.body.contains("<table"));
    QVERIFY(html.body.contains("lang=\"pt-BR\""));

    const HttpResult csv = m_http.get(m_server->url(url + QStringLiteral("csv")), bearer(m_alice));
    QCOMPARE(csv.status, 200);
    const QList<QByteArray> lines = csv.body.trimmed().split('\n');
    const Json results = m_http.get(m_server->url(kBase + QLatin1Char('/') + m_completedId + QStringLiteral("/results")),
                                    bearer(m_alice))
                             .json();
    QCOMPARE(lines.size(), qsizetype(results["results"].size() + 1));
    QVERIFY(lines[0].contains("anomaly_id,type,severity"));

    const HttpResult json = m_http.get(m_server->url(url + QStringLiteral("json")), bearer(m_alice));
    QCOMPARE(json.status, 200);
    QCOMPARE(json.json()["investigation_id"].get<QString>(), m_completedId);
    QCOMPARE(json.json()["results"].size(), results["results"].size());

    const HttpResult bad = m_http.get(m_server->url(url + QStringLiteral("docx")), bearer(m_alice));
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json()["error"]["details"]["field"].get<QString>(), QStringLiteral("format"));
}

void TestInvestigationsApi::cancelMidRunThen409s()
{
    const QString id = start(startBody(QStringLiteral("cancelar")), m_alice);
    QVERIFY(!id.isEmpty());
    const HttpResult cancel = m_http.request("DELETE", m_server->url(kBase + QLatin1Char('/') + id), {}, bearer(m_alice));
    QCOMPARE(cancel.status, 200);
    QCOMPARE(cancel.json()["status"].get<QString>(), QStringLiteral("cancelled"));
    QCOMPARE(cancel.json()["investigation_id"].get<QString>(), id);

    const HttpResult again = m_http.request("DELETE", m_server->url(kBase + QLatin1Char('/') + id), {}, bearer(m_alice));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("Conflict"));

    // It stays cancelled: the run that was stopped never overwrites the decision.
    QTest::qWait(300);
    const Json status = waitFinished(id, m_alice);
    QCOMPARE(status["status"].get<QString>(), QStringLiteral("cancelled"));
    const HttpResult results = m_http.get(m_server->url(kBase + QLatin1Char('/') + id + QStringLiteral("/results")),
                                          bearer(m_alice));
    QCOMPARE(results.status, 200);
    QCOMPARE(results.json()["status"].get<QString>(), QStringLiteral("cancelled"));
    QCOMPARE(results.json()["results"].size(), std::size_t(0));

    // A stream opened on a finished investigation ends at once with its completion.
    int streamStatus = 0;
    const QList<Json> events = readEventStream(m_server->url(kBase + QStringLiteral("/stream/") + id), m_alice,
                                               QStringLiteral("completion"), 30000, &streamStatus);
    QCOMPARE(streamStatus, 200);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.back()["data"]["status"].get<QString>(), QStringLiteral("cancelled"));

    // Cancelling a completed investigation is a conflict too.
    if (!m_completedId.isEmpty()) {
        const HttpResult done = m_http.request("DELETE", m_server->url(kBase + QLatin1Char('/') + m_completedId), {},
                                               bearer(m_alice));
        QCOMPARE(done.status, 409);
    }
}

void TestInvestigationsApi::resultsWhileRunningIs409()
{
    const QString id = start(startBody(QStringLiteral("ainda rodando")), m_alice);
    QVERIFY(!id.isEmpty());
    // Loading 20,000 contracts takes far longer than one local request.
    const HttpResult results = m_http.get(m_server->url(kBase + QLatin1Char('/') + id + QStringLiteral("/results")),
                                          bearer(m_alice));
    QCOMPARE(results.status, 409);
    QCOMPARE(results.errorCode(), QStringLiteral("Conflict"));
    const HttpResult exported = m_http.get(m_server->url(kBase + QLatin1Char('/') + id + QStringLiteral("/export?format=md")),
                                           bearer(m_alice));
    QCOMPARE(exported.status, 409);
    const Json finished = waitFinished(id, m_alice);
    QCOMPARE(finished["status"].get<QString>(), QStringLiteral("completed"));
    QCOMPARE(finished["progress"].get<double>(), 1.0);
    QCOMPARE(finished["current_phase"].get<QString>(), QStringLiteral("completed"));
    QCOMPARE(finished["records_processed"].get<qint64>(), m_contracts);
}

void TestInvestigationsApi::anotherUsersInvestigationIs404()
{
    const QString id = start(startBody(QStringLiteral("da alice")), m_alice);
    QVERIFY(!id.isEmpty());
    const QString path = kBase + QLatin1Char('/') + id;
    for (const QString& suffix : {QStringLiteral("/status"), QStringLiteral("/results"), QStringLiteral("/export?format=md"),
                                  QString()}) {
        const HttpResult r = m_http.get(m_server->url(path + suffix), bearer(m_bob));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("NotFound"));
    }
    QCOMPARE(m_http.get(m_server->url(kBase + QStringLiteral("/public/status/") + id), bearer(m_bob)).status, 404);
    int streamStatus = 0;
    readEventStream(m_server->url(kBase + QStringLiteral("/stream/") + id), m_bob, QStringLiteral("completion"), 10000,
                    &streamStatus);
    QCOMPARE(streamStatus, 404);
    QCOMPARE(m_http.request("DELETE", m_server->url(path), {}, bearer(m_bob)).status, 404);
    // Bob's list does not show it; Alice's does.
    const Json bobs = m_http.get(m_server->url(kBase + QStringLiteral("?limit=100")), bearer(m_bob)).json();
    for (const Json& item : bobs["items"])
        QVERIFY(item["investigation_id"].get<QString>() != id);
    // Unknown ids are 404 too, without a token 401.
    QCOMPARE(m_http.get(m_server->url(kBase + QStringLiteral("/00000000-0000-0000-0000-000000000000/status")),
                        bearer(m_alice))
                 .status,
             404);
    QCOMPARE(m_http.get(m_server->url(path + QStringLiteral("/status"))).status, 401);
    waitFinished(id, m_alice);
}

void TestInvestigationsApi::listWalksEveryPageWithoutDuplicatesOrGaps()
{
    const QString carol = registerAndLogin(m_http, *m_server, QStringLiteral("carol@example.org"));
    QVERIFY(!carol.isEmpty());
    QStringList created;
    for (int i = 0; i < 7; ++i) {
        const QString id = start(startBody(QStringLiteral("lista %1").arg(i)), carol);
        QVERIFY(!id.isEmpty());
        created.append(id);
    }
    // Forward, 3 at a time.
    QStringList seen;
    QList<QString> pageFirst;
    QString cursor;
    int pages = 0;
    QString lastCursor;
    do {
        QString path = kBase + QStringLiteral("?limit=3");
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = m_http.get(m_server->url(path), bearer(carol));
        QCOMPARE(page.status, 200);
        const Json body = page.json();
        QCOMPARE(body["total_items"].get<qint64>(), qint64(7));
        for (const Json& item : body["items"]) {
            seen.append(item["investigation_id"].get<QString>());
            QCOMPARE(item["owner_id"].is_string(), true);
        }
        lastCursor = cursor;
        cursor = body.contains("next_cursor") && body["next_cursor"].is_string() ? body["next_cursor"].get<QString>()
                                                                                 : QString();
        QCOMPARE(body["has_more"].get<bool>(), !cursor.isEmpty());
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 7);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 7);
    // Newest first: the reverse of creation order.
    QStringList expected = created;
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(seen, expected);

    // Backward from the last page: the previous page is the middle one.
    QString path = kBase + QStringLiteral("?limit=3&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(lastCursor));
    const Json last = m_http.get(m_server->url(path), bearer(carol)).json();
    QVERIFY(last["prev_cursor"].is_string());
    path = kBase + QStringLiteral("?limit=3&cursor=") +
           QString::fromLatin1(QUrl::toPercentEncoding(last["prev_cursor"].get<QString>()));
    const Json middle = m_http.get(m_server->url(path), bearer(carol)).json();
    QStringList middleIds;
    for (const Json& item : middle["items"])
        middleIds.append(item["investigation_id"].get<QString>());
    QCOMPARE(middleIds, expected.mid(3, 3));

    // The status filter.
    for (const QString& id : std::as_const(created))
        waitFinished(id, carol);
    const Json completed = m_http.get(m_server->url(kBase + QStringLiteral("?status=completed&limit=100")), bearer(carol)).json();
    if (completed["items"].size() != 7)
        qWarning() << QString::fromStdString(m_http.get(m_server->url(kBase + QStringLiteral("?limit=100")), bearer(carol)).json().dump())
                   << m_server->standardError().right(3000);
    QCOMPARE(completed["items"].size(), std::size_t(7));
    const Json failed = m_http.get(m_server->url(kBase + QStringLiteral("?status=failed")), bearer(carol)).json();
    QCOMPARE(failed["items"].size(), std::size_t(0));
}

void TestInvestigationsApi::listRejectsBadParameters()
{
    const auto check = [this](const QString& query, const QString& field) {
        const HttpResult r = m_http.get(m_server->url(kBase + query), bearer(m_alice));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json()["error"]["details"]["field"].get<QString>(), field);
    };
    check(QStringLiteral("?status=sleeping"), QStringLiteral("status"));
    check(QStringLiteral("?limit=0"), QStringLiteral("limit"));
    check(QStringLiteral("?limit=101"), QStringLiteral("limit"));
    check(QStringLiteral("?cursor=not-a-cursor"), QStringLiteral("cursor"));
    check(QStringLiteral("?colour=blue"), QStringLiteral("colour"));
}

void TestInvestigationsApi::badFiltersAre422_data()
{
    QTest::addColumn<QByteArray>("filters");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown key") << QByteArray(R"({"organisation": "x"})") << QStringLiteral("filters.organisation");
    QTest::newRow("bad date") << QByteArray(R"({"start_date": "2024-13-01"})") << QStringLiteral("filters.start_date");
    QTest::newRow("not a date") << QByteArray(R"({"end_date": "01/02/2024"})") << QStringLiteral("filters.end_date");
    QTest::newRow("impossible day") << QByteArray(R"({"start_date": "2023-02-29"})") << QStringLiteral("filters.start_date");
    QTest::newRow("start after end") << QByteArray(R"({"start_date": "2024-05-01", "end_date": "2024-01-01"})")
                                     << QStringLiteral("filters.end_date");
    QTest::newRow("min over max") << QByteArray(R"({"min_value": 10, "max_value": 5})") << QStringLiteral("filters.max_value");
    QTest::newRow("bad uf") << QByteArray(R"({"uf": "XX"})") << QStringLiteral("filters.uf");
}

void TestInvestigationsApi::badFiltersAre422()
{
    QFETCH(QByteArray, filters);
    QFETCH(QString, field);
    Json body = startBody(QStringLiteral("filtros"));
    body["filters"] = Json::parse(filters.toStdString());
    const HttpResult r = m_http.postJson(m_server->url(kBase + QStringLiteral("/start")), body, bearer(m_alice));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("ValidationError"));
    const QString named = r.json()["error"]["details"]["field"].get<QString>();
    QVERIFY2(named == field || named.startsWith(QStringLiteral("filters")), qPrintable(named));
    // Other request fields.
    QCOMPARE(m_http.postJson(m_server->url(kBase + QStringLiteral("/start")), Json{{"query", ""}}, bearer(m_alice)).status, 422);
    QCOMPARE(m_http.postJson(m_server->url(kBase + QStringLiteral("/start")),
                             Json{{"query", "x"}, {"anomaly_types", {"bogus"}}}, bearer(m_alice))
                 .status,
             422);
    QCOMPARE(m_http.postJson(m_server->url(kBase + QStringLiteral("/start")),
                             Json{{"query", "x"}, {"data_source", "weather"}}, bearer(m_alice))
                 .status,
             422);
}

void TestInvestigationsApi::publicAliases()
{
    const HttpResult created = m_http.postJson(m_server->url(kBase + QStringLiteral("/public/create")),
                                               startBody(QStringLiteral("via alias")), bearer(m_alice));
    QCOMPARE(created.status, 202);
    QCOMPARE(created.json()["status"].get<QString>(), QStringLiteral("started"));
    const QString id = created.json()["investigation_id"].get<QString>();
    const HttpResult status = m_http.get(m_server->url(kBase + QStringLiteral("/public/status/") + id), bearer(m_alice));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json()["investigation_id"].get<QString>(), id);
    waitFinished(id, m_alice);
    const HttpResult results = m_http.get(m_server->url(kBase + QStringLiteral("/public/results/") + id), bearer(m_alice));
    QCOMPARE(results.status, 200);
    QCOMPARE(results.json()["status"].get<QString>(), QStringLiteral("completed"));
    // POST / is the same as /start.
    const HttpResult root = m_http.postJson(m_server->url(kBase), startBody(QStringLiteral("raiz")), bearer(m_alice));
    QCOMPARE(root.status, 202);
    waitFinished(root.json()["investigation_id"].get<QString>(), m_alice);
}

void TestInvestigationsApi::sigkillMidRunThenRestart()
{
    QTemporaryDir dataDir;
    QVERIFY(importWithCli(dataDir.path(), m_dataset, {QStringLiteral("contracts"), QStringLiteral("expenses")}));
    QString finishedId;
    QString killedId;
    Json finishedResults;
    {
        ServerProcess server({QStringLiteral("--rate-limit"), QStringLiteral("100000")}, dataDir.path());
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpClient http;
        const QString token = registerAndLogin(http, server, QStringLiteral("dora@example.org"));
        QVERIFY(!token.isEmpty());
        HttpResult r = http.postJson(server.url(kBase + QStringLiteral("/start")), startBody(QStringLiteral("termina")),
                                     bearer(token));
        QCOMPARE(r.status, 202);
        finishedId = r.json()["investigation_id"].get<QString>();
        for (int i = 0; i < 6000; ++i) {
            const Json s = http.get(server.url(kBase + QLatin1Char('/') + finishedId + QStringLiteral("/status")), bearer(token)).json();
            if (s["status"].get<QString>() == QLatin1String("completed"))
                break;
            QTest::qWait(50);
        }
        r = http.get(server.url(kBase + QLatin1Char('/') + finishedId + QStringLiteral("/results")), bearer(token));
        QCOMPARE(r.status, 200);
        finishedResults = r.json();
        r = http.postJson(server.url(kBase + QStringLiteral("/start")), startBody(QStringLiteral("interrompida")),
                          bearer(token));
        QCOMPARE(r.status, 202);
        killedId = r.json()["investigation_id"].get<QString>();
        server.killHard();
    }
    {
        ServerProcess server({QStringLiteral("--rate-limit"), QStringLiteral("100000")}, dataDir.path());
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpClient http;
        const QString token = registerAndLogin(http, server, QStringLiteral("dora@example.org"));
        QVERIFY(!token.isEmpty());
        const Json killed = http.get(server.url(kBase + QLatin1Char('/') + killedId + QStringLiteral("/status")),
                                     bearer(token))
                                .json();
        QCOMPARE(killed["status"].get<QString>(), QStringLiteral("failed"));
        const Json summary = http.get(server.url(kBase + QLatin1Char('/') + killedId), bearer(token)).json();
        QCOMPARE(summary["reason"].get<QString>(), QStringLiteral("interrupted"));
        const HttpResult results = http.get(server.url(kBase + QLatin1Char('/') + finishedId + QStringLiteral("/results")),
                                            bearer(token));
        QCOMPARE(results.status, 200);
        QCOMPARE(results.json(), finishedResults);
        QCOMPARE(server.stop(), 0);
    }
    auto db = cidadao::store::Database::open(dataDir.filePath(QStringLiteral("cidadao.db")));
    QCOMPARE(cidadao::store::integrityCheck(*db), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestInvestigationsApi)
#include "tst_investigations_api.moc"
