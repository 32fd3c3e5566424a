// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include <QStringList>

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

Json errorBody(const ApiError& error)
{
    return Json{{"error", error.code},
                {"message", error.message},
                {"details", error.details.is_object() ? error.details : Json::object()}};
}

namespace {

void readErrorBody(const Json& inner, ApiError& error)
{
    if (const auto it = inner.find("error"); it != inner.end() && it->is_string())
        error.code = it->get<QString>();
    if (const auto it = inner.find("message"); it != inner.end() && it->is_string())
        error.message = it->get<QString>();
    if (const auto it = inner.find("details"); it != inner.end() && it->is_object())
        error.details = *it;
}

// FastAPI's 422 item: {"loc": ["body", "message"], "msg": "...", "type": "..."}.
void readFastApiValidation(const Json& item, ApiError& error)
{
    QStringList path;
    if (const auto loc = item.find("loc"); loc != item.end() && loc->is_array()) {
        for (const Json& part : *loc) {
            if (part.is_string())
                path.append(part.get<QString>());
            else if (part.is_number_integer())
                path.append(QString::number(part.get<qint64>()));
        }
    }
    // The first element says where the value came from (body, query, path), not which field.
    if (!path.isEmpty() && (path.front() == u"body" || path.front() == u"query" || path.front() == u"path"))
        path.removeFirst();
    const QString field = path.join(QLatin1Char('.'));
    QString msg;
    if (const auto it = item.find("msg"); it != item.end() && it->is_string())
        msg = it->get<QString>();
    error.code = QLatin1String(ErrorCode::ValidationError);
    error.message = field.isEmpty() ? msg : QString(field + QStringLiteral(": ") + msg);
    if (!field.isEmpty())
        error.details = Json{{"field", field}};
}

} // namespace

ApiError fromEnvelope(const Json& body, int httpStatus)
{
    ApiError error;
    error.statusCode = httpStatus;
    error.code.clear();
    if (!body.is_object())
        return error;
    if (const auto inner = body.find("error"); inner != body.end() && inner->is_object()) {
        readErrorBody(*inner, error); // our envelope
    } else if (inner != body.end() && inner->is_string()) {
        readErrorBody(body, error); // CidadaoAIError
    } else if (const auto detail = body.find("detail"); detail != body.end()) {
        // FastAPI, as the public upstream server still answers 404/405/422.
        if (detail->is_array() && !detail->empty() && detail->front().is_object()) {
            readFastApiValidation(detail->front(), error);
        } else {
            error.code = QLatin1String(ErrorCode::HttpException);
            error.message = detail->is_string() ? detail->get<QString>() : QString::fromUtf8(toBytes(*detail));
        }
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
