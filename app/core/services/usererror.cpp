// SPDX-License-Identifier: GPL-3.0-or-later
#include "usererror.h"

#include "core/apijob.h"

namespace cidadao::client {

UserError UserError::fromApiError(const protocol::ApiError& error, bool localBackend)
{
    UserError out;
    out.httpStatus = error.statusCode;
    out.code = error.code;
    const QString code = error.code;
    if (code == QLatin1String(ClientErrorCode::Cancelled)) {
        out.message = tr("The operation was cancelled.");
        return out;
    }
    if (error.statusCode == 0 || code == QLatin1String(ClientErrorCode::NetworkError)) {
        if (localBackend) {
            out.message = tr("The local server is not answering.");
            out.nextStep = NextStep::RestartServer;
        } else {
            out.message = tr("The server cannot be reached. Check the connection.");
            out.nextStep = NextStep::Retry;
        }
        return out;
    }
    switch (error.statusCode) {
    case 401:
        out.message = tr("Your session has expired.");
        out.nextStep = NextStep::LogInAgain;
        return out;
    case 403:
        out.message = tr("Your account is not allowed to do this.");
        return out;
    case 404:
        out.message = tr("This item no longer exists on the server.");
        out.nextStep = NextStep::Retry;
        return out;
    case 409:
        out.message = tr("This cannot be done in the item's current state.");
        out.nextStep = NextStep::Retry;
        return out;
    case 413:
        out.message = tr("The request is too large.");
        out.nextStep = NextStep::EditInput;
        return out;
    case 422: {
        // The field name is ours (a protocol key), safe and useful to show; the server's sentence
        // is English-only, so it is not shown.
        const auto field = error.details.find("field");
        const QString name = field != error.details.end() && field->is_string() ? field->get<QString>() : QString();
        out.message = name.isEmpty() ? tr("Some of the information entered is not valid.")
                                     : tr("The field \"%1\" is not valid.").arg(name);
        out.nextStep = NextStep::EditInput;
        return out;
    }
    case 429:
        out.message = tr("Too many requests. Wait a moment and try again.");
        out.nextStep = NextStep::Retry;
        return out;
    default:
        break;
    }
    if (code == QLatin1String(protocol::ErrorCode::AgentExecutionError)) {
        out.message = tr("The agent could not finish this answer. Try again or rephrase the question.");
        out.nextStep = NextStep::Retry;
        return out;
    }
    if (code == QLatin1String(ClientErrorCode::BadResponse)) {
        out.message = tr("The server sent an answer this version cannot read.");
        out.nextStep = NextStep::Retry;
        return out;
    }
    if (localBackend) {
        out.message = tr("The local server had a problem with this request.");
        out.nextStep = NextStep::RestartServer;
    } else {
        out.message = tr("The server had a problem with this request.");
        out.nextStep = NextStep::Retry;
    }
    return out;
}

QString UserError::nextStepLabel(NextStep step)
{
    switch (step) {
    case NextStep::Retry:
        return tr("Try again");
    case NextStep::LogInAgain:
        return tr("Log in again");
    case NextStep::RestartServer:
        return tr("Restart the local server");
    case NextStep::EditInput:
    case NextStep::None:
        break;
    }
    return {};
}

} // namespace cidadao::client
