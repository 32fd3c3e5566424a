// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QThread>

#include <csignal>
#include <sys/wait.h>

namespace cidadao::testing {

ServerProcess::ServerProcess(QStringList extraArguments, QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_arguments(std::move(extraArguments))
{
    if (m_dataDir.isEmpty()) {
        m_ownedDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_ownedDir->path();
    }
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        killHard();
}

bool ServerProcess::start(int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(CIDADAO_SERVER_BINARY));
    QStringList arguments = {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--host"),
                             QStringLiteral("127.0.0.1"), QStringLiteral("--data-dir"), m_dataDir};
    arguments += m_arguments;
    m_process->setArguments(arguments);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(m_process->program(), m_process->errorString());
        return false;
    }
    m_pid = m_process->processId();
    QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            line = m_process->readLine().trimmed();
            break;
        }
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    if (line.isEmpty()) {
        m_stderr += m_process->readAllStandardError();
        m_error = QStringLiteral("no ready line; stderr: %1").arg(QString::fromUtf8(m_stderr));
        killHard();
        return false;
    }
    m_ready = protocol::Json::parse(line.constBegin(), line.constEnd(), nullptr, false);
    if (!m_ready.is_object() || !m_ready.contains("port")) {
        m_error = QStringLiteral("bad ready line: %1").arg(QString::fromUtf8(line));
        killHard();
        return false;
    }
    m_port = m_ready["port"].get<quint16>();
    return true;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int ServerProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return m_process ? m_process->exitCode() : -1;
    ::kill(pid_t(m_pid), SIGTERM);
    if (!m_process->waitForFinished(timeoutMs)) {
        killHard();
        return -1;
    }
    m_stderr += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::killHard()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_pid), SIGKILL);
    m_process->waitForFinished(10000);
    m_stderr += m_process->readAllStandardError();
}

QUrl ServerProcess::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QUrl ServerProcess::webSocketUrl(const QString& path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QByteArray ServerProcess::standardError()
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return m_stderr;
}

} // namespace cidadao::testing
