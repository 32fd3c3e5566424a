// SPDX-License-Identifier: GPL-3.0-or-later
// The JWT key file: created 0600 from the start, reused, and refused when readable by others or short.
#include "auth/crypto.h"
#include "auth/signingkey.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace cidadao::auth;

namespace {

mode_t modeOf(const QString& path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

void writeFile(const QString& path, const QByteArray& content, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

} // namespace

class TestSigningKey : public QObject
{
    Q_OBJECT

private slots:
    void createsTheKeyFileWith0600EvenUnderAPermissiveUmask();
    void reusesTheExistingKey();
    void refusesGroupOrWorldAccessibleFiles_data();
    void refusesGroupOrWorldAccessibleFiles();
    void refusesShortKeys();
    void acceptsAKeyWithATrailingNewline();
    void refusesMissingFilesSymlinksAndDirectories();

private:
    Crypto m_crypto;
};

void TestSigningKey::createsTheKeyFileWith0600EvenUnderAPermissiveUmask()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const mode_t previous = ::umask(0); // a 0666 default would show if the file were not created 0600
    const SigningKey key = SigningKey::loadOrCreate(m_crypto, dataDir);
    ::umask(previous);
    const QString path = QDir(dataDir).filePath(QStringLiteral("jwt-secret"));
    QVERIFY(QFile::exists(path));
    QCOMPARE(modeOf(path), mode_t(0600));
    QVERIFY(key.bytes().size() >= SigningKey::kMinimumBytes);
}

void TestSigningKey::reusesTheExistingKey()
{
    QTemporaryDir dir;
    const SigningKey first = SigningKey::loadOrCreate(m_crypto, dir.path());
    const SigningKey second = SigningKey::loadOrCreate(m_crypto, dir.path());
    QCOMPARE(second.bytes(), first.bytes());
    QTemporaryDir other;
    QVERIFY(SigningKey::loadOrCreate(m_crypto, other.path()).bytes() != first.bytes());
}

void TestSigningKey::refusesGroupOrWorldAccessibleFiles_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644") << 0644;
    QTest::newRow("0640") << 0640;
    QTest::newRow("0604") << 0604;
    QTest::newRow("0620 (group-writable)") << 0620;
}

void TestSigningKey::refusesGroupOrWorldAccessibleFiles()
{
    QFETCH(int, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key"));
    const QByteArray secret = "this-is-a-secret-key-of-more-than-32-bytes";
    writeFile(path, secret, mode_t(mode));
    try {
        (void)SigningKey::fromFile(path);
        QFAIL("a group/world accessible key file was accepted");
    } catch (const SigningKeyError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(path) && message.contains(QLatin1String("chmod 600")), error.what());
        QVERIFY2(!message.contains(QString::fromLatin1(secret)), "the key leaked into the message");
    }
    // The same file, fixed as the message says, is accepted.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    QCOMPARE(SigningKey::fromFile(path).bytes(), secret);
}

void TestSigningKey::refusesShortKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key"));
    writeFile(path, QByteArray(31, 'k') + "\n", 0600);
    QVERIFY_THROWS_EXCEPTION(SigningKeyError, SigningKey::fromFile(path));
    writeFile(path, QByteArray(32, 'k'), 0600);
    QCOMPARE(SigningKey::fromFile(path).bytes(), QByteArray(32, 'k'));
    QVERIFY_THROWS_EXCEPTION(SigningKeyError, SigningKey::fromBytes(QByteArray(31, 'k')));
}

void TestSigningKey::acceptsAKeyWithATrailingNewline()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key"));
    const QByteArray secret = m_crypto.randomToken(40).toLatin1();
    writeFile(path, secret + "\r\n", 0400);
    QCOMPARE(SigningKey::fromFile(path).bytes(), secret);
}

void TestSigningKey::refusesMissingFilesSymlinksAndDirectories()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing"));
    QVERIFY_THROWS_EXCEPTION(SigningKeyError, SigningKey::fromFile(missing));

    const QString target = dir.filePath(QStringLiteral("target"));
    writeFile(target, QByteArray(48, 'x'), 0600);
    const QString link = dir.filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(target, link));
    QVERIFY_THROWS_EXCEPTION(SigningKeyError, SigningKey::fromFile(link));

    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    QVERIFY_THROWS_EXCEPTION(SigningKeyError, SigningKey::fromFile(dir.filePath(QStringLiteral("sub"))));
}

QTEST_GUILESS_MAIN(TestSigningKey)
#include "tst_signingkey.moc"
