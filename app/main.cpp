// SPDX-License-Identifier: GPL-3.0-or-later
// cidadao-desktop: parse the command line, build the application (desktop/desktopapp.h), run.
#include "desktop/desktopapp.h"
#include "desktop/desktopoptions.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the byte wakes the event loop, which then quits normally.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

// SIGTERM/SIGINT end the event loop like closing the window does, so that destructors run and the
// local server is stopped; should the app die without that, the kernel's parent-death signal
// stops the server (BackendHost).
void quitOnTerminationSignals(QObject* context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [] {
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
}

} // namespace

int main(int argc, char* argv[])
{
    const qint64 launchedAtMs = QDateTime::currentMSecsSinceEpoch();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Cidadao.AI"));
    QApplication::setApplicationName(QStringLiteral("cidadao-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cidadão.AI"));
    QApplication::setApplicationVersion(QStringLiteral(CIDADAO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cidadao-desktop"));

    int exitCode = 0;
    auto options = cidadao::desktop::DesktopOptions::parse(QApplication::arguments(), exitCode);
    if (!options)
        return exitCode;
    options->launchedAtMs = launchedAtMs;

    cidadao::desktop::DesktopApp desktop(*options);
    if (options->quitWhenReady) {
        QObject::connect(&desktop, &cidadao::desktop::DesktopApp::ready, &app, [&desktop] {
            std::printf("{\"event\":\"ready\",\"ready_after_ms\":%lld}\n", desktop.readyAfterMs());
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    quitOnTerminationSignals(&app);
    desktop.start();
    return QApplication::exec();
}
