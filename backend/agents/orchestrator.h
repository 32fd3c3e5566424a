// SPDX-License-Identifier: GPL-3.0-or-later
// Abaporu, the orchestrator: runs one user message through intent classification and entity
// extraction, routes it to one of the agents (Zumbi, Anita, Tiradentes, Machado, Dandara,
// Drummond), and composes the reply from real work over the local data. Chat (/chat/message,
// /chat/stream, the chat WebSocket) and voice all go through it. Callable from any worker thread;
// progress is reported through a sink as it happens (the caller frames it for SSE, WebSocket or
// voice), and a raised cancel flag stops the work at the next step.
#pragma once

#include "http/request.h"
#include "protocol/agent.h"
#include "protocol/chat.h"
#include "protocol/chatstream.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cidadao::store {
class ReaderPool;
}
namespace cidadao::investigations {
class InvestigationService;
}

namespace cidadao::agents {

class AgentContext;
class IntentClassifier;
class Phraser;

// One tool the orchestrator used to answer, as voice reports it in tool_call {tool, parameters}.
// Tools: "search_contracts" {query, organization?, vendor?, min_value?, max_value?},
// "start_investigation" {query, data_source, anomaly_types?}, "investigation_status"
// {investigation_id}, "explain_anomaly" {anomaly_id}, and the read-only analyses "analyze_patterns",
// "analyze_equity", "analyze_text", "lookup_supplier", "servant_pay", "summarize_report".
struct ToolCall
{
    QString tool;
    protocol::Json parameters = protocol::Json::object();
    protocol::Json result = protocol::Json::object(); // a short summary of what the tool returned
};

struct TurnRequest
{
    QString message;                        // 1..1000 characters (validated by the caller)
    http::Principal principal;              // who asks: investigations are started/looked up as them
    std::optional<QString> agentId;         // forces an agent (ChatRequest.agent_id)
    protocol::Json context = protocol::Json::object(); // ChatRequest.context
    std::optional<QString> investigationId; // the session's current investigation, if any
};

struct Answer
{
    QString intent;                         // greeting | help | about | investigate | analyze | report |
                                            // supplier | servants | explain | status | general
    double confidence = 0.0;                // 0..1
    protocol::Json entities = protocol::Json::object(); // extracted entities (organs, cnpj, dates, values...)
    QString language;                       // "pt-BR" | "en", detected from the message
    QString agentId;                        // protocol::AgentId word
    QString agentName;
    QString text;                           // the whole reply (the concatenated chunks)
    QList<ToolCall> toolCalls;
    QList<protocol::QuickAction> suggestedActions;
    QStringList followUpQuestions;
    QList<protocol::ContractData> contracts; // contract rows shown (search results)
    qint64 contractsTotal = 0;               // how many matched in all
    std::optional<QString> investigationId;  // started or referred to by this turn
    bool cancelled = false;                  // the cancel flag was raised; text holds what was made
    double processingMs = 0.0;
};

// Receives, in order: detecting, intent, agent_selected, thinking?, searching?/found?/contract*,
// chunk+ (never start/complete/error: the caller frames those). Called on the worker's thread.
using EventSink = std::function<void(const protocol::ChatStreamEvent&)>;

struct OrchestratorOptions
{
    // Optional phrasing through an OpenAI-compatible /v1/chat/completions endpoint. Empty URL: off.
    QString llmUrl;
    QString llmKey;
    QString llmModel;
    int llmTimeoutMs = 15000;
    int maxContractRows = 5; // contract events per search
};

class RecordsCache;

class Orchestrator
{
public:
    // readers: read-only connections to the server's database (records tables).
    // investigations: may be null (then Zumbi explains it cannot start investigations here).
    Orchestrator(store::ReaderPool& readers, investigations::InvestigationService* investigations,
                 OrchestratorOptions options = {});
    ~Orchestrator();
    Orchestrator(const Orchestrator&) = delete;
    Orchestrator& operator=(const Orchestrator&) = delete;

    // Runs one turn. Throws protocol::ApiException for bad input (e.g. an unknown forced agent).
    Answer handle(const TurnRequest& request, const EventSink& sink, const std::atomic_bool& cancel) const;
    Answer handle(const TurnRequest& request) const; // no sink, never cancelled

    // Intent and confidence alone (voice uses it to announce the intent early).
    struct Classification
    {
        QString intent;
        double confidence = 0.0;
        QString language;
        protocol::Json entities = protocol::Json::object();
    };
    Classification classify(const QString& message) const;

    // GET /chat/agents and /chat/suggestions.
    static QList<protocol::AgentInfo> agents();
    static QList<protocol::QuickAction> suggestions(const QString& language = QStringLiteral("pt-BR"));

private:
    store::ReaderPool& m_readers;
    investigations::InvestigationService* m_investigations;
    OrchestratorOptions m_options;
    std::unique_ptr<IntentClassifier> m_classifier;
    std::unique_ptr<Phraser> m_phraser;
    // Aggregates over the records, shared by all turns (see recordscache.h).
    std::unique_ptr<RecordsCache> m_records;
};

} // namespace cidadao::agents
