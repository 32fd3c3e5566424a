// SPDX-License-Identifier: GPL-3.0-or-later
// Removing one import (a row of `imports`) together with every record it brought in and the records'
// original lines, in one transaction: what replacing a data set (the desktop's "reload the sample
// data") needs so that records are not counted twice.
#pragma once

#include "protocol/jsonqt.h"

#include <QString>

#include <optional>

namespace cidadao::store {
class Database;
}

namespace cidadao::server {

struct RemovedImport
{
    qint64 importId = 0;
    QString source;
    QString fileName;
    qint64 recordsRemoved = 0;

    protocol::Json toJson() const; // {import_id, source, file_name, records_removed}
};

// nullopt: no such import. Throws protocol::ApiException(409) while the import is still running.
// The record tables are found from the schema (every table whose foreign key names `imports`, and the
// tables whose key names those), so a record table added later is covered, and the deletion does not
// depend on ON DELETE CASCADE or on the connection's foreign_keys setting.
std::optional<RemovedImport> removeImport(store::Database& db, qint64 importId);

} // namespace cidadao::server
