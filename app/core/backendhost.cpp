// SPDX-License-Identifier: GPL-3.0-or-later
#include "backendhost.h"

#include "apiclient.h"
#include "sampledataloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <csignal>
#include <sys/prctl.h>

Q_LOGGING_CATEGORY(lcBackend, "cidadao.client.backend")

namespace cidadao::client {

BackendHost::BackendHost(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_api(new ApiClient(QUrl(), this))
{
    if (m_options.serverPath.isEmpty())
        m_options.serverPath = defaultServerPath();
    m_readyTimer.setSingleShot(true);
    connect(&m_readyTimer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("the backend did not report ready within %1 ms").arg(m_options.readyTimeoutMs));
    });
}

BackendHost::~BackendHost()
{
    stop();
}

QString BackendHost::defaultServerPath()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("cidadao-server"));
}

QUrl BackendHost::baseUrl() const
{
    return m_port ? QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)) : QUrl();
}

QUrl BackendHost::webSocketUrl(const QString& path) const
{
    return m_port ? QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path)) : QUrl();
}

void BackendHost::start()
{
    if ((m_process && m_process->state() != QProcess::NotRunning) || m_sampleLoader)
        return;
    if (m_options.loadSampleData && !SampleDataLoader::isLoaded(m_options.dataDir)) {
        m_error.clear();
        m_sampleDataMs = -1;
        m_sampleLoader = std::make_unique<SampleDataLoader>(
            SampleDataLoader::Options{m_options.serverPath, m_options.dataDir, m_options.sampleRecords});
        connect(m_sampleLoader.get(), &SampleDataLoader::progress, this, &BackendHost::sampleDataProgress);
        connect(m_sampleLoader.get(), &SampleDataLoader::finished, this, [this](bool ok) {
            const QString error = m_sampleLoader->errorString();
            m_sampleDataMs = m_clock.elapsed();
            m_sampleLoader.release()->deleteLater(); // we are inside its signal
            Q_EMIT sampleDataFinished(ok, error);
            startServer();
        });
        m_clock.start();
        setState(State::PreparingData);
        m_sampleLoader->start();
        return;
    }
    startServer();
}

void BackendHost::startServer()
{
    m_stopping = false;
    m_stdoutBuffer.clear();
    m_stderrPartial.clear();
    m_error.clear();
    m_port = 0;
    m_pid = 0;
    m_readyAfterMs = m_bootstrappedAfterMs = -1;
    m_login = {};
    QDir().mkpath(m_options.dataDir);
    m_stopping = false;

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.serverPath);
    if (!m_options.environment.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (auto it = m_options.environment.cbegin(); it != m_options.environment.cend(); ++it)
            environment.insert(it.key(), it.value());
        m_process->setProcessEnvironment(environment);
    }
    m_process->setArguments(QStringList{QStringLiteral("--embedded"), QStringLiteral("--host"),
                                        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--data-dir"), m_options.dataDir}
                            + m_options.extraArguments);
    // Runs in the child between fork and exec: the kernel sends SIGTERM to the server when the
    // thread that started it (this one, the GUI thread) dies, so a crashed app leaves no orphan.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &BackendHost::onStdout);
    connect(m_process.get(), &QProcess::readyReadStandardError, this, &BackendHost::onStderr);
    connect(m_process.get(), &QProcess::finished, this, &BackendHost::onFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(QStringLiteral("cannot start %1: %2").arg(m_options.serverPath, m_process->errorString()));
    });
    m_clock.start();
    setState(State::Starting);
    m_readyTimer.start(m_options.readyTimeoutMs);
    m_process->start();
    if (m_process)
        m_pid = m_process->processId();
}

void BackendHost::stop()
{
    m_readyTimer.stop();
    if (m_sampleLoader) {
        m_sampleLoader->disconnect(this);
        m_sampleLoader.reset();
        setState(State::Stopped);
    }
    if (!m_process)
        return;
    m_stopping = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(m_options.stopTimeoutMs)) {
            qCWarning(lcBackend) << "backend ignored SIGTERM; killing it";
            m_process->kill();
            m_process->waitForFinished(m_options.stopTimeoutMs);
        }
    }
    appendLog(m_process->readAllStandardError());
    m_process->disconnect(this);
    m_process.reset();
    setState(State::Stopped);
}

