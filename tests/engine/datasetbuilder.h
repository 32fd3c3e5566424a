// SPDX-License-Identifier: GPL-3.0-or-later
// Builds small, hand-made Datasets for the engine tests: each add* appends one row to every column
// of its table (missing values as the columns' "missing" markers), so a test states only what matters.
#pragma once

#include "engine/columns.h"
#include "engine/detectors.h"

#include <QString>

#include <cmath>

namespace cidadao::engine::test {

// A valid CNPJ (check digits computed) from a 12-digit base number.
inline QString makeCnpj(long long base)
{
    QString digits = QStringLiteral("%1").arg(base % 1000000000000LL, 12, 10, QLatin1Char('0'));
    auto check = [](const QString& d, const int* weights, int n) {
        int sum = 0;
        for (int i = 0; i < n; ++i)
            sum += (d[i].unicode() - u'0') * weights[i];
        const int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    };
    static const int w1[12] = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    static const int w2[13] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    digits += QString::number(check(digits, w1, 12));
    digits += QString::number(check(digits, w2, 13));
    return digits;
}

struct ContractSpec
{
    QString object = QStringLiteral("Aquisição de material de expediente");
    QString modality = QStringLiteral("Pregão");
    QString legalBasis;
    QString organ = QStringLiteral("26000");
    QString unit = QStringLiteral("150001");
    QString supplier = makeCnpj(11222333);
    QString supplierName = QStringLiteral("Fornecedor Exemplo LTDA");
    QString number;
    QString biddingNumber;
    Day signedOn = toDay(2024, 3, 15);
    Day start = kNoDate;
    Day end = kNoDate;
    double initial = 1000.0;
    double final = kNoValue;   // NaN = same as initial
};

class DatasetBuilder
{
public:
    Dataset data;

    std::uint32_t contract(const ContractSpec& s)
    {
        ContractTable& c = data.contracts;
        const auto row = std::uint32_t(c.size());
        c.key.push_back(code(QStringLiteral("C%1").arg(row)));
        c.rowId.push_back(row + 1);
        c.number.push_back(code(s.number.isEmpty() ? QStringLiteral("%1/2024").arg(row + 1) : s.number));
        c.object.push_back(s.object);
        c.legalBasis.push_back(code(s.legalBasis));
        c.modality.push_back(code(s.modality));
        c.status.push_back(code(QStringLiteral("Ativo")));
        c.superiorOrgan.push_back(code(QStringLiteral("26000")));
        c.organ.push_back(code(s.organ));
        c.organName.push_back(code(QStringLiteral("Órgão ") + s.organ));
        c.unit.push_back(code(s.unit));
        c.unitName.push_back(code(QStringLiteral("UG ") + s.unit));
        c.supplierDoc.push_back(code(s.supplier));
        c.supplierName.push_back(code(s.supplierName));
        c.biddingNumber.push_back(code(s.biddingNumber));
        c.signed_.push_back(s.signedOn);
        c.published.push_back(s.signedOn);
        c.start.push_back(s.start == kNoDate ? s.signedOn : s.start);
        c.end.push_back(s.end == kNoDate ? (s.signedOn == kNoDate ? kNoDate : s.signedOn + 365) : s.end);
        c.initialValue.push_back(s.initial);
        c.finalValue.push_back(std::isnan(s.final) ? s.initial : s.final);
        return row;
    }

    std::uint32_t bidding(const QString& number, const QString& unit, const QString& modality, Day result, double value)
    {
        BiddingTable& b = data.biddings;
        const auto row = std::uint32_t(b.size());
        b.key.push_back(code(QStringLiteral("B%1").arg(row)));
        b.rowId.push_back(row + 1);
        b.number.push_back(code(number));
        b.unit.push_back(code(unit));
        b.modality.push_back(code(modality));
        b.object.push_back(QStringLiteral("Aquisição de material de expediente"));
        b.status.push_back(code(QStringLiteral("Encerrada")));
        b.organ.push_back(code(QStringLiteral("26000")));
        b.uf.push_back(code(QStringLiteral("DF")));
        b.municipality.push_back(code(QStringLiteral("Brasília")));
        b.resultDate.push_back(result);
        b.openDate.push_back(result == kNoDate ? kNoDate : result - 20);
        b.value.push_back(value);
        return row;
    }

    std::uint32_t participant(const QString& number, const QString& unit, const QString& doc, bool winner)
    {
        ParticipantTable& p = data.participants;
        const auto row = std::uint32_t(p.size());
        p.key.push_back(code(QStringLiteral("P%1").arg(row)));
        p.rowId.push_back(row + 1);
        p.biddingNumber.push_back(code(number));
        p.unit.push_back(code(unit));
        p.participantDoc.push_back(code(doc));
        p.participantName.push_back(code(QStringLiteral("Participante ") + doc));
        p.winner.push_back(winner ? 1 : 0);
        return row;
    }

