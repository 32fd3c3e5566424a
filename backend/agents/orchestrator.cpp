// SPDX-License-Identifier: GPL-3.0-or-later
#include "orchestrator.h"

#include "agentcontext.h"
#include "agents.h"
#include "entities.h"
#include "intent.h"
#include "intentclassifier.h"
#include "phraser.h"
#include "recordscache.h"

#include "protocol/apierror.h"

#include <QElapsedTimer>
#include <QRegularExpression>

namespace cidadao::agents {

namespace {

using AgentRunner = void (*)(AgentContext&);

struct Route
{
    const char* agentId;
    AgentRunner run;
};

AgentRunner runnerOf(const QString& agentId)
{
    static const QHash<QString, AgentRunner> runners = {
        {QLatin1String(protocol::AgentId::Zumbi), &runZumbi},         {QLatin1String(protocol::AgentId::Anita), &runAnita},
        {QLatin1String(protocol::AgentId::Tiradentes), &runTiradentes}, {QLatin1String(protocol::AgentId::Machado), &runMachado},
        {QLatin1String(protocol::AgentId::Dandara), &runDandara},     {QLatin1String(protocol::AgentId::Drummond), &runDrummond},
    };
    return runners.value(agentId, nullptr);
}

// Abaporu's routing table: intent first, then, for analyses, the topic the message is about.
QString routeAgent(const QString& intent, const QString& folded)
{
    namespace A = protocol::AgentId;
    if (intent == QLatin1String(Intent::Investigate) || intent == QLatin1String(Intent::Status))
        return QLatin1String(A::Zumbi);
    if (intent == QLatin1String(Intent::Report))
        return QLatin1String(A::Tiradentes);
    if (intent == QLatin1String(Intent::Supplier))
        return QLatin1String(A::Anita);
    if (intent == QLatin1String(Intent::Servants))
        return QLatin1String(A::Dandara);
    if (intent == QLatin1String(Intent::Analyze)) {
        static const QRegularExpression text(QStringLiteral(
            R"(\b(texto|textos|redacao|redigid\w*|objetos?|descric\w*|vag[ao]s?|legibilidade|clareza|wording|written|readab\w*|vague|descriptions?|clarity|objects?)\b)"));
        static const QRegularExpression equity(QStringLiteral(
            R"(\b(desigual\w*|gini|theil|palma|distribu\w*|equidade|equity|inequalit\w*|unequal|per capita|municipios?|municipalit\w*|cidades|cities|estados|states|uf|regi(ao|oes)|regions?|territor\w*)\b)"));
        if (text.match(folded).hasMatch())
            return QLatin1String(A::Machado);
        if (equity.match(folded).hasMatch())
            return QLatin1String(A::Dandara);
        return QLatin1String(A::Anita);
    }
    return QLatin1String(A::Drummond);
}

void emitTo(const EventSink& sink, const protocol::ChatStreamEvent& event)
{
    if (sink)
        sink(event);
}

// Splits a finished text into chunks of about a sentence, for a rephrased reply streamed after the fact.
QStringList sentencesOf(const QString& text)
{
    QStringList out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool end = (text[i] == u'.' || text[i] == u'\n' || text[i] == u'!' || text[i] == u'?')
                         && (i + 1 == text.size() || text[i + 1].isSpace());
        if (end && i + 1 - start >= 40) {
            out.append(text.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start < text.size())
        out.append(text.mid(start));
    return out;
}

} // namespace

Orchestrator::Orchestrator(store::ReaderPool& readers, investigations::InvestigationService* investigations,
                           OrchestratorOptions options)
    : m_readers(readers)
    , m_investigations(investigations)
    , m_options(std::move(options))
    , m_classifier(std::make_unique<IntentClassifier>(IntentClassifier::builtinExamples()))
    , m_records(std::make_unique<RecordsCache>())
{
    if (!m_options.llmUrl.isEmpty())
        m_phraser = std::make_unique<Phraser>(
            PhraserConfig{m_options.llmUrl, m_options.llmKey, m_options.llmModel, m_options.llmTimeoutMs});
}

Orchestrator::~Orchestrator() = default;

Orchestrator::Classification Orchestrator::classify(const QString& message) const
{
    const IntentScore score = m_classifier->classify(message);
    return {score.intent, score.confidence, languageTag(detectLanguage(message)), toJson(extractEntities(message))};
}

Answer Orchestrator::handle(const TurnRequest& request) const
{
    const std::atomic_bool never{false};
    return handle(request, EventSink{}, never);
}

Answer Orchestrator::handle(const TurnRequest& request, const EventSink& sink, const std::atomic_bool& cancel) const
{
    QElapsedTimer timer;
    timer.start();
    const Language language = detectLanguage(request.message);
    emitTo(sink, protocol::StreamDetecting{pick(language, QStringLiteral("Analisando sua mensagem…"),
                                                QStringLiteral("Analysing your message…"))});

    QString agentId;
    if (request.agentId && *request.agentId != QLatin1String(protocol::AgentId::Abaporu)) {
        if (!runnerOf(*request.agentId))
            throw protocol::ValidationFailure(QStringLiteral("agent_id"), QStringLiteral("unknown agent"));
        agentId = *request.agentId;
    }
    const IntentScore score = m_classifier->classify(request.message);
    const Entities entities = extractEntities(request.message);
    if (agentId.isEmpty())
        agentId = routeAgent(score.intent, foldMessage(request.message));

    Answer answer;
    answer.intent = score.intent;
    answer.confidence = score.confidence;
    answer.entities = toJson(entities);
    answer.language = languageTag(language);
    answer.agentId = agentId;
    const auto profile = protocol::findAgent(agentId);
    answer.agentName = profile ? profile->name : agentId;
    emitTo(sink, protocol::StreamIntent{answer.intent, answer.confidence});
    emitTo(sink, protocol::StreamAgentSelected{answer.agentId, answer.agentName});

    const bool phrase = m_phraser != nullptr;
    AgentContext context(request, entities, language, answer, sink, cancel, m_readers, *m_records, m_investigations, m_options,
                         phrase);
    runnerOf(agentId)(context);

    if (phrase && !answer.text.isEmpty()) {
        if (!cancel.load()) {
            emitTo(sink, protocol::StreamThinking{pick(language, QStringLiteral("Redigindo a resposta…"),
                                                       QStringLiteral("Writing the answer…"))});
            if (auto rewritten = m_phraser->rephrase(answer.text, language, cancel))
                answer.text = *rewritten;
        }
        for (const QString& piece : sentencesOf(answer.text))
            emitTo(sink, protocol::StreamChunk{piece});
    }
    if (answer.suggestedActions.isEmpty())
        answer.suggestedActions = suggestions(answer.language).mid(0, 3);
    answer.cancelled = cancel.load();
    answer.processingMs = double(timer.nsecsElapsed()) / 1e6;
    return answer;
}

QList<protocol::AgentInfo> Orchestrator::agents()
{
    static const QHash<QString, QString> descriptions = {
        {QLatin1String(protocol::AgentId::Abaporu),
         QStringLiteral("Orquestra a equipe: entende a pergunta e escolhe quem responde. / Orchestrates the team: understands the question and picks who answers.")},
        {QLatin1String(protocol::AgentId::Zumbi),
         QStringLiteral("Investiga: inicia investigações de anomalias e informa o andamento. / Investigates: starts anomaly investigations and reports their progress.")},
        {QLatin1String(protocol::AgentId::Anita),
         QStringLiteral("Analisa padrões, tendências e fornecedores. / Analyses patterns, trends and suppliers.")},
        {QLatin1String(protocol::AgentId::Tiradentes),
         QStringLiteral("Escreve relatórios das investigações e dos dados. / Writes reports of investigations and data.")},
        {QLatin1String(protocol::AgentId::Machado),
         QStringLiteral("Lê os textos dos contratos: clareza e termos vagos. / Reads contract texts: clarity and vague wording.")},
        {QLatin1String(protocol::AgentId::Dandara),
         QStringLiteral("Mede a equidade: distribuição dos recursos e remuneração. / Measures equity: how money and pay are distributed.")},
        {QLatin1String(protocol::AgentId::Drummond),
         QStringLiteral("Conversa e explica em linguagem simples. / Talks and explains in plain language.")},
    };
    QList<protocol::AgentInfo> out;
    for (const protocol::AgentProfile& profile : protocol::builtinAgents())
        out.append(protocol::AgentInfo{profile.id, profile.name, profile.role, descriptions.value(profile.id), QStringLiteral("IDLE")});
    return out;
}

QList<protocol::QuickAction> Orchestrator::suggestions(const QString& language)
{
    const Language l = language.startsWith(QLatin1String("en")) ? Language::En : Language::Pt;
    return {
        {QStringLiteral("investigate-health"), pick(l, QStringLiteral("Investigar contratos da Saúde"), QStringLiteral("Investigate health contracts")),
         QStringLiteral("search"), pick(l, QStringLiteral("Investigue os contratos do Ministério da Saúde"), QStringLiteral("Investigate the contracts of the ministry of health"))},
        {QStringLiteral("patterns"), pick(l, QStringLiteral("Padrões de gastos"), QStringLiteral("Spending patterns")),
         QStringLiteral("trending-up"), pick(l, QStringLiteral("Quais são os padrões de gastos dos contratos?"), QStringLiteral("What are the spending patterns of the contracts?"))},
        {QStringLiteral("suppliers"), pick(l, QStringLiteral("Maiores fornecedores"), QStringLiteral("Largest suppliers")),
         QStringLiteral("briefcase"), pick(l, QStringLiteral("Quais são os maiores fornecedores?"), QStringLiteral("Who are the largest suppliers?"))},
        {QStringLiteral("servants"), pick(l, QStringLiteral("Salários acima do teto"), QStringLiteral("Pay above the ceiling")),
         QStringLiteral("users"), pick(l, QStringLiteral("Há servidores ganhando acima do teto?"), QStringLiteral("Are there servants paid above the ceiling?"))},
        {QStringLiteral("equity"), pick(l, QStringLiteral("Distribuição por município"), QStringLiteral("Distribution by city")),
         QStringLiteral("map"), pick(l, QStringLiteral("Como os recursos dos convênios estão distribuídos entre municípios?"), QStringLiteral("How is agreement money distributed among cities?"))},
        {QStringLiteral("report"), pick(l, QStringLiteral("Relatório dos dados"), QStringLiteral("Data report")),
         QStringLiteral("file-text"), pick(l, QStringLiteral("Gere um relatório dos dados importados"), QStringLiteral("Write a report of the imported data"))},
    };
}

} // namespace cidadao::agents
