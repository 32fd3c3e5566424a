// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflownotifier.h"

#include "core/workflows/workflowsservice.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace cidadao::ui {

WorkflowNotifier::WorkflowNotifier(client::WorkflowsService& service, QSystemTrayIcon* tray, QObject* parent)
    : QObject(parent)
    , m_tray(tray)
{
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation));
        m_tray->setToolTip(tr("Cidadão.AI"));
        m_tray->show();
    }
    connect(&service, &client::WorkflowsService::notificationReceived, this,
            [this](const QString& kind, const QString& message, const protocol::Json& data) {
                const bool critical = kind == QLatin1String(protocol::NotificationKind::CriticalAnomaly);
                m_lastTitle = titleFor(kind);
                m_lastMessage = message;
                ++m_shown;
                if (m_tray && QSystemTrayIcon::supportsMessages())
                    m_tray->showMessage(m_lastTitle, message,
                                        critical ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
                Q_UNUSED(data)
                Q_EMIT notified(m_lastTitle, message);
            });
}

QString WorkflowNotifier::titleFor(const QString& kind)
{
    if (kind == QLatin1String(protocol::NotificationKind::InvestigationFinished))
        return tr("Investigation finished");
    if (kind == QLatin1String(protocol::NotificationKind::CriticalAnomaly))
        return tr("Critical anomaly found");
    if (kind == QLatin1String(protocol::NotificationKind::ImportDone))
        return tr("Import finished");
    if (kind == QLatin1String("watchlist_findings"))
        return tr("New findings in your watchlist");
    return tr("Notification");
}

LatencyLabel::LatencyLabel(client::WorkflowsService& service, QWidget* parent)
    : QLabel(parent)
{
    setText(tr("⇄ – ms"));
    setAccessibleName(tr("Server latency"));
    client::LatencyMeter* meter = service.latency();
    connect(meter, &client::LatencyMeter::changed, this, [this, meter](qint64 ms) {
        setText(tr("⇄ %1 ms").arg(ms));
        setToolTip(tr("Round trip to the server: last %1 ms, median %2 ms, 99th percentile %3 ms")
                       .arg(ms)
                       .arg(meter->percentile(0.5).value_or(ms))
                       .arg(meter->percentile(0.99).value_or(ms)));
    });
}

} // namespace cidadao::ui
