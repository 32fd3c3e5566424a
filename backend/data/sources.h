// SPDX-License-Identifier: GPL-3.0-or-later
// The Portal da Transparência's file layouts as data: for each source, the table it fills, each
// column's type, whether it is required, and every header spelling seen across the years (matched
// after normaliseHeader, so case, accents, spaces and punctuation never matter). The importer, the
// source detection and the ZIP member choice all read these tables instead of hard-coding names.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>
#include <vector>

namespace cidadao::data {

enum class Source {
    Contracts,
    Biddings,
    Participants,
    Agreements,
    Expenses,
    Servants,
    ServantRegistry, // the cadastro file: joined into servant_pay, never a table of its own
    Sanctions,
};

enum class FieldKind {
    Text,
    Document, // CPF/CNPJ: punctuation dropped unless masked (***.017.623-**), which is kept as given
    Date,
    Decimal,
    Integer,
    Flag,
    Registry, // CEIS|CNEP
};

struct FieldSpec
{
    std::string_view column;               // SQL column
    FieldKind kind;
    bool required;
    std::vector<std::string_view> headers; // accepted header spellings (UTF-8); the first is the canonical one
    int minimum = 0;                       // Integer only: accepted range (both 0: any)
    int maximum = 0;
};

struct SourceSpec
{
    Source source;
    std::string_view name;                 // "contracts", ... (the CLI's --source and the imports.source)
    std::string_view table;                // empty for ServantRegistry
    std::vector<FieldSpec> fields;
    std::vector<std::string_view> keyColumns;    // joined with '/' into the natural key
    std::vector<std::string_view> searchColumns; // what a search matches: see searchTextSql
    std::vector<std::string_view> memberStems;   // ZIP member names, see memberStem()
};

const SourceSpec& sourceSpec(Source source);
// The SQL expression of a record's searchable text, "search_fold(number, object, ...)" over the source's
// searchColumns (store/searchfold.h; the imports no longer store it), to match with LIKE '%' ||
// foldForSearch(q) || '%'. Empty for a source without a table.
std::string searchTextSql(Source source);
const std::vector<Source>& allSources();
std::optional<Source> sourceFromName(const QString& name);
QString sourceName(Source source);

// The source whose required columns all appear in the header and that explains most of it.
std::optional<Source> detectSource(const QStringList& headers);

// A ZIP member's name reduced for matching: directory, extension and leading date dropped, only
// ASCII letters and digits kept, lower case ("2024/202401_Licitação.csv" → "licitao").
QString memberStem(const QString& memberName);
// The source a member of a Portal ZIP holds, if any (ItemCompra, TermoAditivo, ... give nullopt).
std::optional<Source> sourceOfMember(const QString& memberName);

} // namespace cidadao::data
