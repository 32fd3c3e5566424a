// SPDX-License-Identifier: GPL-3.0-or-later
// Every SQL statement the agents run over the imported records (migrations 0002/0004), in one place
// so that a change to those tables is one file to adjust. Read-only; each function takes the calling
// thread's reader connection.
#pragma once

#include "engine/columns.h"
#include "protocol/chatstream.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::agents {

struct SourceCount
{
    QString source; // protocol::DataSource word (participants/sanctions: the table name)
    qint64 records = 0;
    engine::Day first = engine::kNoDate;
    engine::Day last = engine::kNoDate;
    double total = 0.0; // money of the table's main value column
};

struct DataOverview
{
    std::vector<SourceCount> sources;
    qint64 totalRecords() const;
    const SourceCount* find(const QString& source) const;
};

struct ContractFilter
{
    QStringList organs;          // superior organ or organ codes
    QStringList supplierDocs;    // normalised CNPJ/CPF
    QString supplierName;        // folded words, matched in the searchable text (data::searchTextSql)
    QStringList words;           // folded words, all must appear in the searchable text
    engine::Day from = engine::kNoDate;
    engine::Day to = engine::kNoDate;
    std::optional<double> minValue;
    std::optional<double> maxValue;
};

struct ContractSearch
{
    qint64 total = 0;
    double totalValue = 0.0;
    QList<protocol::ContractData> rows; // largest value first
};

struct RankedName
{
    QString code;
    QString name;
    qint64 count = 0;
    double total = 0.0;
};

struct SanctionRow
{
    QString registry;
    QString name;
    QString category;
    engine::Day start = engine::kNoDate;
    engine::Day end = engine::kNoDate;
    QString organ;
};

struct SupplierProfile
{
    QString doc;
    QString name;
    qint64 contracts = 0;
    double total = 0.0;
    engine::Day first = engine::kNoDate;
    engine::Day last = engine::kNoDate;
    std::vector<RankedName> organs; // by total, descending (top 5)
    std::vector<SanctionRow> sanctions;
};

struct ServantPayStats
{
    qint64 rows = 0;            // servant-months
    qint64 servants = 0;        // distinct servants
    double averageNet = 0.0;
    double averageGross = 0.0;
    double totalNet = 0.0;
    double maxNet = 0.0;
    QString maxName;
    QString maxRole;
    int maxYear = 0;
    int maxMonth = 0;
    qint64 aboveThreshold = 0;  // months with net pay above `threshold`
    double threshold = 0.0;
    int firstYear = 0;
    int lastYear = 0;
    std::vector<RankedName> organs; // by average net pay, descending (top 5): count = servant-months
};

DataOverview dataOverview(store::Database& db);
ContractSearch searchContracts(store::Database& db, const ContractFilter& filter, int limit);
std::vector<RankedName> topSuppliers(store::Database& db, const ContractFilter& filter, int limit);
// By document (exact) or, when doc is empty, by folded name words. nullopt when no contract matches.
std::optional<SupplierProfile> supplierProfile(store::Database& db, const QString& doc, const QString& foldedName);
// organs: servant_pay.organ codes; years inclusive (0 = open).
ServantPayStats servantPay(store::Database& db, const QStringList& organs, int fromYear, int toYear, double threshold);

QString isoDate(engine::Day day); // "2023-05-01"; empty for kNoDate

} // namespace cidadao::agents
