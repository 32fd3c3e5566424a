// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordcolumns.h"

#include <QCoreApplication>

#include <array>
#include <limits>
#include <string_view>

namespace cidadao::ui::RecordColumns {

namespace {

struct Column
{
    std::string_view field;
    const char* title; // translated in the context "cidadao::ui::RecordColumns"
};

// Reading order. Every field of the seven browsable tables (migrations 0002..0008) is here.
constexpr auto kColumns = std::to_array<Column>({
    {"id", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "ID")},
    {"number", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Number")},
    {"signed_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Signed on")},
    {"date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Date")},
    {"year", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Year")},
    {"month", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Month")},
    {"registry", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Registry")},
    {"object", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Object")},
    {"item_description", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Item")},
    {"supplier_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Supplier")},
    {"supplier_doc", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Supplier CNPJ/CPF")},
    {"payee_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Payee")},
    {"payee_doc", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Payee CNPJ/CPF")},
    {"participant_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Participant")},
    {"participant_doc", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Participant CNPJ/CPF")},
    {"winner", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Winner")},
    {"grantee_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantee")},
    {"grantee_doc", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantee CNPJ")},
    {"grantee_type", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantee type")},
    {"grantee_entity_type", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantee legal nature")},
    {"sanctioned_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Sanctioned party")},
    {"sanctioned_doc", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Sanctioned CNPJ/CPF")},
    {"informed_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Name as reported")},
    {"person_type", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Person type")},
    {"name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Name")},
    {"cpf", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "CPF")},
    {"servant_id", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Servant ID")},
    {"registration", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Registration")},
    {"role", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Role")},
    {"situation", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Situation")},
    {"hire_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Hired on")},
    {"value", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Value (R$)")},
    {"initial_value", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Initial value (R$)")},
    {"final_value", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Final value (R$)")},
    {"original_value", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Original value (R$)")},
    {"released", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Released (R$)")},
    {"counterpart", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Counterpart (R$)")},
    {"last_release_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Last release on")},
    {"last_release_value", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Last release (R$)")},
    {"fine", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Fine (R$)")},
    {"gross_basic", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Gross basic pay (R$)")},
    {"ceiling_cut", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Ceiling cut (R$)")},
    {"christmas_bonus", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "13th salary (R$)")},
    {"vacation", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Vacation pay (R$)")},
    {"other_eventual", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Other occasional pay (R$)")},
    {"irrf", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Income tax withheld (R$)")},
    {"pss", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Social security (R$)")},
    {"other_deductions", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Other deductions (R$)")},
    {"net_pay", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Net pay (R$)")},
    {"indemnities", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Indemnities (R$)")},
    {"modality", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Procurement method")},
    {"modality_code", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Method code")},
    {"legal_basis", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Legal basis")},
    {"status", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Status")},
    {"category", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Category")},
    {"scope", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Scope")},
    {"instrument_type", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Instrument")},
    {"expense_element", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Expense element")},
    {"payment_code", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Payment code")},
    {"sanction_code", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Sanction code")},
    {"item_code", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Item code")},
    {"organ", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Agency code")},
    {"organ_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Agency")},
    {"superior_organ", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Ministry code")},
    {"superior_organ_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Ministry")},
    {"unit", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Unit (UG) code")},
    {"unit_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Management unit (UG)")},
    {"grantor_organ", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantor agency code")},
    {"grantor_organ_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantor agency")},
    {"grantor_unit", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantor unit code")},
    {"grantor_unit_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Grantor unit")},
    {"sanctioning_organ", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Sanctioning agency")},
    {"sanctioning_uf", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Sanctioning state")},
    {"uf", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "State")},
    {"municipality", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Municipality")},
    {"municipality_code", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Municipality code")},
    {"process", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Process")},
    {"original_number", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Original number")},
    {"bidding_number", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Bidding number")},
    {"bidding_modality", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Bidding method")},
    {"bidding_modality_code", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Bidding method code")},
    {"bidding_unit", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Bidding unit code")},
    {"bidding_unit_name", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Bidding unit")},
    {"published_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Published on")},
    {"publication_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Published on")},
    {"open_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Opened on")},
    {"result_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Result on")},
    {"start_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Starts")},
    {"end_date", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Ends")},
    {"note", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Note")},
    {"key", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Key")},
    {"source_line", QT_TRANSLATE_NOOP("cidadao::ui::RecordColumns", "Line in the file")},
});

int indexOf(const QString& field)
{
    const QByteArray key = field.toUtf8();
    const std::string_view wanted(key.constData(), std::size_t(key.size()));
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        if (kColumns[i].field == wanted)
            return int(i);
    }
    return -1;
}

} // namespace

QString title(const QString& field)
{
    const int index = indexOf(field);
    return index < 0 ? field
                     : QCoreApplication::translate("cidadao::ui::RecordColumns", kColumns[std::size_t(index)].title);
}

int rank(const QString& field)
{
    const int index = indexOf(field);
    return index < 0 ? std::numeric_limits<int>::max() : index;
}

} // namespace cidadao::ui::RecordColumns
