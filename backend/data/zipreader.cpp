// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/zipreader.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace cidadao::data {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kZip64End = 0x06064b50;

std::uint16_t le16(const char* p)
{
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return std::uint16_t(u[0] | (u[1] << 8));
}
std::uint32_t le32(const char* p)
{
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return std::uint32_t(u[0]) | (std::uint32_t(u[1]) << 8) | (std::uint32_t(u[2]) << 16) | (std::uint32_t(u[3]) << 24);
}
std::uint64_t le64(const char* p) { return std::uint64_t(le32(p)) | (std::uint64_t(le32(p + 4)) << 32); }

[[noreturn]] void fail(const QString& path, const std::string& why)
{
    throw CsvError("not a readable ZIP (" + path.toStdString() + "): " + why);
}

QByteArray readAt(QFile& file, std::uint64_t offset, qint64 size, const QString& path)
{
    if (!file.seek(qint64(offset)))
        fail(path, "seek failed");
    QByteArray bytes = file.read(size);
    if (bytes.size() != size)
        fail(path, "truncated");
    return bytes;
}

// Inflates (or copies) one member, checking its CRC-32 and size at the end.
class ZipMemberSource : public ByteSource
{
public:
    ZipMemberSource(const QString& path, const ZipEntry& entry, std::uint64_t dataOffset)
        : m_file(path)
        , m_entry(entry)
        , m_remainingInput(entry.compressedSize)
    {
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(qint64(dataOffset)))
            fail(path, "cannot open member");
        if (entry.method == 8) {
            std::memset(&m_stream, 0, sizeof m_stream);
            if (inflateInit2(&m_stream, -MAX_WBITS) != Z_OK)
                fail(path, "zlib init failed");
            m_inflating = true;
        }
        m_input.resize(1 << 16);
    }
    ~ZipMemberSource() override
    {
        if (m_inflating)
            inflateEnd(&m_stream);
    }
    ZipMemberSource(const ZipMemberSource&) = delete;
    ZipMemberSource& operator=(const ZipMemberSource&) = delete;

    qint64 totalSize() const override { return qint64(m_entry.uncompressedSize); }

    qint64 read(char* buffer, qint64 maxSize) override
    {
        const qint64 n = m_entry.method == 8 ? inflateSome(buffer, maxSize) : copySome(buffer, maxSize);
        if (n > 0) {
            m_crc = crc32(m_crc, reinterpret_cast<const Bytef*>(buffer), uInt(n));
            m_produced += std::uint64_t(n);
        } else if (!m_checked) {
            m_checked = true;
            if (m_produced != m_entry.uncompressedSize || m_crc != m_entry.crc32)
                throw CsvError("ZIP member " + m_entry.name.toStdString() + " is corrupt (CRC or size mismatch)");
        }
        return n;
    }

private:
    qint64 copySome(char* buffer, qint64 maxSize)
    {
        const qint64 want = qint64(std::min<std::uint64_t>(std::uint64_t(maxSize), m_remainingInput));
        if (want == 0)
            return 0;
        const qint64 n = m_file.read(buffer, want);
        if (n <= 0)
            throw CsvError("ZIP member " + m_entry.name.toStdString() + " is truncated");
        m_remainingInput -= std::uint64_t(n);
        return n;
    }

    qint64 inflateSome(char* buffer, qint64 maxSize)
    {
        if (m_streamEnded)
            return 0;
        const uInt room = uInt(std::min<qint64>(maxSize, 1 << 30));
        m_stream.next_out = reinterpret_cast<Bytef*>(buffer);
        m_stream.avail_out = room;
        while (m_stream.avail_out == room) {
            if (m_stream.avail_in == 0 && m_remainingInput > 0) {
                const qint64 want = qint64(std::min<std::uint64_t>(m_input.size(), m_remainingInput));
                const qint64 n = m_file.read(m_input.data(), want);
                if (n <= 0)
                    throw CsvError("ZIP member " + m_entry.name.toStdString() + " is truncated");
                m_remainingInput -= std::uint64_t(n);
                m_stream.next_in = reinterpret_cast<Bytef*>(m_input.data());
                m_stream.avail_in = uInt(n);
            }
            const int rc = inflate(&m_stream, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                m_streamEnded = true;
                break;
            }
            if (rc == Z_BUF_ERROR && m_stream.avail_in == 0 && m_remainingInput == 0)
                throw CsvError("ZIP member " + m_entry.name.toStdString() + " ends early");
            if (rc != Z_OK && rc != Z_BUF_ERROR)
                throw CsvError("ZIP member " + m_entry.name.toStdString() + " cannot be inflated");
        }
        return qint64(room - m_stream.avail_out);
    }

    QFile m_file;
    ZipEntry m_entry;
    std::uint64_t m_remainingInput;
    std::vector<char> m_input;
    z_stream m_stream{};
    bool m_inflating = false;
    bool m_streamEnded = false;
    bool m_checked = false;
    uLong m_crc = crc32(0L, Z_NULL, 0);
    std::uint64_t m_produced = 0;
};

} // namespace

