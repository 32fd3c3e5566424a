// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinworkflows.h"

#include "data/importer.h"
#include "data/sources.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <memory>

namespace cidadao::workflows {

using protocol::Json;

namespace {

struct ImportRun
{
    QString path;
    bool temporary = false; // an inline upload written by parse, removed by index
    std::optional<data::Source> source;
    data::ImportReport report;

    ~ImportRun()
    {
        if (temporary)
            QFile::remove(path);
    }
};

// A file name inside the inbox, never a path out of it.
bool isPlainName(const QString& name)
{
    return !name.isEmpty() && name.size() <= 255 && !name.contains(QLatin1Char('/'))
           && !name.contains(QLatin1Char('\\')) && name != QLatin1String("..") && name != QLatin1String(".")
           && !name.startsWith(QLatin1Char('.'));
}

QStringList headerFields(const QByteArray& firstLine)
{
    QByteArray line = firstLine;
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    while (line.endsWith('\r') || line.endsWith('\n'))
        line.chop(1);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(line);
    if (utf8.hasError())
        text = QString::fromLatin1(line); // the Portal's files are ISO-8859-1
    QStringList fields = text.split(QLatin1Char(';'));
    for (QString& field : fields) {
        field = field.trimmed();
        if (field.size() >= 2 && field.startsWith(QLatin1Char('"')) && field.endsWith(QLatin1Char('"')))
            field = field.mid(1, field.size() - 2);
    }
    return fields;
}

} // namespace

WorkflowDefinition importWorkflow(const BuiltinContext& context)
{
    auto run = std::make_shared<ImportRun>();
    WorkflowDefinition definition;
    definition.id = QStringLiteral("import");
    definition.name = QStringLiteral("Import");
    definition.description = QStringLiteral("Parse a Portal da Transparência file, validate its layout, store it, index it");
    const QString inbox = context.inboxDir;
    const QString databasePath = context.databasePath;
    const Notifier notify = context.notify;

    definition.nodes.append(makeNode(context, "parse", QStringLiteral("Parse the file"), {}, [run, inbox](const NodeContext& node) {
        const Json& input = node.input;
        if (input.contains("csv") && input["csv"].is_string()) {
            QDir().mkpath(inbox);
            run->path = QDir(inbox).filePath(QStringLiteral(".upload-%1.csv").arg(node.executionId));
            run->temporary = true;
            QFile file(run->path);
            const std::string& bytes = input["csv"].get_ref<const std::string&>();
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
                throw NodeFailure(QStringLiteral("cannot store the uploaded file"));
        } else if (input.contains("file") && input["file"].is_string()) {
            const QString name = input["file"].get<QString>();
            if (!isPlainName(name))
                throw NodeFailure(QStringLiteral("input.file must be a file name in the import inbox"), false);
            run->path = QDir(inbox).filePath(name);
            // Files are often still being copied into the inbox: a missing one is worth a retry.
            if (!QFileInfo::exists(run->path))
                throw NodeFailure(QStringLiteral("%1 is not in the import inbox").arg(name));
        } else {
            throw NodeFailure(QStringLiteral("input needs `csv` (the file's text) or `file` (a name in the import inbox)"),
                              false);
        }
        QFile file(run->path);
        if (!file.open(QIODevice::ReadOnly))
            throw NodeFailure(QStringLiteral("cannot read %1").arg(QFileInfo(run->path).fileName()));
        const QByteArray first = file.readLine(1 << 16);
        if (first.trimmed().isEmpty())
            throw NodeFailure(QStringLiteral("the file is empty"), false);
        const bool zip = first.startsWith("PK\x03\x04");
        return Json{{"file", QFileInfo(run->path).fileName()},
                    {"bytes", file.size()},
                    {"format", zip ? "zip" : "csv"},
                    {"columns", zip ? 0 : headerFields(first).size()}};
    }));
    definition.nodes.append(makeNode(context, "validate", QStringLiteral("Validate the layout"), {QStringLiteral("parse")},
                                     [run](const NodeContext& node) {
                                         if (node.input.contains("source")) {
                                             const QString name = node.input["source"].is_string()
                                                                      ? node.input["source"].get<QString>()
                                                                      : QString();
                                             run->source = data::sourceFromName(name);
                                             if (!run->source)
                                                 throw NodeFailure(QStringLiteral("unknown source %1").arg(name), false);
                                         }
                                         if (node.from(QStringLiteral("parse"))["format"] == "zip")
                                             return Json{{"source", run->source ? data::sourceName(*run->source)
                                                                                : QStringLiteral("detected per member")}};
                                         QFile file(run->path);
                                         if (!file.open(QIODevice::ReadOnly))
                                             throw NodeFailure(QStringLiteral("the file disappeared"));
                                         const QStringList headers = headerFields(file.readLine(1 << 16));
                                         const auto detected = data::detectSource(headers);
                                         if (!detected && !run->source)
                                             throw NodeFailure(QStringLiteral("not a Portal da Transparência layout "
                                                                              "(header: %1)")
                                                                   .arg(headers.mid(0, 4).join(QLatin1Char(';'))),
                                                               false);
                                         if (detected && run->source && *detected != *run->source)
                                             throw NodeFailure(QStringLiteral("the file holds %1, not %2")
                                                                   .arg(data::sourceName(*detected),
                                                                        data::sourceName(*run->source)),
                                                               false);
                                         if (!run->source)
                                             run->source = detected;
                                         return Json{{"source", data::sourceName(*run->source)}, {"columns", headers.size()}};
                                     }));
    definition.nodes.append(makeNode(context, "store", QStringLiteral("Store the records"), {QStringLiteral("validate")},
                                     [run, databasePath](const NodeContext& node) {
                                         auto db = store::Database::open(databasePath);
                                         data::ImportOptions options;
                                         options.source = run->source;
                                         options.cancel = node.cancel;
                                         run->report = data::Importer(*db).importFile(run->path, options);
                                         if (run->report.status == data::ImportReport::Status::Rejected)
                                             throw NodeFailure(run->report.error, false);
                                         if (run->report.status == data::ImportReport::Status::Cancelled)
                                             throw NodeFailure(QStringLiteral("cancelled"));
                                         Json out = run->report.toJson();
                                         if (out.contains("first_errors") && out["first_errors"].size() > 5)
                                             out["first_errors"].erase(out["first_errors"].begin() + 5,
                                                                       out["first_errors"].end());
                                         out["file"] = QFileInfo(run->path).fileName();
                                         return out;
                                     }));
    definition.nodes.append(makeNode(
        context, "index", QStringLiteral("Index for queries"), {QStringLiteral("store")},
        [run, databasePath, notify](const NodeContext& node) {
            // Fresh statistics for the planner after a bulk insert; cheap when little changed.
            auto db = store::Database::open(databasePath);
            db->exec("PRAGMA optimize");
            Json out{{"optimized", true}, {"rows_imported", run->report.rowsImported}};
            Json tables = Json::object();
            for (const data::ImportPart& part : run->report.parts) {
                const std::string_view table = data::sourceSpec(part.source).table;
                if (table.empty())
                    continue;
                store::Statement count = db->prepare(std::string("SELECT count(*) FROM ") + std::string(table));
                if (count.step())
                    tables[std::string(table)] = count.int64(0);
            }
            out["table_rows"] = tables;
            if (notify) {
                notify(node.userId, QLatin1String(protocol::NotificationKind::ImportDone),
                       QStringLiteral("Importação concluída: %1 registros importados, %2 rejeitados")
                           .arg(run->report.rowsImported)
                           .arg(run->report.rowsRejected),
                       Json{{"executionId", node.executionId},
                            {"rows_imported", run->report.rowsImported},
                            {"rows_rejected", run->report.rowsRejected}});
            }
            return out;
        }));
    return definition;
}

} // namespace cidadao::workflows
