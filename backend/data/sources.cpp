// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/sources.h"

#include "data/values.h"

#include <QSet>

namespace cidadao::data {

namespace {

using K = FieldKind;

std::vector<SourceSpec> buildSpecs()
{
    std::vector<SourceSpec> specs;
    specs.push_back({Source::Contracts, "contracts", "contracts",
        {
            {"number", K::Text, true, {"Número do Contrato", "Número Contrato"}},
            {"object", K::Text, false, {"Objeto", "Objeto do Contrato"}},
            {"legal_basis", K::Text, false, {"Fundamento Legal"}},
            {"modality", K::Text, false, {"Modalidade Compra", "Modalidade da Compra"}},
            {"status", K::Text, false, {"Situação Contrato", "Situação do Contrato"}},
            {"superior_organ", K::Text, false, {"Código Órgão Superior"}},
            {"superior_organ_name", K::Text, false, {"Nome Órgão Superior"}},
            {"organ", K::Text, true, {"Código Órgão"}},
            {"organ_name", K::Text, false, {"Nome Órgão"}},
            {"unit", K::Text, true, {"Código UG", "Código Unidade Gestora"}},
            {"unit_name", K::Text, false, {"Nome UG", "Nome Unidade Gestora"}},
            {"signed_date", K::Date, true, {"Data Assinatura Contrato", "Data Assinatura"}},
            {"published_date", K::Date, false, {"Data Publicação DOU", "Data Publicação"}},
            {"start_date", K::Date, false, {"Data Início Vigência"}},
            {"end_date", K::Date, false, {"Data Fim Vigência"}},
            {"supplier_doc", K::Document, true, {"Código Contratado", "CNPJ Contratado", "CPF/CNPJ Contratado"}},
            {"supplier_name", K::Text, false, {"Nome Contratado"}},
            {"initial_value", K::Decimal, false, {"Valor Inicial Compra", "Valor Inicial"}},
            {"final_value", K::Decimal, true, {"Valor Final Compra", "Valor Final"}},
            {"bidding_number", K::Text, false, {"Número Licitação"}},
            {"bidding_unit", K::Text, false, {"Código UG Licitação"}},
            {"bidding_unit_name", K::Text, false, {"Nome UG Licitação"}},
            {"bidding_modality_code", K::Text, false, {"Código Modalidade Compra Licitação"}},
            {"bidding_modality", K::Text, false, {"Modalidade Compra Licitação"}},
        },
        {"unit", "number"},
        {"number", "object", "supplier_doc", "supplier_name", "organ_name", "unit_name"},
        {"compras"}});

    specs.push_back({Source::Biddings, "biddings", "biddings",
        {
            {"number", K::Text, true, {"Número Licitação"}},
            {"unit", K::Text, true, {"Código UG"}},
            {"unit_name", K::Text, false, {"Nome UG"}},
            {"modality_code", K::Text, false, {"Código Modalidade Compra"}},
            {"modality", K::Text, false, {"Modalidade Compra"}},
            {"process", K::Text, false, {"Número Processo"}},
            {"object", K::Text, false, {"Objeto"}},
            {"status", K::Text, false, {"Situação Licitação"}},
            {"superior_organ", K::Text, false, {"Código Órgão Superior"}},
            {"superior_organ_name", K::Text, false, {"Nome Órgão Superior"}},
            {"organ", K::Text, false, {"Código Órgão"}},
            {"organ_name", K::Text, false, {"Nome Órgão"}},
            {"uf", K::Text, false, {"UF"}},
            {"municipality", K::Text, false, {"Município"}},
            {"result_date", K::Date, false, {"Data Resultado Compra"}},
            {"open_date", K::Date, false, {"Data Abertura"}},
            {"value", K::Decimal, false, {"Valor Licitação"}},
        },
        {"unit", "number"},
        {"number", "object", "organ_name", "unit_name", "municipality"},
        {"licitacao", "licitao"}});

    specs.push_back({Source::Participants, "participants", "bidding_participants",
        {
            {"bidding_number", K::Text, true, {"Número Licitação"}},
            {"unit", K::Text, true, {"Código UG"}},
            {"unit_name", K::Text, false, {"Nome UG"}},
            {"modality_code", K::Text, false, {"Código Modalidade Compra"}},
            {"modality", K::Text, false, {"Modalidade Compra"}},
            {"process", K::Text, false, {"Número Processo"}},
            {"organ", K::Text, false, {"Código Órgão"}},
            {"organ_name", K::Text, false, {"Nome Órgão"}},
            {"item_code", K::Text, false, {"Código Item Compra"}},
            {"item_description", K::Text, false, {"Descrição Item Compra"}},
            {"participant_doc", K::Document, true,
             {"Código Participante", "CNPJ Participante", "CPF/CNPJ Participante"}},
            {"participant_name", K::Text, false, {"Nome Participante"}},
            {"winner", K::Flag, false, {"Flag Vencedor"}},
        },
        {"unit", "bidding_number", "participant_doc"},
        {"bidding_number", "participant_doc", "participant_name"},
        {"participanteslicitacao", "participanteslicitao"}});

    specs.push_back({Source::Agreements, "agreements", "agreements",
        {
            {"number", K::Text, true, {"NÚMERO CONVÊNIO"}},
            {"uf", K::Text, false, {"UF"}},
            {"municipality_code", K::Text, false, {"CÓDIGO SIAFI MUNICÍPIO"}},
            {"municipality", K::Text, false, {"NOME MUNICÍPIO"}},
            {"status", K::Text, false, {"SITUAÇÃO CONVÊNIO"}},
            {"original_number", K::Text, false, {"NÚMERO ORIGINAL"}},
            {"process", K::Text, false, {"NÚMERO PROCESSO DO CONVÊNIO"}},
            {"object", K::Text, false, {"OBJETO DO CONVÊNIO"}},
            {"superior_organ", K::Text, false, {"CÓDIGO ÓRGÃO SUPERIOR"}},
            {"superior_organ_name", K::Text, false, {"NOME ÓRGÃO SUPERIOR"}},
            {"grantor_organ", K::Text, false, {"CÓDIGO ÓRGÃO CONCEDENTE"}},
            {"grantor_organ_name", K::Text, false, {"NOME ÓRGÃO CONCEDENTE"}},
            {"grantor_unit", K::Text, false, {"CÓDIGO UG CONCEDENTE"}},
            {"grantor_unit_name", K::Text, false, {"NOME UG CONCEDENTE"}},
            {"grantee_doc", K::Document, false, {"CÓDIGO CONVENENTE"}},
            {"grantee_type", K::Text, false, {"TIPO CONVENENTE"}},
            {"grantee_name", K::Text, false, {"NOME CONVENENTE"}},
            {"grantee_entity_type", K::Text, false, {"TIPO ENTE CONVENENTE"}},
            {"instrument_type", K::Text, false, {"TIPO INSTRUMENTO"}},
            {"value", K::Decimal, true, {"VALOR CONVÊNIO"}},
            {"released", K::Decimal, false, {"VALOR LIBERADO"}},
            {"published_date", K::Date, false, {"DATA PUBLICAÇÃO"}},
            {"start_date", K::Date, false, {"DATA INÍCIO VIGÊNCIA"}},
            {"end_date", K::Date, false, {"DATA FINAL VIGÊNCIA"}},
            {"counterpart", K::Decimal, false, {"VALOR CONTRAPARTIDA"}},
            {"last_release_date", K::Date, false, {"DATA ÚLTIMA LIBERAÇÃO"}},
            {"last_release_value", K::Decimal, false, {"VALOR ÚLTIMA LIBERAÇÃO"}},
        },
        {"number"},
        {"number", "object", "grantee_doc", "grantee_name", "municipality", "grantor_organ_name"},
        {"convenios", "convnios"}});

    specs.push_back({Source::Expenses, "expenses", "expenses",
        {
            {"payment_code", K::Text, true, {"Código Pagamento"}},
            {"date", K::Date, true, {"Data Emissão"}},
            {"payee_doc", K::Document, false, {"Código Favorecido"}},
            {"payee_name", K::Text, false, {"Favorecido", "Nome Favorecido"}},
            {"organ", K::Text, false, {"Código Órgão"}},
            {"organ_name", K::Text, false, {"Órgão", "Nome Órgão"}},
            {"unit", K::Text, false, {"Código Unidade Gestora", "Código UG"}},
            {"unit_name", K::Text, false, {"Unidade Gestora", "Nome Unidade Gestora", "Nome UG"}},
            {"expense_element", K::Text, false, {"Elemento de Despesa", "Código Elemento de Despesa"}},
            {"process", K::Text, false, {"Processo"}},
            {"note", K::Text, false, {"Observação"}},
            {"original_value", K::Decimal, false, {"Valor Original do Pagamento"}},
            {"value", K::Decimal, true,
             {"Valor do Pagamento Convertido pra R$", "Valor do Pagamento Convertido para R$", "Valor do Pagamento"}},
        },
        {"payment_code"},
        {"payment_code", "payee_doc", "payee_name", "process", "note"},
        {"despesaspagamento", "pagamento"}});

    specs.push_back({Source::Servants, "servants", "servant_pay",
        {
            {"year", K::Integer, true, {"ANO"}, 1900, 2200},
            {"month", K::Integer, true, {"MES", "MÊS"}, 1, 12},
            {"servant_id", K::Text, true, {"Id_SERVIDOR_PORTAL"}},
            {"cpf", K::Text, false, {"CPF"}},
            {"name", K::Text, false, {"NOME"}},
            {"gross_basic", K::Decimal, false, {"REMUNERAÇÃO BÁSICA BRUTA (R$)"}},
            {"ceiling_cut", K::Decimal, false, {"ABATE-TETO (R$)"}},
            {"christmas_bonus", K::Decimal, false, {"GRATIFICAÇÃO NATALINA (R$)"}},
            {"vacation", K::Decimal, false, {"FÉRIAS (R$)"}},
            {"other_eventual", K::Decimal, false, {"OUTRAS REMUNERAÇÕES EVENTUAIS (R$)"}},
            {"irrf", K::Decimal, false, {"IRRF (R$)"}},
            {"pss", K::Decimal, false, {"PSS/RPGS (R$)"}},
            {"other_deductions", K::Decimal, false, {"DEMAIS DEDUÇÕES (R$)"}},
            {"net_pay", K::Decimal, false, {"REMUNERAÇÃO APÓS DEDUÇÕES OBRIGATÓRIAS (R$)"}},
            {"indemnities", K::Decimal, false, {"TOTAL DE VERBAS INDENIZATÓRIAS (R$)(*)"}},
        },
        {"servant_id", "year", "month"},
        {"servant_id", "name"},
        {"remuneracao", "remunerao"}});

    specs.push_back({Source::ServantRegistry, "servant_registry", "",
        {
            {"servant_id", K::Text, true, {"Id_SERVIDOR_PORTAL"}},
            {"name", K::Text, false, {"NOME"}},
            {"cpf", K::Text, false, {"CPF"}},
            {"registration", K::Text, false, {"MATRICULA"}},
            {"role", K::Text, true, {"DESCRICAO_CARGO"}},
            {"organ", K::Text, false, {"ORG_EXERCICIO"}},
            {"situation", K::Text, false, {"SITUACAO_VINCULO"}},
            {"hire_date", K::Date, false, {"DATA_INGRESSO_ORGAO"}},
        },
        {"servant_id"},
        {},
        {"cadastro"}});

    specs.push_back({Source::Sanctions, "sanctions", "sanctions",
        {
            {"registry", K::Registry, false, {"CADASTRO"}},
            {"sanction_code", K::Text, false, {"CÓDIGO DA SANÇÃO"}},
            {"person_type", K::Text, false, {"TIPO DE PESSOA"}},
            {"sanctioned_doc", K::Document, true, {"CPF OU CNPJ DO SANCIONADO"}},
            {"sanctioned_name", K::Text, false, {"NOME DO SANCIONADO"}},
            {"informed_name", K::Text, false, {"NOME INFORMADO PELO ÓRGÃO SANCIONADOR"}},
            {"process", K::Text, false, {"NÚMERO DO PROCESSO"}},
            {"category", K::Text, true, {"CATEGORIA DA SANÇÃO"}},
            {"start_date", K::Date, true, {"DATA INÍCIO SANÇÃO"}},
            {"end_date", K::Date, false, {"DATA FINAL SANÇÃO"}},
            {"publication_date", K::Date, false, {"DATA PUBLICAÇÃO"}},
            {"scope", K::Text, false, {"ABRAGÊNCIA DA SANÇÃO", "ABRANGÊNCIA DA SANÇÃO"}},
            {"sanctioning_organ", K::Text, false, {"ÓRGÃO SANCIONADOR"}},
            {"sanctioning_uf", K::Text, false, {"UF ÓRGÃO SANCIONADOR"}},
            {"legal_basis", K::Text, false, {"FUNDAMENTAÇÃO LEGAL"}},
            {"fine", K::Decimal, false, {"VALOR DA MULTA"}},
        },
        {"registry", "sanction_code"},
        {"sanctioned_doc", "sanctioned_name", "informed_name", "sanctioning_organ"},
        {"ceis", "cnep"}});
    return specs;
}

const std::vector<SourceSpec>& specs()
{
    static const std::vector<SourceSpec> table = buildSpecs();
    return table;
}

QString toQString(std::string_view utf8) { return QString::fromUtf8(utf8.data(), qsizetype(utf8.size())); }

} // namespace

const SourceSpec& sourceSpec(Source source)
{
    for (const SourceSpec& spec : specs()) {
        if (spec.source == source)
            return spec;
    }
    return specs().front(); // unreachable: every enumerator has a spec
}

std::string searchTextSql(Source source)
{
    const SourceSpec& spec = sourceSpec(source);
    if (spec.table.empty() || spec.searchColumns.empty())
        return {};
    std::string sql = "search_fold(";
    for (std::size_t i = 0; i < spec.searchColumns.size(); ++i)
        sql += (i ? ", " : "") + std::string(spec.searchColumns[i]);
    return sql + ")";
}

const std::vector<Source>& allSources()
{
    static const std::vector<Source> sources = [] {
        std::vector<Source> list;
        for (const SourceSpec& spec : specs())
            list.push_back(spec.source);
        return list;
    }();
    return sources;
}

std::optional<Source> sourceFromName(const QString& name)
{
    for (const SourceSpec& spec : specs()) {
        if (name == toQString(spec.name))
            return spec.source;
    }
    return std::nullopt;
}

QString sourceName(Source source) { return toQString(sourceSpec(source).name); }

std::optional<Source> detectSource(const QStringList& headers)
{
    QSet<QString> present;
    for (const QString& header : headers)
        present.insert(normaliseHeader(header));
    std::optional<Source> best;
    double bestScore = 0;
    for (const SourceSpec& spec : specs()) {
        int matched = 0;
        bool complete = true;
        for (const FieldSpec& field : spec.fields) {
            bool found = false;
            for (const std::string_view header : field.headers)
                found = found || present.contains(normaliseHeader(toQString(header)));
            matched += found ? 1 : 0;
            complete = complete && (found || !field.required);
        }
        // The share of the spec found: a contracts header also holds a bidding's number and UG,
        // but explains far more of the contracts spec than of the biddings one.
        const double score = double(matched) / double(spec.fields.size());
        if (complete && score > bestScore) {
            bestScore = score;
            best = spec.source;
        }
    }
    return best;
}

QString memberStem(const QString& memberName)
{
    QString name = memberName.section(QLatin1Char('/'), -1);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot > 0)
        name.truncate(dot);
    QString stem;
    for (const QChar c : name) {
        if (c.unicode() < 0x80 && c.isLetterOrNumber())
            stem.append(c.toLower());
    }
    qsizetype digits = 0;
    while (digits < stem.size() && stem.at(digits).isDigit())
        ++digits;
    return stem.mid(digits);
}

std::optional<Source> sourceOfMember(const QString& memberName)
{
    if (!memberName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return std::nullopt;
    const QString stem = memberStem(memberName);
    for (const SourceSpec& spec : specs()) {
        for (const std::string_view accepted : spec.memberStems) {
            if (stem == toQString(accepted))
                return spec.source;
        }
    }
    return std::nullopt;
}

} // namespace cidadao::data
