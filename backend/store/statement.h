// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

struct sqlite3_stmt;

namespace cidadao::store {

// A prepared statement (move-only RAII over sqlite3_stmt). Parameters are 1-based (bind), columns 0-based.
//
// Prepare once, reuse many times: preparing costs far more than binding. Bulk inserts must run inside ONE
// Transaction with ONE prepared Statement, calling bind...(), step() and reset() per row — that is what
// makes hundreds of thousands of rows per second possible. A transaction per row is several times slower
// even in WAL with synchronous=NORMAL (measured ~200k vs ~30k rows/s here), and far worse on slow disks.
//
// NULL handling: bind(i, nullptr), an empty std::optional, a NaN double, a null QString and a null QByteArray
// all bind SQL NULL; text() of a NULL column is a null QString.
//
// A statement that was stepped but not run to the end keeps its read snapshot open: reset() it (or destroy it)
// when done, especially on long-lived reader connections.
class Statement
{
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* statement);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index1, std::nullptr_t);
    Statement& bind(int index1, std::int64_t value);
    Statement& bind(int index1, int value);
    Statement& bind(int index1, double value); // NaN binds NULL (SQLite would store it as NULL anyway)
    Statement& bind(int index1, const QString& value);
    Statement& bind(int index1, QStringView value); // e.g. a field sliced out of a parsed line
    Statement& bind(int index1, std::string_view utf8); // copied: the view may die before step()
    Statement& bind(int index1, const char* utf8); // nullptr binds NULL
    Statement& bindBlob(int index1, const QByteArray& value);
    // Not copied: the caller keeps the bytes alive and unchanged until the next step()/reset(). For importers
    // that bind fields straight out of a file buffer they hold anyway.
    Statement& bindStatic(int index1, std::string_view utf8);

    // Other integer types (qint64 is long long, std::int64_t is long on Linux; unsigned, size_t, ...).
    // Throws StoreError if an unsigned value does not fit in a signed 64-bit integer.
    template <std::integral T>
        requires(!std::same_as<T, int> && !std::same_as<T, std::int64_t>)
    Statement& bind(int index1, T value)
    {
        if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
            if (value > static_cast<T>(std::numeric_limits<std::int64_t>::max()))
                throwOutOfRange(index1);
        }
        return bind(index1, static_cast<std::int64_t>(value));
    }

    template <typename T>
    Statement& bind(int index1, const std::optional<T>& value)
    {
        if (!value)
            return bind(index1, nullptr);
        return bind(index1, *value);
    }

    // bindAll(a, b, c) binds parameters 1, 2, 3.
    template <typename... Args>
    Statement& bindAll(const Args&... values)
    {
        int index = 1;
        (bind(index++, values), ...);
        return *this;
    }

    bool step();  // true: a row is ready; false: done. Throws StoreError (the statement must then be reset()).
    void run();   // steps to the end, ignoring rows: for INSERT/UPDATE/DELETE
    void reset(); // reset + clear bindings, for reuse in loops

    std::int64_t int64(int col) const;
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;
    int columnCount() const;
    QString columnName(int col) const;

    bool isValid() const { return m_statement != nullptr; }
    sqlite3_stmt* handle() { return m_statement; }

private:
    void check(int rc, int index1) const
    {
        if (rc != 0 /* SQLITE_OK */) [[unlikely]]
            throwBindError(rc, index1);
    }
    [[noreturn]] void throwBindError(int rc, int index1) const;
    [[noreturn]] void throwOutOfRange(int index1) const;
    QByteArray& textBuffer(int index1);

    sqlite3_stmt* m_statement = nullptr;
    // UTF-8 of bound QStrings, one reusable buffer per parameter: bound without a copy (SQLITE_STATIC) and
    // re-encoded in place, so binding text allocates nothing once the buffers have grown (see bind(QString)).
    std::vector<QByteArray> m_textBuffers;
};

} // namespace cidadao::store
