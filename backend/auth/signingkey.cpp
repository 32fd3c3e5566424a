// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/signingkey.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cidadao::auth {

namespace {

constexpr qsizetype kGeneratedRandomBytes = 48; // 384 bits, written as 64 base64url characters
constexpr qsizetype kMaximumFileBytes = 64 * 1024;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

[[noreturn]] void fail(const QString& message)
{
    throw SigningKeyError(message.toStdString());
}

// Trailing whitespace is dropped so that `echo secret > file` and editors' final newlines work.
QByteArray trimTrailingWhitespace(QByteArray bytes)
{
    qsizetype end = bytes.size();
    while (end > 0 &&
           (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t'))
        --end;
    bytes.truncate(end);
    return bytes;
}

// Reads through one descriptor and checks that same descriptor (fstat), so the file cannot be swapped
// between the permission check and the read.
QByteArray readKeyFile(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int error = errno;
        fail(QStringLiteral("cannot open the JWT key file %1: %2").arg(path, errnoText(error)));
    }
    struct stat info;
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        fail(QStringLiteral("cannot inspect the JWT key file %1: %2").arg(path, errnoText(error)));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        fail(QStringLiteral("the JWT key file %1 is not a regular file").arg(path));
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        fail(QStringLiteral("the JWT key file %1 is accessible by group or others (mode %2); "
                            "run `chmod 600 %1` and start again")
                 .arg(path, QString::number(info.st_mode & 07777, 8).rightJustified(4, u'0')));
    }
    if (info.st_size > kMaximumFileBytes) {
        ::close(fd);
        fail(QStringLiteral("the JWT key file %1 is larger than %2 bytes").arg(path).arg(kMaximumFileBytes));
    }
    QByteArray content(qsizetype(info.st_size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::read(fd, content.data() + done, size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            Crypto::wipe(content);
            fail(QStringLiteral("cannot read the JWT key file %1: %2").arg(path, errnoText(error)));
        }
        if (n == 0)
            break;
        done += n;
    }
    ::close(fd);
    content.truncate(done);
    QByteArray key = trimTrailingWhitespace(content);
    Crypto::wipe(content);
    if (key.size() < SigningKey::kMinimumBytes) {
        Crypto::wipe(key);
        fail(QStringLiteral("the JWT key file %1 holds fewer than %2 bytes; use at least %2 random bytes "
                            "(for example `head -c 48 /dev/urandom | base64 > FILE`)")
                 .arg(path)
                 .arg(SigningKey::kMinimumBytes));
    }
    return key;
}

// O_CREAT|O_EXCL with mode 0600: the file never exists with wider permissions, not even for an instant.
// Returns false when another process created the file first.
bool createKeyFile(const QString& path, const QByteArray& content)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST)
            return false;
        fail(QStringLiteral("cannot create the JWT key file %1: %2").arg(path, errnoText(error)));
    }
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(native.constData()); // a half-written key would be read back as a short key
            fail(QStringLiteral("cannot write the JWT key file %1: %2").arg(path, errnoText(error)));
        }
        done += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(native.constData());
        fail(QStringLiteral("cannot write the JWT key file %1: %2").arg(path, errnoText(error)));
    }
    return true;
}

} // namespace

SigningKey::SigningKey(QByteArray bytes) : m_bytes(std::move(bytes))
{
}

SigningKey::~SigningKey()
{
    Crypto::wipe(m_bytes);
}

SigningKey SigningKey::fromBytes(QByteArray bytes)
{
    if (bytes.size() < kMinimumBytes)
        throw SigningKeyError("a JWT signing key needs at least 32 bytes");
    return SigningKey(std::move(bytes));
}

SigningKey SigningKey::fromFile(const QString& path)
{
    return SigningKey(readKeyFile(path));
}

SigningKey SigningKey::loadOrCreate(const Crypto& crypto, const QString& dataDir)
{
    if (!QDir().mkpath(dataDir))
        fail(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    const QString path = QDir(dataDir).filePath(QLatin1String(kDefaultFileName));
    if (!QFile::exists(path)) {
        QByteArray random = crypto.randomBytes(kGeneratedRandomBytes);
        QByteArray content = Crypto::base64UrlEncode(random);
        Crypto::wipe(random);
        content.append('\n');
        const bool created = createKeyFile(path, content);
        Crypto::wipe(content);
        Q_UNUSED(created); // lost a race with another instance: read what that one wrote
    }
    return fromFile(path);
}

} // namespace cidadao::auth
