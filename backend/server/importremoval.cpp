// SPDX-License-Identifier: GPL-3.0-or-later
#include "importremoval.h"

#include "protocol/apierror.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <vector>

namespace cidadao::server {

namespace {

struct ForeignKey
{
    std::string table; // the referencing table
    std::string from;  // its column
    std::string to;    // the referenced column
};

// The tables holding a foreign key into `parent` (SQLite's own catalogue, so nothing to keep in sync).
std::vector<ForeignKey> childrenOf(store::Database& db, const std::string& parent)
{
    store::Statement s = db.prepare(
        "SELECT m.name, f.\"from\", coalesce(f.\"to\", 'id') FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
        "WHERE m.type = 'table' AND f.\"table\" = ? ORDER BY m.name");
    s.bind(1, QString::fromStdString(parent));
    std::vector<ForeignKey> children;
    while (s.step())
        children.push_back({s.text(0).toStdString(), s.text(1).toStdString(), s.text(2).toStdString()});
    return children;
}

// Identifiers come from sqlite_schema, not from a request; quoted all the same.
std::string quoted(const std::string& name)
{
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

} // namespace

protocol::Json RemovedImport::toJson() const
{
    return protocol::Json{{"import_id", importId},
                          {"source", source.toStdString()},
                          {"file_name", fileName.toStdString()},
                          {"records_removed", recordsRemoved}};
}

std::optional<RemovedImport> removeImport(store::Database& db, qint64 importId)
{
    store::Transaction transaction(db);
    RemovedImport removed;
    {
        store::Statement row = db.prepare("SELECT source, file_name, status FROM imports WHERE id = ?");
        row.bind(1, std::int64_t(importId));
        if (!row.step())
            return std::nullopt;
        if (row.text(2) == QLatin1String("running"))
            throw protocol::ApiException(protocol::conflict(QStringLiteral("import %1 is still running").arg(importId)));
        removed.importId = importId;
        removed.source = row.text(0);
        removed.fileName = row.text(1);
    }
    // Children of the record tables first (the original lines), then the records, then the import.
    for (const ForeignKey& records : childrenOf(db, "imports")) {
        for (const ForeignKey& side : childrenOf(db, records.table)) {
            store::Statement s = db.prepare("DELETE FROM " + quoted(side.table) + " WHERE " + quoted(side.from)
                                            + " IN (SELECT " + quoted(side.to) + " FROM " + quoted(records.table)
                                            + " WHERE " + quoted(records.from) + " = ?)");
            s.bind(1, std::int64_t(importId));
            s.step();
        }
        store::Statement s =
            db.prepare("DELETE FROM " + quoted(records.table) + " WHERE " + quoted(records.from) + " = ?");
        s.bind(1, std::int64_t(importId));
        s.step();
        removed.recordsRemoved += db.changes();
    }
    store::Statement s = db.prepare("DELETE FROM imports WHERE id = ?");
    s.bind(1, std::int64_t(importId));
    s.step();
    transaction.commit();
    return removed;
}

} // namespace cidadao::server