void BackendHost::restart()
{
    stop();
    start();
}

void BackendHost::reloadSampleData()
{
    stop();
    QFile::remove(SampleDataLoader::markerPath(m_options.dataDir));
    const bool wanted = std::exchange(m_options.loadSampleData, true);
    start();
    m_options.loadSampleData = wanted;
}

QList<qint64> BackendHost::sampleImportIds() const
{
    return SampleDataLoader::importIds(m_options.dataDir);
}

void BackendHost::onStdout()
{
    if (!m_process)
        return;
    m_stdoutBuffer += m_process->readAllStandardOutput();
    while (m_state == State::Starting) {
        const qsizetype newline = m_stdoutBuffer.indexOf('\n');
        if (newline < 0)
            break;
        const QByteArray line = m_stdoutBuffer.left(newline).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        if (!line.isEmpty())
            handleReadyLine(line);
    }
    if (m_state != State::Starting)
        m_stdoutBuffer.clear(); // the server prints nothing else on stdout that we need
}

void BackendHost::handleReadyLine(const QByteArray& line)
{
    const protocol::Json readyLine = protocol::Json::parse(line.constBegin(), line.constEnd(), nullptr, false);
    if (!readyLine.is_object() || readyLine.value("event", std::string()) != "ready" || !readyLine.contains("port")
        || !readyLine["port"].is_number_integer()) {
        fail(QStringLiteral("unexpected line from the backend: %1").arg(QString::fromUtf8(line.left(200))));
        return;
    }
    m_port = readyLine["port"].get<quint16>();
    m_readyAfterMs = m_clock.elapsed();
    const auto token = readyLine.find("bootstrap_token");
    if (token == readyLine.end() || !token->is_string()) {
        fail(QStringLiteral("the backend gave no bootstrap token (was it started with --embedded?)"));
        return;
    }
    setState(State::Bootstrapping);
    m_api->setBaseUrl(baseUrl());
    ApiJob* job = m_api->post(QStringLiteral("/api/v1/auth/bootstrap"),
                              protocol::Json{{"bootstrap_token", token->get<std::string>()}}, ApiJob::Auth::None);
    connect(job, &ApiJob::finished, this, [this](ApiJob* done) {
        if (m_state != State::Bootstrapping)
            return;
        if (done->status() != ApiJob::Status::Succeeded) {
            fail(QStringLiteral("bootstrap exchange failed: %1").arg(done->error().message));
            return;
        }
        try {
            protocol::from_json(done->json(), m_login);
        } catch (const std::exception& e) {
            fail(QStringLiteral("bad bootstrap answer: %1").arg(QString::fromUtf8(e.what())));
            return;
        }
        m_readyTimer.stop();
        m_bootstrappedAfterMs = m_clock.elapsed();
        setState(State::Ready);
        Q_EMIT ready(m_login);
    });
}

void BackendHost::onStderr()
{
    if (m_process)
        appendLog(m_process->readAllStandardError());
}

void BackendHost::appendLog(const QByteArray& bytes)
{
    m_stderrPartial += bytes;
    qsizetype newline;
    while ((newline = m_stderrPartial.indexOf('\n')) >= 0) {
        m_log.append(QString::fromUtf8(m_stderrPartial.left(newline)));
        m_stderrPartial.remove(0, newline + 1);
    }
    while (m_log.size() > m_options.logLines)
        m_log.removeFirst();
}

void BackendHost::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping || !m_process)
        return;
    appendLog(m_process->readAllStandardError());
    if (!m_stderrPartial.isEmpty()) {
        appendLog("\n");
    }
    m_readyTimer.stop();
    m_error = status == QProcess::CrashExit ? QStringLiteral("the backend crashed")
                                            : QStringLiteral("the backend exited with code %1").arg(exitCode);
    qCWarning(lcBackend) << m_error;
    setState(State::Crashed);
    Q_EMIT crashed(m_log);
}

void BackendHost::fail(const QString& reason)
{
    m_error = reason;
    qCWarning(lcBackend) << reason;
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_stopping = true;
        m_process->kill();
        m_process->waitForFinished(m_options.stopTimeoutMs);
    }
    m_readyTimer.stop();
    setState(State::Failed);
    Q_EMIT failed(reason);
}

void BackendHost::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace cidadao::client
