// SPDX-License-Identifier: GPL-3.0-or-later
// Local mode: runs the bundled cidadao-server as a child process on 127.0.0.1 with a random port,
// reads its ready line, trades the one-time bootstrap token for a session, keeps the tail of its
// log for the crash message, and never leaves it running: stopped on destruction (SIGTERM, then
// SIGKILL) and, should the app itself die, killed by the kernel (PR_SET_PDEATHSIG).
#pragma once

#include "protocol/apierror.h"
#include "protocol/auth.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace cidadao::client {

class ApiClient;
class SampleDataLoader;

class BackendHost : public QObject
{
    Q_OBJECT
public:
    // PreparingData: first run, the sample data set is being imported before the server starts.
    enum class State { Stopped, Starting, Bootstrapping, Ready, Failed, Crashed, PreparingData };
    Q_ENUM(State)

    struct Options
    {
        QString serverPath;     // empty: cidadao-server next to the running executable
        QString dataDir;        // required
        QStringList extraArguments;
        QHash<QString, QString> environment; // added to the server's environment
        int readyTimeoutMs = 30000;
        int stopTimeoutMs = 5000;
        int logLines = 200;
        // First run of the data directory: import the sample data set (SampleDataLoader) first.
        bool loadSampleData = false;
        int sampleRecords = 20000;
    };

    explicit BackendHost(Options options, QObject* parent = nullptr);
    ~BackendHost() override;

    void start();
    // Blocking: SIGTERM, wait, SIGKILL after stopTimeoutMs.
    void stop();
    void restart();
    // Stops the server, imports the sample data set again (SampleDataLoader) and starts it.
    void reloadSampleData();
    // The server's import ids of the sample data set loaded last (empty if none or unknown): what a
    // reload removes first (DELETE /api/v1/data/imports/{id}) so that records are not doubled.
    QList<qint64> sampleImportIds() const;

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
    // Time spent importing the sample data set on first run (-1 when it did not run).
    qint64 sampleDataMs() const { return m_sampleDataMs; }

    static QString defaultServerPath();

Q_SIGNALS:
    void stateChanged(cidadao::client::BackendHost::State state);
    void ready(const cidadao::protocol::LoginResponse& login);
    void failed(const QString& reason);
    void crashed(const QStringList& lastLogLines);
    void sampleDataProgress(int step, int total, const QString& file);
    // A failed sample import is reported here and the server starts anyway (on an empty database).
    void sampleDataFinished(bool ok, const QString& error);

private:
    void startServer();
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void handleReadyLine(const QByteArray& line);
    void fail(const QString& reason);
    void setState(State state);
    void appendLog(const QByteArray& bytes);

    Options m_options;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<SampleDataLoader> m_sampleLoader;
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
    qint64 m_sampleDataMs = -1;
    bool m_stopping = false;
};

} // namespace cidadao::client
