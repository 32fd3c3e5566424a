// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowscontroller.h"

#include "acceptlanguage.h"

#include "protocol/apierror.h"
#include "protocol/investigation.h"
#include "protocol/workflow.h"

namespace cidadao::server {

using http::Access;
using protocol::Json;
using namespace std::placeholders;

namespace {

[[noreturn]] void notFound(const QString& what)
{
    throw protocol::ApiException(
        protocol::ApiError{404, QLatin1String(protocol::ErrorCode::NotFound), QStringLiteral("%1 not found").arg(what), Json::object()});
}

} // namespace

WorkflowsController::WorkflowsController(workflows::WorkflowService& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
}

void WorkflowsController::registerRoutes(http::Router& router, bool devMode)
{
    router.add("GET", QStringLiteral("/api/v1/workflows"), std::bind(&WorkflowsController::list, this, _1, _2),
               Access::Authenticated);
    router.add("POST", QStringLiteral("/api/v1/workflows/{id}/execute"), std::bind(&WorkflowsController::execute, this, _1, _2),
               Access::Authenticated);
    router.add("GET", QStringLiteral("/api/v1/workflows/executions"), std::bind(&WorkflowsController::history, this, _1, _2),
               Access::Authenticated);
    router.add("GET", QStringLiteral("/api/v1/workflows/executions/{id}"),
               std::bind(&WorkflowsController::execution, this, _1, _2), Access::Authenticated);
    router.add("DELETE", QStringLiteral("/api/v1/workflows/executions/{id}"),
               std::bind(&WorkflowsController::cancel, this, _1, _2), Access::Authenticated);
    router.add("GET", QStringLiteral("/api/v1/workflows/watchlist"), std::bind(&WorkflowsController::watchlist, this, _1, _2),
               Access::Authenticated);
    router.add("POST", QStringLiteral("/api/v1/workflows/watchlist"), std::bind(&WorkflowsController::addWatch, this, _1, _2),
               Access::Authenticated);
    router.add("DELETE", QStringLiteral("/api/v1/workflows/watchlist/{id}"),
               std::bind(&WorkflowsController::removeWatch, this, _1, _2), Access::Authenticated);
    if (devMode) {
        router.add("POST", QStringLiteral("/api/v1/dev/channels/publish"),
                   std::bind(&WorkflowsController::devPublish, this, _1, _2), Access::Authenticated)
            .rateClass = QStringLiteral("dev");
        router.add("GET", QStringLiteral("/api/v1/dev/channels/subscribers"),
                   std::bind(&WorkflowsController::devSubscribers, this, _1, _2), Access::Authenticated)
            .rateClass = QStringLiteral("dev");
    }
}

void WorkflowsController::list(http::Request& request, http::Responder& responder)
{
    // Names for people, in the request's language; ids (what clients act on) stay as they are.
    const bool portuguese = preferredLanguage(request.header("Accept-Language")) == QLatin1String("pt-BR");
    Json out = Json::array();
    for (protocol::WorkflowDefinition definition : m_service.definitions()) {
        if (portuguese) {
            definition.name = workflowNamePt(definition.name);
            for (auto& node : definition.nodes)
                node.name = workflowNamePt(node.name);
        }
        Json item;
        protocol::to_json(item, definition);
        out.push_back(std::move(item));
    }
    responder.json(200, out);
}

void WorkflowsController::execute(http::Request& request, http::Responder& responder)
{
    protocol::ExecuteWorkflowRequest body;
    Json definition;
    if (!request.body.trimmed().isEmpty()) {
        const Json json = request.jsonBody();
        body = protocol::decode<protocol::ExecuteWorkflowRequest>(json);
        definition = json.value("definition", Json());
    }
    const QString workflowId = request.param(QStringLiteral("id"));
    const auto executionId =
        m_service.execute(*request.principal, workflowId, body.input, request.requestId, nullptr, definition);
    if (!executionId)
        notFound(QStringLiteral("workflow %1").arg(workflowId));
    Json out;
    protocol::to_json(out, protocol::ExecuteWorkflowResponse{*executionId, QStringLiteral("running")});
    responder.json(202, out);
}

void WorkflowsController::history(http::Request& request, http::Responder& responder)
{
    const int limit = request.intQuery(QStringLiteral("limit"), 50, 1, 500);
    Json out = Json::array();
    for (const workflows::ExecutionRecord& record : m_service.history(*request.principal, limit))
        out.push_back(record.toJson());
    responder.json(200, out);
}

void WorkflowsController::execution(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const auto record = m_service.execution(*request.principal, id);
    if (!record)
        notFound(QStringLiteral("execution %1").arg(id));
    responder.json(200, record->toJson());
}

void WorkflowsController::cancel(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const auto record = m_service.execution(*request.principal, id);
    if (!record)
        notFound(QStringLiteral("execution %1").arg(id));
    if (!m_service.cancel(*request.principal, id)) {
        throw protocol::ApiException(protocol::ApiError{409, QLatin1String(protocol::ErrorCode::Conflict),
                                                        QStringLiteral("the execution is not running"),
                                                        Json{{"status", record->status}}});
    }
    responder.json(200, Json{{"executionId", id}, {"status", "cancelling"}});
}

void WorkflowsController::watchlist(http::Request& request, http::Responder& responder)
{
    Json out = Json::array();
    for (const workflows::WatchItem& item : m_service.repository().watches(request.principal->userId))
        out.push_back(item.toJson());
    responder.json(200, out);
}

void WorkflowsController::addWatch(http::Request& request, http::Responder& responder)
{
    const Json body = request.jsonBody();
    const QString name = body.contains("name") && body["name"].is_string() ? body["name"].get<QString>() : QString();
    if (name.trimmed().isEmpty() || name.size() > 200)
        throw protocol::ValidationFailure(QStringLiteral("name"), QStringLiteral("must be 1..200 characters"));
    if (!body.contains("request"))
        throw protocol::ValidationFailure(QStringLiteral("request"), QStringLiteral("is required"));
    // Stored as the canonical InvestigationRequest, so that a re-run reads what was validated.
    const auto investigation = protocol::decodeAt<protocol::InvestigationRequest>(body["request"], u"request");
    Json canonical;
    protocol::to_json(canonical, investigation);
    responder.json(201, m_service.repository().addWatch(request.principal->userId, name.trimmed(), canonical).toJson());
}

void WorkflowsController::removeWatch(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    if (!m_service.repository().removeWatch(request.principal->userId, id))
        notFound(QStringLiteral("watchlist item %1").arg(id));
    responder.noContent();
}

void WorkflowsController::devPublish(http::Request& request, http::Responder& responder)
{
    const Json body = request.jsonBody();
    const QString channel = body.contains("channel") && body["channel"].is_string() ? body["channel"].get<QString>() : QString();
    if (!m_service.hub().mayWatch(*request.principal, channel))
        throw protocol::ValidationFailure(QStringLiteral("channel"), QStringLiteral("not a channel you may watch"));
    const int count = std::clamp(body.value("count", 1), 1, 100000);
    const int bytes = std::clamp(body.value("payload_bytes", 0), 0, 512 * 1024);
    const std::string filler(std::size_t(bytes), 'x');
    qint64 deliveries = 0;
    for (int i = 0; i < count; ++i)
        deliveries += m_service.hub().publish(channel, QStringLiteral("dev_event"), Json{{"seq", i}, {"filler", filler}});
    responder.json(200, Json{{"published", count}, {"deliveries", deliveries}});
}

void WorkflowsController::devSubscribers(http::Request& request, http::Responder& responder)
{
    const QString channel = request.queryValue(QStringLiteral("channel"));
    if (!m_service.hub().mayWatch(*request.principal, channel))
        throw protocol::ValidationFailure(QStringLiteral("channel"), QStringLiteral("not a channel you may watch"));
    responder.json(200, Json{{"channel", channel}, {"subscribers", m_service.hub().subscriberCount(channel)}});
}

} // namespace cidadao::server
