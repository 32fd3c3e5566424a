// SPDX-License-Identifier: GPL-3.0-or-later
#include "errortext.h"

#include "core/apijob.h"

#include <QCoreApplication>

namespace cidadao::ui {
namespace {

// Gives lupdate and tr() one context, "ErrorText", for these free functions.
struct ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

} // namespace

QString userMessage(const protocol::ApiError& error)
{
    const QString& code = error.code;
    if (code == QLatin1String(client::ClientErrorCode::NetworkError))
        return ErrorText::tr("The server cannot be reached. Check the connection and try again.");
    if (code == QLatin1String(client::ClientErrorCode::BadResponse))
        return ErrorText::tr("The server sent an answer this version of the app does not understand.");
    if (code == QLatin1String(client::ClientErrorCode::Cancelled))
        return ErrorText::tr("The request was cancelled.");
    if (code == QLatin1String(protocol::ErrorCode::Unauthorized) || error.statusCode == 401)
        return ErrorText::tr("Your session has ended. Please sign in again.");
    if (code == QLatin1String(protocol::ErrorCode::Forbidden))
        return ErrorText::tr("Your account is not allowed to do this.");
    if (code == QLatin1String(protocol::ErrorCode::NotFound))
        return ErrorText::tr("This item no longer exists on the server.");
    if (code == QLatin1String(protocol::ErrorCode::RateLimited))
        return ErrorText::tr("Too many requests in a short time. Wait a moment and try again.");
    if (code == QLatin1String(protocol::ErrorCode::PayloadTooLarge))
        return ErrorText::tr("The file or text is too large for the server.");
    if (code == QLatin1String(protocol::ErrorCode::Conflict))
        return ErrorText::tr("This conflicts with the current state on the server (it may already exist or be finished).");
    if (code == QLatin1String(protocol::ErrorCode::ValidationError)) {
        const auto field = error.details.find("field");
        if (field != error.details.end() && field->is_string())
            return ErrorText::tr("Please check the field “%1”.").arg(field->get<QString>());
        return ErrorText::tr("Some of the information given is not valid.");
    }
    if (code == QLatin1String(protocol::ErrorCode::ServiceUnavailable) || error.statusCode == 503)
        return ErrorText::tr("The server is busy or starting. Try again in a moment.");
    if (code == QLatin1String(protocol::ErrorCode::AgentExecutionError))
        return ErrorText::tr("The agent could not finish this answer. Try again or rephrase the question.");
    return ErrorText::tr("The server could not complete the request.");
}

NextStep nextStep(const protocol::ApiError& error)
{
    const QString& code = error.code;
    if (code == QLatin1String(protocol::ErrorCode::Unauthorized) || error.statusCode == 401)
        return NextStep::SignInAgain;
    if (code == QLatin1String(protocol::ErrorCode::ValidationError) || error.statusCode == 413
        || error.statusCode == 409 || error.statusCode == 403)
        return NextStep::FixInput;
    if (code == QLatin1String(client::ClientErrorCode::Cancelled))
        return NextStep::None;
    return NextStep::Retry;
}

} // namespace cidadao::ui
