// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampledataloader.h"

#include "protocol/jsonqt.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include <csignal>
#include <sys/prctl.h>

#include <vector>

Q_LOGGING_CATEGORY(lcSample, "cidadao.client.sampledata")

namespace cidadao::client {

SampleDataLoader::SampleDataLoader(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SampleDataLoader::~SampleDataLoader()
{
    cancel();
}

QString SampleDataLoader::markerPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sample-data.json"));
}

bool SampleDataLoader::isLoaded(const QString& dataDir)
{
    return QFile::exists(markerPath(dataDir));
}

QList<qint64> SampleDataLoader::importIds(const QString& dataDir)
{
    QFile file(markerPath(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    const protocol::Json marker = protocol::Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    QList<qint64> ids;
    if (marker.is_object() && marker.contains("import_ids") && marker["import_ids"].is_array()) {
        for (const auto& id : marker["import_ids"]) {
            if (id.is_number_integer())
                ids.append(id.get<qint64>());
        }
    }
    return ids;
}

void SampleDataLoader::start()
{
    if (m_process)
        return;
    m_clock.start();
    m_error.clear();
    m_rowsImported = m_rowsRejected = 0;
    m_importIds.clear();
    m_importGroups.clear();
    m_step = 0;
    m_total = 1; // generation; the imports are counted once the files are known
    m_workDir = std::make_unique<QTemporaryDir>();
    if (!m_workDir->isValid() || !QDir().mkpath(m_options.dataDir)) {
        finish(false, QStringLiteral("cannot create a temporary directory"));
        return;
    }
    Q_EMIT progress(0, m_total, {});
    startProcess({QStringLiteral("generate"), QStringLiteral("--seed"), QString::number(m_options.seed),
                  QStringLiteral("--records"), QString::number(m_options.records), QStringLiteral("--out"),
                  m_workDir->filePath(QStringLiteral("sample"))});
}

void SampleDataLoader::cancel()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
    m_workDir.reset();
}

void SampleDataLoader::startProcess(const QStringList& arguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.serverPath);
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // Like the server itself: never outlive the app.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_process.get(), &QProcess::finished, this, &SampleDataLoader::onStepFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false, QStringLiteral("cannot start %1: %2").arg(m_options.serverPath, m_process->errorString()));
    });
    m_process->start();
}

void SampleDataLoader::onStepFinished(int exitCode, QProcess::ExitStatus status)
{
    const QByteArray out = m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    const bool generating = m_step == 0;
    if (status != QProcess::NormalExit) {
        finish(false, QStringLiteral("%1 crashed").arg(generating ? QStringLiteral("generate") : QStringLiteral("import")));
        return;
    }
    if (generating) {
        if (exitCode != 0) {
            finish(false, QStringLiteral("generate failed (%1): %2").arg(exitCode).arg(QString::fromUtf8(err.right(300))));
            return;
        }
        // The Portal's servants files come in pairs: the pay file is joined with the registry
        // ("_Cadastro") given in the same import.
        const QDir dir(m_workDir->filePath(QStringLiteral("sample")));
        QStringList registry;
        QStringList files;
        const auto entries = dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
        for (const QString& name : entries) {
            if (name == QLatin1String("labels.csv")) // the generator's answer key, not a Portal file
                continue;
            (name.contains(QLatin1String("_Cadastro")) ? registry : files).append(dir.filePath(name));
        }
        for (const QString& file : std::as_const(files))
            m_importGroups.append(QStringList{file} + (file.contains(QLatin1String("_Remuneracao")) ? registry : QStringList()));
        m_total = 1 + int(m_importGroups.size());
    } else {
        // The import prints one JSON report; a file rejected whole makes the exit code non-zero,
        // which fails the sample load (rows rejected one by one do not).
        const protocol::Json report = protocol::Json::parse(out.constBegin(), out.constEnd(), nullptr, false);
        if (report.is_object() && report.contains("files") && report["files"].is_array()) {
            for (const auto& file : report["files"]) {
                m_rowsImported += file.value("rows_imported", 0);
                m_rowsRejected += file.value("rows_rejected", 0);
                // One import (a row of the server's `imports`) per file or ZIP member.
                if (file.contains("parts") && file["parts"].is_array()) {
                    for (const auto& part : file["parts"]) {
                        if (part.contains("import_id") && part["import_id"].is_number_integer())
                            m_importIds.append(part["import_id"].get<qint64>());
                    }
                }
            }
        }
        if (exitCode != 0) {
            finish(false, QStringLiteral("import of %1 failed (%2): %3")
                              .arg(m_importGroups.value(m_step - 1).value(0))
                              .arg(exitCode)
                              .arg(QString::fromUtf8(out.left(300) + err.right(300))));
            return;
        }
    }
    ++m_step;
    runNext();
}

void SampleDataLoader::runNext()
{
    if (m_step > m_importGroups.size()) {
        protocol::Json marker{{"seed", m_options.seed},
                              {"records", m_options.records},
                              {"rows_imported", m_rowsImported},
                              {"rows_rejected", m_rowsRejected},
                              {"import_ids", std::vector<qint64>(m_importIds.cbegin(), m_importIds.cend())},
                              {"elapsed_ms", m_clock.elapsed()}};
        QSaveFile file(markerPath(m_options.dataDir));
        if (!file.open(QIODevice::WriteOnly) || file.write(protocol::toBytes(marker)) < 0 || !file.commit()) {
            finish(false, QStringLiteral("cannot write %1").arg(markerPath(m_options.dataDir)));
            return;
        }
        finish(true);
        return;
    }
    const QStringList& group = m_importGroups.at(m_step - 1);
    Q_EMIT progress(m_step, m_total, QFileInfo(group.first()).fileName());
    startProcess(QStringList{QStringLiteral("import"), QStringLiteral("--data-dir"), m_options.dataDir} + group);
}

void SampleDataLoader::finish(bool ok, const QString& error)
{
    if (m_process) {
        m_process->disconnect(this);
        m_process.release()->deleteLater(); // may be inside its own finished signal
    }
    m_workDir.reset();
    m_error = error;
    if (ok) {
        qCInfo(lcSample) << "sample data imported:" << m_rowsImported << "rows in" << m_clock.elapsed() << "ms";
        Q_EMIT progress(m_total, m_total, {});
    } else {
        qCWarning(lcSample) << "sample data not loaded:" << error;
    }
    Q_EMIT finished(ok);
}

} // namespace cidadao::client
