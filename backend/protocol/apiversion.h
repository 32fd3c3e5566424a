// SPDX-License-Identifier: GPL-3.0-or-later
// The API version and GET /api/v1/info (spec/API.md §10): what a client reads to learn what a
// server supports. Bump ApiVersion's minor number for additions, the major one for breaking changes,
// and note either in the API changelog.
#pragma once

#include "decoding.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::protocol {

inline constexpr char ApiVersion[] = "1.0";
inline constexpr char ApiPrefix[] = "/api/v1";
inline constexpr char ServiceName[] = "cidadao-server";

namespace InfoKey {
inline constexpr char Name[] = "name";
inline constexpr char Version[] = "version";
inline constexpr char ApiVersion[] = "api_version";
inline constexpr char Mode[] = "mode";
inline constexpr char Features[] = "features";
} // namespace InfoKey

namespace ServerMode {
inline constexpr char Embedded[] = "embedded";
inline constexpr char Server[] = "server";
inline constexpr std::initializer_list<const char*> All = {Embedded, Server};
} // namespace ServerMode

// Feature names listed in /api/v1/info; a client enables a UI part only when its feature is there.
namespace Feature {
inline constexpr char Chat[] = "chat";
inline constexpr char ChatStream[] = "chat_stream";
inline constexpr char ChatWebSocket[] = "chat_websocket";
inline constexpr char Investigations[] = "investigations";
inline constexpr char InvestigationStream[] = "investigation_stream";
inline constexpr char Export[] = "export";
inline constexpr char DataImport[] = "data_import";
inline constexpr char Voice[] = "voice";
inline constexpr char Workflows[] = "workflows";
inline constexpr char AnonymousAccess[] = "anonymous_access";
} // namespace Feature

struct ApiInfo
{
    QString name = QLatin1String(ServiceName);
    QString version;
    QString apiVersion = QLatin1String(ApiVersion);
    QString mode = QLatin1String(ServerMode::Embedded);
    QStringList features;
};
void to_json(Json& out, const ApiInfo& value);
void from_json(const Json& in, ApiInfo& value);

// GET /health and friends: {"status": "healthy", "timestamp": ..., ...}. Members other than these
// two are kept in `extra` so that a client can show what a server chose to report.
struct HealthStatus
{
    QString status = QStringLiteral("healthy");
    std::optional<QDateTime> timestamp;
    Json extra = Json::object();
};
void to_json(Json& out, const HealthStatus& value);
void from_json(const Json& in, HealthStatus& value);

// "1.3" → {1, 3}; {-1, -1} when not "<major>.<minor>". A client accepts a server whose major equals its own.
struct VersionNumber
{
    int major = -1;
    int minor = -1;
};
VersionNumber parseApiVersion(QStringView text);
bool isCompatibleApiVersion(QStringView serverVersion);

} // namespace cidadao::protocol
