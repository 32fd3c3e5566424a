// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/statement.h"

#include "store/storeerror.h"

#include <sqlite3.h>

#include <QStringEncoder>

#include <algorithm>
#include <cmath>
#include <utility>

namespace cidadao::store {

namespace {

std::string describe(sqlite3_stmt* statement)
{
    const char* sql = statement ? sqlite3_sql(statement) : nullptr;
    return sql ? std::string(sql) : std::string("<no statement>");
}

[[noreturn]] void throwFromStatement(sqlite3_stmt* statement, int rc, const std::string& context)
{
    sqlite3* db = statement ? sqlite3_db_handle(statement) : nullptr;
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    // When the connection's last error belongs to another call, keep the code we were given.
    const int code = (extended & 0xff) == (rc & 0xff) ? extended : rc;
    throw StoreError(context + ": " + message + " [" + describe(statement) + "]", code);
}

} // namespace

Statement::Statement(sqlite3_stmt* statement)
    : m_statement(statement)
{
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_textBuffers(std::move(other.m_textBuffers))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_textBuffers = std::move(other.m_textBuffers);
    }
    return *this;
}

void Statement::throwBindError(int rc, int index1) const
{
    throwFromStatement(m_statement, rc, "Cannot bind parameter " + std::to_string(index1));
}

void Statement::throwOutOfRange(int index1) const
{
    throw StoreError("Cannot bind parameter " + std::to_string(index1)
                         + ": unsigned value does not fit in a 64-bit signed integer [" + describe(m_statement) + "]",
                     SQLITE_RANGE);
}

Statement& Statement::bind(int index1, std::nullptr_t)
{
    check(sqlite3_bind_null(m_statement, index1), index1);
    return *this;
}

Statement& Statement::bind(int index1, std::int64_t value)
{
    check(sqlite3_bind_int64(m_statement, index1, static_cast<sqlite3_int64>(value)), index1);
    return *this;
}

Statement& Statement::bind(int index1, int value)
{
    check(sqlite3_bind_int(m_statement, index1, value), index1);
    return *this;
}

Statement& Statement::bind(int index1, double value)
{
    if (std::isnan(value))
        return bind(index1, nullptr);
    check(sqlite3_bind_double(m_statement, index1, value), index1);
    return *this;
}

QByteArray& Statement::textBuffer(int index1)
{
    if (m_textBuffers.empty())
        m_textBuffers.resize(static_cast<std::size_t>(std::max(sqlite3_bind_parameter_count(m_statement), 0)));
    if (index1 < 1 || static_cast<std::size_t>(index1) > m_textBuffers.size())
        throwBindError(SQLITE_RANGE, index1);
    return m_textBuffers[static_cast<std::size_t>(index1 - 1)];
}

Statement& Statement::bind(int index1, const QString& value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    return bind(index1, QStringView(value));
}

Statement& Statement::bind(int index1, QStringView value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    if (!m_statement)
        throwBindError(SQLITE_MISUSE, index1);
    // Encoding into a kept buffer and binding it SQLITE_STATIC saves two allocations and a copy per value
    // compared with toUtf8() + SQLITE_TRANSIENT: measurable in bulk imports. The buffer lives until this
    // parameter is bound again or the Statement dies, which is longer than SQLite needs it.
    QByteArray& buffer = textBuffer(index1);
    buffer.resize(value.size() * 3); // a UTF-16 unit never takes more than 3 UTF-8 bytes
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    char* end = encoder.appendToBuffer(buffer.data(), value);
    const auto size = static_cast<sqlite3_uint64>(end - buffer.constData());
    check(sqlite3_bind_text64(m_statement, index1, buffer.constData(), size, SQLITE_STATIC, SQLITE_UTF8), index1);
    return *this;
}

Statement& Statement::bindStatic(int index1, std::string_view utf8)
{
    const char* data = utf8.data() ? utf8.data() : "";
    check(sqlite3_bind_text64(m_statement, index1, data, static_cast<sqlite3_uint64>(utf8.size()), SQLITE_STATIC,
                              SQLITE_UTF8),
          index1);
    return *this;
}

Statement& Statement::bind(int index1, std::string_view utf8)
{
    // An empty view still binds '' (not NULL): SQLite wants a non-null pointer for that.
    const char* data = utf8.data() ? utf8.data() : "";
    check(sqlite3_bind_text64(m_statement, index1, data, static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          index1);
    return *this;
}

Statement& Statement::bind(int index1, const char* utf8)
{
    if (!utf8)
        return bind(index1, nullptr);
    return bind(index1, std::string_view(utf8));
}

Statement& Statement::bindBlob(int index1, const QByteArray& value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    check(sqlite3_bind_blob64(m_statement, index1, value.constData(), static_cast<sqlite3_uint64>(value.size()),
                              SQLITE_TRANSIENT),
          index1);
    return *this;
}

bool Statement::step()
{
    if (!m_statement)
        throw StoreError("step() on an empty Statement", SQLITE_MISUSE);
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throwFromStatement(m_statement, rc, "Statement failed");
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    // sqlite3_reset repeats the error of the last step(), which step() already reported: ignore it here.
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::int64(int col) const
{
    return static_cast<std::int64_t>(sqlite3_column_int64(m_statement, col));
}

double Statement::real(int col) const
{
    return sqlite3_column_double(m_statement, col);
}

QString Statement::text(int col) const
{
    // Call order matters: text first, then bytes (SQLite's documented safe order).
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, col));
    if (!data)
        return {};
    const int size = sqlite3_column_bytes(m_statement, col);
    if (size == 0)
        return QString(QLatin1StringView("")); // empty but not null: '' is not NULL
    return QString::fromUtf8(data, size);
}

QByteArray Statement::blob(int col) const
{
    const void* data = sqlite3_column_blob(m_statement, col);
    const int size = sqlite3_column_bytes(m_statement, col);
    if (!data)
        return sqlite3_column_type(m_statement, col) == SQLITE_NULL ? QByteArray() : QByteArray("", 0);
    return QByteArray(static_cast<const char*>(data), size);
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_statement, col) == SQLITE_NULL;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

QString Statement::columnName(int col) const
{
    return QString::fromUtf8(sqlite3_column_name(m_statement, col));
}

} // namespace cidadao::store
