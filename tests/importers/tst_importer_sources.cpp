// SPDX-License-Identifier: GPL-3.0-or-later
// Every other source's importer on hand-written Portal files: biddings and participants (also from
// one ZIP), agreements, expense payments, servants joined to their cadastro, CEIS and CNEP sanctions,
// and source detection from the header row.
#include "data/csvreader.h"
#include "data/importer.h"
#include "importtestutil.h"

#include <QTest>

using namespace cidadao;
using namespace cidadao::data;
using namespace cidadao::testsupport;

namespace {

QStringList headerOf(const char* name)
{
    const QByteArray bytes = readAll(portalFile(name));
    MemorySource source(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    CsvReader reader(source);
    QStringList headers;
    if (reader.next()) {
        for (const std::string_view field : reader.fields())
            headers.append(reader.decode(field));
    }
    return headers;
}

} // namespace

class TestImporterSources : public QObject
{
    Q_OBJECT

private slots:
    void detection_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("source");
        QTest::newRow("contracts") << QStringLiteral("contracts_202401.csv") << int(Source::Contracts);
        QTest::newRow("old contracts") << QStringLiteral("contracts_2019_old_header.csv") << int(Source::Contracts);
        QTest::newRow("biddings") << QStringLiteral("biddings_202401_Licitacao.csv") << int(Source::Biddings);
        QTest::newRow("participants") << QStringLiteral("biddings_202401_ParticipantesLicitacao.csv")
                                      << int(Source::Participants);
        QTest::newRow("agreements") << QStringLiteral("agreements_convenios.csv") << int(Source::Agreements);
        QTest::newRow("expenses") << QStringLiteral("expenses_20240115_Despesas_Pagamento.csv")
                                  << int(Source::Expenses);
        QTest::newRow("servants") << QStringLiteral("servants_202401_Remuneracao.csv") << int(Source::Servants);
        QTest::newRow("cadastro") << QStringLiteral("servants_202401_Cadastro.csv") << int(Source::ServantRegistry);
        QTest::newRow("ceis") << QStringLiteral("sanctions_20240101_CEIS.csv") << int(Source::Sanctions);
        QTest::newRow("cnep") << QStringLiteral("sanctions_20240101_CNEP.csv") << int(Source::Sanctions);
    }
    void detection()
    {
        QFETCH(QString, file);
        QFETCH(int, source);
        const std::optional<Source> detected = detectSource(headerOf(file.toUtf8().constData()));
        QVERIFY(detected.has_value());
        QCOMPARE(int(*detected), source);
        QVERIFY(!detectSource({QStringLiteral("foo"), QStringLiteral("bar")}).has_value());
    }

    void memberNames()
    {
        QCOMPARE(sourceOfMember(QStringLiteral("202401_Compras.csv")), Source::Contracts);
        QCOMPARE(sourceOfMember(QStringLiteral("202401_Licitação.csv")), Source::Biddings);
        QCOMPARE(sourceOfMember(QStringLiteral("202401_ParticipantesLicitação.csv")), Source::Participants);
        QCOMPARE(sourceOfMember(QStringLiteral("20240115_Despesas_Pagamento.csv")), Source::Expenses);
        QCOMPARE(sourceOfMember(QStringLiteral("202401_Cadastro.csv")), Source::ServantRegistry);
        QCOMPARE(sourceOfMember(QStringLiteral("20240101_CNEP.csv")), Source::Sanctions);
        QVERIFY(!sourceOfMember(QStringLiteral("202401_ItemCompra.csv")).has_value());
        QVERIFY(!sourceOfMember(QStringLiteral("202401_TermoAditivo.csv")).has_value());
        QVERIFY(!sourceOfMember(QStringLiteral("202401_ItemLicitação.csv")).has_value());
        QVERIFY(!sourceOfMember(QStringLiteral("20240115_Despesas_Pagamento_EmpenhosImpactados.csv")).has_value());
    }

    void biddingsAndParticipants()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Biddings;
        const ImportReport biddings = importer.importFile(portalFile("biddings_202401_Licitacao.csv"), options);
        QCOMPARE(biddings.status, ImportReport::Status::Imported);
        QCOMPARE(biddings.rowsImported, 2);
        QCOMPARE(scalar(*db, "SELECT open_date FROM biddings WHERE number = '000012024'"), 19732); // 10/01/2024
        QCOMPARE(scalar(*db, "SELECT count(*) FROM biddings WHERE value IS NULL AND result_date IS NULL"), 1);
        QCOMPARE(textValue(*db, "SELECT municipality FROM biddings WHERE number = '000012024'"),
                 QStringLiteral("RECIFE"));

