// SPDX-License-Identifier: GPL-3.0-or-later
// What one agent gets for one turn: the request, the extracted entities, the user's language, a
// reader connection, the investigation service, and the answer it fills. say() streams a piece of
// the reply at once (or buffers it when the reply will be rephrased by a language model), so every
// agent module is plain sequential code: look up, say, suggest.
#pragma once

#include "entities.h"
#include "recordscache.h"
#include "orchestrator.h"
#include "text.h"

#include <QObject>
#include <QThread>

#include <exception>
#include <future>
#include <memory>

namespace cidadao::store {
class Database;
}

namespace cidadao::agents {

class AgentContext
{
public:
    AgentContext(const TurnRequest& request, const Entities& entities, Language language, Answer& answer,
                 const EventSink& sink, const std::atomic_bool& cancel, store::ReaderPool& readers,
                 RecordsCache& records, investigations::InvestigationService* investigations, const OrchestratorOptions& options,
                 bool bufferText);

    const TurnRequest& request() const { return m_request; }
    const Entities& entities() const { return m_entities; }
    Language language() const { return m_language; }
    Answer& answer() { return m_answer; }
    const OrchestratorOptions& options() const { return m_options; }
    investigations::InvestigationService* investigations() const { return m_investigations; }
    store::Database& db();
    // The records' aggregates, served from the shared cache while the records are unchanged.
    DataOverview overview();
    ContractSearch searchContracts(const ContractFilter& filter, int limit);
    std::vector<RankedName> topSuppliers(const ContractFilter& filter, int limit);

    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }
    QString t(const QString& pt, const QString& en) const { return pick(m_language, pt, en); }

    // Appends a paragraph to the reply (separated by a blank line) and streams it as a chunk.
    void say(const QString& paragraph);
    void thinking(const QString& pt, const QString& en);
    void send(const protocol::ChatStreamEvent& event);
    void tool(const QString& name, const protocol::Json& parameters, const protocol::Json& result);
    void suggest(const QString& id, const QString& labelPt, const QString& labelEn, const QString& icon,
                 const QString& action);
    void followUp(const QString& pt, const QString& en);

    // Runs f on the thread of `owner` (the investigation service lives on the main thread) and waits
    // for its result; gives up with nullopt when the turn is cancelled meanwhile, so a shutting-down
    // server never waits on itself. Exceptions thrown by f are rethrown here. f must capture by value:
    // after a give-up it still runs later.
    template<typename F>
    auto onThreadOf(QObject* owner, F f) -> std::optional<std::invoke_result_t<F>>;

private:
    const TurnRequest& m_request;
    const Entities& m_entities;
    Language m_language;
    Answer& m_answer;
    const EventSink& m_sink;
    const std::atomic_bool& m_cancel;
    store::ReaderPool& m_readers;
    RecordsCache& m_records;
    investigations::InvestigationService* m_investigations;
    const OrchestratorOptions& m_options;
    bool m_bufferText;
};

template<typename F>
auto AgentContext::onThreadOf(QObject* owner, F f) -> std::optional<std::invoke_result_t<F>>
{
    using R = std::invoke_result_t<F>;
    if (owner->thread() == QThread::currentThread())
        return f();
    auto promise = std::make_shared<std::promise<R>>();
    std::future<R> future = promise->get_future();
    QMetaObject::invokeMethod(owner, [promise, f]() mutable {
        try {
            promise->set_value(f());
        } catch (...) {
            promise->set_exception(std::current_exception());
        }
    }, Qt::QueuedConnection);
    while (future.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        if (cancelled())
            return std::nullopt;
    }
    return future.get();
}

} // namespace cidadao::agents
