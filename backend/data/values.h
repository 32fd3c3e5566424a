// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of the Portal da Transparência's field formats (decimal comma numbers, DD/MM/YYYY dates)
// and the text folding used to match headers and to search. They work on raw bytes because the
// importers call them millions of times per file: no QString on the hot path.
#pragma once

#include "store/searchfold.h"
#include "engine/columns.h"

#include <QString>

#include <string>
#include <string_view>

namespace cidadao::data {

enum class ParseStatus { Ok, Empty, Invalid };

// Trims ASCII spaces, tabs and CR/LF from both ends.
std::string_view trimmed(std::string_view text);

// "10665589,3300", "1.234,56", "-12,5", "1234", "1.5" (a single dot that is not a thousands group).
// Empty (after trimming) gives Empty and leaves out untouched.
ParseStatus parseDecimal(std::string_view text, double& out);

// "DD/MM/YYYY" (also "D/M/YYYY" and ISO "YYYY-MM-DD"), checked against the calendar (31/02 is Invalid).
ParseStatus parseDate(std::string_view text, engine::Day& out);

// A whole number with optional sign, e.g. ANO or MES.
ParseStatus parseInteger(std::string_view text, std::int64_t& out);

// SIM/NÃO flags, in Latin-1 or UTF-8 bytes; also S/N, 1/0, TRUE/FALSE. Empty is Empty.
ParseStatus parseFlag(std::string_view text, bool& out);

// Days since 1970-01-01 of a proleptic Gregorian date; the inverse gives year/month/day.
engine::Day daysFromCivil(int year, int month, int day);
void civilFromDays(engine::Day days, int& year, int& month, int& day);
bool isValidCivil(int year, int month, int day);

// Header matching key: accents removed, lower case, every character that is not a letter or a
// digit dropped. "Código Contratado" and "CODIGO_CONTRATADO" both give "codigocontratado".
QString normaliseHeader(const QString& header);

// Search folding: accents removed, lower case, runs of non-alphanumerics turned into one space.
// A record's searchable text is this fold of its searchable columns (data::searchTextSql); a caller
// searches with LIKE '%' || foldForSearch(q) || '%'.
QString foldForSearch(const QString& text);
// The same on UTF-8 bytes, appended to out (store/searchfold.h: the SQL function search_fold uses it).
using store::appendFoldedUtf8;

} // namespace cidadao::data
