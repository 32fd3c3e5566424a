// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoding.h"

namespace cidadao::protocol {

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A surrogate pair is one code point; a lone surrogate still counts as one.
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

namespace {

bool isAtext(char16_t c)
{
    if (c >= 0x80)
        return true; // RFC 6531 (internationalised addresses)
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

bool isDomainLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
        return false;
    for (const QChar c : label) {
        const char16_t u = c.unicode();
        const bool ok = u >= 0x80 ? c.isLetterOrNumber() || c.isMark()
                                  : (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                                        || (u >= u'0' && u <= u'9') || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

bool isValidEmail(QStringView address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || codePointCount(address) > 254)
        return false;
    const QStringView local = address.first(at);
    const QStringView domain = address.sliced(at + 1);
    if (local.size() > 64 || local.front() == u'.' || local.back() == u'.' || local.contains(u".."))
        return false;
    for (const QChar c : local) {
        if (c != u'.' && !isAtext(c.unicode()))
            return false;
        if (c.unicode() >= 0x80 && (c.isSpace() || c.category() == QChar::Other_Control))
            return false;
    }
    if (domain.size() > 253)
        return false;
    qsizetype labels = 0;
    for (const QStringView label : domain.tokenize(u'.')) {
        if (!isDomainLabel(label))
            return false;
        ++labels;
    }
    // tokenize() skips nothing: "a..b" gives an empty label, refused above; two labels at least.
    return labels >= 2;
}

QString joinFieldPath(QStringView parent, QStringView child)
{
    if (parent.isEmpty())
        return child.toString();
    if (child.isEmpty())
        return parent.toString();
    return QString(parent + QLatin1Char('.') + child);
}

bool isOneOf(QStringView value, std::initializer_list<const char*> allowed)
{
    for (const char* candidate : allowed) {
        if (value == QLatin1String(candidate))
            return true;
    }
    return false;
}

QString joinAllowed(std::initializer_list<const char*> allowed)
{
    QString out;
    for (const char* candidate : allowed) {
        if (!out.isEmpty())
            out += QLatin1Char('|');
        out += QLatin1String(candidate);
    }
    return out;
}

void requireOneOf(const QString& field, QStringView value, std::initializer_list<const char*> allowed)
{
    if (!isOneOf(value, allowed))
        throw ValidationFailure(field, QString(QStringLiteral("must be one of ") + joinAllowed(allowed)));
}

void requireLength(const QString& field, QStringView value, qsizetype min, qsizetype max)
{
    const qsizetype length = codePointCount(value);
    if (length < min || length > max)
        throw ValidationFailure(field, QStringLiteral("must be %1..%2 characters").arg(min).arg(max));
}

} // namespace cidadao::protocol
