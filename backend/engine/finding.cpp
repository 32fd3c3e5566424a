// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/finding.h"

#include <cmath>

namespace cidadao::engine {

namespace {
const char16_t* const kSeverityNames[] = {u"low", u"medium", u"high", u"critical"};
const char16_t* const kTableNames[] = {u"contracts", u"biddings", u"participants", u"agreements",
                                      u"expenses", u"servants", u"sanctions"};

const TableBase& tableOf(const Dataset& data, SourceTable table)
{
    switch (table) {
    case SourceTable::Contracts: return data.contracts;
    case SourceTable::Biddings: return data.biddings;
    case SourceTable::Participants: return data.participants;
    case SourceTable::Agreements: return data.agreements;
    case SourceTable::Expenses: return data.expenses;
    case SourceTable::Servants: return data.servants;
    case SourceTable::Sanctions: return data.sanctions;
    }
    return data.contracts;
}
} // namespace

QString severityName(Severity severity)
{
    return QString::fromUtf16(kSeverityNames[int(severity)]);
}

std::optional<Severity> severityFromName(const QString& name)
{
    for (int i = 0; i < 4; ++i)
        if (name == QStringView(kSeverityNames[i]))
            return Severity(i);
    return std::nullopt;
}

QString sourceTableName(SourceTable table)
{
    return QString::fromUtf16(kTableNames[int(table)]);
}

std::optional<SourceTable> sourceTableFromName(const QString& name)
{
    for (int i = 0; i < 7; ++i)
        if (name == QStringView(kTableNames[i]))
            return SourceTable(i);
    return std::nullopt;
}

QStringList affectedKeys(const Finding& finding, const Dataset& data)
{
    const TableBase& table = tableOf(data, finding.table);
    QStringList keys;
    keys.reserve(qsizetype(finding.rows.size()));
    for (std::uint32_t row : finding.rows)
        if (row < table.size())
            keys.append(data.strings.at(table.key[row]));
    return keys;
}

nlohmann::json toJson(const Finding& finding, const Dataset* data)
{
    nlohmann::json j = nlohmann::json::object();
    j["detector"] = finding.detector.toStdString();
    j["type"] = finding.type.toStdString();
    j["severity"] = severityName(finding.severity).toStdString();
    j["confidence"] = finding.confidence;
    j["observed"] = std::isfinite(finding.observed) ? nlohmann::json(finding.observed) : nlohmann::json();
    j["threshold"] = std::isfinite(finding.threshold) ? nlohmann::json(finding.threshold) : nlohmann::json();
    j["peer_group"] = finding.peerGroup.toStdString();
    j["basis"] = finding.basis.toStdString();
    j["table"] = sourceTableName(finding.table).toStdString();
    j["rows"] = finding.rows;
    nlohmann::json actions = nlohmann::json::array();
    for (const QString& action : finding.suggestedActions)
        actions.push_back(action.toStdString());
    j["suggested_actions"] = std::move(actions);
    j["explanation_pt"] = finding.explanationPt.toStdString();
    j["explanation_en"] = finding.explanationEn.toStdString();
    j["metadata"] = finding.metadata;
    if (data) {
        nlohmann::json keys = nlohmann::json::array();
        for (const QString& key : affectedKeys(finding, *data))
            keys.push_back(key.toStdString());
        j["affected_records"] = std::move(keys);
    }
    return j;
}

} // namespace cidadao::engine
