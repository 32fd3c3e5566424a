// SPDX-License-Identifier: GPL-3.0-or-later
// bench_engine: generates N contracts (default 1,000,000) with the synthetic generator, imports every
// source into a fresh SQLite file, loads the Dataset and runs the detectors, printing one JSON object:
// generation time, import rows/s, load time, full detection time, per-detector times of the three
// detectors the pandas reference implements, and peak RSS (VmHWM from /proc/self/status).
//   bench_engine [--records N] [--seed N] [--keep DIR] [--threads N]
#include "data/generator.h"
#include "data/importer.h"
#include "data/loader.h"
#include "engine/detectors.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <cstdio>

using namespace cidadao;

namespace {

long peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    std::int64_t records = 1000000;
    std::uint64_t seed = 1;
    int threads = 0;
    QString keep;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--records")
            records = args[i + 1].toLongLong();
        else if (args[i] == u"--seed")
            seed = args[i + 1].toULongLong();
        else if (args[i] == u"--keep")
            keep = args[i + 1];
        else if (args[i] == u"--threads")
            threads = args[i + 1].toInt();
    }
    QTemporaryDir temporary;
    const QString root = keep.isEmpty() ? temporary.path() : QDir(keep).absolutePath();
    QDir().mkpath(root);
    nlohmann::json out = {{"records", records}, {"seed", seed}};

    QElapsedTimer timer;
    timer.start();
    data::GeneratorOptions options;
    options.seed = seed;
    options.records = records;
    options.outDir = QDir(root).filePath(QStringLiteral("csv"));
    const data::GeneratorSummary generated = data::generateDataset(options);
    out["generate_s"] = seconds(timer);
    out["contracts_csv"] = generated.fileFor(QStringLiteral("contracts")).toStdString();

    const QString dbPath = QDir(root).filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(dbPath);
    auto db = store::Database::open(dbPath);
    store::migrate(*db);
    data::Importer importer(*db);
    std::int64_t imported = 0, contractRows = 0;
    double contractSeconds = 0;
    timer.restart();
    for (const data::GeneratedFile& f : generated.files) {
        data::ImportOptions io;
        if (f.source == u"servant_registry" || f.source == u"labels")
            continue;
        io.source = data::sourceFromName(f.source);
        if (f.source == u"servants")
            io.servantRegistryFile = generated.fileFor(QStringLiteral("servant_registry"));
        QElapsedTimer one;
        one.start();
        const data::ImportReport r = importer.importFile(f.path, io);
        if (r.status != data::ImportReport::Status::Imported) {
            std::fprintf(stderr, "import failed: %s %s\n", qPrintable(f.path), qPrintable(r.error));
            return 1;
        }
        imported += r.rowsImported;
        if (f.source == u"contracts") {
            contractRows = r.rowsImported;
            contractSeconds = seconds(one);
        }
    }
    const double importSeconds = seconds(timer);
    out["import_s"] = importSeconds;
    out["import_rows"] = imported;
    out["import_rows_per_s"] = double(imported) / importSeconds;
    out["import_contracts_rows_per_s"] = contractSeconds > 0 ? double(contractRows) / contractSeconds : 0.0;

    timer.restart();
    const engine::Dataset dataset = data::loadDataset(*db);
    out["load_s"] = seconds(timer);

    engine::RunControl control;
    const engine::Day today = engine::Day(QDate(2026, 1, 1).toJulianDay() - QDate(1970, 1, 1).toJulianDay());
    control.today = [today] { return today; };
    engine::DetectorOptions detectorOptions;
    detectorOptions.threads = threads;
    timer.restart();
    const auto findings = engine::runDetectors(dataset, detectorOptions, control);
    out["detect_all_s"] = seconds(timer);
    out["findings"] = findings.size();

    // The three detectors the reference implements, alone and single-threaded, for a fair ratio.
    nlohmann::json single = nlohmann::json::object();
    for (const char* name : {"price_outlier", "vendor_concentration", "duplicate"}) {
        engine::DetectorOptions one;
        one.enabled = {QString::fromLatin1(name)};
        one.threads = 1;
        timer.restart();
        const auto f = engine::runDetectors(dataset, one, control);
        single[name] = {{"seconds", seconds(timer)}, {"findings", f.size()}};
    }
    out["detectors"] = single;
    out["peak_rss_kib"] = peakRssKiB();
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
