// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorcalendar.h"

namespace cidadao::data::generator {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
Day dayFromCivil(int year, int month, int day)
{
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = unsigned(year - era * 400);
    const unsigned doy = unsigned((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Day(era * 146097 + int(doe) - 719468);
}

CivilDate civilFromDay(Day z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = int(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), int(m), int(d)};
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

double dispensaLimit(Day day, bool works)
{
    struct Row { int year, month, dayOfMonth; double works, other; };
    // DATA.md: Lei 14.133 art. 75 and the decrees that update it every January.
    static constexpr Row kRows[] = {
        {2026, 1, 1, 130984.20, 65492.11}, // Decreto 12.807/2025
        {2025, 1, 1, 125451.15, 62725.59}, // Decreto 12.343/2024
        {2024, 1, 1, 119812.02, 59906.02}, // Decreto 11.871/2023
        {2023, 1, 1, 114416.65, 57208.33}, // Decreto 11.317/2022
        {2022, 1, 1, 108040.82, 54020.41}, // Decreto 10.922/2021
        {2021, 4, 1, 100000.00, 50000.00}, // Lei 14.133/2021
    };
    for (const Row& row : kRows)
        if (day >= dayFromCivil(row.year, row.month, row.dayOfMonth))
            return works ? row.works : row.other;
    return 0.0;
}

double payCeiling(int year, int month)
{
    const int ym = year * 12 + month - 1;
    if (ym >= 2025 * 12 + 1)
        return 46366.19;
    if (ym >= 2024 * 12 + 1)
        return 44008.52;
    if (ym >= 2023 * 12 + 3)
        return 41650.92;
    return 0.0;
}

Day firstDay()
{
    return dayFromCivil(kFirstYear, 1, 1);
}

Day lastDay()
{
    return dayFromCivil(kLastYear, 12, 31);
}

Day lei14133Start()
{
    return dayFromCivil(2021, 4, 1);
}

} // namespace cidadao::data::generator
