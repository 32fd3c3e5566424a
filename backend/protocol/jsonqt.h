// SPDX-License-Identifier: GPL-3.0-or-later
// Bridges Qt value types to nlohmann::json. Every JSON body of the API passes through nlohmann,
// so that key order and compact output are ours to choose (QJsonDocument indents in Qt 6.4).
#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace nlohmann {
template<>
struct adl_serializer<QString>
{
    static void to_json(json& j, const QString& value) { j = value.toStdString(); }
    static void from_json(const json& j, QString& value)
    {
        value = QString::fromStdString(j.get<std::string>());
    }
};
} // namespace nlohmann

namespace cidadao::protocol {

using Json = nlohmann::json;

// Compact UTF-8 serialisation; invalid UTF-8 inside strings is replaced, never thrown on.
inline QByteArray toBytes(const Json& value)
{
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace cidadao::protocol
