// SPDX-License-Identifier: GPL-3.0-or-later
// Local mode: runs the bundled cidadao-server as a child process on 127.0.0.1 with a random port,
// reads its ready line, trades the one-time bootstrap token for a session, keeps the tail of its
// log for the crash message, and never leaves it running: stopped on destruction (SIGTERM, then
// SIGKILL) and, should the app itself die, killed by the kernel (PR_SET_PDEATHSIG).
#pragma once

#include "protocol/apierror.h"
#include "protocol/auth.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace cidadao::client {

class ApiClient;

class BackendHost : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Bootstrapping, Ready, Failed, Crashed };
    Q_ENUM(State)

    struct Options
    {
        QString serverPath;     // empty: cidadao-server next to the running executable
        QString dataDir;        // required
        QStringList extraArguments;
        int readyTimeoutMs = 30000;
        int stopTimeoutMs = 5000;
        int logLines = 200;
    };

    explicit BackendHost(Options options, QObject* parent = nullptr);
    ~BackendHost() override;

    void start();
    // Blocking: SIGTERM, wait, SIGKILL after stopTimeoutMs.
    void stop();
    void restart();

    State state() const { return m_state; }
    QUrl baseUrl() const;
    QUrl webSocketUrl(const QString& path) const;
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_pid; }
    const protocol::LoginResponse& login() const { return m_login; }
    QStringList lastLogLines() const { return m_log; }
    QString errorString() const { return m_error; }
    // Milliseconds from start() to the ready line, and to the finished bootstrap exchange.
    qint64 readyAfterMs() const { return m_readyAfterMs; }
    qint64 bootstrappedAfterMs() const { return m_bootstrappedAfterMs; }

    static QString defaultServerPath();

Q_SIGNALS:
    void stateChanged(cidadao::client::BackendHost::State state);
    void ready(const cidadao::protocol::LoginResponse& login);
    void failed(const QString& reason);
    void crashed(const QStringList& lastLogLines);

private:
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void handleReadyLine(const QByteArray& line);
    void fail(const QString& reason);
    void setState(State state);
    void appendLog(const QByteArray& bytes);

    Options m_options;
    std::unique_ptr<QProcess> m_process;
    ApiClient* m_api = nullptr;
    QTimer m_readyTimer;
    QElapsedTimer m_clock;
    State m_state = State::Stopped;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrPartial;
    QStringList m_log;
    QString m_error;
    protocol::LoginResponse m_login;
    quint16 m_port = 0;
    qint64 m_pid = 0;
    qint64 m_readyAfterMs = -1;
    qint64 m_bootstrappedAfterMs = -1;
    bool m_stopping = false;
};

} // namespace cidadao::client
