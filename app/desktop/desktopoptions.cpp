// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace cidadao::desktop {

std::optional<DesktopOptions> DesktopOptions::parse(const QStringList& arguments, int& exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("DesktopOptions", "Cidadão.AI: investigate Brazilian public spending."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption local(QStringLiteral("local"),
                                   QCoreApplication::translate("DesktopOptions", "Use the local embedded server."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QCoreApplication::translate("DesktopOptions", "Connect to the remote server at URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("DesktopOptions", "Keep local data in DIR."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("DesktopOptions", "Interface language: pt_BR, en or fr."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption serverPath(QStringLiteral("server-binary"),
                                        QCoreApplication::translate("DesktopOptions", "Path of cidadao-server."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption noSample(QStringLiteral("no-sample-data"),
                                      QCoreApplication::translate("DesktopOptions",
                                                                  "Do not import the sample data set on first run."));
    const QCommandLineOption quitWhenReady(
        QStringLiteral("quit-when-ready"),
        QCoreApplication::translate("DesktopOptions", "Print the start-up time once ready, then quit."));
    parser.addOptions({local, server, dataDir, lang, serverPath, noSample, quitWhenReady});

    exitCode = 0;
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n\n%s", qPrintable(parser.errorText()), qPrintable(parser.helpText()));
        exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return std::nullopt;
    }

    DesktopOptions options;
    if (parser.isSet(local) && parser.isSet(server)) {
        std::fputs("--local and --server exclude each other\n", stderr);
        exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(local))
        options.mode = Mode::Local;
    if (parser.isSet(server)) {
        options.mode = Mode::Remote;
        options.serverUrl = QUrl::fromUserInput(parser.value(server));
        if (!options.serverUrl.isValid() || !options.serverUrl.scheme().startsWith(QLatin1String("http"))) {
            std::fprintf(stderr, "--server: not an http(s) URL: %s\n", qPrintable(parser.value(server)));
            exitCode = 2;
            return std::nullopt;
        }
    }
    options.dataDir = parser.value(dataDir);
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (!supportedLanguages().contains(options.language)) {
            std::fprintf(stderr, "--lang: one of %s\n", qPrintable(supportedLanguages().join(QLatin1String(", "))));
            exitCode = 2;
            return std::nullopt;
        }
    }
    options.serverPath = parser.value(serverPath);
    options.loadSampleData = !parser.isSet(noSample);
    options.quitWhenReady = parser.isSet(quitWhenReady);
    return options;
}

} // namespace cidadao::desktop
