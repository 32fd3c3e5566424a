// SPDX-License-Identifier: GPL-3.0-or-later
// First run of a local data directory: BackendHost imports the sample data set with the real
// server's generate/import commands before starting it, reports progress, writes the marker, and
// does not import again on the next start. A failing import is reported and the server still starts.
#include "core/apiclient.h"
#include "core/backendhost.h"
#include "core/sampledataloader.h"
#include "protocol/jsonqt.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao;
using client::BackendHost;

namespace {

// Our child processes, read from /proc (pid → parent pid).
QList<qint64> childProcesses()
{
    QList<qint64> children;
    const QDir proc(QStringLiteral("/proc"));
    const auto entries = proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(proc.filePath(entry + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == QCoreApplication::applicationPid())
            children.append(pid);
    }
    return children;
}

BackendHost::Options options(const QString& dataDir, int records)
{
    BackendHost::Options opts;
    opts.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
    opts.dataDir = dataDir;
    opts.loadSampleData = true;
    opts.sampleRecords = records;
    opts.readyTimeoutMs = 60000;
    return opts;
}

} // namespace

class TestSampleData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRunImportsThenStarts()
    {
        QTemporaryDir dir;
        BackendHost host(options(dir.path(), 2000));
        QSignalSpy states(&host, &BackendHost::stateChanged);
        QSignalSpy progress(&host, &BackendHost::sampleDataProgress);
        QSignalSpy finished(&host, &BackendHost::sampleDataFinished);
        QSignalSpy ready(&host, &BackendHost::ready);
        host.start();
        QCOMPARE(host.state(), BackendHost::State::PreparingData);
        QVERIFY2(ready.wait(120000), qPrintable(host.errorString()));
        QCOMPARE(finished.size(), 1);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        // generate, one step per imported file, and the final "done"
        QVERIFY(progress.size() >= 3);
        const int total = progress.last().at(1).toInt();
        QCOMPARE(progress.last().at(0).toInt(), total);
        QVERIFY(host.sampleDataMs() > 0);

        QFile marker(client::SampleDataLoader::markerPath(dir.path()));
        QVERIFY(marker.open(QIODevice::ReadOnly));
        const auto json = protocol::Json::parse(marker.readAll().toStdString());
        QVERIFY(json["rows_imported"].get<qint64>() > 2000); // contracts plus the other sources
        QCOMPARE(json["seed"].get<int>(), 1);

        // The server serves the imported records: the database file is the one it opened.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("cidadao.db"))));

        // Second start: no import.
        host.stop();
        progress.clear();
        finished.clear();
        host.start();
        QCOMPARE(host.state(), BackendHost::State::Starting);
        QVERIFY2(ready.wait(30000), qPrintable(host.errorString()));
        QCOMPARE(progress.size(), 0);
        QCOMPARE(finished.size(), 0);
    }

    void failedImportIsReportedAndServerStartsAnyway()
    {
        // A server binary that cannot generate: /bin/false exits 1 for generate. The host then
        // tries to start /bin/false as the server too, which fails: both are reported, nothing hangs.
        QTemporaryDir dir;
        BackendHost::Options opts = options(dir.path(), 100);
        opts.serverPath = QStringLiteral("/bin/false");
        BackendHost host(opts);
        QSignalSpy finished(&host, &BackendHost::sampleDataFinished);
        QSignalSpy crashed(&host, &BackendHost::crashed);
        QSignalSpy failed(&host, &BackendHost::failed);
        host.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("generate failed")));
        QVERIFY(!QFile::exists(client::SampleDataLoader::markerPath(dir.path())));
        QTRY_VERIFY_WITH_TIMEOUT(crashed.size() + failed.size() >= 1, 30000); // the server start was tried
    }

    void stopDuringImportLeavesNoProcess()
    {
        QTemporaryDir dir;
        BackendHost host(options(dir.path(), 20000));
        QSignalSpy progress(&host, &BackendHost::sampleDataProgress);
        host.start();
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 1, 30000);
        QVERIFY(!childProcesses().isEmpty()); // generate or import is running
        host.stop();
        QCOMPARE(host.state(), BackendHost::State::Stopped);
        QTRY_VERIFY_WITH_TIMEOUT(childProcesses().isEmpty(), 5000);
        QVERIFY(!QFile::exists(client::SampleDataLoader::markerPath(dir.path())));
    }
};

QTEST_GUILESS_MAIN(TestSampleData)
#include "tst_sampledata.moc"
