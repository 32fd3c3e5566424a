// SPDX-License-Identifier: GPL-3.0-or-later
#include "servercapabilities.h"

#include "apiclient.h"

namespace cidadao::client {

ServerCapabilities ServerCapabilities::fromInfo(const protocol::Json& info)
{
    ServerCapabilities caps;
    if (!info.is_object())
        return caps;
    auto text = [&info](const char* key) {
        const auto it = info.find(key);
        return it != info.end() && it->is_string() ? it->get<QString>() : QString();
    };
    caps.name = text("name");
    caps.version = text("version");
    caps.apiVersion = text("api_version");
    const QString mode = text("mode");
    caps.flavour = mode == QLatin1String("embedded") ? Flavour::Embedded
                   : mode == QLatin1String("server") ? Flavour::Server
                                                     : Flavour::Unknown;
    const auto features = info.find("features");
    if (features != info.end() && features->is_array())
        for (const auto& feature : *features)
            if (feature.is_string())
                caps.features.append(feature.get<QString>());
    return caps;
}

ServerCapabilities ServerCapabilities::upstream()
{
    ServerCapabilities caps;
    caps.flavour = Flavour::Upstream;
    caps.name = QStringLiteral("Cidadão.AI (upstream)");
    return caps;
}

CapabilitiesProbe::CapabilitiesProbe(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
}

void CapabilitiesProbe::run()
{
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/info"), ApiJob::Auth::None);
    connect(job, &ApiJob::finished, this, [this](ApiJob* done) {
        if (done->status() == ApiJob::Status::Succeeded)
            Q_EMIT known(ServerCapabilities::fromInfo(done->json()));
        else if (done->httpStatus() == 404)
            Q_EMIT known(ServerCapabilities::upstream());
        else
            Q_EMIT unreachable(done->error().message);
    });
}

} // namespace cidadao::client
