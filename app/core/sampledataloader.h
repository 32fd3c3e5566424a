// SPDX-License-Identifier: GPL-3.0-or-later
// First run of a local data directory: makes the sample data set with the server's own tools
// (`cidadao-server generate` writes Portal-format CSVs, `cidadao-server import` loads them), one
// import process per file so that progress can be shown, then writes a marker file so that it
// happens once. Runs before the server starts: the importer is then the database's only writer.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace cidadao::client {

class SampleDataLoader : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString serverPath;
        QString dataDir;
        int records = 20000;
        quint64 seed = 1;
        int stepTimeoutMs = 300000;
    };

    explicit SampleDataLoader(Options options, QObject* parent = nullptr);
    ~SampleDataLoader() override;

    // The marker's path: present once the sample data set was imported into dataDir.
    static QString markerPath(const QString& dataDir);
    static bool isLoaded(const QString& dataDir);
    // The server's import ids of the sample data set loaded into dataDir (from the marker), so that
    // reloading it can first remove the earlier copy. Empty when not loaded, or when the marker was
    // written by a version that did not record them.
    static QList<qint64> importIds(const QString& dataDir);

    void start();
    void cancel();
    bool isRunning() const { return m_process != nullptr; }

    int rowsImported() const { return m_rowsImported; }
    int rowsRejected() const { return m_rowsRejected; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // step counts from 0 to total; `file` is the file being imported (empty while generating).
    void progress(int step, int total, const QString& file);
    void finished(bool ok);

private:
    void runNext();
    void onStepFinished(int exitCode, QProcess::ExitStatus status);
    void finish(bool ok, const QString& error = {});
    void startProcess(const QStringList& arguments);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_workDir;
    std::unique_ptr<QProcess> m_process;
    QList<QStringList> m_importGroups; // file lists, one import process each
    int m_step = 0;
    int m_total = 0;
    int m_rowsImported = 0;
    int m_rowsRejected = 0;
    QList<qint64> m_importIds;
    QString m_error;
    QElapsedTimer m_clock;
};

} // namespace cidadao::client
