// SPDX-License-Identifier: GPL-3.0-or-later
// The deterministic synthetic data set of DETECTORS.md "Evaluation": Portal-format CSV files for every
// source (ISO-8859-1, `;`, quoted, CRLF, decimal comma, DD/MM/YYYY) with injected anomalies of every
// detector's kind, and labels.csv naming the records each detector should report. One seed gives
// byte-identical files on every platform (no std::*_distribution). It is also the local mode's
// sample data set.
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cidadao::data {

struct GeneratorOptions
{
    std::uint64_t seed = 1;
    std::int64_t records = 20000;   // contracts; the other sources scale with it
    QString outDir;
    // Fractions of rows with an injected anomaly in the sources that are not contracts.
    double singleBidderRate = 0.015;
    double agreementDateRate = 0.015;
    double payOverCeilingRate = 0.015;
};

struct GeneratedFile
{
    QString source;    // contracts, biddings, participants, agreements, expenses, servants, servant_registry,
                       // sanctions, labels
    QString path;      // absolute
    std::int64_t rows = 0;
};

struct GeneratorSummary
{
    std::uint64_t seed = 0;
    std::int64_t contracts = 0;
    std::vector<GeneratedFile> files;
    std::map<std::string, std::int64_t> labelsPerDetector;       // detector → labelled records
    std::map<std::string, std::int64_t> labelledRecordsPerSource; // source → records with ≥ 1 label
    double seconds = 0;

    QString fileFor(const QString& source) const; // the first file of that source ("" when none)
    nlohmann::json toJson() const;
};

// Builds and writes the data set; throws std::runtime_error when the directory cannot be written.
GeneratorSummary generateDataset(const GeneratorOptions& options);

// `cidadao-server generate --seed N --records N --out DIR`: prints the summary as one JSON line.
// args are the arguments after "generate". Returns the process exit code (2 = usage error).
int runGenerateCommand(const QStringList& args);

} // namespace cidadao::data
