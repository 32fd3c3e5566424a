// SPDX-License-Identifier: GPL-3.0-or-later
// The validation rules shared by the decoders: counting characters as users see them, e-mail
// syntax, closed word sets, lengths. Each rule throws ValidationFailure naming the field.
#pragma once

#include "apierror.h"

#include <QString>
#include <QStringView>

#include <initializer_list>

namespace cidadao::protocol {

// Unicode code points, not UTF-16 units: "ação" is 4, an emoji is 1. Lone surrogates count as 1.
qsizetype codePointCount(QStringView text);

// RFC 5322 "lite": dot-atom local part (ASCII atext or any non-ASCII), '@', a domain of at least two
// dot-separated labels of letters, digits and inner hyphens (non-ASCII allowed for IDNs);
// at most 64 + 1 + 253 characters. Quoted local parts and IP-literal domains are refused.
bool isValidEmail(QStringView address);

// "parent.child"; an empty part is skipped.
QString joinFieldPath(QStringView parent, QStringView child);

// Throws ValidationFailure(field, "must be one of a|b|c") when value is not in allowed.
void requireOneOf(const QString& field, QStringView value, std::initializer_list<const char*> allowed);
bool isOneOf(QStringView value, std::initializer_list<const char*> allowed);
QString joinAllowed(std::initializer_list<const char*> allowed);

// Throws ValidationFailure(field, "must be min..max characters") counting code points.
void requireLength(const QString& field, QStringView value, qsizetype min, qsizetype max);

} // namespace cidadao::protocol
