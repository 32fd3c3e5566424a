// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiversion.h"

#include "keys.h"
#include "decoding.h"

namespace cidadao::protocol {

void to_json(Json& out, const ApiInfo& value)
{
    out = Json{{InfoKey::Name, value.name},
               {InfoKey::Version, value.version},
               {InfoKey::ApiVersion, value.apiVersion},
               {InfoKey::Mode, value.mode},
               {InfoKey::Features, toJson(value.features)}};
}

void from_json(const Json& in, ApiInfo& value)
{
    const ObjectReader r(in);
    value.name = r.string(InfoKey::Name);
    value.version = r.string(InfoKey::Version);
    value.apiVersion = r.string(InfoKey::ApiVersion);
    value.mode = r.string(InfoKey::Mode);
    requireOneOf(QLatin1String(InfoKey::Mode), value.mode, ServerMode::All);
    value.features = r.optionalStringList(InfoKey::Features).value_or(QStringList());
}

void to_json(Json& out, const HealthStatus& value)
{
    out = value.extra.is_object() ? value.extra : Json::object();
    out[Key::Status] = Json(value.status);
    putOptional(out, Key::Timestamp, value.timestamp);
}

void from_json(const Json& in, HealthStatus& value)
{
    const ObjectReader r(in);
    value.status = r.string(Key::Status);
    value.timestamp = r.optionalTimestamp(Key::Timestamp);
    value.extra = in;
    value.extra.erase(Key::Status);
    value.extra.erase(Key::Timestamp);
}

VersionNumber parseApiVersion(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    if (dot <= 0 || dot == text.size() - 1)
        return {};
    bool majorOk = false;
    bool minorOk = false;
    const int major = text.first(dot).toInt(&majorOk);
    const int minor = text.sliced(dot + 1).toInt(&minorOk);
    if (!majorOk || !minorOk || major < 0 || minor < 0)
        return {};
    return {major, minor};
}

bool isCompatibleApiVersion(QStringView serverVersion)
{
    const VersionNumber server = parseApiVersion(serverVersion);
    return server.major >= 0 && server.major == parseApiVersion(QString(QLatin1String(ApiVersion))).major;
}

} // namespace cidadao::protocol
