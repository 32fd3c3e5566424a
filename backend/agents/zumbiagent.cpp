// SPDX-License-Identifier: GPL-3.0-or-later
// Zumbi dos Palmares (investigator): starts investigations through the investigation service with
// the filters the message names, reports their status, and summarises finished ones.
#include "agentcontext.h"
#include "agents.h"
#include "labels.h"
#include "intent.h"
#include "recordqueries.h"

#include "engine/explanations.h"
#include "investigations/investigationservice.h"
#include "protocol/apierror.h"
#include "protocol/vocabulary.h"
#include "protocol/voicetools.h"

#include <QDate>

namespace cidadao::agents {

namespace {

QDate toQDate(engine::Day day)
{
    const engine::CivilDate c = engine::toCivil(day);
    return QDate(c.year, c.month, c.day);
}

std::optional<QString> targetInvestigation(AgentContext& c)
{
    if (c.entities().investigationId)
        return c.entities().investigationId;
    return c.request().investigationId;
}

void status(AgentContext& c)
{
    const Language l = c.language();
    const auto id = targetInvestigation(c);
    if (!id) {
        c.say(c.t(QStringLiteral("Não há investigação em andamento nesta conversa. Peça, por exemplo: \"investigue os contratos do Ministério da Saúde em 2023\"."),
                  QStringLiteral("There is no investigation in this conversation yet. Ask, for example: \"investigate the contracts of the ministry of health in 2023\".")));
        c.suggest(QStringLiteral("start-investigation"), QStringLiteral("Iniciar investigação"),
                  QStringLiteral("Start an investigation"), QStringLiteral("search"), QStringLiteral("investigate"));
        return;
    }
    c.tool(QStringLiteral("investigation_status"), protocol::Json{{"investigation_id", *id}}, protocol::Json::object());
    auto* service = c.investigations();
    if (!service) {
        c.say(c.t(QStringLiteral("Este servidor não executa investigações."), QStringLiteral("This server does not run investigations.")));
        return;
    }
    const http::Principal who = c.request().principal;
    const QString investigationId = *id;
    const auto result = c.onThreadOf(service, [service, who, investigationId] { return service->status(who, investigationId); });
    if (!result)
        return; // cancelled
    if (!*result) {
        c.say(c.t(QStringLiteral("Não encontrei a investigação %1.").arg(investigationId),
                  QStringLiteral("I could not find investigation %1.").arg(investigationId)));
        return;
    }
    const protocol::InvestigationStatus& s = **result;
    c.answer().investigationId = s.investigationId;
    c.answer().toolCalls.back().result = protocol::Json{{"status", s.status}, {"progress", s.progress},
                                                        {"anomalies_detected", s.anomaliesDetected}};
    c.say(c.t(QStringLiteral("Investigação %1: %2 (%3, fase: %4). Registros analisados: %5; anomalias até agora: %6.")
                  .arg(s.investigationId, investigationStatusLabel(s.status, l), engine::formatPercent(s.progress, 0, l),
                       phaseLabel(s.currentPhase, l), engine::formatCount(s.recordsProcessed, l),
                       engine::formatCount(s.anomaliesDetected, l)),
              QStringLiteral("Investigation %1: %2 (%3, phase: %4). Records analysed: %5; anomalies so far: %6.")
                  .arg(s.investigationId, investigationStatusLabel(s.status, l), engine::formatPercent(s.progress, 0, l),
                       phaseLabel(s.currentPhase, l), engine::formatCount(s.recordsProcessed, l),
                       engine::formatCount(s.anomaliesDetected, l))));
    if (s.status == QLatin1String(protocol::InvestigationState::Completed))
        c.suggest(QStringLiteral("report"), QStringLiteral("Ver relatório"), QStringLiteral("See the report"),
                  QStringLiteral("file-text"), QStringLiteral("report:%1").arg(s.investigationId));
    else
        c.suggest(QStringLiteral("status"), QStringLiteral("Atualizar status"), QStringLiteral("Refresh status"),
                  QStringLiteral("refresh"), QStringLiteral("status:%1").arg(s.investigationId));
}

void start(AgentContext& c)
{
    const Entities& e = c.entities();
    const Language l = c.language();
    protocol::InvestigationRequest request;
    request.query = c.request().message;
    request.dataSource = e.dataSource.value_or(QLatin1String(protocol::DataSource::Contracts));
    if (!e.anomalyTypes.isEmpty())
        request.anomalyTypes = e.anomalyTypes;
    if (!e.organs.empty())
        request.filters.organization = e.organs.front().code;
    if (e.from != engine::kNoDate)
        request.filters.startDate = toQDate(e.from);
    if (e.to != engine::kNoDate)
        request.filters.endDate = toQDate(e.to);
    request.filters.minValue = e.minValue;
    request.filters.maxValue = e.maxValue;
    if (!e.cnpjs.isEmpty())
        request.filters.vendor = e.cnpjs.front();
    else if (e.supplierName)
        request.filters.vendor = *e.supplierName;

    protocol::StartInvestigationParameters parameters{request.query, request.dataSource, request.anomalyTypes};
    protocol::Json parametersJson;
    protocol::to_json(parametersJson, parameters);
    // The tool's parameters are exactly spec §8's; the filters understood go with its result.
    protocol::Json filtersJson;
    protocol::to_json(filtersJson, request.filters);

    // What the investigation will read, counted now so the reply carries real numbers.
    if (request.dataSource == QLatin1String(protocol::DataSource::Contracts)) {
        const ContractSearch scope = c.searchContracts(contractFilterFor(e), 0);
        c.say(c.t(QStringLiteral("O escopo tem %1 contratos, somando %2.")
                      .arg(engine::formatCount(scope.total, l), engine::formatMoney(scope.totalValue, l)),
                  QStringLiteral("The scope holds %1 contracts, adding up to %2.")
                      .arg(engine::formatCount(scope.total, l), engine::formatMoney(scope.totalValue, l))));
    } else if (const SourceCount* source = c.overview().find(request.dataSource)) {
        c.say(c.t(QStringLiteral("A fonte %1 tem %2 registros importados.")
                      .arg(sourceLabel(request.dataSource, l), engine::formatCount(source->records, l)),
                  QStringLiteral("The %1 source has %2 imported records.")
                      .arg(sourceLabel(request.dataSource, l), engine::formatCount(source->records, l))));
    }

    auto* service = c.investigations();
    if (!service) {
        c.tool(QStringLiteral("start_investigation"), parametersJson, protocol::Json{{"started", false}, {"filters", filtersJson}});
        c.say(c.t(QStringLiteral("Este servidor não executa investigações, então não pude iniciá-la."),
                  QStringLiteral("This server does not run investigations, so I could not start it.")));
        return;
    }
    const http::Principal owner = c.request().principal;
    try {
        const auto started = c.onThreadOf(service, [service, owner, request] { return service->start(owner, request); });
        if (!started)
            return;
        c.tool(QStringLiteral("start_investigation"), parametersJson,
               protocol::Json{{"investigation_id", started->investigationId}, {"status", started->status},
                              {"filters", filtersJson}});
        c.answer().investigationId = started->investigationId;
        QString organs;
        for (const OrganMention& organ : e.organs)
            organs += (organs.isEmpty() ? QString() : QStringLiteral(", ")) + (organ.name.isEmpty() ? organ.code : organ.name);
        QStringList types;
        for (const QString& type : request.anomalyTypes)
            types.append(anomalyTypeLabel(type, l));
        c.say(c.t(QStringLiteral("Iniciei a investigação %1 sobre %2%3%4, procurando anomalias de %5. Acompanhe o progresso aqui.")
                      .arg(started->investigationId, sourceLabel(request.dataSource, l).toLower(),
                           organs.isEmpty() ? QString() : QLatin1Char(' ') + ofOrgan(organs, l),
                           e.periodLabel.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.periodLabel),
                           types.join(QStringLiteral(", "))),
                  QStringLiteral("I started investigation %1 on %2%3%4, looking for %5 anomalies. Follow its progress here.")
                      .arg(started->investigationId, sourceLabel(request.dataSource, l).toLower(),
                           organs.isEmpty() ? QString() : QLatin1Char(' ') + ofOrgan(organs, l),
                           e.periodLabel.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.periodLabel),
                           types.join(QStringLiteral(", ")))));
        c.suggest(QStringLiteral("status"), QStringLiteral("Ver andamento"), QStringLiteral("Check progress"),
                  QStringLiteral("activity"), QStringLiteral("status:%1").arg(started->investigationId));
        c.suggest(QStringLiteral("report"), QStringLiteral("Relatório quando terminar"), QStringLiteral("Report when done"),
                  QStringLiteral("file-text"), QStringLiteral("report:%1").arg(started->investigationId));
        c.followUp(QStringLiteral("Qual o status da investigação?"), QStringLiteral("What is the status of the investigation?"));
    } catch (const protocol::ApiException& error) {
        c.tool(QStringLiteral("start_investigation"), parametersJson, protocol::Json{{"error", error.error().message}});
        c.say(c.t(QStringLiteral("Não pude iniciar a investigação: %1").arg(error.error().message),
                  QStringLiteral("I could not start the investigation: %1").arg(error.error().message)));
    } catch (const protocol::ValidationFailure& failure) {
        const QString message = QString::fromUtf8(failure.what());
        c.tool(QStringLiteral("start_investigation"), parametersJson, protocol::Json{{"error", message}});
        c.say(c.t(QStringLiteral("Não pude iniciar a investigação: %1").arg(message),
                  QStringLiteral("I could not start the investigation: %1").arg(message)));
    }
}

} // namespace

void runZumbi(AgentContext& c)
{
    if (c.answer().intent == QLatin1String(Intent::Status)) {
        status(c);
        return;
    }
    start(c);
}

} // namespace cidadao::agents
