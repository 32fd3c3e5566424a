// SPDX-License-Identifier: GPL-3.0-or-later
#include "bannererror.h"

#include "ui/errortext.h"
#include "ui/messagebanner.h"

#include "core/apijob.h"

#include <QCoreApplication>

namespace cidadao::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("BannerError", text);
}

} // namespace

void showApiError(MessageBanner* banner, const protocol::ApiError& error, bool localBackend, const BannerSteps& steps)
{
    const bool unreachable = error.code == QLatin1String(client::ClientErrorCode::NetworkError);
    QList<MessageBanner::Action> actions;
    QString text = userMessage(error);
    if (unreachable && localBackend) {
        text = tr("The local server is not answering.");
        if (steps.restartServer)
            actions.append({tr("Restart the local server"), steps.restartServer});
        if (steps.retry)
            actions.append({tr("Retry"), steps.retry});
    } else {
        switch (nextStep(error)) {
        case NextStep::Retry:
            if (steps.retry)
                actions.append({tr("Retry"), steps.retry});
            break;
        case NextStep::SignInAgain:
            if (steps.signIn)
                actions.append({tr("Sign in again"), steps.signIn});
            break;
        case NextStep::RestartServer:
            if (steps.restartServer)
                actions.append({tr("Restart the local server"), steps.restartServer});
            break;
        case NextStep::FixInput:
        case NextStep::None:
            break;
        }
    }
    // The technical detail goes to the tooltip only, for a support request.
    banner->showMessage(MessageBanner::Kind::Error, text, actions,
                        QStringLiteral("%1 %2: %3").arg(error.statusCode).arg(error.code, error.message));
}

} // namespace cidadao::ui
