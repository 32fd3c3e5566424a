// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

namespace cidadao::server {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/cidadao-server");
}

ParsedOptions parseServerOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Cidadão.AI server: the API for investigating Brazilian public spending.\n"
        "Subcommands: import, generate, evaluate (run `cidadao-server <subcommand> --help`)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one (default 8000)."),
                                  QStringLiteral("port"), QStringLiteral("8000"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Directory of the database and keys."),
                                     QStringLiteral("dir"), defaultDataDir());
    const QCommandLineOption dev(QStringLiteral("dev"),
                                 QStringLiteral("Developer mode: error types in 500 answers, diagnostic routes."));
    const QCommandLineOption anonymous(QStringLiteral("allow-anonymous"),
                                       QStringLiteral("Serve chat and public investigations without a token."));
    const QCommandLineOption embedded(QStringLiteral("embedded"),
                                      QStringLiteral("Run as the desktop app's local backend."));
    parser.addOptions({help, version, host, port, dataDir, dev, anonymous, embedded});

    ParsedOptions result;
    if (!parser.parse(arguments)) {
        result.exitCode = 2;
        result.message = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.message = QStringLiteral("cidadao-server " CIDADAO_VERSION);
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.exitCode = 2;
        result.message = QStringLiteral("unknown argument: %1").arg(parser.positionalArguments().constFirst());
        return result;
    }
    ServerOptions options;
    if (!options.host.setAddress(parser.value(host))) {
        result.exitCode = 2;
        result.message = QStringLiteral("--host: not an IP address: %1").arg(parser.value(host));
        return result;
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        result.exitCode = 2;
        result.message = QStringLiteral("--port: must be 0..65535, got %1").arg(parser.value(port));
        return result;
    }
    options.port = quint16(portNumber);
    options.dataDir = parser.value(dataDir);
    options.dev = parser.isSet(dev);
    options.allowAnonymous = parser.isSet(anonymous);
    options.embedded = parser.isSet(embedded);
    result.options = options;
    return result;
}

} // namespace cidadao::server
