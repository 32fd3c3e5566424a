// SPDX-License-Identifier: GPL-3.0-or-later
// bench_import: imports one Portal file into a fresh SQLite database and loads it back into the
// engine's Dataset, printing one JSON object with wall and CPU seconds of each phase and the peak RSS.
// CPU time is reported next to wall time because the machine is shared: wall time measures the load
// of everyone's builds as much as ours.
//   bench_import --source contracts FILE [--db PATH] [--no-load]
#include "benchclock.h"

#include "data/importer.h"
#include "data/loader.h"
#include "data/sources.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <cstdio>

using namespace cidadao;
using bench::cpuSeconds;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString sourceName = QStringLiteral("contracts");
    QString file;
    QString dbPath;
    bool load = true;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--source" && i + 1 < args.size())
            sourceName = args[++i];
        else if (args[i] == u"--no-load")
            load = false;
        else if (args[i] == u"--db" && i + 1 < args.size())
            dbPath = args[++i];
        else
            file = args[i];
    }
    if (file.isEmpty()) {
        std::fprintf(stderr, "usage: bench_import [--source S] [--db PATH] [--no-load] FILE\n");
        return 2;
    }
    QTemporaryDir temporary;
    if (dbPath.isEmpty())
        dbPath = temporary.filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(dbPath);
    auto db = store::Database::open(dbPath);
    store::migrate(*db);

    data::ImportOptions options;
    options.source = data::sourceFromName(sourceName);
    QElapsedTimer wall;
    wall.start();
    double cpu = cpuSeconds();
    const data::ImportReport report = data::Importer(*db).importFile(file, options);
    nlohmann::json out = {{"file", file.toStdString()}, {"status", data::statusName(report.status).toStdString()},
                          {"rows", report.rowsImported}, {"rejected", report.rowsRejected}};
    out["import_wall_s"] = double(wall.nsecsElapsed()) / 1e9;
    out["import_cpu_s"] = cpuSeconds() - cpu;
    out["import_rows_per_wall_s"] = double(report.rowsImported) / out["import_wall_s"].get<double>();
    out["import_rows_per_cpu_s"] = double(report.rowsImported) / out["import_cpu_s"].get<double>();

    out["peak_rss_import_kib"] = peakRssKiB();
    if (load) {
        wall.restart();
        cpu = cpuSeconds();
        const engine::Dataset dataset = data::loadDataset(*db);
        out["load_wall_s"] = double(wall.nsecsElapsed()) / 1e9;
        out["load_cpu_s"] = cpuSeconds() - cpu;
        out["loaded_contracts"] = dataset.contracts.size();
    }
    out["db_bytes"] = QFile(dbPath).size();
    out["peak_rss_kib"] = peakRssKiB();
    std::printf("%s\n", out.dump().c_str());
    return report.status == data::ImportReport::Status::Imported ? 0 : 1;
}
