// SPDX-License-Identifier: GPL-3.0-or-later
#include "storefloor.h"

#include "benchclock.h"

#include "data/bulkload.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

#include <string>

namespace cidadao::bench {

namespace {

void removeDatabase(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

nlohmann::json measureStoreFloor(const QString& sourcePath, const QString& scratchDir, const char* table)
{
    const QString path = QDir(scratchDir).filePath(QStringLiteral("store-floor.sqlite"));
    removeDatabase(path);
    const std::string name(table);
    nlohmann::json out;
    {
        auto db = store::Database::open(path);
        store::migrate(*db);
        store::Statement attach = db->prepare("ATTACH DATABASE ? AS bench");
        attach.bind(1, sourcePath);
        attach.run();
        // The import before this left dirty pages that the kernel is still writing back.
        ::sync();

        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        {
            const data::ImportCache cache(*db);
            store::Transaction transaction(*db);
            db->exec("INSERT INTO imports SELECT * FROM bench.imports WHERE source = '" + name + "'");
            data::DeferredIndexes indexes(*db, name);
            out["indexes"] = indexes.count();
            db->exec("INSERT INTO " + name + " SELECT * FROM bench." + name);
            db->exec("INSERT INTO " + name + "_original SELECT * FROM bench." + name + "_original");
            out["insert_s"] = seconds(timer);
            indexes.rebuild(nullptr, {});
            out["indexes_s"] = seconds(timer) - out["insert_s"].get<double>();
            const double beforeCommit = seconds(timer);
            transaction.commit();
            out["commit_s"] = seconds(timer) - beforeCommit;
        }
        out["total_s"] = seconds(timer);
        out["cpu_s"] = cpuSeconds() - cpu;
        store::Statement count = db->prepare("SELECT COUNT(*) FROM " + name);
        count.step();
        out["rows"] = count.int64(0);
        out["rows_per_s"] = double(out["rows"].get<std::int64_t>()) / out["total_s"].get<double>();
    }
    removeDatabase(path);
    return out;
}

} // namespace cidadao::bench
