// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding = parsing + validation in one call. Every protocol type T has a from_json(const Json&, T&)
// that checks types, required members and constraints and throws ValidationFailure naming the
// field; callers use decode<T>() (or decodeBytes<T>() on raw bytes), which also prefixes nested
// field names ("filters.start_date", "results.1.severity") and names the top-level value "body".
// encode() is the other direction. Every model header includes this one.
//
// Conventions of all protocol types:
// - an absent optional member is omitted on output; on input, null and absent mean the same;
// - unknown keys are ignored (as Pydantic does), except where the spec says otherwise (filters);
// - words from the closed sets of vocabulary.h are checked in both directions (a status outside the
//   set is a contract violation whoever sends it); size limits and syntax rules (message length,
//   e-mail, password) apply to the requests that carry user input;
// - an element of an array of strings that breaks a rule is reported under the array's name
//   ("anomaly_types", with the index in the message); an element of an array of objects under
//   "array.N.member".
#pragma once

#include "apierror.h"
#include "jsonqt.h"
#include "timestamp.h"
#include "validation.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace cidadao::protocol {

// Parses JSON text; throws ValidationFailure("body", ...) on malformed text or nesting deeper than
// maxDepth (deep nesting would make later recursive code overflow the stack).
Json parseJson(QByteArrayView bytes, int maxDepth = 64);

// Decodes `value` into T, prefixing any failing field with `path` ("filters" + "uf" = "filters.uf").
template<typename T>
T decodeAt(const Json& value, QStringView path)
{
    try {
        T out{};
        from_json(value, out);
        return out;
    } catch (const ValidationFailure& failure) {
        if (path.isEmpty())
            throw;
        throw ValidationFailure(joinFieldPath(path, failure.field()), failure.reason());
    } catch (const Json::exception& error) {
        // Our from_json functions check types before get<>(); this is a safety net, not a path.
        throw ValidationFailure(path.toString(),
                                QStringLiteral("malformed value (%1)").arg(QString::fromUtf8(error.what())));
    }
}

// The one decoding entry point: parse + validate. A failure of the value itself is named "body".
template<typename T>
T decode(const Json& value)
{
    try {
        return decodeAt<T>(value, {});
    } catch (const ValidationFailure& failure) {
        if (!failure.field().isEmpty())
            throw;
        throw ValidationFailure(QStringLiteral("body"), failure.reason());
    }
}

template<typename T>
T decodeBytes(QByteArrayView bytes)
{
    return decode<T>(parseJson(bytes));
}

// A top-level JSON array of T (GET /chat/agents, /chat/suggestions); failures are named "N.member".
template<typename T>
QList<T> decodeList(const Json& value)
{
    if (!value.is_array())
        throw ValidationFailure(QStringLiteral("body"), QStringLiteral("must be a JSON array"));
    QList<T> out;
    out.reserve(qsizetype(value.size()));
    for (std::size_t i = 0; i < value.size(); ++i)
        out.append(decodeAt<T>(value[i], QString::number(i)));
    return out;
}

template<typename T>
Json encode(const T& value)
{
    Json out;
    to_json(out, value);
    return out;
}

// Reads the members of one JSON object with type checks. Failures name the member by its key;
// decodeAt() adds the path of the enclosing objects. A member that is null counts as absent.
class ObjectReader
{
public:
    // Throws ValidationFailure("", "must be a JSON object") when `object` is not one.
    explicit ObjectReader(const Json& object);

    const Json& json() const { return m_object; }
    // nullptr when absent or null.
    const Json* find(const char* key) const;
    bool has(const char* key) const { return find(key) != nullptr; }

    QString string(const char* key) const;
    std::optional<QString> optionalString(const char* key) const;
    double number(const char* key) const;
    std::optional<double> optionalNumber(const char* key) const;
    // Integers: JSON integers, or numbers with no fractional part (Pydantic's lax mode accepts 20.0).
    qint64 integer(const char* key) const;
    std::optional<qint64> optionalInteger(const char* key) const;
    bool boolean(const char* key) const;
    std::optional<bool> optionalBoolean(const char* key) const;
    // Free-form members (context, metadata, details, payload...).
    Json object(const char* key) const;
    std::optional<Json> optionalObject(const char* key) const;
    Json array(const char* key) const;
    std::optional<Json> optionalArray(const char* key) const;
    // Any JSON value, present and not null.
    Json value(const char* key) const;
    QStringList stringList(const char* key) const;
    std::optional<QStringList> optionalStringList(const char* key) const;
    QDateTime timestamp(const char* key) const;
    std::optional<QDateTime> optionalTimestamp(const char* key) const;

    template<typename T>
    T nested(const char* key) const
    {
        return decodeAt<T>(require(key), QString(QLatin1String(key)));
    }
    template<typename T>
    std::optional<T> optionalNested(const char* key) const
    {
        const Json* member = find(key);
        if (!member)
            return std::nullopt;
        return decodeAt<T>(*member, QString(QLatin1String(key)));
    }
    // An array of objects; a failing element is named "key.N.member".
    template<typename T>
    QList<T> list(const char* key) const
    {
        const Json items = array(key);
        QList<T> out;
        out.reserve(qsizetype(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i)
            out.append(decodeAt<T>(items[i], QString(QLatin1String(key) + QLatin1Char('.') + QString::number(i))));
        return out;
    }

private:
    const Json& require(const char* key) const;
    [[noreturn]] static void fail(const char* key, const QString& reason);
    static qint64 toInteger(const char* key, const Json& value);
    static QStringList toStringList(const char* key, const Json& value);
    static QDateTime toTimestamp(const char* key, const Json& value);

    const Json& m_object;
};

// Writers for the conventions above.
template<typename T>
void putOptional(Json& out, const char* key, const std::optional<T>& value)
{
    if (value)
        out[key] = Json(*value);
}
void putOptional(Json& out, const char* key, const std::optional<QDateTime>& value);
void putOptional(Json& out, const char* key, const std::optional<QStringList>& value);
Json toJson(const QStringList& list);
Json toJson(const QDateTime& timestamp);

template<typename T>
Json toJsonArray(const QList<T>& items)
{
    Json out = Json::array();
    for (const T& item : items)
        out.push_back(encode(item));
    return out;
}

} // namespace cidadao::protocol
