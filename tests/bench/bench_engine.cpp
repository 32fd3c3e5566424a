// SPDX-License-Identifier: GPL-3.0-or-later
// bench_engine: generates N contracts (default 1,000,000) with the synthetic generator, imports every
// source into a fresh SQLite file, loads the Dataset and runs the detectors, printing one JSON object:
// generation time, import rows/s, load time, full detection time, per-detector times of the three
// detectors the pandas reference implements (and the duplicate detector's exact rule alone, which is
// all the reference's duplicate does), and peak RSS (VmHWM from /proc/self/status).
//   bench_engine [--records N] [--seed N] [--keep DIR] [--threads N] [--reuse DIR] [--only NAMES] [--repeat N]
//                [--store-floor DIR]
// --reuse DIR skips generation and import and reads DIR/bench.sqlite as a previous --keep DIR left it,
// so that load and detection can be measured again without the minutes the import takes; --only
// NAME[,NAME] runs just those detectors (for profiling one of them); each single-threaded detector
// figure is the fastest of --repeat runs (3). --store-floor DIR measures only the store's own speed on
// DIR/bench.sqlite's contracts (storefloor.h).
#include "benchclock.h"
#include "storefloor.h"

#include "data/generator.h"
#include "data/importer.h"
#include "data/loader.h"
#include "engine/detectors.h"
#include "engine/detectioncontext.h"
#include "engine/exactrepeats.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace cidadao;
using bench::cpuSeconds;
using bench::seconds;

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

// Restarts VmHWM (Linux ≥ 4.0), so that each phase's peak is its own: the generator's buffers are not
// part of what the import, the loader and the detectors need.
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

// Runs work `repeat` times; the least wall and CPU seconds (the runs the other jobs of a shared
// machine disturbed least) and every run's CPU seconds. work() returns the count it found.
template<typename Work>
nlohmann::json fastestOf(int repeat, Work&& work)
{
    double best = 1e300, bestCpu = 1e300;
    std::size_t count = 0;
    nlohmann::json runs = nlohmann::json::array();
    for (int k = 0; k < std::max(1, repeat); ++k) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        count = work();
        const double used = cpuSeconds() - cpu;
        best = std::min(best, seconds(timer));
        bestCpu = std::min(bestCpu, used);
        runs.push_back(used);
    }
    return {{"seconds", best}, {"cpu_seconds", bestCpu}, {"cpu_runs", runs}, {"found", count}};
}

