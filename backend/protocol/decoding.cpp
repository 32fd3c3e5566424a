// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoding.h"

#include <cmath>
#include <limits>

namespace cidadao::protocol {

Json parseJson(QByteArrayView bytes, int maxDepth)
{
    // nlohmann reports a container's start with the number of containers around it.
    const auto tooDeep = [maxDepth](int depth, Json::parse_event_t event, Json&) {
        const bool opens = event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
        if (opens && depth >= maxDepth)
            throw ValidationFailure(QStringLiteral("body"),
                                    QStringLiteral("JSON nested deeper than %1 levels").arg(maxDepth));
        return true;
    };
    try {
        return Json::parse(bytes.begin(), bytes.end(), tooDeep);
    } catch (const Json::parse_error& error) {
        throw ValidationFailure(QStringLiteral("body"),
                                QStringLiteral("malformed JSON at byte %1").arg(qulonglong(error.byte)));
    } catch (const Json::exception&) {
        // out_of_range 406: a number like 1e400 that no double holds (found by fuzzing).
        throw ValidationFailure(QStringLiteral("body"), QStringLiteral("malformed JSON (number out of range)"));
    }
}

// --- ObjectReader ----------------------------------------------------------------------------------

ObjectReader::ObjectReader(const Json& object)
    : m_object(object)
{
    if (!object.is_object())
        throw ValidationFailure(QString(), QStringLiteral("must be a JSON object"));
}

void ObjectReader::fail(const char* key, const QString& reason)
{
    throw ValidationFailure(QLatin1String(key), reason);
}

const Json* ObjectReader::find(const char* key) const
{
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null())
        return nullptr;
    return &*it;
}

const Json& ObjectReader::require(const char* key) const
{
    const Json* member = find(key);
    if (!member)
        fail(key, QStringLiteral("is required"));
    return *member;
}

QString ObjectReader::string(const char* key) const
{
    const Json& member = require(key);
    if (!member.is_string())
        fail(key, QStringLiteral("must be a string"));
    return member.get<QString>();
}

std::optional<QString> ObjectReader::optionalString(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return string(key);
}

double ObjectReader::number(const char* key) const
{
    const Json& member = require(key);
    if (!member.is_number())
        fail(key, QStringLiteral("must be a number"));
    return member.get<double>();
}

std::optional<double> ObjectReader::optionalNumber(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return number(key);
}

qint64 ObjectReader::toInteger(const char* key, const Json& value)
{
    if (value.is_number_integer() && !value.is_number_unsigned())
        return value.get<qint64>();
    if (value.is_number_unsigned()) {
        const auto unsignedValue = value.get<quint64>();
        if (unsignedValue > quint64(std::numeric_limits<qint64>::max()))
            fail(key, QStringLiteral("is out of range"));
        return qint64(unsignedValue);
    }
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (std::trunc(number) != number)
            fail(key, QStringLiteral("must be an integer"));
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        if (number >= 9223372036854775808.0 || number < -9223372036854775808.0)
            fail(key, QStringLiteral("is out of range"));
        return qint64(number);
    }
    fail(key, QStringLiteral("must be an integer"));
}

qint64 ObjectReader::integer(const char* key) const
{
    return toInteger(key, require(key));
}

std::optional<qint64> ObjectReader::optionalInteger(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return integer(key);
}

bool ObjectReader::boolean(const char* key) const
{
    const Json& member = require(key);
    if (!member.is_boolean())
        fail(key, QStringLiteral("must be true or false"));
    return member.get<bool>();
}

std::optional<bool> ObjectReader::optionalBoolean(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return boolean(key);
}

Json ObjectReader::object(const char* key) const
{
    const Json& member = require(key);
    if (!member.is_object())
        fail(key, QStringLiteral("must be a JSON object"));
    return member;
}

std::optional<Json> ObjectReader::optionalObject(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return object(key);
}

Json ObjectReader::array(const char* key) const
{
    const Json& member = require(key);
    if (!member.is_array())
        fail(key, QStringLiteral("must be an array"));
    return member;
}

std::optional<Json> ObjectReader::optionalArray(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return array(key);
}

Json ObjectReader::value(const char* key) const
{
    return require(key);
}

QStringList ObjectReader::toStringList(const char* key, const Json& value)
{
    if (!value.is_array())
        fail(key, QStringLiteral("must be an array of strings"));
    QStringList out;
    out.reserve(qsizetype(value.size()));
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            fail(key, QStringLiteral("item %1 must be a string").arg(i));
        out.append(value[i].get<QString>());
    }
    return out;
}

QStringList ObjectReader::stringList(const char* key) const
{
    return toStringList(key, require(key));
}

std::optional<QStringList> ObjectReader::optionalStringList(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return stringList(key);
}

QDateTime ObjectReader::toTimestamp(const char* key, const Json& value)
{
    if (!value.is_string())
        fail(key, QStringLiteral("must be an ISO 8601 timestamp string"));
    const std::optional<QDateTime> parsed = parseTimestamp(value.get<QString>());
    if (!parsed)
        fail(key, QStringLiteral("must be an ISO 8601 timestamp"));
    return *parsed;
}

QDateTime ObjectReader::timestamp(const char* key) const
{
    return toTimestamp(key, require(key));
}

std::optional<QDateTime> ObjectReader::optionalTimestamp(const char* key) const
{
    if (!has(key))
        return std::nullopt;
    return timestamp(key);
}

// --- Writers ---------------------------------------------------------------------------------------

Json toJson(const QStringList& list)
{
    Json out = Json::array();
    for (const QString& item : list)
        out.push_back(Json(item));
    return out;
}

Json toJson(const QDateTime& timestamp)
{
    return Json(formatTimestamp(timestamp));
}

void putOptional(Json& out, const char* key, const std::optional<QDateTime>& value)
{
    if (value)
        out[key] = toJson(*value);
}

void putOptional(Json& out, const char* key, const std::optional<QStringList>& value)
{
    if (value)
        out[key] = toJson(*value);
}

} // namespace cidadao::protocol