        // The participants file under --source biddings goes to its own table.
        const ImportReport participants =
            importer.importFile(portalFile("biddings_202401_ParticipantesLicitacao.csv"), options);
        QCOMPARE(participants.status, ImportReport::Status::Imported);
        QCOMPARE(participants.parts.at(0).source, Source::Participants);
        QCOMPARE(participants.rowsImported, 2);
        QCOMPARE(participants.rowsRejected, 1);
        QCOMPARE(participants.firstErrors.at(0).line, 4);
        QCOMPARE(participants.firstErrors.at(0).column, QStringLiteral("Flag Vencedor"));
        QCOMPARE(scalar(*db, "SELECT winner FROM bidding_participants WHERE participant_doc = '03560714000142'"), 1);
        QCOMPARE(scalar(*db, "SELECT winner FROM bidding_participants WHERE participant_doc = '22472225000183'"), 0);
        QCOMPARE(textValue(*db, "SELECT key FROM bidding_participants WHERE winner = 1"),
                 QStringLiteral("153080/000012024/03560714000142"));
    }

    void biddingsZipHoldsBothFiles()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const QString zip = dir.filePath(QStringLiteral("202401_Licitacoes.zip"));
        QVERIFY(writeZip(zip, {
            {"202401_Licitação.csv", readAll(portalFile("biddings_202401_Licitacao.csv")), true},
            {"202401_ParticipantesLicitação.csv", readAll(portalFile("biddings_202401_ParticipantesLicitacao.csv")),
             true},
            {"202401_ItemLicitação.csv", "\"x\"\r\n", true},
        }));
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Biddings;
        const ImportReport report = importer.importFile(zip, options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.parts.size(), std::size_t(2));
        QCOMPARE(report.rowsImported, 4);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM imports"), 2);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM bidding_participants"), 2);
    }

    void agreements()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        const ImportReport report = importer.importFile(portalFile("agreements_convenios.csv"));
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.rowsImported, 1);
        store::Statement row = db->prepare(
            "SELECT number, object, grantee_doc, value, released, counterpart, published_date, last_release_value, "
            "grantor_organ FROM agreements");
        QVERIFY(row.step());
        QCOMPARE(row.text(0), QStringLiteral("912345"));
        QCOMPARE(row.text(1), QStringLiteral("Construção de creche; fase 1"));
        QCOMPARE(row.text(2), QStringLiteral("10565000000192"));
        QCOMPARE(row.real(3), 1500000.0);
        QCOMPARE(row.real(4), 750000.0);
        QCOMPARE(row.real(5), 15000.0);
        QCOMPARE(row.int64(6), 19727); // 05/01/2024
        QCOMPARE(row.real(7), 250000.0);
        QCOMPARE(row.text(8), QStringLiteral("26298"));
    }

    void expenses()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Expenses;
        const ImportReport report = importer.importFile(portalFile("expenses_20240115_Despesas_Pagamento.csv"), options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.rowsImported, 2);
        store::Statement row = db->prepare(
            "SELECT date, payee_doc, organ, unit, expense_element, process, original_value, value, payee_name "
            "FROM expenses WHERE payment_code = '153080152342024OB000123'");
        QVERIFY(row.step());
        QCOMPARE(row.int64(0), 19737);
        QCOMPARE(row.text(1), QStringLiteral("03560714000142"));
        QCOMPARE(row.text(2), QStringLiteral("26246"));
        QCOMPARE(row.text(3), QStringLiteral("153080"));
        QCOMPARE(row.text(4), QStringLiteral("30"));
        QCOMPARE(row.text(5), QStringLiteral("23076.000001/2024-11"));
        QCOMPARE(row.real(6), 12000.5);
        QCOMPARE(row.real(7), 12000.5);
        QCOMPARE(row.text(8), QStringLiteral("PAPELARIA ÁGUIA LTDA"));
    }

    void servantsJoinedToCadastro()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Servants;
        options.servantRegistryFile = portalFile("servants_202401_Cadastro.csv");
        const ImportReport report = importer.importFile(portalFile("servants_202401_Remuneracao.csv"), options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.rowsImported, 2);
        QCOMPARE(report.rowsRejected, 1); // MES 13
        QCOMPARE(report.firstErrors.at(0).line, 4);
        QCOMPARE(report.firstErrors.at(0).column, QStringLiteral("MES"));
        store::Statement row = db->prepare(
            "SELECT year, month, gross_basic, ceiling_cut, net_pay, role, organ, hire_date, key, name "
            "FROM servant_pay WHERE servant_id = '1000001'");
        QVERIFY(row.step());
        QCOMPARE(row.int64(0), 2024);
        QCOMPARE(row.int64(1), 1);
        QCOMPARE(row.real(2), 45000.0);
        QCOMPARE(row.real(3), -3000.0);
        QCOMPARE(row.real(4), 40500.0);
        // The first bond listed in the cadastro describes the servant.
        QCOMPARE(row.text(5), QStringLiteral("PROFESSOR DO MAGISTÉRIO SUPERIOR"));
        QCOMPARE(row.text(6), QStringLiteral("Universidade Federal de Pernambuco"));
        QCOMPARE(row.int64(7), 14669); // 01/03/2010
        QCOMPARE(row.text(8), QStringLiteral("1000001/2024/1"));
        QCOMPARE(row.text(9), QStringLiteral("MARIA DAS GRAÇAS"));

        // Without the cadastro the pay still imports, with no role.
        QTemporaryDir other;
        auto plain = openMigrated(other);
        Importer plainImporter(*plain);
        options.servantRegistryFile.clear();
        QCOMPARE(plainImporter.importFile(portalFile("servants_202401_Remuneracao.csv"), options).rowsImported, 2);
        QCOMPARE(scalar(*plain, "SELECT count(*) FROM servant_pay WHERE role IS NULL"), 2);

        // The cadastro alone is not a table: rejected with an explanation.
        const ImportReport alone = plainImporter.importFile(portalFile("servants_202401_Cadastro.csv"));
        QCOMPARE(alone.status, ImportReport::Status::Rejected);
        QVERIFY(alone.error.contains(QLatin1String("cadastro")));
        QCOMPARE(alone.errorCode, QStringLiteral("registry_alone"));
    }

    void servantsZipWithCadastroMember()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const QString zip = dir.filePath(QStringLiteral("202401_Servidores_SIAPE.zip"));
        QVERIFY(writeZip(zip, {
            {"202401_Cadastro.csv", readAll(portalFile("servants_202401_Cadastro.csv")), true},
            {"202401_Remuneracao.csv", readAll(portalFile("servants_202401_Remuneracao.csv")), true},
            {"202401_Observacoes.csv", "\"x\"\r\n", true},
        }));
        Importer importer(*db);
        const ImportReport report = importer.importFile(zip);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.parts.size(), std::size_t(1));
        QCOMPARE(textValue(*db, "SELECT role FROM servant_pay WHERE servant_id = '1000002'"),
                 QStringLiteral("ASSISTENTE EM ADMINISTRAÇÃO"));
    }

    void sanctionsCeisAndCnep()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Sanctions;
        QCOMPARE(importer.importFile(portalFile("sanctions_20240101_CEIS.csv"), options).rowsImported, 2);
        QCOMPARE(importer.importFile(portalFile("sanctions_20240101_CNEP.csv"), options).rowsImported, 1);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM sanctions WHERE registry = 'CEIS'"), 2);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM sanctions WHERE registry = 'CNEP'"), 1);
        store::Statement ceis = db->prepare(
            "SELECT sanctioned_doc, start_date, end_date, scope, category, key FROM sanctions WHERE sanction_code = '200001'");
        QVERIFY(ceis.step());
        QCOMPARE(ceis.text(0), QStringLiteral("03560714000142"));
        QCOMPARE(ceis.int64(1), 19723);
        QCOMPARE(ceis.int64(2), 20453); // 31/12/2025
        QCOMPARE(ceis.text(3), QStringLiteral("Todas as esferas"));
        QCOMPARE(ceis.text(4), QStringLiteral("Impedimento"));
        QCOMPARE(ceis.text(5), QStringLiteral("CEIS/200001"));
        // "Sem informação" as an end date means open-ended, not an error.
        QCOMPARE(scalar(*db, "SELECT count(*) FROM sanctions WHERE sanction_code = '200002' AND end_date IS NULL"), 1);
        QCOMPARE(scalar(*db, "SELECT CAST(fine AS INTEGER) FROM sanctions WHERE registry = 'CNEP'"), 1500000);
    }

    void sanctionRegistryFromFileNameWhenNoColumn()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const QString path = dir.filePath(QStringLiteral("20240101_CNEP_sem_cadastro.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\"CPF OU CNPJ DO SANCIONADO\";\"CATEGORIA DA SAN\xC7\xC3O\";\"DATA IN\xCD\x43IO SAN\xC7\xC3O\"\r\n"
                   "\"11111111000191\";\"Multa\";\"01/02/2024\"\r\n");
        file.close();
        Importer importer(*db);
        const ImportReport report = importer.importFile(path);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(textValue(*db, "SELECT registry FROM sanctions"), QStringLiteral("CNEP"));
    }
};

QTEST_GUILESS_MAIN(TestImporterSources)
#include "tst_importer_sources.moc"