bool ZipArchive::looksLikeZip(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4);
    return head.size() == 4 && le32(head.constData()) == kLocalHeader;
}

ZipArchive::ZipArchive(const QString& path)
    : m_path(path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(path, file.errorString().toStdString());
    const qint64 size = file.size();
    if (size < 22)
        fail(path, "too short");

    // The end record sits in the last 22 + 65535 (comment) bytes.
    const qint64 tailSize = std::min<qint64>(size, 22 + 65535);
    const QByteArray tail = readAt(file, std::uint64_t(size - tailSize), tailSize, path);
    qint64 eocd = -1;
    for (qint64 i = tailSize - 22; i >= 0; --i) {
        if (le32(tail.constData() + i) == kEndOfCentralDirectory) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        fail(path, "no end of central directory");
    const char* end = tail.constData() + eocd;
    std::uint64_t count = le16(end + 10);
    std::uint64_t directorySize = le32(end + 12);
    std::uint64_t directoryOffset = le32(end + 16);

    const qint64 locatorAt = size - tailSize + eocd - 20;
    if (locatorAt >= 0 && (count == 0xFFFF || directoryOffset == 0xFFFFFFFF || directorySize == 0xFFFFFFFF)) {
        const QByteArray locator = readAt(file, std::uint64_t(locatorAt), 20, path);
        if (le32(locator.constData()) == kZip64Locator) {
            const QByteArray end64 = readAt(file, le64(locator.constData() + 8), 56, path);
            if (le32(end64.constData()) != kZip64End)
                fail(path, "bad ZIP64 end record");
            count = le64(end64.constData() + 32);
            directorySize = le64(end64.constData() + 40);
            directoryOffset = le64(end64.constData() + 48);
        }
    }
    if (directoryOffset + directorySize > std::uint64_t(size) || directorySize > (1u << 30))
        fail(path, "central directory out of range");

    const QByteArray directory = readAt(file, directoryOffset, qint64(directorySize), path);
    std::size_t pos = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (pos + 46 > std::size_t(directory.size()) || le32(directory.constData() + pos) != kCentralHeader)
            fail(path, "bad central directory entry");
        const char* h = directory.constData() + pos;
        ZipEntry entry;
        entry.flags = le16(h + 8);
        entry.method = le16(h + 10);
        entry.crc32 = le32(h + 16);
        entry.compressedSize = le32(h + 20);
        entry.uncompressedSize = le32(h + 24);
        const std::size_t nameLength = le16(h + 28);
        const std::size_t extraLength = le16(h + 30);
        const std::size_t commentLength = le16(h + 32);
        entry.localHeaderOffset = le32(h + 42);
        if (pos + 46 + nameLength + extraLength + commentLength > std::size_t(directory.size()))
            fail(path, "central directory entry out of range");
        const char* name = h + 46;
        entry.name = (entry.flags & 0x800) ? QString::fromUtf8(name, qsizetype(nameLength))
                                           : QString::fromLatin1(name, qsizetype(nameLength));
        // ZIP64 extra field: the 64-bit values, in order, of the 32-bit fields that are all ones.
        const char* extra = name + nameLength;
        std::size_t e = 0;
        while (e + 4 <= extraLength) {
            const std::uint16_t id = le16(extra + e);
            const std::uint16_t length = le16(extra + e + 2);
            if (e + 4 + length > extraLength)
                break;
            if (id == 0x0001) {
                std::size_t k = e + 4;
                auto take = [&](std::uint64_t& field) {
                    if (field == 0xFFFFFFFF && k + 8 <= e + 4 + length) {
                        field = le64(extra + k);
                        k += 8;
                    }
                };
                take(entry.uncompressedSize);
                take(entry.compressedSize);
                take(entry.localHeaderOffset);
            }
            e += 4 + length;
        }
        pos += 46 + nameLength + extraLength + commentLength;
        if (entry.name.endsWith(QLatin1Char('/')))
            continue; // a directory
        m_entries.push_back(std::move(entry));
    }
}

std::unique_ptr<ByteSource> ZipArchive::open(const ZipEntry& entry) const
{
    if (entry.flags & 0x1)
        throw CsvError("ZIP member " + entry.name.toStdString() + " is encrypted");
    if (entry.method != 0 && entry.method != 8)
        throw CsvError("ZIP member " + entry.name.toStdString() + " uses an unsupported compression method");
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        fail(m_path, file.errorString().toStdString());
    const QByteArray local = readAt(file, entry.localHeaderOffset, 30, m_path);
    if (le32(local.constData()) != kLocalHeader)
        fail(m_path, "bad local header");
    const std::uint64_t dataOffset = entry.localHeaderOffset + 30 + le16(local.constData() + 26)
                                     + le16(local.constData() + 28);
    if (dataOffset + entry.compressedSize > std::uint64_t(file.size()))
        fail(m_path, "member data out of range");
    return std::make_unique<ZipMemberSource>(m_path, entry, dataOffset);
}

} // namespace cidadao::data
