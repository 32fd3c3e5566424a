// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"

#include "store/searchfold.h"

#include <QStringList>

#include <sqlite3.h>

#include <cctype>
#include <string>
#include <utility>

namespace cidadao::store {

namespace {

[[noreturn]] void throwFromConnection(sqlite3* db, int rc, const std::string& context)
{
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int code = (extended & 0xff) == (rc & 0xff) ? extended : rc;
    throw StoreError(context + ": " + message, code);
}

bool onlyWhitespace(std::string_view text)
{
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

} // namespace

int Database::lockWaitMs()
{
    bool ok = false;
    const int configured = qEnvironmentVariableIntValue("CIDADAO_LOCK_WAIT_MS", &ok);
    return ok && configured >= 0 ? configured : kBusyTimeoutMs;
}

std::unique_ptr<Database> Database::open(const QString& path, Mode mode)
{
    const QByteArray utf8Path = path.toUtf8();
    // NOMUTEX: a connection belongs to one thread, so SQLite's per-connection lock would be pure overhead.
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= mode == Mode::ReadWrite ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(utf8Path.constData(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        sqlite3_close_v2(handle); // a handle is returned even on failure and must be closed
        throw StoreError("Cannot open database " + path.toStdString() + ": " + message, rc);
    }
    sqlite3_extended_result_codes(handle, 1);
    registerSearchFold(handle);   // before anything reads the schema's generated columns
    std::unique_ptr<Database> db(new Database(handle, path, mode));

    // An import holds the write lock for its whole file, since a file is imported all or nothing: about
    // 7 s per million contracts here, and a month of Portal payments is several million rows. The other
    // connections that write (the Writer, auth, chat, import workflows) wait for it rather than fail
    // with SQLITE_BUSY, as they did after 5 s.
    db->exec("PRAGMA busy_timeout = " + std::to_string(lockWaitMs()));
    const bool inMemory = path.isEmpty() || path == QLatin1StringView(":memory:");
    if (mode == Mode::ReadWrite && !inMemory) {
        // 16 KiB pages (SQLite's default is 4 KiB): the record tables are bulk-written once and scanned
        // whole, and larger pages mean fewer page splits and B-tree levels on import. Only a new, empty
        // file takes it; it must come before WAL, which fixes the page size.
        db->exec("PRAGMA page_size = 16384");
        // journal_mode returns the mode actually in force; a file system without shared memory support would
        // silently stay in "delete" mode, which breaks the readers-while-writing design: refuse it loudly.
        Statement journal = db->prepare("PRAGMA journal_mode = WAL");
        const QString journalMode = journal.step() ? journal.text(0) : QString();
        if (journalMode.compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0)
            throw StoreError("Cannot switch " + path.toStdString() + " to WAL mode (got '"
                             + journalMode.toStdString() + "')");
    }
    db->exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    return db;
}

Database::Database(sqlite3* db, QString path, Mode mode)
    : m_db(db)
    , m_path(std::move(path))
    , m_mode(mode)
{
}

Database::~Database()
{
    // close_v2: if a Statement outlives its Database, the connection closes when that statement is finalized
    // instead of failing with SQLITE_BUSY and leaking.
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql)
{
    // Walks the text with sqlite3_prepare_v2's tail pointer rather than sqlite3_exec, which needs a
    // NUL-terminated copy and loses the statement that failed.
    const char* cursor = sql.data();
    const char* end = sql.data() + sql.size();
    while (cursor < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(m_db, cursor, static_cast<int>(end - cursor), &raw, &tail);
        if (rc != SQLITE_OK) {
            const std::string_view rest(cursor, static_cast<std::size_t>(end - cursor));
            throwFromConnection(m_db, rc, "Cannot prepare [" + std::string(rest.substr(0, 200)) + "]");
        }
        cursor = tail;
        if (!raw) // only whitespace or a comment was left
            continue;
        Statement statement(raw);
        statement.run();
    }
}

Statement Database::prepare(std::string_view sql)
{
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    if (rc != SQLITE_OK)
        throwFromConnection(m_db, rc, "Cannot prepare [" + std::string(sql) + "]");
    Statement statement(raw);
    if (!raw)
        throw StoreError("Cannot prepare an empty statement", SQLITE_MISUSE);
    // A second statement would be silently ignored by SQLite: reject it (comments after the first are fine).
    const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (!onlyWhitespace(rest)) {
        sqlite3_stmt* extra = nullptr;
        const int rcExtra = sqlite3_prepare_v2(m_db, rest.data(), static_cast<int>(rest.size()), &extra, nullptr);
        sqlite3_finalize(extra);
        if (rcExtra != SQLITE_OK || extra)
            throw StoreError("prepare() takes exactly one statement, got more: [" + std::string(sql) + "]",
                             SQLITE_MISUSE);
    }
    return statement;
}

std::int64_t Database::lastInsertRowId() const
{
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db));
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

QString integrityCheck(Database& db)
{
    Statement check = db.prepare("PRAGMA integrity_check");
    QStringList lines;
    while (check.step())
        lines.append(check.text(0));
    return lines.join(QLatin1Char('\n'));
}

} // namespace cidadao::store
