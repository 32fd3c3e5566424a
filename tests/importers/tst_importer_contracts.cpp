// SPDX-License-Identifier: GPL-3.0-or-later
// Contracts import on hand-written Portal files: Latin-1 bytes, quoted `;`, 4-decimal values, bad rows
// with their exact lines, an older header, a UTF-8 BOM file, whole-file rejection and cancellation
// leaving the database unchanged, and a Portal ZIP with its sibling members.
#include "data/csvreader.h"
#include "data/importer.h"
#include "data/original.h"
#include "importtestutil.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <map>

Q_DECLARE_METATYPE(cidadao::data::Source)

using namespace cidadao;
using namespace cidadao::data;
using namespace cidadao::testsupport;

namespace {

// The original value under header of the contract numbered number, rebuilt from the stored bytes.
QString originalValue(store::Database& db, const char* number, const QString& header)
{
    const std::int64_t id = scalar(db, std::string("SELECT id FROM contracts WHERE number = '") + number + "'");
    const auto row = readOriginalRow(db, Source::Contracts, id);
    if (!row)
        return QStringLiteral("<no original row>");
    for (const OriginalField& field : *row) {
        if (field.header == header)
            return field.value;
    }
    return QStringLiteral("<no such header>");
}

} // namespace

class TestImporterContracts : public QObject
{
    Q_OBJECT

private slots:
    void importsLatin1FileAndReportsBadRows()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Contracts;
        const ImportReport report = importer.importFile(portalFile("contracts_202401.csv"), options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.rowsRead, 6);
        QCOMPARE(report.rowsImported, 3);
        QCOMPARE(report.rowsRejected, 3);
        QCOMPARE(report.firstErrors.size(), std::size_t(3));
        QCOMPARE(report.firstErrors[0].line, 5);
        QCOMPARE(report.firstErrors[0].column, QStringLiteral("Data Assinatura Contrato"));
        QVERIFY(report.firstErrors[0].reason.contains(QLatin1String("31/02/2024")));
        QCOMPARE(report.firstErrors[0].code, QStringLiteral("invalid_date"));
        QCOMPARE(report.firstErrors[0].value, QStringLiteral("31/02/2024"));
        QCOMPARE(report.firstErrors[1].line, 6);
        QVERIFY(report.firstErrors[1].column.isEmpty());
        QVERIFY(report.firstErrors[1].reason.contains(QLatin1String("found 23")));
        QCOMPARE(report.firstErrors[1].code, QStringLiteral("field_count"));
        QCOMPARE(report.firstErrors[1].foundFields, 23);
        QCOMPARE(report.firstErrors[2].line, 7);
        QCOMPARE(report.firstErrors[2].column, QStringLiteral("Valor Final Compra"));
        QCOMPARE(report.firstErrors[2].code, QStringLiteral("invalid_number"));
        QCOMPARE(report.parts.size(), std::size_t(1));
        QCOMPARE(report.parts[0].encoding, QStringLiteral("iso-8859-1"));

        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts"), 3);
        QCOMPARE(textValue(*db, "SELECT object FROM contracts WHERE number = '000012024'"),
                 QStringLiteral("Aquisição de \"papel A4\"; resmas de 500 folhas"));
        QCOMPARE(textValue(*db, "SELECT supplier_name FROM contracts WHERE number = '000012024'"),
                 QStringLiteral("PAPELARIA ÁGUIA LTDA"));
        store::Statement values = db->prepare(
            "SELECT initial_value, final_value, signed_date, end_date, source_line, key FROM contracts "
            "WHERE number = '000012024'");
        QVERIFY(values.step());
        QCOMPARE(values.real(0), 10665589.33);
        QCOMPARE(values.real(1), 10665589.33);
        QCOMPARE(values.int64(2), 19737); // 15/01/2024
        QCOMPARE(values.int64(3), 20088); // 31/12/2024
        QCOMPARE(values.int64(4), 2);
        QCOMPARE(values.text(5), QStringLiteral("153080/000012024"));

