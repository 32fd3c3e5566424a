// SPDX-License-Identifier: GPL-3.0-or-later
// The fixed vocabulary of the synthetic data: órgãos with SIAFI codes, object classes with their value
// scales, modalidades, legal grounds, names and places. Text is UTF-8 here; the CSV writer turns it
// into the Portal's ISO-8859-1 bytes.
#pragma once

#include <span>
#include <string_view>

namespace cidadao::data::generator {

struct OrganEntry
{
    int code;                    // Código Órgão (SIAFI)
    std::string_view name;
};

struct SuperiorOrganEntry
{
    int code;                    // Código Órgão Superior (SIAFI), e.g. 36000
    std::string_view name;
    int unitPrefix;              // first three digits of its UG codes
    std::string_view unitKind;   // how its UGs are named ("Superintendência Estadual ...")
    std::span<const OrganEntry> organs;
};

enum class Procurement { Goods, Services, Works };

struct ObjectClassEntry
{
    std::string_view phrase;     // the start of every object text of this class
    Procurement kind;
    bool renovation;             // building/equipment renovation: amendment cap 50 %
    double medianValue;          // median of competitive contracts (R$)
    double dispensaFraction;     // median of its dispensas as a fraction of the art. 75 limit; 0 = never
    bool inexigivel;             // may be bought by inexigibilidade (sole supplier, notória especialização)
};

struct PlaceEntry
{
    std::string_view uf;
    int siafiCode;               // CÓDIGO SIAFI MUNICÍPIO
    std::string_view name;
};

struct RoleEntry
{
    std::string_view name;       // DESCRICAO_CARGO
    double medianGross;          // REMUNERAÇÃO BÁSICA BRUTA median
};

std::span<const SuperiorOrganEntry> superiorOrgans();
std::span<const ObjectClassEntry> objectClasses();
std::span<const PlaceEntry> places();
std::span<const RoleEntry> roles();
std::span<const std::string_view> destinations();      // "da Coordenação-Geral de Logística"
std::span<const std::string_view> objectQualifiers();  // "conforme termo de referência"
std::span<const std::string_view> companyWords();      // first word of a company name
std::span<const std::string_view> companySectors();    // "Comércio de Materiais", "Engenharia"
std::span<const std::string_view> companySuffixes();   // "LTDA", "S.A.", "EIRELI", "ME"
std::span<const std::string_view> firstNames();
std::span<const std::string_view> lastNames();
std::span<const std::string_view> contractStatuses();  // Situação Contrato of clean contracts
std::span<const std::string_view> sanctionCategories();
std::span<const std::string_view> sanctionLegalGrounds();
std::span<const std::string_view> agreementObjects();

} // namespace cidadao::data::generator
