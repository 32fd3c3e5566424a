// SPDX-License-Identifier: GPL-3.0-or-later
// The command line of `cidadao-server` (serving mode). Subcommands (import, generate, evaluate)
// have their own parsers in the libraries that implement them.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::server {

struct ServerOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8000;
    QString dataDir;
    bool dev = false;
    bool allowAnonymous = false;
    bool embedded = false;
};

struct ParsedOptions
{
    std::optional<ServerOptions> options; // empty: exit with exitCode (help, version, error)
    int exitCode = 0;
    QString message; // what to print: help/version text on stdout, error on stderr
};

ParsedOptions parseServerOptions(const QStringList& arguments);
QString defaultDataDir();

} // namespace cidadao::server
