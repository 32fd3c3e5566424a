// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/passwordhasher.h"

#include <sodium.h>
#include <stdexcept>

namespace cidadao::auth {

PasswordHasher::Limits PasswordHasher::Limits::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Limits PasswordHasher::Limits::minimum()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

bool PasswordHasher::Limits::isAtLeastInteractive() const
{
    return opsLimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE && memLimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

PasswordHasher::PasswordHasher(const Crypto& crypto, Limits limits) : m_limits(limits)
{
    if (limits.opsLimit < crypto_pwhash_OPSLIMIT_MIN || limits.memLimit < crypto_pwhash_MEMLIMIT_MIN)
        throw std::invalid_argument("argon2id limits below libsodium's minimum");
    // The dummy hash is made with the same limits so that a dummy verify costs what a real one does.
    m_dummyHash = hash(crypto.randomToken(24));
}

QString PasswordHasher::hash(const QString& password) const
{
    QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), m_limits.opsLimit,
                                         m_limits.memLimit, crypto_pwhash_ALG_ARGON2ID13);
    Crypto::wipe(utf8);
    if (rc != 0)
        throw std::runtime_error("argon2id hashing failed (out of memory)");
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& storedHash, const QString& password) const
{
    const QByteArray stored = storedHash.toLatin1();
    if (stored.size() >= qsizetype(crypto_pwhash_STRBYTES) || !stored.startsWith("$argon2")) {
        dummyVerify(password); // same cost as a real check: the marker must not be observable either
        return false;
    }
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) == 0;
    Crypto::wipe(utf8);
    return ok;
}

bool PasswordHasher::needsRehash(const QString& storedHash) const
{
    const QByteArray stored = storedHash.toLatin1();
    // -1 (not an argon2id string at all) also means "replace it".
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_limits.opsLimit, m_limits.memLimit) != 0;
}

void PasswordHasher::dummyVerify(const QString& password) const
{
    const QByteArray stored = m_dummyHash.toLatin1();
    QByteArray utf8 = password.toUtf8();
    // The answer is meaningless (a random password's hash); only the time spent matters.
    const int ignored = crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size()));
    Q_UNUSED(ignored);
    Crypto::wipe(utf8);
}

} // namespace cidadao::auth