// Load + detection over an imported database; prints `out` with the figures added.
int measureDetection(store::Database& db, int threads, int repeat, const QStringList& only, nlohmann::json out)
{
    QElapsedTimer timer;
    timer.start();
    double cpu = cpuSeconds();
    const engine::Dataset dataset = data::loadDataset(db);
    out["load_s"] = seconds(timer);
    out["load_cpu_s"] = cpuSeconds() - cpu;
    out["peak_rss_load_kib"] = peakRssKiB();

    engine::RunControl control;
    const engine::Day today = engine::Day(QDate(2026, 1, 1).toJulianDay() - QDate(1970, 1, 1).toJulianDay());
    control.today = [today] { return today; };
    engine::DetectorOptions detectorOptions;
    detectorOptions.threads = threads;
    timer.restart();
    cpu = cpuSeconds();
    detectorOptions.enabled = QSet<QString>(only.begin(), only.end());
    const auto findings = engine::runDetectors(dataset, detectorOptions, control);
    out["detect_all_s"] = seconds(timer);
    out["detect_all_cpu_s"] = cpuSeconds() - cpu;
    out["findings"] = findings.size();

    // Every detector alone and single-threaded, for a fair ratio against the (single-threaded)
    // reference and to see where the time goes. The run of a detector that reads the shared
    // preparation (object classes, dispensa limits) includes it; it is also measured alone as "prepare".
    nlohmann::json single = nlohmann::json::object();
    single["prepare"] = fastestOf(repeat, [&] {
        return engine::computeContractFacts(dataset, 1, control).objectClass.size();
    });
    const QStringList names = only.isEmpty() ? engine::detectorNames() : only;
    for (const QString& name : names) {
        engine::DetectorOptions one;
        one.enabled = {name};
        one.threads = 1;
        nlohmann::json figures = fastestOf(repeat, [&] { return engine::runDetectors(dataset, one, control).size(); });
        figures["findings"] = figures["found"];
        figures["uses_prepare"] = engine::detectorUsesPreparation(name);
        single[name.toStdString()] = figures;
    }
    out["detectors"] = single;

    // The duplicate detector's exact rule alone (same supplier, value and signing date), which is all
    // the pandas reference's duplicate implements: the like-for-like pair for the ratio.
    nlohmann::json exact = fastestOf(repeat, [&] {
        std::vector<std::uint8_t> repeated(dataset.contracts.size(), 0);
        engine::forEachExactRepeat(
            engine::contractExactKeys(dataset.contracts),
            [&](std::uint32_t first, std::uint32_t row) { repeated[first] = repeated[row] = 1; }, [] { return false; });
        return std::size_t(std::count(repeated.begin(), repeated.end(), std::uint8_t(1)));
    });
    exact["flagged_records"] = exact["found"];
    out["duplicate_exact"] = exact;
    out["peak_rss_kib"] = peakRssKiB(); // load + detection
    out["load_average_end"] = loadAverage();
    std::printf("%s\n", out.dump().c_str());
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    std::int64_t records = 1000000;
    std::uint64_t seed = 1;
    int threads = 0;
    int repeat = 3;
    QString keep;
    QString reuse;
    QString floorOf;
    QStringList only;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--records")
            records = args[i + 1].toLongLong();
        else if (args[i] == u"--seed")
            seed = args[i + 1].toULongLong();
        else if (args[i] == u"--keep")
            keep = args[i + 1];
        else if (args[i] == u"--threads")
            threads = args[i + 1].toInt();
        else if (args[i] == u"--reuse")
            reuse = args[i + 1];
        else if (args[i] == u"--store-floor")
            floorOf = args[i + 1];
        else if (args[i] == u"--repeat")
            repeat = args[i + 1].toInt();
        else if (args[i] == u"--only")
            only = args[i + 1].split(u',', Qt::SkipEmptyParts);
    }
    if (!floorOf.isEmpty()) {
        const QString benchDb = QDir(floorOf).filePath(QStringLiteral("bench.sqlite"));
        std::printf("%s\n", bench::measureStoreFloor(benchDb, floorOf, "contracts").dump().c_str());
        return 0;
    }
    if (!reuse.isEmpty()) {
        auto db = store::Database::open(QDir(reuse).filePath(QStringLiteral("bench.sqlite")));
        resetPeakRss();
        return measureDetection(*db, threads, repeat, only, {{"records", records}, {"reused", reuse.toStdString()},
                                               {"load_average_start", loadAverage()}});
    }
    QTemporaryDir temporary;
    const QString root = keep.isEmpty() ? temporary.path() : QDir(keep).absolutePath();
    QDir().mkpath(root);
    nlohmann::json out = {{"records", records}, {"seed", seed}};

    out["load_average_start"] = loadAverage();
    QElapsedTimer timer;
    timer.start();
    double cpu = cpuSeconds();
    data::GeneratorOptions options;
    options.seed = seed;
    options.records = records;
    options.outDir = QDir(root).filePath(QStringLiteral("csv"));
    const data::GeneratorSummary generated = data::generateDataset(options);
    out["generate_s"] = seconds(timer);
    out["generate_cpu_s"] = cpuSeconds() - cpu;
    out["contracts_csv"] = generated.fileFor(QStringLiteral("contracts")).toStdString();

    const QString dbPath = QDir(root).filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(dbPath);
    auto db = store::Database::open(dbPath);
    store::migrate(*db);
    data::Importer importer(*db);
    std::int64_t imported = 0, contractRows = 0;
    out["peak_rss_generate_kib"] = peakRssKiB();
    resetPeakRss();
    double contractSeconds = 0, contractCpu = 0;
    // The generator leaves gigabytes of dirty pages that the kernel writes back for the next seconds:
    // the import would be timed against that writeback instead of against a file a user downloaded.
    ::sync();
    double importSeconds = 0, importCpu = 0;
    for (const data::GeneratedFile& f : generated.files) {
        data::ImportOptions io;
        if (f.source == u"servant_registry" || f.source == u"labels")
            continue;
        io.source = data::sourceFromName(f.source);
        if (f.source == u"servants")
            io.servantRegistryFile = generated.fileFor(QStringLiteral("servant_registry"));
        QElapsedTimer one;
        one.start();
        const double oneCpu = cpuSeconds();
        const data::ImportReport r = importer.importFile(f.path, io);
        if (r.status != data::ImportReport::Status::Imported) {
            std::fprintf(stderr, "import failed: %s %s\n", qPrintable(f.path), qPrintable(r.error));
            return 1;
        }
        imported += r.rowsImported;
        importSeconds += seconds(one);
        importCpu += cpuSeconds() - oneCpu;
        if (f.source == u"contracts") {
            contractRows = r.rowsImported;
            contractSeconds = seconds(one);
            contractCpu = cpuSeconds() - oneCpu;
            // Right after, in the same state of the machine (and not counted in the import's time): the
            // store alone on the same rows.
            out["store_floor"] = bench::measureStoreFloor(dbPath, root, "contracts");
        }
    }
    out["import_s"] = importSeconds;
    out["import_cpu_s"] = importCpu;
    out["import_contracts_rows"] = contractRows;
    out["import_contracts_s"] = contractSeconds;
    out["import_contracts_cpu_s"] = contractCpu;
    out["import_contracts_rows_per_cpu_s"] = contractCpu > 0 ? double(contractRows) / contractCpu : 0.0;
    out["import_rows_per_cpu_s"] = double(imported) / out["import_cpu_s"].get<double>();
    out["import_rows"] = imported;
    out["import_rows_per_s"] = double(imported) / importSeconds;
    out["import_contracts_rows_per_s"] = contractSeconds > 0 ? double(contractRows) / contractSeconds : 0.0;

    out["peak_rss_import_kib"] = peakRssKiB();
    resetPeakRss();
    return measureDetection(*db, threads, repeat, only, std::move(out));
}
