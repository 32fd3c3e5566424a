// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidence.h"

#include "engine/suggestedactions.h"
#include "engine/textfold.h"

#include <QUuid>

#include <cmath>

namespace cidadao::investigations {

using protocol::Json;

namespace {

void putText(Json& row, const char* key, const QString& value)
{
    if (!value.isEmpty())
        row[key] = value;
}

void putValue(Json& row, const char* key, double value)
{
    if (!std::isnan(value))
        row[key] = value;
}

void putDate(Json& row, const char* key, engine::Day day)
{
    if (day != engine::kNoDate)
        row[key] = isoDate(day);
}

Json contractRow(const engine::Dataset& d, std::size_t i)
{
    const engine::ContractTable& t = d.contracts;
    const auto& s = d.strings;
    Json row{{"table", "contracts"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "number", s.at(t.number[i]));
    putText(row, "object", t.object[i].left(200));
    putText(row, "modality", s.at(t.modality[i]));
    putText(row, "organ", s.at(t.organ[i]));
    putText(row, "organ_name", s.at(t.organName[i]));
    putText(row, "unit", s.at(t.unit[i]));
    putText(row, "unit_name", s.at(t.unitName[i]));
    putText(row, "supplier_doc", s.at(t.supplierDoc[i]));
    putText(row, "supplier_name", s.at(t.supplierName[i]));
    putDate(row, "signed_date", t.signed_[i]);
    putValue(row, "initial_value", t.initialValue[i]);
    putValue(row, "final_value", t.finalValue[i]);
    return row;
}

Json biddingRow(const engine::Dataset& d, std::size_t i)
{
    const engine::BiddingTable& t = d.biddings;
    const auto& s = d.strings;
    Json row{{"table", "biddings"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "number", s.at(t.number[i]));
    putText(row, "object", t.object[i].left(200));
    putText(row, "modality", s.at(t.modality[i]));
    putText(row, "organ", s.at(t.organ[i]));
    putText(row, "unit", s.at(t.unit[i]));
    putText(row, "uf", s.at(t.uf[i]));
    putText(row, "municipality", s.at(t.municipality[i]));
    putDate(row, "open_date", t.openDate[i]);
    putValue(row, "value", t.value[i]);
    return row;
}

Json participantRow(const engine::Dataset& d, std::size_t i)
{
    const engine::ParticipantTable& t = d.participants;
    const auto& s = d.strings;
    Json row{{"table", "participants"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "bidding_number", s.at(t.biddingNumber[i]));
    putText(row, "unit", s.at(t.unit[i]));
    putText(row, "participant_doc", s.at(t.participantDoc[i]));
    putText(row, "participant_name", s.at(t.participantName[i]));
    row["winner"] = t.winner[i] != 0;
    return row;
}

Json agreementRow(const engine::Dataset& d, std::size_t i)
{
    const engine::AgreementTable& t = d.agreements;
    const auto& s = d.strings;
    Json row{{"table", "agreements"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "number", s.at(t.number[i]));
    putText(row, "object", t.object[i].left(200));
    putText(row, "uf", s.at(t.uf[i]));
    putText(row, "municipality", s.at(t.municipality[i]));
    putText(row, "grantor_organ", s.at(t.grantorOrgan[i]));
    putText(row, "grantee_doc", s.at(t.granteeDoc[i]));
    putText(row, "grantee_name", s.at(t.granteeName[i]));
    putDate(row, "published_date", t.published[i]);
    putValue(row, "value", t.value[i]);
    putValue(row, "released", t.released[i]);
    return row;
}

Json expenseRow(const engine::Dataset& d, std::size_t i)
{
    const engine::ExpenseTable& t = d.expenses;
    const auto& s = d.strings;
    Json row{{"table", "expenses"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "payment_code", s.at(t.paymentCode[i]));
    putText(row, "payee_doc", s.at(t.payeeDoc[i]));
    putText(row, "payee_name", s.at(t.payeeName[i]));
    putText(row, "organ", s.at(t.organ[i]));
    putText(row, "unit", s.at(t.unit[i]));
    putDate(row, "date", t.date[i]);
    putValue(row, "value", t.value[i]);
    return row;
}

Json servantRow(const engine::Dataset& d, std::size_t i)
{
    const engine::ServantPayTable& t = d.servants;
    const auto& s = d.strings;
    Json row{{"table", "servants"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "name", s.at(t.name[i]));
    putText(row, "role", s.at(t.role[i]));
    putText(row, "organ", s.at(t.organ[i]));
    row["year"] = int(t.year[i]);
    row["month"] = int(t.month[i]);
    putValue(row, "net_pay", t.netPay[i]);
    return row;
}

Json sanctionRow(const engine::Dataset& d, std::size_t i)
{
    const engine::SanctionTable& t = d.sanctions;
    const auto& s = d.strings;
    Json row{{"table", "sanctions"}, {"id", t.rowId[i]}};
    putText(row, "key", s.at(t.key[i]));
    putText(row, "registry", s.at(t.registry[i]));
    putText(row, "sanctioned_doc", s.at(t.sanctionedDoc[i]));
    putText(row, "sanctioned_name", s.at(t.sanctionedName[i]));
    putDate(row, "start_date", t.start[i]);
    putDate(row, "end_date", t.end[i]);
    return row;
}

Json rowOf(engine::SourceTable table, const engine::Dataset& d, std::size_t i)
{
    switch (table) {
    case engine::SourceTable::Contracts: return contractRow(d, i);
    case engine::SourceTable::Biddings: return biddingRow(d, i);
    case engine::SourceTable::Participants: return participantRow(d, i);
    case engine::SourceTable::Agreements: return agreementRow(d, i);
    case engine::SourceTable::Expenses: return expenseRow(d, i);
    case engine::SourceTable::Servants: return servantRow(d, i);
    case engine::SourceTable::Sanctions: return sanctionRow(d, i);
    }
    return Json::object();
}

std::size_t tableSize(engine::SourceTable table, const engine::Dataset& d)
{
    switch (table) {
    case engine::SourceTable::Contracts: return d.contracts.size();
    case engine::SourceTable::Biddings: return d.biddings.size();
    case engine::SourceTable::Participants: return d.participants.size();
    case engine::SourceTable::Agreements: return d.agreements.size();
    case engine::SourceTable::Expenses: return d.expenses.size();
    case engine::SourceTable::Servants: return d.servants.size();
    case engine::SourceTable::Sanctions: return d.sanctions.size();
    }
    return 0;
}

// The first sentence of an explanation: the one-line description of a finding.
QString firstSentence(const QString& text)
{
    const qsizetype end = text.indexOf(QLatin1String(". "));
    return end > 0 ? text.left(end + 1) : text;
}

struct Focus
{
    QString vendor; // folded
    std::optional<double> minValue;
    std::optional<double> maxValue;
    QString uf;
};

// The fields of record i that the focus filters look at.
struct FocusFields
{
    QStringList parties;
    double value = engine::kNoValue;
    QString uf;
};

FocusFields focusFields(engine::SourceTable table, const engine::Dataset& d, std::size_t i)
{
    const auto& s = d.strings;
    FocusFields f;
    switch (table) {
    case engine::SourceTable::Contracts:
        f.parties = {s.at(d.contracts.supplierDoc[i]), s.at(d.contracts.supplierName[i])};
        f.value = std::isnan(d.contracts.finalValue[i]) ? d.contracts.initialValue[i] : d.contracts.finalValue[i];
        break;
    case engine::SourceTable::Biddings:
        f.value = d.biddings.value[i];
        f.uf = s.at(d.biddings.uf[i]);
        break;
    case engine::SourceTable::Participants:
        f.parties = {s.at(d.participants.participantDoc[i]), s.at(d.participants.participantName[i])};
        break;
    case engine::SourceTable::Agreements:
        f.parties = {s.at(d.agreements.granteeDoc[i]), s.at(d.agreements.granteeName[i])};
        f.value = d.agreements.value[i];
        f.uf = s.at(d.agreements.uf[i]);
        break;
    case engine::SourceTable::Expenses:
        f.parties = {s.at(d.expenses.payeeDoc[i]), s.at(d.expenses.payeeName[i])};
        f.value = d.expenses.value[i];
        break;
    case engine::SourceTable::Servants:
        f.parties = {s.at(d.servants.name[i])};
        f.value = d.servants.netPay[i];
        break;
    case engine::SourceTable::Sanctions:
        f.parties = {s.at(d.sanctions.sanctionedDoc[i]), s.at(d.sanctions.sanctionedName[i])};
        break;
    }
    return f;
}

bool recordMatches(const Focus& focus, const FocusFields& f)
{
    if (!focus.vendor.isEmpty()) {
        bool any = false;
        for (const QString& party : f.parties)
            any = any || (!party.isEmpty() && engine::foldText(party).contains(focus.vendor));
        if (!any)
            return false;
    }
    if (focus.minValue && (std::isnan(f.value) || f.value < *focus.minValue))
        return false;
    if (focus.maxValue && (std::isnan(f.value) || f.value > *focus.maxValue))
        return false;
    if (!focus.uf.isEmpty() && f.uf.compare(focus.uf, Qt::CaseInsensitive) != 0)
        return false;
    return true;
}

} // namespace

QString isoDate(engine::Day day)
{
    if (day == engine::kNoDate)
        return {};
    const engine::CivilDate c = engine::toCivil(day);
    return QDate(c.year, c.month, c.day).toString(Qt::ISODate);
}

protocol::Json evidenceRows(const engine::Finding& finding, const engine::Dataset& data, int limit)
{
    Json rows = Json::array();
    const std::size_t size = tableSize(finding.table, data);
    for (std::uint32_t row : finding.rows) {
        if (int(rows.size()) >= limit)
            break;
        if (row < size)
            rows.push_back(rowOf(finding.table, data, row));
    }
    return rows;
}

protocol::AnomalyResult toAnomalyResult(const engine::Finding& finding, const engine::Dataset& data,
                                        bool includeExplanation, int evidenceLimit)
{
    protocol::AnomalyResult result;
    result.anomalyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    result.type = finding.type;
    result.severity = engine::severityName(finding.severity);
    result.confidence = finding.confidence;
    result.description = firstSentence(finding.explanationPt);
    result.explanation = includeExplanation ? finding.explanationPt : QString();
    result.affectedRecords = evidenceRows(finding, data, evidenceLimit);
    result.suggestedActions = engine::suggestedActionsPt(finding.suggestedActions);
    Json metadata = finding.metadata.is_object() ? finding.metadata : Json::object();
    metadata["detector"] = finding.detector;
    metadata["observed"] = finding.observed;
    metadata["threshold"] = finding.threshold;
    metadata["peer_group"] = finding.peerGroup;
    metadata["basis"] = finding.basis;
    metadata["table"] = engine::sourceTableName(finding.table);
    metadata["record_count"] = qint64(finding.rows.size());
    metadata["description_en"] = firstSentence(finding.explanationEn);
    metadata["suggested_actions_en"] = finding.suggestedActions;
    if (includeExplanation)
        metadata["explanation_en"] = finding.explanationEn;
    result.metadata = std::move(metadata);
    return result;
}

bool matchesFocus(const engine::Finding& finding, const engine::Dataset& data,
                  const protocol::InvestigationFilters& filters)
{
    Focus focus;
    if (filters.vendor)
        focus.vendor = engine::foldText(*filters.vendor).trimmed();
    focus.minValue = filters.minValue;
    focus.maxValue = filters.maxValue;
    if (filters.uf)
        focus.uf = *filters.uf;
    if (focus.vendor.isEmpty() && !focus.minValue && !focus.maxValue && focus.uf.isEmpty())
        return true;
    const std::size_t size = tableSize(finding.table, data);
    for (std::uint32_t row : finding.rows) {
        if (row < size && recordMatches(focus, focusFields(finding.table, data, row)))
            return true;
    }
    return false;
}

} // namespace cidadao::investigations
