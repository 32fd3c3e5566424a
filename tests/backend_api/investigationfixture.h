// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the investigations and data API tests: generated Portal data (the real generator and
// importer subcommands of cidadao-server), accounts, and an SSE reader over a real HTTP stream.
#pragma once

#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QList>
#include <QString>

namespace cidadao::testing {

// `cidadao-server generate`: the summary JSON ({files: [{source, path, rows}], ...}); null on failure.
protocol::Json generateDataset(int seed, int records, const QString& outDir);
// The path of one generated source ("" when absent).
QString generatedFile(const protocol::Json& summary, const QString& source);
// `cidadao-server import --data-dir dir FILE...` for the given sources; false on failure.
bool importWithCli(const QString& dataDir, const protocol::Json& summary, const QStringList& sources);
// Registers (if needed) and logs in; the access token, or "" on failure.
QString registerAndLogin(HttpClient& http, const ServerProcess& server, const QString& email);
Headers bearer(const QString& token);

// Reads `data: {...}` events of a text/event-stream answer until `stopType` arrives, the stream
// ends or timeoutMs passes. Returns every event's JSON in order; *status gets the HTTP status.
QList<protocol::Json> readEventStream(const QUrl& url, const QString& token, const QString& stopType, int timeoutMs,
                                      int* status = nullptr);

} // namespace cidadao::testing
