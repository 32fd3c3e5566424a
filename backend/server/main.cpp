// SPDX-License-Identifier: GPL-3.0-or-later
// cidadao-server: serves the API, or runs one of the data subcommands and exits.
#include "admincommand.h"
#include "serverapp.h"
#include "serveroptions.h"
#include "signalwatcher.h"

#include "data/cli.h"
#include "data/evaluate.h"
#include "data/generator.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>

int main(int argc, char* argv[])
{
    // The database, its WAL and the signing key are the owner's alone.
    ::umask(077);
    // Serving needs QtGui for the PDF reports (QTextDocument, QPdfWriter), never a display: the
    // offscreen platform unless the environment chose one. Subcommands stay on QtCore.
    const bool subcommand = argc > 1 && (std::strcmp(argv[1], "import") == 0 || std::strcmp(argv[1], "generate") == 0
                                         || std::strcmp(argv[1], "evaluate") == 0);
    std::unique_ptr<QCoreApplication> application;
    if (subcommand) {
        application = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    }
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("cidadao-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIDADAO_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    // Subcommands work on data and exit; they never open a port.
    if (arguments.size() > 1) {
        const QString& command = arguments.at(1);
        if (command == QLatin1String("import"))
            return cidadao::data::runImportCommand(arguments.mid(2));
        if (command == QLatin1String("generate"))
            return cidadao::data::runGenerateCommand(arguments.mid(2));
        if (command == QLatin1String("evaluate"))
            return cidadao::data::runEvaluateCommand(arguments.mid(2));
    }
    const auto parsed = cidadao::server::parseServerOptions(arguments);
    if (!parsed.options) {
        std::fputs(qPrintable(parsed.message + QLatin1Char('\n')), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }

    if (!parsed.options->createAdminEmail.isEmpty())
        return cidadao::server::runCreateAdmin(*parsed.options);

    cidadao::server::SignalWatcher signalWatcher;
    cidadao::server::ServerApp server(*parsed.options);
    if (!server.start()) {
        std::fprintf(stderr, "cidadao-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&signalWatcher, &cidadao::server::SignalWatcher::terminationRequested, &app, [&](int) {
        server.shutdown();
        // One turn of the event loop lets closing frames and flushed bytes leave the sockets.
        QTimer::singleShot(50, &app, &QCoreApplication::quit);
    });

    const QByteArray ready = server.readyLine() + '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fflush(stdout);
    return app.exec();
}
