// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's command line (QCommandLineParser) and the settings it overrides.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QCoreApplication;

namespace cidadao::desktop {

struct DesktopOptions
{
    enum class Mode { Saved, Local, Remote }; // Saved: the profile chosen last time (Local on first start)

    Mode mode = Mode::Saved;
    QUrl serverUrl;        // Remote
    QString dataDir;       // local backend data + the client cache; empty: XDG data location
    QString language;      // pt_BR | en | fr; empty: saved choice or the system's
    QString serverPath;    // empty: cidadao-server next to the executable
    QString settingsFile;  // empty: the platform's QSettings location (tests use a temporary file)
    bool memorySecrets = false; // tests: never touch the OS keychain
    bool loadSampleData = true; // first run of a local data directory imports the sample data set
    bool quitWhenReady = false; // --quit-when-ready: measure start-up, then exit (CI / benchmarks)
    qint64 launchedAtMs = 0;    // epoch ms at the top of main(), for the start-up measurement

    // Parses the application's arguments; on --help/--version/errors prints and returns nullopt
    // with `exitCode` set.
    static std::optional<DesktopOptions> parse(const QStringList& arguments, int& exitCode);
    static QStringList supportedLanguages() { return {QStringLiteral("pt_BR"), QStringLiteral("en"), QStringLiteral("fr")}; }
};

} // namespace cidadao::desktop
