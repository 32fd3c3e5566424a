// SPDX-License-Identifier: GPL-3.0-or-later
// The date-indexed legal table of DATA.md, each row with the act it comes from: dispensa-by-value
// limits (Lei 14.133/2021 art. 75 I/II and the old Lei 8.666/1993 art. 24 I/II), the contract
// amendment caps and the public pay ceiling (teto). Also the reading of a contract's modality and
// legal-basis text into "is this a dispensa by value, under which law and which inciso".
#pragma once

#include "engine/columns.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace cidadao::engine {

enum class ProcurementLaw { Unknown, Lei8666, Lei14133 };
// Inciso I = works and engineering services; inciso II = other goods and services.
enum class DispensaItem { Works, GoodsAndServices };

struct LegalValue
{
    double value = 0.0;
    Day inForceFrom = kNoDate;
    QString article;     // e.g. "Lei 14.133/2021, art. 75, II"
    QString source;      // the act that set the value, e.g. "Decreto 11.871/2023"
};

inline constexpr Day kLei14133Start = toDay(2021, 4, 1);
inline constexpr Day kLei8666End = toDay(2023, 12, 29);    // last day of the parallel period

// The law a dispensa's limit is read from. An explicit citation wins; otherwise by date: Lei 8.666
// before 2021-04-01, Lei 14.133 after the parallel period, and in the parallel period Lei 14.133
// (its limit is the higher one, so a purchase legal under either law is never blamed).
ProcurementLaw effectiveLaw(ProcurementLaw cited, Day date);

// The dispensa-by-value limit in force on date; nullopt when none (before Lei 14.133 for a 14.133
// citation, no date, or an unknown law with no date).
std::optional<LegalValue> dispensaLimit(Day date, ProcurementLaw law, DispensaItem item);

// Amendment cap (Lei 14.133 art. 125; Lei 8.666 art. 65 §1º): 25 %, or 50 % for renovation.
LegalValue amendmentCap(bool renovation);

// Pay ceiling (teto constitucional) in force on date; nullopt before the first row.
std::optional<LegalValue> payCeiling(Day date);

// What a contract's modality and legal-basis texts say about it.
struct DispensaReading
{
    bool dispensaByValue = false;          // a dispensa whose legality depends on the value limit
    ProcurementLaw law = ProcurementLaw::Unknown;
    std::optional<DispensaItem> item;      // when the basis names inciso I or II
};
// "Dispensa de Licitação" as modality, or a basis citing art. 75 (Lei 14.133) / art. 24 (Lei 8.666),
// make a dispensa. It is "by value" unless the basis names another inciso (e.g. art. 75 VIII,
// emergency), which no value limit governs. Inexigibilidade is never a dispensa.
DispensaReading readDispensa(QStringView modality, QStringView legalBasis);

} // namespace cidadao::engine
