// SPDX-License-Identifier: GPL-3.0-or-later
// Entity extraction from one chat message: órgãos (by name, in pt-BR or en, and by SIAFI code),
// suppliers (CNPJ with its check digits, or a name), dates and periods, money values and bounds,
// the data source, anomaly types, and investigation/anomaly ids. The agents turn these into query
// filters and tool parameters.
#pragma once

#include "engine/columns.h"
#include "protocol/jsonqt.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cidadao::agents {

struct OrganMention
{
    QString code; // SIAFI code of the superior organ ("36000")
    QString name; // "Ministério da Saúde"
};

struct Entities
{
    std::vector<OrganMention> organs;
    QStringList cnpjs;                 // normalised (14 characters)
    QStringList invalidCnpjs;          // written like a CNPJ but the check digits fail
    std::optional<QString> supplierName;
    engine::Day from = engine::kNoDate; // inclusive period
    engine::Day to = engine::kNoDate;
    QString periodLabel;               // "2023", "01/2023–06/2023" (as understood)
    std::optional<double> minValue;
    std::optional<double> maxValue;
    std::vector<double> values;        // every amount mentioned
    std::optional<QString> dataSource; // protocol::DataSource word
    QStringList anomalyTypes;          // protocol::AnomalyType words
    std::optional<QString> investigationId;
    std::optional<QString> anomalyId;

    bool hasPeriod() const { return from != engine::kNoDate || to != engine::kNoDate; }
};

Entities extractEntities(const QString& message);
protocol::Json toJson(const Entities& entities);

// The built-in directory of federal organs (superior organ SIAFI code, name, folded aliases).
struct OrganEntry
{
    QString code;
    QString name;
    QStringList aliases;
};
const std::vector<OrganEntry>& organDirectory();

} // namespace cidadao::agents