    std::uint32_t expense(const QString& paymentCode, Day date, const QString& payee, const QString& unit,
                          const QString& process, double value)
    {
        ExpenseTable& e = data.expenses;
        const auto row = std::uint32_t(e.size());
        e.key.push_back(code(QStringLiteral("E%1").arg(row)));
        e.rowId.push_back(row + 1);
        e.paymentCode.push_back(code(paymentCode));
        e.date.push_back(date);
        e.payeeDoc.push_back(code(payee));
        e.payeeName.push_back(code(QStringLiteral("Favorecido ") + payee));
        e.organ.push_back(code(QStringLiteral("26000")));
        e.unit.push_back(code(unit));
        e.expenseElement.push_back(code(QStringLiteral("39")));
        e.process.push_back(code(process));
        e.note.push_back(QString());
        e.value.push_back(value);
        return row;
    }

    std::uint32_t agreement(double value, double released, Day start, Day end)
    {
        AgreementTable& a = data.agreements;
        const auto row = std::uint32_t(a.size());
        a.key.push_back(code(QStringLiteral("A%1").arg(row)));
        a.rowId.push_back(row + 1);
        a.number.push_back(code(QString::number(900000 + row)));
        a.uf.push_back(code(QStringLiteral("BA")));
        a.municipality.push_back(code(QStringLiteral("Salvador")));
        a.status.push_back(code(QStringLiteral("Em execução")));
        a.object.push_back(QStringLiteral("Construção de quadra poliesportiva"));
        a.superiorOrgan.push_back(code(QStringLiteral("26000")));
        a.grantorOrgan.push_back(code(QStringLiteral("26101")));
        a.grantorUnit.push_back(code(QStringLiteral("150001")));
        a.granteeDoc.push_back(code(makeCnpj(987654)));
        a.granteeName.push_back(code(QStringLiteral("Município de Salvador")));
        a.value.push_back(value);
        a.released.push_back(released);
        a.counterpart.push_back(0.0);
        a.published.push_back(start);
        a.start.push_back(start);
        a.end.push_back(end);
        a.lastRelease.push_back(start);
        return row;
    }

    std::uint32_t pay(const QString& servant, const QString& role, int year, int month, double net, double cut)
    {
        ServantPayTable& s = data.servants;
        const auto row = std::uint32_t(s.size());
        s.key.push_back(code(QStringLiteral("S%1").arg(row)));
        s.rowId.push_back(row + 1);
        s.year.push_back(std::int16_t(year));
        s.month.push_back(std::int8_t(month));
        s.servantId.push_back(code(servant));
        s.name.push_back(code(QStringLiteral("Servidor ") + servant));
        s.role.push_back(code(role));
        s.organ.push_back(code(QStringLiteral("26000")));
        s.grossBasic.push_back(net * 1.3);
        s.ceilingCut.push_back(cut);
        s.netPay.push_back(net);
        return row;
    }

    std::uint32_t sanction(const QString& doc, Day start, Day end, const QString& registry = QStringLiteral("CEIS"))
    {
        SanctionTable& s = data.sanctions;
        const auto row = std::uint32_t(s.size());
        s.key.push_back(code(QStringLiteral("X%1").arg(row)));
        s.rowId.push_back(row + 1);
        s.registry.push_back(code(registry));
        s.sanctionedDoc.push_back(code(doc));
        s.sanctionedName.push_back(code(QStringLiteral("Sancionado ") + doc));
        s.category.push_back(code(QStringLiteral("Suspensão - Lei de Licitações")));
        s.start.push_back(start);
        s.end.push_back(end);
        s.sanctioningOrgan.push_back(code(QStringLiteral("26000")));
        s.fine.push_back(kNoValue);
        return row;
    }

    Code code(const QString& text) { return data.strings.intern(text); }
};

// Runs one detector with default options (plus an optional tweak) and a fixed clock.
inline std::vector<Finding> runOne(const Dataset& data, const QString& detector, DetectorOptions options = {})
{
    options.enabled = {detector};
    RunControl control;
    control.today = [] { return toDay(2026, 6, 1); };
    return runDetectors(data, options, control);
}

// The union of the rows of the findings, sorted.
inline std::vector<std::uint32_t> flaggedRows(const std::vector<Finding>& findings)
{
    std::vector<std::uint32_t> rows;
    for (const auto& f : findings)
        rows.insert(rows.end(), f.rows.begin(), f.rows.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

} // namespace cidadao::engine::test
