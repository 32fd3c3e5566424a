// SPDX-License-Identifier: GPL-3.0-or-later
// A real cidadao-server for a test: started on 127.0.0.1 with --port 0 and a temporary data
// directory, ready when it prints its ready line, and always stopped by process id when the
// test is over, even when the test fails half-way.
#pragma once

#include "protocol/jsonqt.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace cidadao::testing {

class ServerProcess
{
public:
    // dataDir empty: a fresh temporary directory owned by this object.
    explicit ServerProcess(QStringList extraArguments = {}, QString dataDir = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts and waits for the ready line (up to timeoutMs). False with errorString() on failure.
    bool start(int timeoutMs = 15000);
    // SIGTERM, then waits; SIGKILL if it does not exit in time. Returns the exit code (-1 if killed/crashed).
    int stop(int timeoutMs = 10000);
    void killHard(); // SIGKILL, as a crash would

    bool isRunning() const;
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_pid; }
    const QString& dataDir() const { return m_dataDir; }
    const protocol::Json& readyLine() const { return m_ready; }
    QUrl url(const QString& path = {}) const;
    QUrl webSocketUrl(const QString& path) const;
    QString errorString() const { return m_error; }
    QByteArray standardError();

private:
    std::unique_ptr<QTemporaryDir> m_ownedDir;
    QString m_dataDir;
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr;
    protocol::Json m_ready;
    quint16 m_port = 0;
    qint64 m_pid = 0;
    QString m_error;
};

} // namespace cidadao::testing
