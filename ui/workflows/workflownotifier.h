// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications for notifications:{userId} (finished investigations and imports, critical
// findings, new watchlist findings) through the system tray, and the /ws round-trip latency as a
// status-bar label. Without a system tray the notifications are still counted and kept as the
// last message, so the shell can show them another way.
#pragma once

#include <QLabel>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace cidadao::client {
class WorkflowsService;
}

namespace cidadao::ui {

class WorkflowNotifier : public QObject
{
    Q_OBJECT
public:
    // tray: the application's tray icon, or nullptr to create one when the system has a tray.
    WorkflowNotifier(client::WorkflowsService& service, QSystemTrayIcon* tray = nullptr, QObject* parent = nullptr);

    int shownCount() const { return m_shown; }
    QString lastTitle() const { return m_lastTitle; }
    QString lastMessage() const { return m_lastMessage; }
    static QString titleFor(const QString& kind);

Q_SIGNALS:
    void notified(const QString& title, const QString& message);

private:
    QPointer<QSystemTrayIcon> m_tray;
    int m_shown = 0;
    QString m_lastTitle;
    QString m_lastMessage;
};

// "⇄ 12 ms" in the status bar, from the channel's ping/pong; a tooltip gives p50/p99.
class LatencyLabel : public QLabel
{
    Q_OBJECT
public:
    explicit LatencyLabel(client::WorkflowsService& service, QWidget* parent = nullptr);
};

} // namespace cidadao::ui
