// SPDX-License-Identifier: GPL-3.0-or-later
// `cidadao-server import`: one JSON object out, exit status by outcome, the data directory's database
// created and migrated.
#include "data/cli.h"
#include "importtestutil.h"

#include <QBuffer>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace cidadao;
using namespace cidadao::testsupport;

namespace {

int run(const QStringList& args, nlohmann::json& out)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const int status = data::runImportCommand(args, buffer);
    const QByteArray bytes = buffer.data();
    if (bytes.count('\n') != 1 || !bytes.endsWith('\n'))
        return -100; // not exactly one JSON line
    out = nlohmann::json::parse(bytes.constData());
    return status;
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

private slots:
    void importsFilesIntoTheDataDirectory()
    {
        QTemporaryDir dir;
        nlohmann::json out;
        const int status = run({QStringLiteral("cidadao-server"), QStringLiteral("import"), QStringLiteral("--source"),
                                QStringLiteral("contracts"), portalFile("contracts_202401.csv"),
                                portalFile("contracts_utf8_bom.csv"), QStringLiteral("--data-dir"), dir.path()},
                               out);
        QCOMPARE(status, 0);
        QVERIFY(out.at("ok").get<bool>());
        QCOMPARE(out.at("files").size(), std::size_t(2));
        QCOMPARE(out.at("files").at(0).at("rows_imported").get<int>(), 3);
        QCOMPARE(out.at("files").at(0).at("first_errors").at(0).at("line").get<int>(), 5);
        auto db = store::Database::open(dir.filePath(QStringLiteral("cidadao.db")));
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts"), 4);
        QCOMPARE(store::schemaVersion(*db), store::latestSchemaVersion());
    }

    void rejectedFileGivesNonZeroStatus()
    {
        QTemporaryDir dir;
        nlohmann::json out;
        const int status = run({QStringLiteral("import"), QStringLiteral("--data-dir=") + dir.path(),
                                QStringLiteral("--source=contracts"), portalFile("contracts_202401.csv"),
                                portalFile("contracts_missing_column.csv")},
                               out);
        QCOMPARE(status, 1);
        QVERIFY(!out.at("ok").get<bool>());
        QCOMPARE(out.at("files").at(0).at("status").get<std::string>(), std::string("imported"));
        QCOMPARE(out.at("files").at(1).at("status").get<std::string>(), std::string("rejected"));
        // Files are independent: the good one stays imported.
        auto db = store::Database::open(dir.filePath(QStringLiteral("cidadao.db")));
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts"), 3);
    }

    void servantsCadastroAmongTheFiles()
    {
        QTemporaryDir dir;
        nlohmann::json out;
        const int status = run({QStringLiteral("--source"), QStringLiteral("servants"),
                                portalFile("servants_202401_Cadastro.csv"), portalFile("servants_202401_Remuneracao.csv"),
                                QStringLiteral("--data-dir"), dir.path()},
                               out);
        QCOMPARE(status, 0);
        QCOMPARE(out.at("files").size(), std::size_t(1));
        auto db = store::Database::open(dir.filePath(QStringLiteral("cidadao.db")));
        QCOMPARE(scalar(*db, "SELECT count(*) FROM servant_pay WHERE role IS NOT NULL"), 2);
    }

    void usageErrors()
    {
        QTemporaryDir dir;
        nlohmann::json out;
        QCOMPARE(run({QStringLiteral("import"), portalFile("contracts_202401.csv")}, out), 2);
        QVERIFY(out.at("error").get<std::string>().find("--data-dir") != std::string::npos);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--data-dir"), dir.path()}, out), 2);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--source"), QStringLiteral("nonsense"),
                      QStringLiteral("--data-dir"), dir.path(), portalFile("contracts_202401.csv")},
                     out),
                 2);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--bogus"), QStringLiteral("--data-dir"), dir.path(),
                      portalFile("contracts_202401.csv")},
                     out),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import_cli.moc"
