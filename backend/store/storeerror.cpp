// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storeerror.h"

#include <sqlite3.h>

namespace cidadao::store {

StoreError::StoreError(const std::string& message, int extendedCode)
    : std::runtime_error(message)
    , m_extendedCode(extendedCode)
{
}

int StoreError::sqliteCode() const
{
    return m_extendedCode & 0xff;
}

int StoreError::extendedCode() const
{
    return m_extendedCode;
}

SchemaTooNewError::SchemaTooNewError(int databaseVersion, int binaryVersion, const std::string& path)
    : StoreError("The database " + path + " has schema version " + std::to_string(databaseVersion)
                     + ", newer than the latest version this program knows (" + std::to_string(binaryVersion)
                     + "): it was written by a newer version of Cidadão.AI. Upgrade the program; the file "
                       "was left untouched.",
                 SQLITE_ERROR)
    , m_databaseVersion(databaseVersion)
    , m_binaryVersion(binaryVersion)
{
}

int SchemaTooNewError::databaseVersion() const
{
    return m_databaseVersion;
}

int SchemaTooNewError::binaryVersion() const
{
    return m_binaryVersion;
}

WriterStoppedError::WriterStoppedError()
    : StoreError("The database writer has been shut down and accepts no more jobs", SQLITE_MISUSE)
{
}

} // namespace cidadao::store
