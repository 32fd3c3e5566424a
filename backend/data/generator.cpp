// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generator.h"

#include "data/generatoranomalies.h"
#include "data/generatorcontracts.h"
#include "data/generatorsources.h"
#include "data/generatorwrite.h"

#include <QDir>
#include <QElapsedTimer>

#include <cstdio>
#include <stdexcept>

namespace cidadao::data {

using namespace generator;

QString GeneratorSummary::fileFor(const QString& source) const
{
    for (const GeneratedFile& f : files)
        if (f.source == source)
            return f.path;
    return {};
}

nlohmann::json GeneratorSummary::toJson() const
{
    nlohmann::json out = {{"seed", seed}, {"records", contracts}, {"seconds", seconds}};
    nlohmann::json list = nlohmann::json::array();
    for (const GeneratedFile& f : files)
        list.push_back({{"source", f.source.toStdString()}, {"path", f.path.toStdString()}, {"rows", f.rows}});
    out["files"] = list;
    out["labels"] = labelsPerDetector;
    out["labelled_records"] = labelledRecordsPerSource;
    return out;
}

GeneratorSummary generateDataset(const GeneratorOptions& options)
{
    if (options.records < 100)
        throw std::invalid_argument("records must be at least 100");
    QElapsedTimer timer;
    timer.start();
    World world;
    // One independent stream per phase: changing how one source is built leaves the others' numbers.
    GeneratorRandom root(options.seed);
    GeneratorRandom worldRandom = root.fork(1);
    GeneratorRandom contractRandom = root.fork(2);
    GeneratorRandom sourceRandom = root.fork(4);

    buildWorld(world, options.records, worldRandom);
    const InjectionPlan plan = InjectionPlan::forContracts(options.records);
    {
        ContractSampler cleanSampler(world, contractRandom);
        // The injections add new contracts (Benford groups, spikes, series, copies): the background
        // makes up the rest of the requested count.
        generateCleanContracts(cleanSampler, std::max<std::int64_t>(options.records / 2,
                                                                    options.records - plan.addedContracts()));
        Injector injector(cleanSampler, plan);
        injector.run();
    }
    numberContracts(world);
    buildBiddings(world, sourceRandom, options.singleBidderRate);
    buildPayments(world, sourceRandom);
    buildAgreements(world, sourceRandom, std::max<std::int64_t>(40, options.records / 20), options.agreementDateRate);
    buildServants(world, sourceRandom, std::max<std::int64_t>(60, options.records / 400), options.payOverCeilingRate);
    buildCleanSanctions(world, sourceRandom, std::max<std::int64_t>(20, options.records / 100));

    const QString dir = QDir(options.outDir).absolutePath();
    const WriteResult written = writeWorld(world, dir);

    GeneratorSummary summary;
    summary.seed = options.seed;
    summary.contracts = std::int64_t(world.contracts.size());
    for (const WrittenFile& f : written.files)
        summary.files.push_back({f.source, QDir(dir).filePath(f.fileName), f.rows});
    summary.labelsPerDetector = written.labelsPerDetector;
    summary.labelledRecordsPerSource = written.labelledRecordsPerSource;
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

int runGenerateCommand(const QStringList& args)
{
    GeneratorOptions options;
    bool ok = true;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--seed") && hasValue)
            options.seed = args[++i].toULongLong(&ok);
        else if (arg == QLatin1String("--records") && hasValue)
            options.records = args[++i].toLongLong(&ok);
        else if (arg == QLatin1String("--out") && hasValue)
            options.outDir = args[++i];
        else
            ok = false;
        if (!ok) {
            std::fprintf(stderr, "usage: cidadao-server generate [--seed N] [--records N] --out DIR\n"
                                 "unexpected argument: %s\n", qPrintable(arg));
            return 2;
        }
    }
    if (options.outDir.isEmpty() || options.records < 100) {
        std::fprintf(stderr, "usage: cidadao-server generate [--seed N] [--records N (>= 100)] --out DIR\n");
        return 2;
    }
    try {
        const GeneratorSummary summary = generateDataset(options);
        std::printf("%s\n", summary.toJson().dump().c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "generate failed: %s\n", e.what());
        return 1;
    }
}

} // namespace cidadao::data
