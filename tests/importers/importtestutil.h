// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the importer tests: a fresh migrated database in a temporary directory, row counts, the
// hand-written Portal files, and a small ZIP writer (zlib raw deflate) to build Portal-like ZIPs.
#pragma once

#include "store/database.h"
#include "store/migrations.h"
#include "store/statement.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <zlib.h>

#include <memory>
#include <string>
#include <vector>

namespace cidadao::testsupport {

inline QString portalFile(const char* name)
{
    return QStringLiteral(CIDADAO_TEST_DATA_DIR "/portal/") + QString::fromUtf8(name);
}

inline std::unique_ptr<store::Database> openMigrated(const QTemporaryDir& dir)
{
    auto db = store::Database::open(dir.filePath(QStringLiteral("cidadao.db")));
    store::migrate(*db);
    return db;
}

inline std::int64_t scalar(store::Database& db, const std::string& sql)
{
    store::Statement statement = db.prepare(sql);
    return statement.step() ? statement.int64(0) : -1;
}

inline QString textValue(store::Database& db, const std::string& sql)
{
    store::Statement statement = db.prepare(sql);
    return statement.step() ? statement.text(0) : QStringLiteral("<no row>");
}

inline std::int64_t recordCount(store::Database& db)
{
    std::int64_t total = 0;
    for (const char* table : {"imports", "contracts", "biddings", "bidding_participants", "agreements", "expenses",
                              "servant_pay", "sanctions"})
        total += scalar(db, std::string("SELECT count(*) FROM ") + table);
    for (const char* table : {"contracts", "biddings", "bidding_participants", "agreements", "expenses", "servant_pay",
                              "sanctions"})
        total += scalar(db, std::string("SELECT count(*) FROM ") + table + "_original");
    return total;
}

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct ZipMember
{
    QByteArray name; // stored as given (UTF-8 flag set)
    QByteArray data;
    bool deflate = true;
};

// Writes a ZIP with local headers, central directory and end record, as the Portal's are.
inline bool writeZip(const QString& path, const std::vector<ZipMember>& members)
{
    QByteArray out;
    QByteArray directory;
    auto le16 = [](QByteArray& b, unsigned v) {
        b.append(char(v & 0xFF));
        b.append(char((v >> 8) & 0xFF));
    };
    auto le32 = [&](QByteArray& b, unsigned long v) {
        le16(b, unsigned(v & 0xFFFF));
        le16(b, unsigned((v >> 16) & 0xFFFF));
    };
    for (const ZipMember& member : members) {
        QByteArray payload = member.data;
        if (member.deflate) {
            z_stream stream{};
            deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
            payload.resize(qsizetype(deflateBound(&stream, uLong(member.data.size()))));
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(member.data.constData()));
            stream.avail_in = uInt(member.data.size());
            stream.next_out = reinterpret_cast<Bytef*>(payload.data());
            stream.avail_out = uInt(payload.size());
            if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
                return false;
            payload.resize(qsizetype(stream.total_out));
            deflateEnd(&stream);
        }
        const unsigned long crc = crc32(0, reinterpret_cast<const Bytef*>(member.data.constData()),
                                        uInt(member.data.size()));
        const unsigned long offset = (unsigned long)out.size();
        const unsigned method = member.deflate ? 8 : 0;
        le32(out, 0x04034b50);
        le16(out, 20);
        le16(out, 0x800);
        le16(out, method);
        le16(out, 0);
        le16(out, 0x21);
        le32(out, crc);
        le32(out, (unsigned long)payload.size());
        le32(out, (unsigned long)member.data.size());
        le16(out, unsigned(member.name.size()));
        le16(out, 0);
        out.append(member.name);
        out.append(payload);

        le32(directory, 0x02014b50);
        le16(directory, 20);
        le16(directory, 20);
        le16(directory, 0x800);
        le16(directory, method);
        le16(directory, 0);
        le16(directory, 0x21);
        le32(directory, crc);
        le32(directory, (unsigned long)payload.size());
        le32(directory, (unsigned long)member.data.size());
        le16(directory, unsigned(member.name.size()));
        le16(directory, 0);
        le16(directory, 0);
        le16(directory, 0);
        le16(directory, 0);
        le32(directory, 0);
        le32(directory, offset);
        directory.append(member.name);
    }
    const unsigned long directoryOffset = (unsigned long)out.size();
    out.append(directory);
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, unsigned(members.size()));
    le16(out, unsigned(members.size()));
    le32(out, (unsigned long)directory.size());
    le32(out, directoryOffset);
    le16(out, 0);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(out) == out.size();
}

} // namespace cidadao::testsupport
