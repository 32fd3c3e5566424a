// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelbridge.h"

#include "protocol/workflow.h"

namespace cidadao::workflows {

using protocol::Json;
namespace Type = protocol::WorkflowType;

namespace {

QString channelOf(const char* kind, const QString& id)
{
    return QLatin1String(kind) + QLatin1Char(':') + id;
}

} // namespace

ChannelBridge::ChannelBridge(events::EventHub& events, ChannelHub& hub, QObject* parent)
    : QObject(parent)
    , m_hub(hub)
{
    connect(&events, &events::EventHub::entityChanged, this,
            [this](const QString& userId, const QString& entity, const QString& id, const QString& op) {
                Json payload;
                protocol::to_json(payload, protocol::SyncUpdatePayload{entity, id, op});
                m_hub.publish(channelOf(protocol::ChannelKind::Sync, userId), QLatin1String(Type::SyncUpdate), payload);
            });
    connect(&events, &events::EventHub::investigationFinished, this,
            [this](const QString& owner, const QString& id, const QString& status, const Json& summary) {
                const QString text = summary.contains("summary") && summary["summary"].is_string()
                                         ? summary["summary"].get<QString>()
                                         : QStringLiteral("Investigação %1: %2").arg(id, status);
                notify(owner, protocol::NotificationKind::InvestigationFinished, text,
                       Json{{"investigation_id", id}, {"status", status}, {"summary", summary}});
            });
    connect(&events, &events::EventHub::investigationAnomaly, this,
            [this](const QString& owner, const QString& id, const Json& anomaly) {
                if (anomaly.value("severity", std::string()) != "critical")
                    return;
                const QString text = anomaly.contains("description") && anomaly["description"].is_string()
                                         ? anomaly["description"].get<QString>()
                                         : QStringLiteral("Anomalia crítica na investigação %1").arg(id);
                notify(owner, protocol::NotificationKind::CriticalAnomaly, text,
                       Json{{"investigation_id", id}, {"anomaly", anomaly}});
            });
    connect(&events, &events::EventHub::importFinished, this,
            [this](const QString& userId, const QString& jobId, bool succeeded, const Json& report) {
                const QString text = succeeded ? QStringLiteral("Importação concluída: %1 registros")
                                                     .arg(report.value("rows_imported", qint64(0)))
                                               : QStringLiteral("Importação rejeitada: %1")
                                                     .arg(QString::fromStdString(report.value("error", std::string())));
                notify(userId, protocol::NotificationKind::ImportDone, text,
                       Json{{"job_id", jobId}, {"succeeded", succeeded}, {"report", report}});
            });
    connect(&events, &events::EventHub::agentStatusChanged, this,
            [this](const QString& agentId, const QString& status, const Json& details) {
                Json payload;
                protocol::to_json(payload, protocol::AgentStatusPayload{agentId, status});
                if (!details.is_null() && !details.empty())
                    payload["details"] = details;
                m_hub.publish(channelOf(protocol::ChannelKind::Agent, agentId), QLatin1String(Type::AgentStatus), payload);
            });
}

void ChannelBridge::notify(const QString& userId, const char* kind, const QString& message, const Json& data)
{
    Json payload;
    protocol::to_json(payload, protocol::NotificationPayload{QLatin1String(kind), message, data});
    m_hub.publish(channelOf(protocol::ChannelKind::Notifications, userId), QLatin1String(Type::Notification), payload);
}

} // namespace cidadao::workflows
