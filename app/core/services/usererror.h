// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that turns a failed call (an ApiError from the server's envelope, or a client-side
// network failure) into what a user reads: a sentence in their language and the next step that
// can fix it. Views show it in an inline banner; raw exception text never reaches the screen.
#pragma once

#include "protocol/apierror.h"

#include <QCoreApplication>
#include <QString>

namespace cidadao::client {

struct UserError
{
    Q_DECLARE_TR_FUNCTIONS(UserError)

public:
    enum class NextStep { None, Retry, LogInAgain, RestartServer, EditInput };

    QString message;
    NextStep nextStep = NextStep::None;
    int httpStatus = 0;
    QString code; // the API's stable code, for logs and tests

    // localBackend: the server is our own child process, so "unreachable" means it stopped and a
    // restart is the fix; for a remote server retrying later is.
    static UserError fromApiError(const protocol::ApiError& error, bool localBackend);
    static QString nextStepLabel(NextStep step);
};

} // namespace cidadao::client
