// SPDX-License-Identifier: GPL-3.0-or-later
// Dates and the legal tables the generator must respect: the art. 75 dispensa limits and the public
// pay ceiling of DATA.md. The generator keeps its own copy (not the engine's) on purpose: the
// evaluation then checks the engine against an independent reading of the law.
#pragma once

#include "engine/columns.h"

namespace cidadao::data::generator {

using engine::Day;

struct CivilDate
{
    int year = 1970;
    int month = 1;
    int day = 1;
};

Day dayFromCivil(int year, int month, int day);
CivilDate civilFromDay(Day day);
int daysInMonth(int year, int month);

// Lei 14.133 art. 75 limit in force on `day` (I = works/engineering, II = other goods and services);
// 0 before 2021-04-01, when the article did not exist yet.
double dispensaLimit(Day day, bool works);
// The remuneration ceiling (teto) in force in the given month; 0 before 2023-04 (outside the table).
double payCeiling(int year, int month);

// First and last day the generated data covers.
inline constexpr int kFirstYear = 2021;
inline constexpr int kLastYear = 2025;
Day firstDay();
Day lastDay();
// The date from which dispensas are generated (Lei 14.133 in force).
Day lei14133Start();

} // namespace cidadao::data::generator