        // The record spanning two physical lines keeps its newline and its first line number.
        QCOMPARE(textValue(*db, "SELECT object FROM contracts WHERE number = '000022024'"),
                 QStringLiteral("Serviços de limpeza\r\ncom fornecimento de material"));
        QCOMPARE(scalar(*db, "SELECT source_line FROM contracts WHERE number = '000022024'"), 3);
        // Formatted CNPJ reduced to digits; masked CPF kept as published.
        QCOMPARE(textValue(*db, "SELECT supplier_doc FROM contracts WHERE number = '000022024'"),
                 QStringLiteral("22472225000183"));
        QCOMPARE(textValue(*db, "SELECT supplier_doc FROM contracts WHERE number = '000062024'"),
                 QStringLiteral("***.017.623-**"));
        store::Statement last = db->prepare(
            "SELECT initial_value, final_value FROM contracts WHERE number = '000062024'");
        QVERIFY(last.step());
        QCOMPARE(last.real(0), 1234.56);
        QCOMPARE(last.real(1), -1234.5);

        // The original row keeps the original header names and values; the searchable text is folded
        // from the stored columns when a query reads it; the legacy search_text column stays NULL.
        QCOMPARE(originalValue(*db, "000012024", QStringLiteral("Valor Inicial Compra")), QStringLiteral("10665589,3300"));
        QCOMPARE(originalValue(*db, "000012024", QStringLiteral("Situação Contrato")), QStringLiteral("Vigente"));
        const std::string search = data::searchTextSql(data::Source::Contracts);
        QCOMPARE(search, std::string("search_fold(number, object, supplier_doc, supplier_name, organ_name, unit_name)"));
        QVERIFY(textValue(*db, "SELECT " + search + " FROM contracts WHERE number = '000012024'")
                    .contains(QLatin1String("papelaria aguia")));
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts WHERE " + search + " LIKE '%limpeza%sao jose%'"), 1);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts WHERE search_text IS NOT NULL"), 0);

        // The imports row records the outcome.
        QCOMPARE(textValue(*db, "SELECT status FROM imports"), QStringLiteral("imported"));
        QCOMPARE(scalar(*db, "SELECT rows_rejected FROM imports"), 3);
        const auto stored = nlohmann::json::parse(textValue(*db, "SELECT report FROM imports").toStdString());
        QCOMPARE(stored.at("first_errors").size(), std::size_t(3));

        const nlohmann::json json = report.toJson();
        QCOMPARE(json.at("rows_read").get<int>(), 6);
        QCOMPARE(json.at("first_errors").at(0).at("line").get<int>(), 5);
        QVERIFY(json.at("first_errors").at(1).at("column").is_null());
        QCOMPARE(json.at("first_errors").at(0).at("code").get<std::string>(), "invalid_date");
        QCOMPARE(json.at("first_errors").at(0).at("value").get<std::string>(), "31/02/2024");
        QCOMPARE(json.at("first_errors").at(1).at("code").get<std::string>(), "field_count");
        QCOMPARE(json.at("first_errors").at(1).at("expected").get<int>(), 24);
        QCOMPARE(json.at("first_errors").at(1).at("found").get<int>(), 23);
    }

    void olderHeaderAndExtraColumns()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        const ImportReport report = importer.importFile(portalFile("contracts_2019_old_header.csv"));
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.parts.at(0).source, Source::Contracts); // detected from the header
        QCOMPARE(report.rowsImported, 2);
        QCOMPARE(textValue(*db, "SELECT supplier_doc FROM contracts WHERE number = '000012019'"),
                 QStringLiteral("03560714000142"));
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts WHERE initial_value IS NULL"), 1);
        QCOMPARE(originalValue(*db, "000012019", QStringLiteral("Coluna Nova")), QStringLiteral("extra ç"));
        QCOMPARE(originalValue(*db, "000012019", QStringLiteral("CNPJ Contratado")), QStringLiteral("03560714000142"));
    }

    // The original row is kept as the file's own bytes (ISO-8859-1 here) plus the header once per import,
    // and decodes back to every original field, the quoted `;`, doubled quotes and inner newline included.
    void originalRowRebuiltFromLatin1Bytes()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Contracts;
        QCOMPARE(importer.importFile(portalFile("contracts_202401.csv"), options).status,
                 ImportReport::Status::Imported);
        const QByteArray file = readAll(portalFile("contracts_202401.csv"));
        const QByteArray headerLine = file.left(file.indexOf("\r\n"));

        store::Statement header = db->prepare("SELECT header, encoding FROM imports");
        QVERIFY(header.step());
        QCOMPARE(header.blob(0), headerLine);
        QCOMPARE(header.text(1), QStringLiteral("iso-8859-1"));

        const std::int64_t id = scalar(*db, "SELECT id FROM contracts WHERE number = '000022024'");
        store::Statement line = db->prepare("SELECT line FROM contracts_original WHERE id = ?");
        line.bind(1, id);
        QVERIFY(line.step());
        const QByteArray bytes = line.blob(0);
        QVERIFY(file.contains(QByteArray(bytes + "\r\n"))); // verbatim, without its line ending
        QVERIFY(bytes.contains("\xE7"));           // "Serviços" in Latin-1, not converted

        const auto row = readOriginalRow(*db, Source::Contracts, id);
        QVERIFY(row.has_value());
        QCOMPARE(row->size(), std::size_t(24));
        QCOMPARE(row->at(0).header, QStringLiteral("Número do Contrato"));
        QCOMPARE(row->at(0).value, QStringLiteral("000022024"));
        QCOMPARE(row->at(1).header, QStringLiteral("Objeto"));
        QCOMPARE(row->at(1).value, QStringLiteral("Serviços de limpeza\r\ncom fornecimento de material"));
        // Every stored typed text column agrees with the field it came from.
        QCOMPARE(originalValue(*db, "000022024", QStringLiteral("Nome Contratado")),
                 textValue(*db, "SELECT supplier_name FROM contracts WHERE number = '000022024'"));
        QVERIFY(!readOriginalRow(*db, Source::Contracts, id + 1000).has_value());
    }

    // Rows imported before schema 0004 kept their original row as a JSON object: the upgrade moves it to
    // the side table and readOriginalRow() still gives it back.
    void legacyJsonOriginalSurvivesUpgrade()
    {
        QTemporaryDir dir;
        auto db = store::Database::open(dir.filePath(QStringLiteral("legacy.db")));
        store::migrateTo(*db, 3);
        db->exec("INSERT INTO imports (id, source, file_name, status) VALUES (1, 'contracts', 'old.csv', 'imported')");
        db->exec("INSERT INTO contracts (id, import_id, number, raw) VALUES "
                 "(7, 1, '000012019', '{\"Número do Contrato\":\"000012019\",\"Objeto\":\"Caneta; azul\"}')");
        store::migrate(*db);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts_original"), 1);
        const auto row = readOriginalRow(*db, Source::Contracts, 7);
        QVERIFY(row.has_value());
        QCOMPARE(row->size(), std::size_t(2));
        QCOMPARE(row->at(0).header, QStringLiteral("Número do Contrato"));
        QCOMPARE(row->at(1).header, QStringLiteral("Objeto"));
        QCOMPARE(row->at(1).value, QStringLiteral("Caneta; azul"));
        // Deleting the import still takes its records and their originals with it.
        db->exec("DELETE FROM imports");
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts_original"), 0);
    }

    // Into an empty table the importer drops the secondary indexes and builds them after the rows: a
    // cancelled import must give them back (rolled back with its rows), a finished one must rebuild them.
    void deferredIndexesSurviveCancelAndImport()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const std::string countIndexes =
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'contracts' AND sql IS NOT NULL";
        const std::int64_t indexes = scalar(*db, countIndexes);
        QVERIFY(indexes >= 1);

        QByteArray big = readAll(portalFile("contracts_202401.csv"));
        const qsizetype headerEnd = big.indexOf("\r\n") + 2;
        const QByteArray row = big.mid(headerEnd, big.indexOf("\r\n", headerEnd) + 2 - headerEnd);
        QByteArray content = big.left(headerEnd);
        for (int i = 0; i < 9000; ++i)
            content += row;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        Importer importer(*db);
        std::atomic_bool cancel = false;
        ImportOptions options;
        options.cancel = &cancel;
        options.progress = [&](qint64, qint64) { cancel = true; };
        QCOMPARE(importer.importFile(path, options).status, ImportReport::Status::Cancelled);
        QCOMPARE(scalar(*db, countIndexes), indexes);
        QCOMPARE(recordCount(*db), 0);

        // Progress keeps moving while the indexes are rebuilt: each index built is a report past the rows'
        // share of the bar (the rows fill 1 / (1 + 0.25 · indexes) of it). A cancel there interrupts the
        // CREATE INDEX, and the file is rolled back like any cancelled import.
        const double rowsShare = 1.0 / (1.0 + 0.25 * double(indexes));
        cancel = false;
        qint64 lastDone = 0;
        options.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done > lastDone);
            lastDone = done;
            if (double(done) > rowsShare * double(total))
                cancel = true;
        };
        QCOMPARE(importer.importFile(path, options).status, ImportReport::Status::Cancelled);
        QVERIFY(double(lastDone) > rowsShare * double(content.size()));
        QCOMPARE(scalar(*db, countIndexes), indexes);
        QCOMPARE(recordCount(*db), 0);

        std::vector<qint64> reports;
        options.progress = [&](qint64 done, qint64) { reports.push_back(done); };
        cancel = false;
        QCOMPARE(importer.importFile(path, options).status, ImportReport::Status::Imported);
        const auto inRebuild = std::count_if(reports.begin(), reports.end(), [&](qint64 done) {
            return double(done) > rowsShare * double(content.size()) && done < qint64(content.size());
        });
        QCOMPARE(inRebuild, std::ptrdiff_t(indexes - 1));   // the last index's report is the end, after the commit
        QCOMPARE(reports.back(), qint64(content.size()));
        QCOMPARE(scalar(*db, countIndexes), indexes);
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts INDEXED BY contracts_supplier WHERE supplier_doc > ''"),
                 9000);
        QCOMPARE(textValue(*db, "PRAGMA integrity_check"), QStringLiteral("ok"));
    }

    void utf8WithBom()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        const ImportReport report = importer.importFile(portalFile("contracts_utf8_bom.csv"));
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.rowsImported, 1);
        QCOMPARE(report.parts.at(0).encoding, QStringLiteral("utf-8"));
        QCOMPARE(textValue(*db, "SELECT supplier_name FROM contracts"), QStringLiteral("EMPRESA AÇAÍ LTDA"));
        QCOMPARE(textValue(*db, "SELECT object FROM contracts"),
                 QStringLiteral("Aquisição de equipamentos de informática"));
    }

    void missingRequiredColumnRejectsWholeFile()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        QCOMPARE(importer.importFile(portalFile("contracts_202401.csv")).status, ImportReport::Status::Imported);
        const std::int64_t before = recordCount(*db);
        ImportOptions options;
        options.source = Source::Contracts;
        const ImportReport report = importer.importFile(portalFile("contracts_missing_column.csv"), options);
        QCOMPARE(report.status, ImportReport::Status::Rejected);
        QVERIFY2(report.error.contains(QStringLiteral("Código Contratado")), qPrintable(report.error));
        QCOMPARE(report.errorCode, QStringLiteral("missing_columns"));
        QVERIFY(report.missingColumns.contains(QStringLiteral("Código Contratado")));
        QCOMPARE(report.toJson().at("error_code").get<std::string>(), "missing_columns");
        QCOMPARE(report.rowsImported, 0);
        QCOMPARE(recordCount(*db), before);
        QCOMPARE(report.toJson().at("status").get<std::string>(), std::string("rejected"));
    }

    void unreadableFileRejected()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        const ImportReport report = importer.importFile(dir.filePath(QStringLiteral("absent.csv")));
        QCOMPARE(report.status, ImportReport::Status::Rejected);
        QCOMPARE(report.errorCode, QStringLiteral("cannot_open"));
        QCOMPARE(recordCount(*db), 0);

        // An unrecognisable header is rejected too, not guessed.
        const QString odd = dir.filePath(QStringLiteral("odd.csv"));
        QFile file(odd);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\"foo\";\"bar\"\r\n\"1\";\"2\"\r\n");
        file.close();
        const ImportReport unknown = importer.importFile(odd);
        QCOMPARE(unknown.status, ImportReport::Status::Rejected);
        QCOMPARE(unknown.errorCode, QStringLiteral("unknown_layout"));
        QCOMPARE(recordCount(*db), 0);
    }

    void cancellationMidFileLeavesDatabaseUnchanged()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        Importer importer(*db);
        QCOMPARE(importer.importFile(portalFile("contracts_utf8_bom.csv")).status, ImportReport::Status::Imported);
        const std::int64_t before = recordCount(*db);

        // A file large enough for several progress reports; cancel at the second one.
        QByteArray big = readAll(portalFile("contracts_202401.csv"));
        const qsizetype headerEnd = big.indexOf("\r\n") + 2;
        const QByteArray row = big.mid(headerEnd, big.indexOf("\r\n", headerEnd) + 2 - headerEnd);
        QByteArray content = big.left(headerEnd);
        for (int i = 0; i < 30000; ++i)
            content += row;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        std::atomic_bool cancel = false;
        int reports = 0;
        qint64 lastDone = 0;
        ImportOptions options;
        options.cancel = &cancel;
        options.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done > lastDone && done <= total);
            QCOMPARE(total, qint64(content.size()));
            lastDone = done;
            if (++reports == 2)
                cancel = true;
        };
        const ImportReport report = importer.importFile(path, options);
        QCOMPARE(report.status, ImportReport::Status::Cancelled);
        QCOMPARE(reports, 2);
        QVERIFY(lastDone < qint64(content.size()));
        QCOMPARE(recordCount(*db), before);

        // Not cancelled, the same file goes in whole, and progress reaches the end.
        cancel = false;
        reports = -1000;
        lastDone = 0;
        const ImportReport full = importer.importFile(path, options);
        QCOMPARE(full.status, ImportReport::Status::Imported);
        QCOMPARE(full.rowsImported, 30000);
        QCOMPARE(lastDone, qint64(content.size()));
    }

    // The import switches per-row foreign-key checks off for speed: the rows it writes must still be
    // consistent, and the connection's setting must come back afterwards, whatever the outcome.
    void foreignKeysRestoredAndRowsConsistent()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        auto foreignKeys = [&] {
            store::Statement pragma = db->prepare("PRAGMA foreign_keys");
            return pragma.step() ? pragma.int64(0) : -1;
        };
        QCOMPARE(foreignKeys(), 1);
        Importer importer(*db);
        QCOMPARE(importer.importFile(portalFile("contracts_202401.csv")).status, ImportReport::Status::Imported);
        QCOMPARE(foreignKeys(), 1);
        QCOMPARE(importer.importFile(dir.filePath(QStringLiteral("missing.csv"))).status,
                 ImportReport::Status::Rejected);
        QCOMPARE(foreignKeys(), 1);
        store::Statement check = db->prepare("PRAGMA foreign_key_check");
        QVERIFY(!check.step());
        // No original without its record; a record without an original row only under a line format.
        store::Statement orphans = db->prepare(
            "SELECT (SELECT count(*) FROM contracts_original o LEFT JOIN contracts c ON c.id = o.id WHERE c.id IS NULL), "
            "(SELECT count(*) FROM contracts c JOIN imports i ON i.id = c.import_id LEFT JOIN contracts_original o "
            "ON c.id = o.id WHERE o.id IS NULL AND i.line_format IS NULL)");
        QVERIFY(orphans.step());
        QCOMPARE(orphans.int64(0), 0);
        QCOMPARE(orphans.int64(1), 0);
    }

    // Rows whose fields all render back from their columns keep no bytes of their own (schema 0008); the
    // others keep them. Either way readOriginalRow() gives back exactly the file's fields, every row of
    // every test file: a 4-decimal value, a CNPJ without punctuation, dates, a quoted `;`, doubled quotes,
    // an inner newline, Latin-1 and UTF-8, an older year's header with an unknown extra column.
    void everyOriginalRowComesBackExactly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Source>("source");
        QTest::newRow("latin1") << portalFile("contracts_202401.csv") << Source::Contracts;
        QTest::newRow("utf8 bom") << portalFile("contracts_utf8_bom.csv") << Source::Contracts;
        QTest::newRow("older header") << portalFile("contracts_2019_old_header.csv") << Source::Contracts;
        QTest::newRow("participants, SIM/NÃO") << portalFile("biddings_202401_ParticipantesLicitacao.csv")
                                               << Source::Biddings;
        QTest::newRow("expenses") << portalFile("expenses_20240115_Despesas_Pagamento.csv") << Source::Expenses;
        QTest::newRow("agreements") << portalFile("agreements_convenios.csv") << Source::Agreements;
        QTest::newRow("sanctions") << portalFile("sanctions_20240101_CNEP.csv") << Source::Sanctions;
    }
    void everyOriginalRowComesBackExactly()
    {
        QFETCH(QString, file);
        QFETCH(Source, source);
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        ImportOptions options;
        options.source = source;
        const ImportReport report = Importer(*db).importFile(file, options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.parts.size(), std::size_t(1));
        const Source stored = report.parts.front().source; // participants when biddings was asked for

        const QByteArray bytes = readAll(file);
        MemorySource memory(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        CsvReader reader(memory);
        QVERIFY(reader.next());
        std::map<qint64, std::vector<QString>> fileRows;
        while (reader.next()) {
            std::vector<QString> values;
            for (const std::string_view field : reader.fields())
                values.push_back(reader.decode(field));
            fileRows[reader.line()] = values;
        }
        store::Statement rows = db->prepare("SELECT id, source_line FROM " + std::string(sourceSpec(stored).table)
                                            + " ORDER BY id");
        qint64 checked = 0;
        while (rows.step()) {
            const auto original = readOriginalRow(*db, stored, rows.int64(0));
            QVERIFY(original.has_value());
            const std::vector<QString>& expected = fileRows.at(rows.int64(1));
            QCOMPARE(original->size(), expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i)
                QCOMPARE(original->at(i).value, expected[i]);
            ++checked;
        }
        QCOMPARE(checked, report.rowsImported);
    }

    // The render-back rules at both sides: what renders back keeps no bytes, what would not keeps them.
    void writtenBackOnlyWhenExact()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const QByteArray header = readAll(portalFile("contracts_202401.csv")).split('\r').first();
        auto row = [](const char* number, const char* value, const char* date, const char* doc, const char* name) -> QByteArray {
            return QByteArray("\"") + number + "\";\"Objeto\";\"Lei\";\"Preg\xE3o\";\"Vigente\";\"26000\";\"MEC\";\"26101\";"
                   "\"UFX\";\"150001\";\"UG\";\"" + date + "\";\"\";\"\";\"\";\"" + doc + "\";\"" + name + "\";\"" + value
                   + "\";\"" + value + "\";\"\";\"\";\"\";\"\";\"\"\r\n";
        };
        const QByteArray content = QByteArray(header + "\r\n")
            + row("1", "10,5000", "02/01/2024", "03560714000142", "ACME") // decides 4 decimals
            + row("2", "7,2500", "02/01/2024", "03560714000142", "ACME")  // written back
            + row("3", "7,25", "02/01/2024", "03560714000142", "ACME")    // other decimals: kept
            + row("4", "1.007,2500", "02/01/2024", "03560714000142", "ACME") // thousands dot: kept
            + row("5", "7,2500", "2/1/2024", "03560714000142", "ACME")    // short date: kept
            + row("6", "7,2500", "02/01/2024", "03.560.714/0001-42", "ACME") // punctuated CNPJ: kept
            + row("7", "7,2500", "02/01/2024", "03560714000142", " ACME ") // blanks around: kept
            + row("8", "-0,0000", "02/01/2024", "03560714000142", "ACME"); // signed zero: kept
        const QString path = dir.filePath(QStringLiteral("rules.csv"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
        out.close();
        ImportOptions options;
        options.source = Source::Contracts;
        const ImportReport report = Importer(*db).importFile(path, options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.rowsImported, 8);
        store::Statement kept = db->prepare(
            "SELECT group_concat(number) FROM (SELECT c.number FROM contracts c JOIN contracts_original o ON o.id = c.id "
            "ORDER BY c.id)");
        QVERIFY(kept.step());
        QCOMPARE(kept.text(0), QStringLiteral("3,4,5,6,7,8"));
        QCOMPARE(originalValue(*db, "2", QStringLiteral("Valor Inicial Compra")), QStringLiteral("7,2500"));
        QCOMPARE(originalValue(*db, "2", QStringLiteral("Data Assinatura Contrato")), QStringLiteral("02/01/2024"));
        QCOMPARE(originalValue(*db, "2", QStringLiteral("Modalidade Compra")), QStringLiteral("Pregão"));
        QCOMPARE(originalValue(*db, "2", QStringLiteral("Data Publicação DOU")), QString());
        QCOMPARE(originalValue(*db, "8", QStringLiteral("Valor Inicial Compra")), QStringLiteral("-0,0000"));
    }

    void portalZipPicksTheContractsMember()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const QByteArray contracts = readAll(portalFile("contracts_202401.csv"));
        const QString zipPath = dir.filePath(QStringLiteral("202401_Compras.zip"));
        QVERIFY(writeZip(zipPath, {
            {"202401_ItemCompra.csv", "\"a\";\"b\"\r\n\"1\";\"2\"\r\n", true},
            {"202401_Compras.csv", contracts, true},
            {"202401_TermoAditivo.csv", "\"x\"\r\n", false},
            {"202401_Apostilamento.csv", "\"y\"\r\n", true},
        }));
        Importer importer(*db);
        ImportOptions options;
        options.source = Source::Contracts;
        const ImportReport report = importer.importFile(zipPath, options);
        QCOMPARE(report.status, ImportReport::Status::Imported);
        QCOMPARE(report.parts.size(), std::size_t(1));
        QCOMPARE(report.parts[0].member, QStringLiteral("202401_Compras.csv"));
        QCOMPARE(report.rowsImported, 3);
        QCOMPARE(report.firstErrors.at(0).line, 5);
        QCOMPARE(report.firstErrors.at(0).member, QStringLiteral("202401_Compras.csv"));
        QCOMPARE(textValue(*db, "SELECT member FROM imports"), QStringLiteral("202401_Compras.csv"));
        QCOMPARE(textValue(*db, "SELECT object FROM contracts WHERE number = '000012024'"),
                 QStringLiteral("Aquisição de \"papel A4\"; resmas de 500 folhas"));

        // A ZIP without the wanted member is rejected whole.
        const QString other = dir.filePath(QStringLiteral("other.zip"));
        QVERIFY(writeZip(other, {{"202401_ItemCompra.csv", "\"a\"\r\n", true}}));
        const ImportReport none = importer.importFile(other, options);
        QCOMPARE(none.status, ImportReport::Status::Rejected);
        QVERIFY(none.error.contains(QLatin1String("202401_ItemCompra.csv")));
        QCOMPARE(none.errorCode, QStringLiteral("no_matching_member"));
        QCOMPARE(scalar(*db, "SELECT count(*) FROM contracts"), 3);
    }

    void corruptZipRejectedWithoutChanges()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir);
        const QString zipPath = dir.filePath(QStringLiteral("202401_Compras.zip"));
        QVERIFY(writeZip(zipPath, {{"202401_Compras.csv", readAll(portalFile("contracts_202401.csv")), false}}));
        // Flip one byte of the stored member: its CRC no longer matches.
        QFile file(zipPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        const qsizetype at = bytes.indexOf("PAPELARIA");
        QVERIFY(at > 0);
        bytes[at] = 'X';
        file.seek(0);
        file.write(bytes);
        file.close();
        Importer importer(*db);
        const ImportReport report = importer.importFile(zipPath);
        QCOMPARE(report.status, ImportReport::Status::Rejected);
        QVERIFY2(report.error.contains(QLatin1String("CRC")), qPrintable(report.error));
        QCOMPARE(recordCount(*db), 0);
    }
};

QTEST_GUILESS_MAIN(TestImporterContracts)
#include "tst_importer_contracts.moc"
