// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the synthetic world as Portal files plus labels.csv (source;record_key;detector).
#pragma once

#include "data/generatormodel.h"

#include <QString>

#include <map>
#include <string>

namespace cidadao::data::generator {

struct WrittenFile
{
    QString source;    // contracts, biddings, participants, agreements, expenses, servants_pay, servants_registry,
                       // sanctions_ceis, sanctions_cnep, labels
    QString fileName;  // inside the output directory
    std::int64_t rows = 0;
};

struct WriteResult
{
    std::vector<WrittenFile> files;
    std::map<std::string, std::int64_t> labelsPerDetector;
    std::map<std::string, std::int64_t> labelledRecordsPerSource;
};

// The record keys labels.csv uses; they are what the loader stores in TableBase::key.
std::string contractKey(const World& world, const Contract& contract);
std::string biddingKey(const World& world, const Bidding& bidding);
std::string agreementKey(const Agreement& agreement);
std::string paymentKey(const World& world, const Payment& payment);
std::string payKey(const World& world, const PayRow& row);

// Throws std::runtime_error when a file cannot be written.
WriteResult writeWorld(const World& world, const QString& directory);

} // namespace cidadao::data::generator
