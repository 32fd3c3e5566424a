// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/evaluate.h"

#include "data/generator.h"
#include "data/importer.h"
#include "data/loader.h"
#include "engine/detectors.h"
#include "engine/finding.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>
#include <stdexcept>

namespace cidadao::data {

namespace {

// DETECTORS.md "Evaluation": rule detectors must be exact; the statistical ones have their own bars.
struct Target
{
    double precision;
    double recall;
    const char* text;
};

Target targetFor(const QString& detector)
{
    if (detector == u"price_outlier")
        return {0.80, 0.90, "precision >= 0.80, recall >= 0.90 (3-10x injections)"};
    if (detector == u"duplicate")
        return {0.95, 0.90, "precision >= 0.95 (recall >= 0.90 expected of injected pairs)"};
    if (detector == u"benford")
        return {0.80, 0.95, "power (recall) >= 0.95 at n = 500; false alarms on clean groups <= 5 %"};
    if (detector == u"temporal_spike")
        return {0.90, 0.90, "precision and recall >= 0.90 (robust z, statistical)"};
    return {1.0, 1.0, "rule detector: precision = recall = 1.0"};
}

QString recordId(const QString& table, const QString& key)
{
    return table + QLatin1Char(':') + key;
}

// labels.csv: "source;record_key;detector" (plain ASCII, LF).
QHash<QString, QSet<QString>> readLabels(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    QHash<QString, QSet<QString>> labels;
    bool header = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (header || line.isEmpty()) {
            header = false;
            continue;
        }
        const QStringList parts = line.split(QLatin1Char(';'));
        if (parts.size() != 3)
            throw std::runtime_error("malformed labels line: " + line.toStdString());
        labels[parts[2]].insert(recordId(parts[0], parts[1]));
    }
    return labels;
}

double seconds(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

void importAll(store::Database& db, const GeneratorSummary& generated, EvaluationReport& report)
{
    Importer importer(db);
    auto importOne = [&](const QString& path, Source source, const QString& registry = {}) {
        ImportOptions options;
        options.source = source;
        options.servantRegistryFile = registry;
        const ImportReport r = importer.importFile(path, options);
        if (r.status != ImportReport::Status::Imported)
            throw std::runtime_error("import of " + path.toStdString() + " failed: " + r.error.toStdString());
        report.importedRows += r.rowsImported;
        report.rejectedRows += r.rowsRejected;
    };
    for (const GeneratedFile& f : generated.files) {
        if (f.source == u"contracts")
            importOne(f.path, Source::Contracts);
        else if (f.source == u"biddings")
            importOne(f.path, Source::Biddings);
        else if (f.source == u"participants")
            importOne(f.path, Source::Participants);
        else if (f.source == u"agreements")
            importOne(f.path, Source::Agreements);
        else if (f.source == u"expenses")
            importOne(f.path, Source::Expenses);
        else if (f.source == u"servants")
            importOne(f.path, Source::Servants, generated.fileFor(QStringLiteral("servant_registry")));
        else if (f.source == u"sanctions")
            importOne(f.path, Source::Sanctions);
    }
}

} // namespace

nlohmann::json EvaluationReport::toJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const DetectorScore& s : detectors) {
        nlohmann::json j = {{"detector", s.detector.toStdString()},
                            {"precision", s.precision ? nlohmann::json(*s.precision) : nlohmann::json(nullptr)},
                            {"recall", s.recall ? nlohmann::json(*s.recall) : nlohmann::json(nullptr)},
                            {"true_positives", s.truePositives},
                            {"false_positives", s.falsePositives},
                            {"false_negatives", s.falseNegatives},
                            {"target", s.target.toStdString()},
                            {"target_met", s.targetMet}};
        auto samples = [](const QStringList& keys) {
            nlohmann::json a = nlohmann::json::array();
            for (const QString& k : keys)
                a.push_back(k.toStdString());
            return a;
        };
        if (!s.falsePositiveSamples.isEmpty())
            j["false_positive_samples"] = samples(s.falsePositiveSamples);
        if (!s.falseNegativeSamples.isEmpty())
            j["false_negative_samples"] = samples(s.falseNegativeSamples);
        list.push_back(std::move(j));
    }
    return {{"seed", seed},
            {"records", records},
            {"detectors", list},
            {"phases",
             {{"generate_s", generateSeconds}, {"import_s", importSeconds}, {"load_s", loadSeconds},
              {"detect_s", detectSeconds}}},
            {"imported_rows", importedRows},
            {"rejected_rows", rejectedRows},
            {"targets_met", targetsMet},
            {"note", "synthetic scores do not carry over to real labels"}};
}

