// SPDX-License-Identifier: GPL-3.0-or-later
#include "bannererror.h"

#include "ui/messagebanner.h"

#include "core/services/usererror.h"

namespace cidadao::ui {

void showApiError(MessageBanner* banner, const protocol::ApiError& error, bool localBackend, const BannerSteps& steps)
{
    using Step = client::UserError::NextStep;
    const client::UserError userError = client::UserError::fromApiError(error, localBackend);
    const QString label = client::UserError::nextStepLabel(userError.nextStep);
    QList<MessageBanner::Action> actions;
    switch (userError.nextStep) {
    case Step::Retry:
        if (steps.retry)
            actions.append({label, steps.retry});
        break;
    case Step::LogInAgain:
        if (steps.signIn)
            actions.append({label, steps.signIn});
        break;
    case Step::RestartServer:
        if (steps.restartServer)
            actions.append({label, steps.restartServer});
        // The server may be back already (restarted elsewhere): trying again is the other fix.
        if (steps.retry)
            actions.append({client::UserError::nextStepLabel(Step::Retry), steps.retry});
        break;
    case Step::EditInput:
    case Step::None:
        break;
    }
    // The technical detail goes to the tooltip only, for a support request.
    banner->showMessage(MessageBanner::Kind::Error, userError.message, actions,
                        QStringLiteral("%1 %2: %3").arg(error.statusCode).arg(error.code, error.message));
}

} // namespace cidadao::ui
