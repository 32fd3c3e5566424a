// SPDX-License-Identifier: GPL-3.0-or-later
// The one error shape of the API (spec/API.md §1) and the exceptions that carry it.
// Controllers throw; ONE place in the HTTP layer catches and turns the error into a response.
#pragma once

#include "jsonqt.h"

#include <QString>

#include <stdexcept>

namespace cidadao::protocol {

// Stable error codes: clients switch on these, so they never change spelling.
namespace ErrorCode {
inline constexpr char HttpException[] = "HTTPException";
inline constexpr char ValidationError[] = "ValidationError";
inline constexpr char Unauthorized[] = "Unauthorized";
inline constexpr char Forbidden[] = "Forbidden";
inline constexpr char NotFound[] = "NotFound";
inline constexpr char MethodNotAllowed[] = "MethodNotAllowed";
inline constexpr char PayloadTooLarge[] = "PayloadTooLarge";
inline constexpr char RateLimited[] = "RateLimited";
inline constexpr char Conflict[] = "Conflict";
inline constexpr char AgentExecutionError[] = "AgentExecutionError";
inline constexpr char InternalServerError[] = "InternalServerError";
inline constexpr char ServiceUnavailable[] = "ServiceUnavailable";
} // namespace ErrorCode

struct ApiError
{
    int statusCode = 500;
    QString code = QLatin1String(ErrorCode::InternalServerError);
    QString message;
    Json details = Json::object();
};

// {"status":"error","status_code":N,"error":{"error":code,"message":...,"details":{...}}}
Json toEnvelope(const ApiError& error);
// The inner {"error": code, "message": ..., "details": {...}} alone (the seed's CidadaoAIError shape).
Json errorBody(const ApiError& error);
// Reads an error answer back (the client side). Understands our envelope, the bare CidadaoAIError
// shape, and FastAPI's {"detail": "..."} / {"detail": [{"loc": [...], "msg": ...}]} that the public
// upstream server sends (code HTTPException, or ValidationError with details.field for a 422 list).
// The code is empty when the body is none of these.
ApiError fromEnvelope(const Json& body, int httpStatus);

ApiError notFound(const QString& message);
ApiError conflict(const QString& message);
ApiError unauthorized(const QString& message);
ApiError forbidden(const QString& message);

// Thrown by decoding and validation: names the offending field so that the 422 answer is precise.
class ValidationFailure : public std::runtime_error
{
public:
    ValidationFailure(QString field, QString message);
    const QString& field() const { return m_field; }
    const QString& reason() const { return m_reason; }
    ApiError toApiError() const;

private:
    QString m_field;
    QString m_reason;
};

// Thrown by controllers for any non-validation error answer.
class ApiException : public std::runtime_error
{
public:
    explicit ApiException(ApiError error);
    const ApiError& error() const { return m_error; }

private:
    ApiError m_error;
};

} // namespace cidadao::protocol
