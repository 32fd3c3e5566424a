// SPDX-License-Identifier: GPL-3.0-or-later
// Turns SIGINT/SIGTERM into a Qt signal through a self-pipe, so that shutdown runs on the event
// loop (closing streams, sockets and the database in order) instead of inside a signal handler.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace cidadao::server {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace cidadao::server
