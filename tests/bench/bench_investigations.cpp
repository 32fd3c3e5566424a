// SPDX-License-Identifier: GPL-3.0-or-later
// Investigations benchmark (not a test): time from POST /investigations/start to `completed` for N
// generated contracts (default 1,000,000) against a real cidadao-server, and the latency of GET
// /health while it runs. References measured in the same run: the engine alone in-process (load +
// detectors on the same database: what the API cannot be faster than) and /health latency on the
// idle server. Prints one JSON object, with the time first seen in each phase.
//   bench_investigations [records] [--data-dir DIR]   (DIR with an imported cidadao.db skips generate+import)
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include "data/loader.h"
#include "engine/detectors.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace cidadao;
using protocol::Json;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = std::size_t(p * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

bool runServerCommand(const QStringList& arguments, QByteArray* out = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(CIDADAO_SERVER_BINARY), arguments);
    process.waitForFinished(-1);
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

double timedHealth(testing::HttpClient& http, const QUrl& url)
{
    QElapsedTimer timer;
    timer.start();
    const testing::HttpResult r = http.get(url);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    return r.status == 200 ? ms : -1.0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 records = 1000000;
    QString dataDir;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--data-dir") && i + 1 < args.size())
            dataDir = args[++i];
        else
            records = args[i].toLongLong();
    }
    Json out{{"records", records}};
    QTemporaryDir scratch;
    if (dataDir.isEmpty())
        dataDir = scratch.filePath(QStringLiteral("data"));
    if (!QFile::exists(QDir(dataDir).filePath(QStringLiteral("cidadao.db")))) {
        QElapsedTimer timer;
        timer.start();
        QByteArray summaryBytes;
        const QString genDir = scratch.filePath(QStringLiteral("gen"));
        if (!runServerCommand({QStringLiteral("generate"), QStringLiteral("--seed"), QStringLiteral("1"),
                               QStringLiteral("--records"), QString::number(records), QStringLiteral("--out"), genDir},
                              &summaryBytes))
            return 1;
        out["generate_s"] = double(timer.elapsed()) / 1000.0;
        const Json summary = Json::parse(summaryBytes.mid(summaryBytes.indexOf('{')).toStdString());
        QString contracts;
        for (const Json& f : summary["files"]) {
            if (f["source"].get<QString>() == QLatin1String("contracts"))
                contracts = f["path"].get<QString>();
        }
        timer.restart();
        if (!runServerCommand({QStringLiteral("import"), QStringLiteral("--source"), QStringLiteral("contracts"),
                               QStringLiteral("--data-dir"), dataDir, contracts}))
            return 1;
        out["import_s"] = double(timer.elapsed()) / 1000.0;
        QDir(genDir).removeRecursively(); // the CSV of a million rows is large; the database is what we need
    }

    // Reference: the engine alone, in-process, on the same database (all six API types enabled).
    {
        auto db = store::Database::open(QDir(dataDir).filePath(QStringLiteral("cidadao.db")),
                                        store::Database::Mode::ReadOnly);
        QElapsedTimer timer;
        timer.start();
        data::LoadFilter filter;
        filter.servants = false;
        const engine::Dataset data = data::loadDataset(*db, filter);
        out["reference_load_s"] = double(timer.elapsed()) / 1000.0;
        timer.restart();
        engine::DetectorOptions options;
        engine::RunControl control;
        control.today = [] { return engine::toDay(2026, 1, 1); };
        const auto findings = engine::runDetectors(data, options, control);
        out["reference_detect_s"] = double(timer.elapsed()) / 1000.0;
        out["reference_findings"] = qint64(findings.size());
        out["contracts_loaded"] = qint64(data.contracts.size());
    }

    testing::ServerProcess server({QStringLiteral("--rate-limit"), QStringLiteral("1000000000")}, dataDir);
    if (!server.start(60000)) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    testing::HttpClient http;
    const Json credentials{{"email", "bench@example.org"}, {"password", "bench-password-1"}};
    Json registration = credentials;
    registration["name"] = "Bench";
    http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), registration);
    const QString token = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), credentials)
                              .json()["access_token"]
                              .get<QString>();
    const testing::Headers auth{{QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()}};
    const QUrl health = server.url(QStringLiteral("/health"));

    std::vector<double> idle;
    for (int i = 0; i < 300; ++i)
        idle.push_back(timedHealth(http, health));

    QElapsedTimer run;
    run.start();
    const testing::HttpResult started = http.postJson(
        server.url(QStringLiteral("/api/v1/investigations/start")),
        Json{{"query", "benchmark"}, {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}},
        auth);
    if (started.status != 202)
        return 1;
    const QString id = started.json()["investigation_id"].get<QString>();
    const QUrl statusUrl = server.url(QStringLiteral("/api/v1/investigations/") + id + QStringLiteral("/status"));
    std::vector<double> busy;
    Json phases = Json::object();
    Json last;
    int failures = 0;
    for (qint64 i = 0;; ++i) {
        const double ms = timedHealth(http, health);
        if (ms < 0)
            ++failures;
        else
            busy.push_back(ms);
        if (i % 10 == 0) {
            last = http.get(statusUrl, auth).json();
            const std::string phase = last.value("current_phase", std::string());
            if (!phases.contains(phase))
                phases[phase] = double(run.elapsed()) / 1000.0;
            const QString state = last.value("status", QString());
            if (state == QLatin1String("completed") || state == QLatin1String("failed"))
                break;
        }
    }
    out["api_start_to_completed_s"] = double(run.elapsed()) / 1000.0;
    out["final_status"] = last["status"];
    out["records_processed"] = last["records_processed"];
    out["anomalies"] = last["anomalies_detected"];
    out["phase_first_seen_s"] = phases;
    out["ratio_api_over_engine"] = out["api_start_to_completed_s"].get<double>() /
                                   (out["reference_load_s"].get<double>() + out["reference_detect_s"].get<double>());
    out["health_idle_ms"] = Json{{"n", idle.size()}, {"p50", percentile(idle, 0.5)}, {"p99", percentile(idle, 0.99)}};
    out["health_busy_ms"] = Json{{"n", busy.size()}, {"p50", percentile(busy, 0.5)}, {"p99", percentile(busy, 0.99)},
                                 {"max", percentile(busy, 1.0)}, {"failures", failures}};
    out["ratio_health_p99_busy_over_idle"] = percentile(busy, 0.99) / std::max(0.001, percentile(idle, 0.99));
    server.stop();
    std::printf("%s\n", out.dump().c_str());
    return last["status"] == "completed" ? 0 : 1;
}
