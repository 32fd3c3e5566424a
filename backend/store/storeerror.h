// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace cidadao::store {

// Every failure of the store surfaces as a StoreError carrying SQLite's result code, so that callers can tell
// a constraint violation (a user error: 409/422) from a busy or broken database (a server error).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const std::string& message, int extendedCode = 1 /* SQLITE_ERROR */);

    // The primary result code (SQLITE_CONSTRAINT, SQLITE_BUSY, ...): compare with the sqlite3.h constants.
    int sqliteCode() const;
    // The extended code (SQLITE_CONSTRAINT_UNIQUE, ...), equal to sqliteCode() when SQLite gave no detail.
    int extendedCode() const;

private:
    int m_extendedCode;
};

// The database file was written by a newer binary: we refuse to touch it rather than silently downgrade.
class SchemaTooNewError : public StoreError
{
public:
    SchemaTooNewError(int databaseVersion, int binaryVersion, const std::string& path);

    int databaseVersion() const;
    int binaryVersion() const;

private:
    int m_databaseVersion;
    int m_binaryVersion;
};

// A job was submitted to a Writer that is shutting down or already stopped.
class WriterStoppedError : public StoreError
{
public:
    WriterStoppedError();
};

} // namespace cidadao::store
