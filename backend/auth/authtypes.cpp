// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authtypes.h"

#include <QStringList>

namespace cidadao::auth {

bool isValidRole(const QString& role)
{
    return role == QLatin1String(Roles::Admin) || role == QLatin1String(Roles::Analyst) ||
           role == QLatin1String(Roles::Citizen);
}

QString normalizeEmail(const QString& email)
{
    return email.trimmed().toLower();
}

namespace {

bool isLocalPartChar(QChar c)
{
    static const QString specials = QStringLiteral("!#$%&'*+/=?^_`{|}~.-");
    return c.isLetterOrNumber() || specials.contains(c);
}

bool isValidDomain(const QString& domain)
{
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return false; // a bare host name is not a deliverable address
    for (const QString& label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (const QChar c : label) {
            if (!c.isLetterOrNumber() && c != u'-')
                return false;
        }
    }
    bool allDigits = true;
    for (const QChar c : labels.last())
        allDigits = allDigits && c.isDigit();
    return !allDigits; // "user@1.2.3.4" is an IP literal, which we do not accept
}

} // namespace

bool isValidEmail(const QString& email)
{
    if (email.size() < 3 || email.size() > 254)
        return false;
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at != email.lastIndexOf(u'@'))
        return false;
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    if (local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.') || local.contains(QLatin1String("..")))
        return false;
    for (const QChar c : local) {
        if (!isLocalPartChar(c))
            return false;
    }
    return isValidDomain(domain);
}

bool isAcceptablePassword(const QString& password)
{
    // Code points, not UTF-16 units: "8 characters" is what a person counts.
    const qsizetype length = password.toUcs4().size();
    return length >= kMinimumPasswordLength && length <= kMaximumPasswordLength;
}

bool isValidName(const QString& trimmedName)
{
    if (trimmedName.isEmpty() || trimmedName.size() > kMaximumNameLength)
        return false;
    for (const QChar c : trimmedName) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

QString fieldOf(AuthError error)
{
    switch (error) {
    case AuthError::InvalidEmail:
    case AuthError::EmailTaken:
        return QStringLiteral("email");
    case AuthError::WeakPassword:
        return QStringLiteral("password");
    case AuthError::InvalidName:
        return QStringLiteral("name");
    case AuthError::InvalidRole:
    case AuthError::RoleNotAllowed:
        return QStringLiteral("role");
    default:
        return {};
    }
}

QString messageOf(AuthError error)
{
    switch (error) {
    case AuthError::None:
        return QStringLiteral("ok");
    case AuthError::EmailTaken:
        return QStringLiteral("email: an account with this email already exists");
    case AuthError::InvalidEmail:
        return QStringLiteral("email: not a valid email address");
    case AuthError::WeakPassword:
        return QStringLiteral("password: must be %1 to %2 characters")
            .arg(kMinimumPasswordLength)
            .arg(kMaximumPasswordLength);
    case AuthError::InvalidName:
        return QStringLiteral("name: must be 1 to %1 characters, without control characters").arg(kMaximumNameLength);
    case AuthError::InvalidRole:
        return QStringLiteral("role: must be one of admin, analyst, citizen");
    case AuthError::RoleNotAllowed:
        return QStringLiteral("role: only an administrator can create admin accounts");
    case AuthError::InvalidCredentials:
        return QStringLiteral("Invalid email or password");
    case AuthError::AccountDisabled:
        return QStringLiteral("This account is disabled");
    case AuthError::InvalidToken:
        return QStringLiteral("Invalid or expired token");
    case AuthError::NotFound:
        return QStringLiteral("User not found");
    case AuthError::BootstrapRejected:
        return QStringLiteral("Invalid, expired or already used bootstrap token");
    }
    return QStringLiteral("authentication error");
}

} // namespace cidadao::auth
