// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationscontroller.h"

#include "http/asyncwork.h"
#include "http/ssestream.h"

#include "protocol/investigationstream.h"
#include "protocol/vocabulary.h"
#include "reports/report.h"

#include <QUrl>

namespace cidadao::server {

using protocol::Json;

namespace {

const QString kBase = QStringLiteral("/api/v1/investigations");

protocol::ApiException notFound(const QString& id)
{
    return protocol::ApiException(protocol::notFound(QStringLiteral("investigation %1 not found").arg(id)));
}

template<typename T>
Json toWire(const T& value)
{
    Json out;
    to_json(out, value);
    return out;
}

bool isFinished(const QString& status)
{
    for (const char* word : protocol::InvestigationState::Finished) {
        if (status == QLatin1String(word))
            return true;
    }
    return false;
}

} // namespace

InvestigationsController::InvestigationsController(investigations::InvestigationService& service,
                                                   events::EventHub& events, QThreadPool& workers, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_events(events)
    , m_workers(workers)
{
}

void InvestigationsController::registerRoutes(http::Router& router)
{
    using http::Access;
    using namespace std::placeholders;
    const auto add = [&](const char* method, const QString& pattern, void (InvestigationsController::*handler)(
                                                                           http::Request&, http::Responder&)) {
        router.add(method, kBase + pattern, std::bind(handler, this, _1, _2), Access::AnonymousOk);
    };
    add("POST", QStringLiteral("/start"), &InvestigationsController::start);
    add("POST", QString(), &InvestigationsController::start);
    add("GET", QString(), &InvestigationsController::list);
    add("GET", QStringLiteral("/stream/{id}"), &InvestigationsController::stream);
    add("POST", QStringLiteral("/public/create"), &InvestigationsController::start);
    add("GET", QStringLiteral("/public/status/{id}"), &InvestigationsController::status);
    add("GET", QStringLiteral("/public/results/{id}"), &InvestigationsController::results);
    add("GET", QStringLiteral("/{id}/status"), &InvestigationsController::status);
    add("GET", QStringLiteral("/{id}/results"), &InvestigationsController::results);
    add("GET", QStringLiteral("/{id}/export"), &InvestigationsController::exportReport);
    add("GET", QStringLiteral("/{id}"), &InvestigationsController::summary);
    add("DELETE", QStringLiteral("/{id}"), &InvestigationsController::cancel);
}

void InvestigationsController::start(http::Request& request, http::Responder& responder)
{
    const auto body = protocol::decode<protocol::InvestigationRequest>(request.jsonBody());
    const protocol::InvestigationStarted started = m_service.start(*request.principal, body);
    responder.json(202, toWire(started),
                   {{QByteArrayLiteral("Location"),
                     QString(kBase + QLatin1Char('/') + started.investigationId + QStringLiteral("/status")).toUtf8()}});
}

void InvestigationsController::status(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const auto status = m_service.status(*request.principal, id);
    if (!status)
        throw notFound(id);
    responder.json(200, toWire(*status));
}

void InvestigationsController::summary(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const auto summary = m_service.summary(*request.principal, id);
    if (!summary)
        throw notFound(id);
    Json out;
    investigations::to_json(out, *summary);
    responder.json(200, out);
}

void InvestigationsController::results(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const auto results = m_service.results(*request.principal, id);
    if (!results)
        throw notFound(id);
    responder.json(200, toWire(*results));
}

void InvestigationsController::list(http::Request& request, http::Responder& responder)
{
    // Only these parameters exist: a typo must not silently list everything.
    static const QStringList known{QStringLiteral("status"), QStringLiteral("cursor"), QStringLiteral("limit"),
                                   QStringLiteral("direction")};
    const auto items = request.query.queryItems();
    for (const auto& item : items) {
        if (!known.contains(item.first))
            throw protocol::ValidationFailure(item.first, QStringLiteral("unknown query parameter"));
    }
    investigations::ListQuery query;
    query.page = protocol::CursorPaginationRequest::fromQuery(request.query);
    const QString status = request.queryValue(QStringLiteral("status"));
    if (!status.isEmpty())
        query.status = status;
    Json out;
    to_json(out, m_service.list(*request.principal, query));
    responder.json(200, out);
}

void InvestigationsController::cancel(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const auto status = m_service.cancel(*request.principal, id);
    if (!status)
        throw notFound(id);
    responder.json(200, toWire(*status));
}

void InvestigationsController::stream(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const http::Principal who = *request.principal;
    // Visibility first, so another user's id is a plain 404 before any stream starts.
    if (!m_service.status(who, id))
        throw notFound(id);
    std::shared_ptr<http::SseStream> sse = responder.startEventStream();
    // Subscribe before reading the state: an event published in between arrives after the
    // snapshot (at worst a repeated progress), never lost.
    // Not a child of the stream: the stream lives as long as the listener's connections hold it.
    auto* listener = new QObject(this);
    const auto send = [sse](const protocol::InvestigationStreamEvent& event) {
        return sse->send(protocol::toJson(event));
    };
    connect(&m_events, &events::EventHub::investigationProgress, listener,
            [id, send](const QString&, const QString& investigationId, const Json& status) {
                if (investigationId != id)
                    return;
                try {
                    const auto decoded = protocol::decode<protocol::InvestigationStatus>(status);
                    if (!isFinished(decoded.status))
                        send(decoded);
                } catch (const std::exception&) {
                }
            });
    connect(&m_events, &events::EventHub::investigationAnomaly, listener,
            [id, send](const QString&, const QString& investigationId, const Json& anomaly) {
                if (investigationId != id)
                    return;
                try {
                    send(protocol::decode<protocol::AnomalyResult>(anomaly));
                } catch (const std::exception&) {
                }
            });
    const auto finish = [sse, send, listener](const protocol::InvestigationCompletion& completion,
                                              const std::optional<protocol::InvestigationStatus>& last) {
        if (last)
            send(*last);
        send(completion);
        sse->close();
        listener->deleteLater();
    };
    connect(&m_events, &events::EventHub::investigationFinished, listener,
            [this, id, who, finish](const QString&, const QString& investigationId, const QString& finalStatus,
                                    const Json& summary) {
                if (investigationId != id)
                    return;
                protocol::InvestigationCompletion completion;
                completion.investigationId = id;
                completion.status = finalStatus;
                completion.summary = QString::fromStdString(summary.value("summary", std::string()));
                completion.anomaliesFound = summary.value("anomalies_found", qint64(0));
                finish(completion, m_service.status(who, id));
            });
    // The client left: stop listening (the SseStream dies with its last reference).
    connect(sse.get(), &http::SseStream::clientGone, listener, [listener] { listener->deleteLater(); });

    const auto current = m_service.status(who, id);
    if (!current) {
        sse->close();
        listener->deleteLater();
        return;
    }
    if (isFinished(current->status)) {
        protocol::InvestigationCompletion completion;
        completion.investigationId = id;
        completion.status = current->status;
        completion.anomaliesFound = current->anomaliesDetected;
        if (const auto results = m_service.results(who, id))
            completion.summary = results->summary;
        finish(completion, current);
        return;
    }
    send(*current);
}

void InvestigationsController::exportReport(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("id"));
    const QString formatName = request.queryValue(QStringLiteral("format"));
    const auto format = reports::formatFromName(formatName.isEmpty() ? QStringLiteral("pdf") : formatName);
    if (!format)
        throw protocol::ValidationFailure(QStringLiteral("format"), QStringLiteral("must be pdf, html, md, csv or json"));
    const auto language = reports::languageFromName(request.queryValue(QStringLiteral("lang")));
    if (!language)
        throw protocol::ValidationFailure(QStringLiteral("lang"), QStringLiteral("must be pt-BR or en"));
    auto results = m_service.results(*request.principal, id); // 404 / 409 before any work
    if (!results)
        throw notFound(id);
    http::answerLater(
        m_workers, this, std::move(responder),
        [investigation = std::move(*results), format = *format, language = *language] {
            return reports::render(investigation, format, language);
        },
        [](http::Responder& answer, reports::RenderedReport report) {
            answer.send(200, report.contentType, report.bytes,
                        {{QByteArrayLiteral("Content-Disposition"),
                          QByteArrayLiteral("attachment; filename=\"") + report.fileName.toUtf8() + '"'}});
        });
}

} // namespace cidadao::server
