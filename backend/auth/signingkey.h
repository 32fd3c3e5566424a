// SPDX-License-Identifier: GPL-3.0-or-later
// The HS256 signing key: created once at first start in <data-dir>/jwt-secret (mode 0600 from the moment
// the file exists), or read from a file the operator names (--jwt-secret-file). The key text never
// reaches a log line or an error message.
#pragma once

#include "auth/crypto.h"

#include <QByteArray>
#include <QString>
#include <stdexcept>

namespace cidadao::auth {

// Thrown with a message that tells the operator what to fix (path, mode, length), never the key.
class SigningKeyError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class SigningKey
{
public:
    static constexpr qsizetype kMinimumBytes = 32;
    static constexpr char kDefaultFileName[] = "jwt-secret";

    // Reads <dataDir>/jwt-secret, creating it (and dataDir) with fresh random content when absent.
    static SigningKey loadOrCreate(const Crypto& crypto, const QString& dataDir);
    // Reads an operator-supplied key file: a regular file, no group/other permission bits, at least
    // 32 bytes once trailing whitespace (an editor's newline) is removed.
    static SigningKey fromFile(const QString& path);
    // For tests and callers that hold the key elsewhere; throws when shorter than 32 bytes.
    static SigningKey fromBytes(QByteArray bytes);

    SigningKey(const SigningKey& other) = default;
    SigningKey& operator=(const SigningKey& other) = default;
    SigningKey(SigningKey&& other) noexcept = default;
    SigningKey& operator=(SigningKey&& other) noexcept = default;
    ~SigningKey();

    const QByteArray& bytes() const { return m_bytes; }

private:
    explicit SigningKey(QByteArray bytes);
    QByteArray m_bytes;
};

} // namespace cidadao::auth
