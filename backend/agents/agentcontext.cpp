// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentcontext.h"

#include "store/readerpool.h"

namespace cidadao::agents {

AgentContext::AgentContext(const TurnRequest& request, const Entities& entities, Language language, Answer& answer,
                           const EventSink& sink, const std::atomic_bool& cancel, store::ReaderPool& readers,
                           RecordsCache& records,
                           investigations::InvestigationService* investigations, const OrchestratorOptions& options,
                           bool bufferText)
    : m_request(request)
    , m_entities(entities)
    , m_language(language)
    , m_answer(answer)
    , m_sink(sink)
    , m_cancel(cancel)
    , m_readers(readers)
    , m_records(records)
    , m_investigations(investigations)
    , m_options(options)
    , m_bufferText(bufferText)
{
}

store::Database& AgentContext::db()
{
    return m_readers.connection();
}

DataOverview AgentContext::overview()
{
    return m_records.overview(db());
}

ContractSearch AgentContext::searchContracts(const ContractFilter& filter, int limit)
{
    return m_records.searchContracts(db(), filter, limit);
}

std::vector<RankedName> AgentContext::topSuppliers(const ContractFilter& filter, int limit)
{
    return m_records.topSuppliers(db(), filter, limit);
}

void AgentContext::say(const QString& paragraph)
{
    if (paragraph.isEmpty())
        return;
    const QString piece = m_answer.text.isEmpty() ? paragraph : QString(QStringLiteral("\n\n") + paragraph);
    m_answer.text += piece;
    if (!m_bufferText)
        send(protocol::StreamChunk{piece});
}

void AgentContext::thinking(const QString& pt, const QString& en)
{
    send(protocol::StreamThinking{t(pt, en)});
}

void AgentContext::send(const protocol::ChatStreamEvent& event)
{
    if (m_sink)
        m_sink(event);
}

void AgentContext::tool(const QString& name, const protocol::Json& parameters, const protocol::Json& result)
{
    m_answer.toolCalls.append(ToolCall{name, parameters, result});
}

void AgentContext::suggest(const QString& id, const QString& labelPt, const QString& labelEn, const QString& icon,
                           const QString& action)
{
    for (const auto& existing : std::as_const(m_answer.suggestedActions))
        if (existing.id == id)
            return;
    m_answer.suggestedActions.append(protocol::QuickAction{id, t(labelPt, labelEn), icon, action});
}

void AgentContext::followUp(const QString& pt, const QString& en)
{
    m_answer.followUpQuestions.append(t(pt, en));
}

} // namespace cidadao::agents
