// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

namespace cidadao::protocol {

Json toEnvelope(const ApiError& error)
{
    return Json{{"status", "error"},
                {"status_code", error.statusCode},
                {"error",
                 {{"error", error.code},
                  {"message", error.message},
                  {"details", error.details.is_object() ? error.details : Json::object()}}}};
}

ApiError fromEnvelope(const Json& body, int httpStatus)
{
    ApiError error;
    error.statusCode = httpStatus;
    error.code.clear();
    if (!body.is_object())
        return error;
    // Our envelope, and FastAPI's {"detail": ...} that the public upstream server still sends.
    if (const auto inner = body.find("error"); inner != body.end() && inner->is_object()) {
        if (const auto it = inner->find("error"); it != inner->end() && it->is_string())
            error.code = it->get<QString>();
        if (const auto it = inner->find("message"); it != inner->end() && it->is_string())
            error.message = it->get<QString>();
        if (const auto it = inner->find("details"); it != inner->end() && it->is_object())
            error.details = *it;
    } else if (const auto detail = body.find("detail"); detail != body.end()) {
        error.code = QLatin1String(ErrorCode::HttpException);
        error.message = detail->is_string() ? detail->get<QString>() : QString::fromStdString(detail->dump());
    }
    return error;
}

static ApiError make(int status, const char* code, const QString& message)
{
    return ApiError{status, QLatin1String(code), message, Json::object()};
}

ApiError notFound(const QString& message) { return make(404, ErrorCode::NotFound, message); }
ApiError conflict(const QString& message) { return make(409, ErrorCode::Conflict, message); }
ApiError unauthorized(const QString& message) { return make(401, ErrorCode::Unauthorized, message); }
ApiError forbidden(const QString& message) { return make(403, ErrorCode::Forbidden, message); }

ValidationFailure::ValidationFailure(QString field, QString message)
    : std::runtime_error(QString(field + QStringLiteral(": ") + message).toStdString())
    , m_field(std::move(field))
    , m_reason(std::move(message))
{
}

ApiError ValidationFailure::toApiError() const
{
    ApiError error = make(422, ErrorCode::ValidationError, QString::fromUtf8(what()));
    error.details = Json{{"field", m_field}};
    return error;
}

ApiException::ApiException(ApiError error)
    : std::runtime_error(error.message.toStdString())
    , m_error(std::move(error))
{
}

} // namespace cidadao::protocol
