// SPDX-License-Identifier: GPL-3.0-or-later
// argon2id password hashing (libsodium crypto_pwhash_str*). The stored string carries its own salt and
// cost parameters, so raising the cost later only needs a rehash at the next successful login.
#pragma once

#include "auth/crypto.h"

#include <QByteArray>
#include <QString>
#include <cstddef>

namespace cidadao::auth {

class PasswordHasher
{
public:
    struct Limits
    {
        unsigned long long opsLimit;
        std::size_t memLimit;
        // libsodium's INTERACTIVE pair (2 passes, 64 MiB): the floor for the server.
        static Limits interactive();
        // libsodium's MIN pair: for tests that hash many passwords; never for a real server.
        static Limits minimum();
        bool isAtLeastInteractive() const;
    };

    explicit PasswordHasher(const Crypto& crypto, Limits limits = Limits::interactive());

    // The "$argon2id$v=19$m=...,t=...,p=1$salt$hash" text; throws std::runtime_error when out of memory.
    QString hash(const QString& password) const;
    // False for a wrong password AND for a malformed stored string (e.g. the "no password" marker).
    bool verify(const QString& storedHash, const QString& password) const;
    // True when `storedHash` was made with other limits (or another algorithm) than this hasher's.
    bool needsRehash(const QString& storedHash) const;
    // Costs one verify with this hasher's limits against a fixed hash: makes "no such user" as slow as
    // "wrong password", so response timing does not reveal which emails have accounts.
    void dummyVerify(const QString& password) const;

    const Limits& limits() const { return m_limits; }

private:
    Limits m_limits;
    QString m_dummyHash;
};

} // namespace cidadao::auth
