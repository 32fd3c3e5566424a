// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/crypto.h"

#include <QUuid>
#include <sodium.h>
#include <stdexcept>

namespace cidadao::auth {

Crypto::Crypto()
{
    // sodium_init() is idempotent and thread-safe: 1 means "already initialised", which is fine.
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

QByteArray Crypto::randomBytes(qsizetype count) const
{
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes;
}

QString Crypto::randomToken(qsizetype byteCount) const
{
    QByteArray raw = randomBytes(byteCount);
    const QString token = QString::fromLatin1(base64UrlEncode(raw));
    wipe(raw);
    return token;
}

QString Crypto::randomUuid() const
{
    QByteArray raw = randomBytes(16);
    // RFC 4122: version 4 (random) and the variant bits 10xx.
    raw[6] = char((uchar(raw[6]) & 0x0f) | 0x40);
    raw[8] = char((uchar(raw[8]) & 0x3f) | 0x80);
    return QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces);
}

bool Crypto::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray Crypto::sha256(const QByteArray& data)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(data.constData()), quint64(data.size()));
    return digest;
}

QByteArray Crypto::hmacSha256(const QByteArray& key, const QByteArray& message)
{
    // The multi-part API accepts keys of any length (HMAC hashes long keys), as JWT HS256 requires.
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.constData()),
                                  quint64(message.size()));
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data()));
    sodium_memzero(&state, sizeof state);
    return mac;
}

void Crypto::wipe(QByteArray& secret)
{
    // A shared buffer still belongs to another QByteArray: scribbling over it would corrupt that one.
    if (!secret.isEmpty() && secret.isDetached())
        sodium_memzero(secret.data(), size_t(secret.size()));
    secret.clear();
}

QByteArray Crypto::base64UrlEncode(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool Crypto::base64UrlDecode(const QByteArray& text, QByteArray* out)
{
    for (const char c : text) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    if (text.size() % 4 == 1)
        return false; // no byte sequence encodes to this length
    auto result =
        QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = std::move(result.decoded);
    return true;
}

} // namespace cidadao::auth
