// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the Portal's download ZIPs (e.g. 202401_Compras.zip) without unpacking them to disk: the
// central directory lists the members, and a member is inflated with zlib while the CSV reader
// pulls bytes. Stored and deflated members, ZIP64 sizes; no encryption, no multi-disk archives.
#pragma once

#include "data/csvreader.h"

#include <QFile>
#include <QString>

#include <memory>
#include <vector>

namespace cidadao::data {

struct ZipEntry
{
    QString name;                 // as stored (UTF-8 when flagged, otherwise read as Latin-1)
    std::uint16_t method = 0;     // 0 stored, 8 deflated
    std::uint16_t flags = 0;
    std::uint32_t crc32 = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t uncompressedSize = 0;
    std::uint64_t localHeaderOffset = 0;
};

class ZipArchive
{
public:
    // Opens the file and reads its central directory; throws CsvError when it is not a usable ZIP.
    explicit ZipArchive(const QString& path);
    const std::vector<ZipEntry>& entries() const { return m_entries; }
    // A source producing the member's uncompressed bytes; its CRC is checked at the end.
    std::unique_ptr<ByteSource> open(const ZipEntry& entry) const;

    // True when the file starts with a ZIP local header signature.
    static bool looksLikeZip(const QString& path);

private:
    QString m_path;
    std::vector<ZipEntry> m_entries;
};

} // namespace cidadao::data
