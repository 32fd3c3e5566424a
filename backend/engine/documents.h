// SPDX-License-Identifier: GPL-3.0-or-later
// Brazilian taxpayer ids: CPF (people, 11 digits) and CNPJ (organisations, 14 characters, alphanumeric
// from July 2026). The Portal masks CPFs ("***.017.623-**"): a masked id can be neither valid nor
// invalid, so it is classified apart and never reported.
#pragma once

#include <QString>
#include <QStringView>

namespace cidadao::engine {

enum class DocumentKind {
    Cpf,            // 11 digits
    Cnpj,           // 12 alphanumeric characters + 2 check digits
    Masked,         // contains '*' (Portal privacy masking)
    Other,          // any other length/shape: foreign supplier, UG code, "sigiloso"; not checkable
};

struct DocumentCheck
{
    DocumentKind kind = DocumentKind::Other;
    bool valid = false;          // meaningful for Cpf and Cnpj only
    QString normalised;          // punctuation ('.', '-', '/', spaces) removed, letters upper-cased
    bool checkable() const { return kind == DocumentKind::Cpf || kind == DocumentKind::Cnpj; }
    bool invalid() const { return checkable() && !valid; }
};

// Removes the formatting characters ". - / space" and upper-cases letters.
QString normaliseDocument(QStringView text);
bool isValidCpf(QStringView digits);                // 11 digits, mod 11, not all equal
bool isValidCnpj(QStringView characters);           // 14 chars, value = ASCII − 48, check digits numeric
DocumentCheck checkDocument(QStringView text);

} // namespace cidadao::engine
