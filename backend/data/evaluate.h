// SPDX-License-Identifier: GPL-3.0-or-later
// `cidadao-server evaluate`: the engine measured on the synthetic generator's labelled data, through
// the whole real path — Portal-format CSV → importers → SQLite → loader → detectors — and scored
// record by record per detector (flagged = union of a detector's finding rows, labelled = labels.csv).
// Synthetic scores do not carry over to real labels.
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace cidadao::data {

struct EvaluateOptions
{
    std::uint64_t seed = 1;
    std::int64_t records = 20000;
    QString keepDir;          // keep the CSVs, labels and database here (empty: a temporary directory)
};

struct DetectorScore
{
    QString detector;
    std::int64_t truePositives = 0;
    std::int64_t falsePositives = 0;
    std::int64_t falseNegatives = 0;
    std::optional<double> precision;   // nullopt when nothing was flagged
    std::optional<double> recall;      // nullopt when nothing was labelled
    bool targetMet = false;
    QString target;                    // the DETECTORS.md target it was held to
    QStringList falsePositiveSamples;  // up to 5 "table:key" of each kind, to debug disagreements
    QStringList falseNegativeSamples;
};

struct EvaluationReport
{
    std::uint64_t seed = 0;
    std::int64_t records = 0;
    std::vector<DetectorScore> detectors;
    double generateSeconds = 0, importSeconds = 0, loadSeconds = 0, detectSeconds = 0;
    std::int64_t importedRows = 0;
    std::int64_t rejectedRows = 0;
    bool targetsMet = false;

    nlohmann::json toJson() const;
};

// Throws std::runtime_error when a phase fails (a file rejected by the importer, I/O).
EvaluationReport runEvaluation(const EvaluateOptions& options);

// `cidadao-server evaluate --seed N --records N [--json] [--keep DIR]`; prints one JSON object.
// Exit code 0 when every target is met, 1 when not, 2 on a usage error, 3 when a phase failed.
int runEvaluateCommand(const QStringList& args);

} // namespace cidadao::data