EvaluationReport runEvaluation(const EvaluateOptions& options)
{
    EvaluationReport report;
    report.seed = options.seed;
    report.records = options.records;

    QTemporaryDir temporary;
    const QString root = options.keepDir.isEmpty() ? temporary.path() : QDir(options.keepDir).absolutePath();
    if (options.keepDir.isEmpty() && !temporary.isValid())
        throw std::runtime_error("cannot create a temporary directory");
    QDir().mkpath(root);

    QElapsedTimer timer;
    timer.start();
    GeneratorOptions generatorOptions;
    generatorOptions.seed = options.seed;
    generatorOptions.records = options.records;
    generatorOptions.outDir = QDir(root).filePath(QStringLiteral("csv"));
    const GeneratorSummary generated = generateDataset(generatorOptions);
    report.generateSeconds = seconds(timer);

    const QString dbPath = QDir(root).filePath(QStringLiteral("evaluate.sqlite"));
    QFile::remove(dbPath);
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    auto db = store::Database::open(dbPath);
    store::migrate(*db);
    timer.restart();
    importAll(*db, generated, report);
    report.importSeconds = seconds(timer);

    timer.restart();
    const engine::Dataset dataset = loadDataset(*db);
    report.loadSeconds = seconds(timer);

    timer.restart();
    engine::RunControl control;
    // "Today" is the day after the data ends, so that results do not depend on the wall clock.
    const engine::Day today = engine::Day(QDate(2026, 1, 1).toJulianDay() - QDate(1970, 1, 1).toJulianDay());
    control.today = [today] { return today; };
    const std::vector<engine::Finding> findings = engine::runDetectors(dataset, engine::DetectorOptions{}, control);
    report.detectSeconds = seconds(timer);

    QHash<QString, QSet<QString>> flagged;
    for (const engine::Finding& f : findings) {
        const QString table = engine::sourceTableName(f.table);
        for (const QString& key : engine::affectedKeys(f, dataset))
            flagged[f.detector].insert(recordId(table, key));
    }
    const QHash<QString, QSet<QString>> labelled = readLabels(generated.fileFor(QStringLiteral("labels")));

    report.targetsMet = true;
    for (const QString& detector : engine::detectorNames()) {
        const QSet<QString> flags = flagged.value(detector);
        const QSet<QString> labels = labelled.value(detector);
        DetectorScore score;
        score.detector = detector;
        for (const QString& id : flags) {
            if (labels.contains(id))
                ++score.truePositives;
            else if (++score.falsePositives <= 5)
                score.falsePositiveSamples.append(id);
        }
        for (const QString& id : labels) {
            if (!flags.contains(id) && ++score.falseNegatives <= 5)
                score.falseNegativeSamples.append(id);
        }
        if (!flags.isEmpty())
            score.precision = double(score.truePositives) / double(flags.size());
        if (!labels.isEmpty())
            score.recall = double(score.truePositives) / double(labels.size());
        const Target target = targetFor(detector);
        score.target = QString::fromUtf8(target.text);
        // Nothing flagged and nothing labelled is a pass; nothing labelled but something flagged is not.
        score.targetMet = (labels.isEmpty() ? score.falsePositives == 0 : score.recall.value_or(0) >= target.recall)
            && score.precision.value_or(labels.isEmpty() ? 1.0 : 0.0) >= target.precision;
        report.targetsMet = report.targetsMet && score.targetMet;
        report.detectors.push_back(std::move(score));
    }
    return report;
}

int runEvaluateCommand(const QStringList& args)
{
    EvaluateOptions options;
    bool ok = true;
    for (qsizetype i = 0; i < args.size() && ok; ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--seed") && hasValue)
            options.seed = args[++i].toULongLong(&ok);
        else if (arg == QLatin1String("--records") && hasValue)
            options.records = args[++i].toLongLong(&ok);
        else if (arg == QLatin1String("--keep") && hasValue)
            options.keepDir = args[++i];
        else if (arg != QLatin1String("--json")) // JSON is the only output format
            ok = false;
    }
    if (!ok || options.records < 100) {
        std::fprintf(stderr, "usage: cidadao-server evaluate [--seed N] [--records N (>= 100)] [--json] [--keep DIR]\n");
        return 2;
    }
    try {
        const EvaluationReport report = runEvaluation(options);
        std::printf("%s\n", report.toJson().dump().c_str());
        return report.targetsMet ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "evaluate failed: %s\n", e.what());
        return 3;
    }
}

} // namespace cidadao::data
