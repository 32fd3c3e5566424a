// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/cli.h"

#include "data/csvreader.h"
#include "data/importer.h"
#include "data/zipreader.h"
#include "protocol/jsonqt.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storeerror.h"

#include <QDir>
#include <QFile>

#include <cstdio>

namespace cidadao::data {

namespace {

void printJson(QIODevice& out, const nlohmann::json& json)
{
    QByteArray bytes = protocol::toBytes(json);
    bytes.append('\n');
    out.write(bytes);
}

int usageError(QIODevice& out, const QString& message)
{
    printJson(out, {{"ok", false}, {"error", message}});
    std::fprintf(stderr,
                 "usage: cidadao-server import [--source SOURCE|auto] [--servant-registry CADASTRO.csv] "
                 "--data-dir DIR FILE...\n"
                 "SOURCE: contracts, biddings, participants, agreements, expenses, servants, sanctions\n");
    return 2;
}

// The source a plain CSV's header says it holds (ZIPs are sorted out member by member).
std::optional<Source> headerSource(const QString& path)
{
    if (ZipArchive::looksLikeZip(path))
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    try {
        DeviceSource source(file);
        CsvReader reader(source);
        if (!reader.next())
            return std::nullopt;
        QStringList headers;
        for (const std::string_view field : reader.fields())
            headers.append(reader.decode(field).trimmed());
        return detectSource(headers);
    } catch (const CsvError&) {
        return std::nullopt;
    }
}

} // namespace

int runImportCommand(const QStringList& args)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return 2;
    return runImportCommand(args, out);
}

int runImportCommand(const QStringList& arguments, QIODevice& out)
{
    QStringList args = arguments;
    const qsizetype command = args.indexOf(QLatin1String("import"));
    if (command >= 0 && command <= 1)
        args = args.mid(command + 1);

    QString sourceText;
    QString dataDir;
    QString registryFile;
    QStringList files;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        auto value = [&](const QString& option, QString& target) {
            if (arg == option) {
                if (i + 1 >= args.size())
                    return false;
                target = args.at(++i);
                return true;
            }
            target = arg.mid(option.size() + 1);
            return true;
        };
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h"))
            return usageError(out, QStringLiteral("help requested"));
        if (arg == QLatin1String("--source") || arg.startsWith(QLatin1String("--source="))) {
            if (!value(QStringLiteral("--source"), sourceText))
                return usageError(out, QStringLiteral("--source needs a value"));
        } else if (arg == QLatin1String("--data-dir") || arg.startsWith(QLatin1String("--data-dir="))) {
            if (!value(QStringLiteral("--data-dir"), dataDir))
                return usageError(out, QStringLiteral("--data-dir needs a value"));
        } else if (arg == QLatin1String("--servant-registry") || arg.startsWith(QLatin1String("--servant-registry="))) {
            if (!value(QStringLiteral("--servant-registry"), registryFile))
                return usageError(out, QStringLiteral("--servant-registry needs a value"));
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usageError(out, QStringLiteral("unknown option ") + arg);
        } else {
            files.append(arg);
        }
    }
    if (dataDir.isEmpty())
        return usageError(out, QStringLiteral("--data-dir is required"));
    if (files.isEmpty())
        return usageError(out, QStringLiteral("no file to import"));
    ImportOptions options;
    if (!sourceText.isEmpty() && sourceText != QLatin1String("auto")) {
        options.source = sourceFromName(sourceText);
        if (!options.source || *options.source == Source::ServantRegistry)
            return usageError(out, QStringLiteral("unknown source ") + sourceText);
    }

    // servants: a cadastro given among the files is the join file of the others.
    if (registryFile.isEmpty() && (!options.source || *options.source == Source::Servants)) {
        for (qsizetype i = 0; i < files.size(); ++i) {
            if (headerSource(files.at(i)) == Source::ServantRegistry) {
                registryFile = files.takeAt(i);
                break;
            }
        }
    }
    options.servantRegistryFile = registryFile;

    if (!QDir().mkpath(dataDir))
        return usageError(out, QStringLiteral("cannot create the data directory ") + dataDir);
    const QString databasePath = QDir(dataDir).filePath(QStringLiteral("cidadao.db"));
    std::unique_ptr<store::Database> db;
    try {
        db = store::Database::open(databasePath);
        store::migrate(*db);
    } catch (const store::StoreError& e) {
        printJson(out, {{"ok", false}, {"database", databasePath}, {"error", QString::fromStdString(e.what())}});
        return 1;
    }

    Importer importer(*db);
    bool ok = true;
    nlohmann::json reports = nlohmann::json::array();
    for (const QString& file : files) {
        const ImportReport report = importer.importFile(file, options);
        ok = ok && report.status == ImportReport::Status::Imported;
        reports.push_back(report.toJson());
    }
    printJson(out, {{"ok", ok}, {"database", databasePath}, {"files", std::move(reports)}});
    return ok ? 0 : 1;
}

} // namespace cidadao::data
