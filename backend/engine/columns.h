// SPDX-License-Identifier: GPL-3.0-or-later
// The in-memory, column-oriented form of every data source: what the importers' loader fills and
// what the detectors read. Columns, not row structs, because detectors scan one or two fields over
// millions of rows; strings are interned once per Dataset so that grouping is integer comparison.
// Every table's columns have the same length (size()); a missing value is "" (code 0), kNoDate or NaN.
#pragma once

#include "engine/stringpool.h"
#include "engine/utf8arena.h"

#include <QHash>
#include <QString>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace cidadao::engine {

// A civil date as days since 1970-01-01. kNoDate when the source had none.
using Day = std::int32_t;
inline constexpr Day kNoDate = std::numeric_limits<Day>::min();
inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// Civil date <-> Day (proleptic Gregorian; H. Hinnant's days_from_civil), so that tests and rules can
// name dates without any calendar library.
struct CivilDate
{
    int year = 1970;
    int month = 1;
    int day = 1;
};
constexpr Day toDay(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Day(era * 146097 + doe - 719468);
}
constexpr CivilDate toCivil(Day days)
{
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

using Code = std::uint32_t; // a StringPool code

// Columns shared by every table: the record's natural key (what labels and affected_records name)
// and the store row id it came from (0 when built in memory).
struct TableBase
{
    std::vector<Code> key;
    std::vector<std::int64_t> rowId;
    std::size_t size() const { return key.size(); }
};

// Portal "Compras" contracts.
struct ContractTable : TableBase
{
    std::vector<Code> number;          // Número do Contrato
    TextColumn object;                 // Objeto (free text; not interned)
    std::vector<Code> legalBasis;      // Fundamento Legal
    std::vector<Code> modality;        // Modalidade Compra (e.g. "Dispensa de Licitação", "Pregão")
    std::vector<Code> status;          // Situação Contrato
    std::vector<Code> superiorOrgan;   // Código Órgão Superior
    std::vector<Code> organ;           // Código Órgão
    std::vector<Code> organName;       // Nome Órgão
    std::vector<Code> unit;            // Código UG
    std::vector<Code> unitName;        // Nome UG
    std::vector<Code> supplierDoc;     // Código Contratado (CNPJ/CPF digits, masked CPF kept as given)
    std::vector<Code> supplierName;    // Nome Contratado
    std::vector<Code> biddingNumber;   // Número Licitação
    std::vector<Day> signed_;          // Data Assinatura Contrato
    std::vector<Day> published;        // Data Publicação DOU
    std::vector<Day> start;            // Data Início Vigência
    std::vector<Day> end;              // Data Fim Vigência
    std::vector<double> initialValue;  // Valor Inicial Compra
    std::vector<double> finalValue;    // Valor Final Compra
};

// Portal "Licitação" biddings and their participants.
struct BiddingTable : TableBase
{
    std::vector<Code> number;          // Número Licitação
    std::vector<Code> unit;            // Código UG
    std::vector<Code> modality;        // Modalidade Compra
    TextColumn object;                 // Objeto
    std::vector<Code> status;          // Situação Licitação
    std::vector<Code> organ;           // Código Órgão
    std::vector<Code> uf;              // UF
    std::vector<Code> municipality;    // Município
    std::vector<Day> resultDate;       // Data Resultado Compra
    std::vector<Day> openDate;         // Data Abertura
    std::vector<double> value;         // Valor Licitação
};

struct ParticipantTable : TableBase
{
    std::vector<Code> biddingNumber;   // Número Licitação
    std::vector<Code> unit;            // Código UG (a bidding is identified by number + UG)
    std::vector<Code> participantDoc;  // Código Participante
    std::vector<Code> participantName; // Nome Participante
    std::vector<std::uint8_t> winner;  // Flag Vencedor: 1 = SIM
};

// Convênios.
struct AgreementTable : TableBase
{
    std::vector<Code> number;          // NÚMERO CONVÊNIO
    std::vector<Code> uf;              // UF
    std::vector<Code> municipality;    // NOME MUNICÍPIO
    std::vector<Code> status;          // SITUAÇÃO CONVÊNIO
    TextColumn object;                 // OBJETO DO CONVÊNIO
    std::vector<Code> superiorOrgan;   // CÓDIGO ÓRGÃO SUPERIOR
    std::vector<Code> grantorOrgan;    // CÓDIGO ÓRGÃO CONCEDENTE
    std::vector<Code> grantorUnit;     // CÓDIGO UG CONCEDENTE
    std::vector<Code> granteeDoc;      // CÓDIGO CONVENENTE
    std::vector<Code> granteeName;     // NOME CONVENENTE
    std::vector<double> value;         // VALOR CONVÊNIO
    std::vector<double> released;      // VALOR LIBERADO
    std::vector<double> counterpart;   // VALOR CONTRAPARTIDA
    std::vector<Day> published;        // DATA PUBLICAÇÃO
    std::vector<Day> start;            // DATA INÍCIO VIGÊNCIA
    std::vector<Day> end;              // DATA FINAL VIGÊNCIA
    std::vector<Day> lastRelease;      // DATA ÚLTIMA LIBERAÇÃO
};

// Despesas: payments.
struct ExpenseTable : TableBase
{
    std::vector<Code> paymentCode;     // Código Pagamento
    std::vector<Day> date;             // Data Emissão
    std::vector<Code> payeeDoc;        // Código Favorecido
    std::vector<Code> payeeName;       // Favorecido
    std::vector<Code> organ;           // Código Órgão
    std::vector<Code> unit;            // Código Unidade Gestora
    std::vector<Code> expenseElement;  // Elemento de Despesa
    std::vector<Code> process;         // Processo (links a payment to a contract's number when known)
    TextColumn note;                   // Observação
    std::vector<double> value;         // Valor do Pagamento Convertido pra R$
};

// Servidores: one row per servant per month (remuneração joined to cadastro).
struct ServantPayTable : TableBase
{
    std::vector<std::int16_t> year;    // ANO
    std::vector<std::int8_t> month;    // MES
    std::vector<Code> servantId;       // Id_SERVIDOR_PORTAL
    std::vector<Code> name;            // NOME
    std::vector<Code> role;            // DESCRICAO_CARGO (cadastro)
    std::vector<Code> organ;           // ORG_EXERCICIO (cadastro)
    std::vector<double> grossBasic;    // REMUNERAÇÃO BÁSICA BRUTA (R$)
    std::vector<double> ceilingCut;    // ABATE-TETO (R$) (negative or zero in the Portal files)
    std::vector<double> netPay;        // REMUNERAÇÃO APÓS DEDUÇÕES OBRIGATÓRIAS (R$)
};

// CEIS and CNEP sanctions.
struct SanctionTable : TableBase
{
    std::vector<Code> registry;        // CADASTRO: "CEIS" or "CNEP"
    std::vector<Code> sanctionedDoc;   // CPF OU CNPJ DO SANCIONADO (digits)
    std::vector<Code> sanctionedName;  // NOME DO SANCIONADO
    std::vector<Code> category;        // CATEGORIA DA SANÇÃO
    std::vector<Day> start;            // DATA INÍCIO SANÇÃO
    std::vector<Day> end;              // DATA FINAL SANÇÃO (kNoDate = open-ended)
    std::vector<Code> sanctioningOrgan;// ÓRGÃO SANCIONADOR
    std::vector<double> fine;          // VALOR DA MULTA (CNEP only)
};

// Everything one analysis sees. One pool for all tables, so a supplier's code is the same in
// contracts, payments, participants and sanctions.
struct Dataset
{
    StringPool strings;
    ContractTable contracts;
    BiddingTable biddings;
    ParticipantTable participants;
    AgreementTable agreements;
    ExpenseTable expenses;
    ServantPayTable servants;
    SanctionTable sanctions;
};

} // namespace cidadao::engine
