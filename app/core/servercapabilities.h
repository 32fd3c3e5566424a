// SPDX-License-Identifier: GPL-3.0-or-later
// What the connected server can do, from GET /api/v1/info. The public upstream server has no such
// route (404): then it is assumed to be upstream, with anonymous chat and the
// /investigations/public/* routes, and none of our extensions.
#pragma once

#include "protocol/jsonqt.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace cidadao::client {

class ApiClient;

struct ServerCapabilities
{
    enum class Flavour { Unknown, Embedded, Server, Upstream };

    Flavour flavour = Flavour::Unknown;
    QString name;
    QString version;
    QString apiVersion;
    QStringList features;

    bool has(const QString& feature) const { return features.contains(feature); }
    bool isUpstream() const { return flavour == Flavour::Upstream; }
    // Upstream serves chat without an account and investigations under /investigations/public/.
    bool anonymousChat() const { return isUpstream() || has(QStringLiteral("anonymous")); }
    QString investigationsPrefix() const
    {
        return isUpstream() ? QStringLiteral("/api/v1/investigations/public") : QStringLiteral("/api/v1/investigations");
    }

    static ServerCapabilities fromInfo(const protocol::Json& info);
    static ServerCapabilities upstream();
};

// Asks the server; emits exactly one of `known` (info read, or 404 = upstream) or `unreachable`.
class CapabilitiesProbe : public QObject
{
    Q_OBJECT
public:
    explicit CapabilitiesProbe(ApiClient* api, QObject* parent = nullptr);
    void run();

Q_SIGNALS:
    void known(const cidadao::client::ServerCapabilities& capabilities);
    void unreachable(const QString& reason);

private:
    ApiClient* m_api;
};

} // namespace cidadao::client
