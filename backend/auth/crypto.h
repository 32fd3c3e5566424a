// SPDX-License-Identifier: GPL-3.0-or-later
// libsodium behind a small object. Constructing one runs sodium_init(); everything in the auth library
// that needs randomness or a constant-time comparison takes a `const Crypto&`, which proves that the
// library was initialised without a global "initialised" flag of our own.
#pragma once

#include <QByteArray>
#include <QString>

namespace cidadao::auth {

class Crypto
{
public:
    Crypto(); // throws std::runtime_error when libsodium cannot initialise (no entropy source)

    QByteArray randomBytes(qsizetype count) const;
    // `byteCount` random bytes as unpadded base64url text: tokens, generated passwords.
    QString randomToken(qsizetype byteCount) const;
    // A random (version 4) UUID in its 36-character text form, without braces.
    QString randomUuid() const;

    // Constant-time equality; different lengths compare unequal (the length is not secret).
    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
    static QByteArray sha256(const QByteArray& data);
    static QByteArray hmacSha256(const QByteArray& key, const QByteArray& message);
    // Overwrites the bytes in place (the compiler may not elide it) before a secret is dropped.
    static void wipe(QByteArray& secret);

    static QByteArray base64UrlEncode(const QByteArray& data);
    // Strict: only the base64url alphabet, no padding; returns false on anything else.
    static bool base64UrlDecode(const QByteArray& text, QByteArray* out);
};

} // namespace cidadao::auth
