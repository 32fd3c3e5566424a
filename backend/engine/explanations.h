// SPDX-License-Identifier: GPL-3.0-or-later
// The sentences a citizen reads, in pt-BR and en, always carrying the numbers that justify the
// finding. Money is "R$ 412.000,00" in pt-BR and "R$412,000.00" in en; decimals likewise.
#pragma once

#include "engine/columns.h"

#include <QString>

namespace cidadao::engine {

enum class Language { Pt, En };

struct Explanation
{
    QString pt;
    QString en;
};

QString formatMoney(double value, Language language);                  // R$ 1.234,56 | R$1,234.56
QString formatNumber(double value, int decimals, Language language);   // 1.234,5 | 1,234.5
QString formatPercent(double fraction, int decimals, Language language); // 0.2501 → 25,01% | 25.01%
QString formatDate(Day day, Language language);                         // 31/12/2023 | 2023-12-31
QString formatCount(long long n, Language language);                   // 1.234 | 1,234

// One builder per detector; each names the observed value, the reference it was compared with and
// the threshold it crossed.
Explanation explainPriceOutlier(double value, double median, int peers, const QString& peerPt,
                                const QString& peerEn, double z, double zThreshold);
Explanation explainVendorConcentration(const QString& supplier, double share, double hhi, double supplierValue,
                                       double total, int suppliers, const QString& unit, int year,
                                       double shareThreshold, double hhiThreshold, bool byShare);
Explanation explainSplitting(int count, double sum, double limit, const QString& unit, const QString& groupPt,
                             const QString& groupEn, const QString& period, const QString& article);
Explanation explainNearThreshold(int count, double fraction, double limit, const QString& unit, int year,
                                 const QString& article);
Explanation explainAmendment(double initial, double final, double increase, double cap);
Explanation explainOverpayment(double finalValue, double paid, int payments);
Explanation explainDuplicate(int records, bool exact, double value, const QString& supplier, double similarity);
Explanation explainTemporalSpike(const QString& unit, int year, int month, int count, double expected, double z,
                                 double threshold, bool december);
Explanation explainDateLogic(const QString& rulePt, const QString& ruleEn, Day first, Day second);
Explanation explainReleasedOverAgreed(double released, double agreed);
Explanation explainBenford(const QString& groupPt, const QString& groupEn, int n, double mad, double threshold,
                           double chiSquare, double pValue);
Explanation explainInvalidDocument(const QString& document, bool cnpj, int contracts);
Explanation explainSanctioned(const QString& supplier, const QString& registry, Day sanctionStart, Day sanctionEnd,
                              Day signedOn, double value);
Explanation explainSingleBidder(const QString& bidding, const QString& participant, double value);
Explanation explainPayOverCeiling(const QString& name, int year, int month, double netPay, double ceiling);

} // namespace cidadao::engine
