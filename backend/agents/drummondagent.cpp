// SPDX-License-Identifier: GPL-3.0-or-later
// Carlos Drummond de Andrade (communication): conversation (greetings, help, who we are), plain-
// language explanations of anomalies and terms, and the general questions about the data.
#include "agentcontext.h"
#include "agents.h"
#include "glossary.h"
#include "intent.h"
#include "recordqueries.h"

#include "engine/explanations.h"
#include "investigations/investigationservice.h"
#include "protocol/agent.h"
#include "protocol/apierror.h"

#include <QRegularExpression>

namespace cidadao::agents {

namespace {

void dataSentence(AgentContext& c)
{
    const Language l = c.language();
    const DataOverview overview = c.overview();
    c.tool(QStringLiteral("data_overview"), protocol::Json::object(), protocol::Json{{"records", overview.totalRecords()}});
    const SourceCount* contracts = overview.find(QStringLiteral("contracts"));
    if (overview.totalRecords() == 0) {
        c.say(c.t(QStringLiteral("Ainda não há dados importados: importe arquivos do Portal da Transparência para começarmos."),
                  QStringLiteral("No data has been imported yet: import Portal da Transparência files to get started.")));
        return;
    }
    c.say(c.t(QStringLiteral("Tenho %1 registros importados, entre eles %2 contratos que somam %3."),
              QStringLiteral("I have %1 imported records, among them %2 contracts adding up to %3."))
              .arg(engine::formatCount(overview.totalRecords(), l), engine::formatCount(contracts ? contracts->records : 0, l),
                   engine::formatMoney(contracts ? contracts->total : 0.0, l)));
}

void greeting(AgentContext& c)
{
    const QString folded = foldMessage(c.request().message);
    static const QRegularExpression thanks(QStringLiteral(R"(\b(obrigad[oa]|valeu|thanks?|thank you)\b)"));
    static const QRegularExpression bye(QStringLiteral(R"(\b(tchau|ate (logo|mais)|bye|goodbye|see you)\b)"));
    if (thanks.match(folded).hasMatch() || bye.match(folded).hasMatch()) {
        c.say(c.t(QStringLiteral("Por nada! Quando quiser, é só perguntar sobre os gastos públicos."),
                  QStringLiteral("You're welcome! Ask about public spending whenever you like.")));
        return;
    }
    c.say(c.t(QStringLiteral("Olá! Sou o Drummond, da equipe do Cidadão.AI. Ajudo a entender e investigar os gastos públicos."),
              QStringLiteral("Hello! I'm Drummond, from the Cidadão.AI team. I help you understand and investigate public spending.")));
    dataSentence(c);
    c.followUp(QStringLiteral("Investigue os contratos do Ministério da Saúde"), QStringLiteral("Investigate the contracts of the ministry of health"));
}

void help(AgentContext& c)
{
    c.say(c.t(QStringLiteral("Posso:\n- investigar contratos, despesas, convênios, licitações ou servidores (\"investigue os contratos da educação em 2023\");\n- analisar padrões e tendências (\"há corrida de gastos em dezembro?\");\n- consultar um fornecedor pelo CNPJ (\"quem é o fornecedor 12.345.678/0001-95?\");\n- mostrar a remuneração de servidores e o teto;\n- medir a distribuição dos recursos entre municípios e estados;\n- avaliar a clareza dos objetos dos contratos;\n- explicar anomalias em linguagem simples e gerar relatórios."),
              QStringLiteral("I can:\n- investigate contracts, expenses, agreements, biddings or servants (\"investigate education contracts in 2023\");\n- analyse patterns and trends (\"is there a December spending rush?\");\n- look a supplier up by CNPJ (\"who is supplier 12.345.678/0001-95?\");\n- show servants' pay against the ceiling;\n- measure how money is distributed among cities and states;\n- assess how clearly contract objects are written;\n- explain anomalies in plain words and write reports.")));
    dataSentence(c);
}

void about(AgentContext& c)
{
    QString text = c.t(QStringLiteral("O Cidadão.AI é um sistema aberto para investigar gastos públicos brasileiros com os dados do Portal da Transparência, no seu computador. A equipe:"),
                       QStringLiteral("Cidadão.AI is an open system to investigate Brazilian public spending with Portal da Transparência data, on your own computer. The team:"));
    for (const protocol::AgentInfo& agent : Orchestrator::agents())
        text += QStringLiteral("\n- **%1** — %2").arg(agent.name, agent.description);
    c.say(text);
    dataSentence(c);
}

// The anomaly with `anomalyId` among the investigations the caller can see.
std::optional<protocol::AnomalyResult> findAnomaly(AgentContext& c, const QString& anomalyId)
{
    auto* service = c.investigations();
    if (!service)
        return std::nullopt;
    const http::Principal who = c.request().principal;
    QStringList candidates;
    if (c.entities().investigationId)
        candidates.append(*c.entities().investigationId);
    if (c.request().investigationId)
        candidates.append(*c.request().investigationId);
    const auto listed = c.onThreadOf(service, [service, who] {
        investigations::ListQuery query;
        query.page.limit = 20;
        QStringList ids;
        for (const auto& summary : service->list(who, query).items)
            ids.append(summary.status.investigationId);
        return ids;
    });
    if (listed)
        candidates += *listed;
    candidates.removeDuplicates();
    for (const QString& id : std::as_const(candidates)) {
        std::optional<std::optional<protocol::InvestigationResponse>> results;
        try {
            results = c.onThreadOf(service, [service, who, id] { return service->results(who, id); });
        } catch (const protocol::ApiException&) {
            continue; // not finished
        }
        if (!results || !*results)
            continue;
        for (const protocol::AnomalyResult& anomaly : (*results)->results)
            if (anomaly.anomalyId == anomalyId || (anomalyId.isEmpty() && !anomaly.explanation.isEmpty()))
                return anomaly;
    }
    return std::nullopt;
}

void explain(AgentContext& c)
{
    const Language l = c.language();
    const QString folded = foldMessage(c.request().message);
    const auto anomalyId = c.entities().anomalyId;
    const bool aboutConcept = glossaryAnswer(folded, l).has_value();
    if (anomalyId || !aboutConcept) {
        const auto anomaly = findAnomaly(c, anomalyId.value_or(QString()));
        c.tool(QStringLiteral("explain_anomaly"), protocol::Json{{"anomaly_id", anomalyId.value_or(QString())}},
               protocol::Json{{"found", anomaly.has_value()}});
        if (anomaly) {
            c.say(c.t(QStringLiteral("**%1** (severidade %2, confiança %3): %4"), QStringLiteral("**%1** (severity %2, confidence %3): %4"))
                      .arg(anomaly->type, anomaly->severity, engine::formatPercent(anomaly->confidence, 0, l), anomaly->description));
            if (!anomaly->explanation.isEmpty())
                c.say(c.t(QStringLiteral("Em palavras simples: %1"), QStringLiteral("In plain words: %1")).arg(anomaly->explanation));
            if (const auto definition = glossaryAnswer(anomaly->type, l))
                c.say(*definition);
            c.say(c.t(QStringLiteral("Uma anomalia é um sinal para olhar de perto, não a prova de uma irregularidade."),
                      QStringLiteral("An anomaly is a signal to look closer, not proof of wrongdoing.")));
            return;
        }
    }
    if (const auto definition = glossaryAnswer(folded, l)) {
        c.say(*definition);
        c.say(c.t(QStringLiteral("Uma anomalia é um sinal para olhar de perto, não a prova de uma irregularidade."),
                  QStringLiteral("An anomaly is a signal to look closer, not proof of wrongdoing.")));
        return;
    }
    c.say(c.t(QStringLiteral("Não encontrei essa anomalia nas suas investigações. Diga o id da anomalia ou o tipo (preço, fracionamento, concentração, temporal…) e eu explico."),
              QStringLiteral("I did not find that anomaly in your investigations. Tell me the anomaly id or its type (price, splitting, concentration, temporal…) and I will explain.")));
}

void general(AgentContext& c)
{
    const Language l = c.language();
    const QString folded = foldMessage(c.request().message);
    static const QRegularExpression largest(QStringLiteral(R"(\b(maior(es)? contratos?|largest contracts?|biggest contracts?)\b)"));
    static const QRegularExpression howMuch(QStringLiteral(R"(\b(quanto|how much|total|gastou|spent|spend)\b)"));
    static const QRegularExpression inventory(QStringLiteral(R"(\b(quantos|quantas|how many|quais dados|what data|base|database|importad\w*|imported)\b)"));
    const Entities& e = c.entities();
    const bool namesData = !e.organs.empty() || e.hasPeriod() || e.minValue || e.maxValue;
    if (largest.match(folded).hasMatch() || (howMuch.match(folded).hasMatch() && namesData)) {
        searchAndShowContracts(c, c.request().message);
        return;
    }
    if (inventory.match(folded).hasMatch() || howMuch.match(folded).hasMatch()) {
        dataSentence(c);
        return;
    }
    if (const auto definition = glossaryAnswer(folded, l)) {
        c.say(*definition);
        return;
    }
    if (namesData) {
        searchAndShowContracts(c, c.request().message);
        return;
    }
    c.say(c.t(QStringLiteral("Não sei responder isso: meu assunto são os gastos públicos federais. Posso investigar contratos, consultar fornecedores, analisar padrões ou explicar anomalias."),
              QStringLiteral("I can't answer that: my subject is federal public spending. I can investigate contracts, look suppliers up, analyse patterns or explain anomalies.")));
}

} // namespace

void runDrummond(AgentContext& c)
{
    const QString& intent = c.answer().intent;
    if (intent == QLatin1String(Intent::Greeting))
        greeting(c);
    else if (intent == QLatin1String(Intent::Help))
        help(c);
    else if (intent == QLatin1String(Intent::About))
        about(c);
    else if (intent == QLatin1String(Intent::Explain))
        explain(c);
    else
        general(c);
}

} // namespace cidadao::agents
