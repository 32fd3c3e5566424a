// SPDX-License-Identifier: GPL-3.0-or-later
// `cidadao-server import`: imports Portal files into a data directory's database from the command
// line, for scripted loads on a headless server and for the setup script's sample data.
#pragma once

#include <QStringList>

class QIODevice;

namespace cidadao::data {

// args: the command's arguments, with or without the leading program name and "import":
//   import [--source contracts|biddings|participants|agreements|expenses|servants|sanctions|auto]
//          [--servant-registry CADASTRO] --data-dir DIR FILE...
// Opens DIR/cidadao.db (created and migrated as needed), imports each file in its own transaction and
// prints ONE JSON object on stdout: {"ok", "database", "files": [report...]} (or {"ok": false, "error"}).
// Returns 0 when every file was imported, 1 when a file was rejected whole, 2 on a usage error.
int runImportCommand(const QStringList& args);
// The same, writing the JSON to out instead of stdout (tests).
int runImportCommand(const QStringList& args, QIODevice& out);

} // namespace cidadao::data
