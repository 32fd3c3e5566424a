// SPDX-License-Identifier: GPL-3.0-or-later
// Measures the contracts import end to end (CSV bytes → SQLite rows, indexes included) and the
// loader, on a generated Latin-1 file of N 24-column rows. Not a test: prints figures only.
// Usage: importbench [rows=1000000] [work dir=temporary]
#include "data/importer.h"
#include "data/loader.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

using namespace cidadao;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 1000000;
    QTemporaryDir temporary;
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : temporary.path();
    const QString csv = dir + QStringLiteral("/bench_Compras.csv");
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        std::string out =
            "\"N\xFAmero do Contrato\";\"Objeto\";\"Fundamento Legal\";\"Modalidade Compra\";\"Situa\xE7\xE3o Contrato\";"
            "\"C\xF3" "digo \xD3rg\xE3o Superior\";\"Nome \xD3rg\xE3o Superior\";\"C\xF3" "digo \xD3rg\xE3o\";"
            "\"Nome \xD3rg\xE3o\";\"C\xF3" "digo UG\";\"Nome UG\";\"Data Assinatura Contrato\";\"Data Publica\xE7\xE3o DOU\";"
            "\"Data In\xED" "cio Vig\xEAncia\";\"Data Fim Vig\xEAncia\";\"C\xF3" "digo Contratado\";\"Nome Contratado\";"
            "\"Valor Inicial Compra\";\"Valor Final Compra\";\"N\xFAmero Licita\xE7\xE3o\";\"C\xF3" "digo UG Licita\xE7\xE3o\";"
            "\"Nome UG Licita\xE7\xE3o\";\"C\xF3" "digo Modalidade Compra Licita\xE7\xE3o\";\"Modalidade Compra Licita\xE7\xE3o\"\r\n";
        for (int i = 0; i < rows; ++i) {
            const int unit = 150000 + i % 700;
            const int day = 1 + i % 28;
            const int month = 1 + (i / 28) % 12;
            char line[1024];
            std::snprintf(line, sizeof line,
                          "\"%09d\";\"Aquisi\xE7\xE3o de material de expediente; lote %d\";\"Lei 14.133/2021, Art. 75, II\";"
                          "\"Dispensa de Licita\xE7\xE3o\";\"Vigente\";\"26000\";\"Minist\xE9rio da Educa\xE7\xE3o\";\"%d\";"
                          "\"Universidade Federal %d\";\"%d\";\"UNIVERSIDADE FEDERAL %d\";\"%02d/%02d/2024\";\"%02d/%02d/2024\";"
                          "\"%02d/%02d/2024\";\"31/12/2024\";\"%014d\";\"FORNECEDOR %d LTDA\";\"%d,%04d\";\"%d,%04d\";"
                          "\"%09d\";\"%d\";\"UNIVERSIDADE FEDERAL %d\";\"06\";\"Dispensa de Licita\xE7\xE3o\"\r\n",
                          i, i % 97, 26000 + unit % 50, unit, unit, unit, day, month, day, month, day, month,
                          10000000 + i % 5000, i % 5000, 1000 + i % 90000, i % 10000, 1000 + i % 90000, i % 10000,
                          i, unit, unit);
            out += line;
            if (out.size() > (1u << 24)) {
                file.write(out.data(), qint64(out.size()));
                out.clear();
            }
        }
        file.write(out.data(), qint64(out.size()));
    }
    const qint64 bytes = QFile(csv).size();
    auto db = store::Database::open(dir + QStringLiteral("/bench.db"));
    store::migrate(*db);
    data::Importer importer(*db);
    data::ImportOptions options;
    options.source = data::Source::Contracts;
    // CPU time next to wall time: on a shared machine the wall clock mostly measures the neighbours.
    QElapsedTimer timer;
    timer.start();
    std::clock_t cpu = std::clock();
    const data::ImportReport report = importer.importFile(csv, options);
    const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double importCpu = double(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::printf("import: %lld rows (%lld rejected), %.1f MiB; wall %.2f s = %.0f rows/s; cpu %.2f s = %.0f rows/s\n",
                static_cast<long long>(report.rowsImported), static_cast<long long>(report.rowsRejected),
                double(bytes) / (1 << 20), importSeconds, double(report.rowsImported) / importSeconds, importCpu,
                double(report.rowsImported) / importCpu);
    timer.restart();
    cpu = std::clock();
    const engine::Dataset dataset = data::loadDataset(*db);
    const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("load: %zu contracts, %zu distinct strings; wall %.2f s, cpu %.2f s\n", dataset.contracts.size(),
                dataset.strings.size(), loadSeconds, double(std::clock() - cpu) / CLOCKS_PER_SEC);
    // Size on disk and peak memory: the other two issue 4 figures; the load average says how shared the
    // machine was while measuring.
    const qint64 dbBytes = QFile(QString(dir + QStringLiteral("/bench.db"))).size()
                           + QFile(QString(dir + QStringLiteral("/bench.db-wal"))).size();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("database: %.1f MiB (with WAL); peak RSS %.0f MiB; load average %.2f %.2f %.2f\n",
                double(dbBytes) / (1 << 20), double(usage.ru_maxrss) / 1024, load[0], load[1], load[2]);
    return report.status == data::ImportReport::Status::Imported ? 0 : 1;
}
