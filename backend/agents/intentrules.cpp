// SPDX-License-Identifier: GPL-3.0-or-later
#include "intentrules.h"

#include "intent.h"

#include <QRegularExpression>

#include <vector>

namespace cidadao::agents {

namespace {

struct Rule
{
    const char* intent;
    QRegularExpression pattern;
    double weight;
};

QRegularExpression re(const char* pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::UseUnicodePropertiesOption);
}

const std::vector<Rule>& rules()
{
    // Patterns run on folded text (lower case, no accents). Weights are in log-odds units added to the
    // model's tempered log-posterior: ~2 is a strong hint, ~4 nearly decides.
    static const std::vector<Rule> table = {
        {Intent::Greeting,
         re(R"(^(oi+|ola|ei|hey|hello|hi|hiya|bom dia|boa tarde|boa noite|good (morning|afternoon|evening)|e ai|salve|opa|tudo bem|obrigad[oa]|valeu|thanks?( you)?|tchau|ate (logo|mais)|bye|goodbye|see you)\b)"),
         2.5},
        {Intent::Greeting, re(R"(^(muito )?(obrigad[oa]|valeu|thanks|thank you|tchau|bye)\b)"), 1.5},
        {Intent::Help,
         re(R"(\b(ajuda|me ajude|socorro|help|o que (voce )?(pode|consegue|sabe) fazer|what can you do|what do you do|how (do|can) i (use|ask|start)|como (eu )?(uso|usar|utilizo|comeco|funciona)|comandos|commands|que perguntas|what (questions|kind of questions)|exemplos? de perguntas?|example questions|instrucoes|instructions|how does this work|tutorial)\b)"),
         2.5},
        {Intent::About,
         re(R"(\b(quem (e|sao) (voce|voces)|who are you|quem te (criou|fez)|who (made|built|created) (you|this)|o que e (o )?cidadao|what is cidadao|sobre (o )?(cidadao|projeto|sistema)|about (cidadao|this (app|project|system)|you)|seus agentes|your agents|quais (sao os )?agentes|which agents|what agents|abaporu|zumbi dos palmares|drummond|tiradentes|machado de assis|dandara|anita garibaldi|codigo aberto|open source|de onde vem os dados|where does the data come from)\b)"),
         2.5},
        {Intent::Investigate,
         re(R"(\b(investig\w*|audit\w*|apur\w*|fiscaliz\w*|varredura|vasculh\w*|procur\w* (por )?(irregularidades|anomalias|fraudes?|problemas)|look (for|into) \w*\s*(anomal\w*|irregular\w*|fraud\w*)|scan\w*|detect\w*|dig into|probe|inspect\w*|check for (anomal\w*|irregular\w*|fraud\w*)|busque irregularidades|verifi\w* (se ha )?(irregularidades|fraudes?)|rastre\w*)\b)"),
         2.0},
        {Intent::Analyze,
         re(R"(\b(padr\w*|tendenc\w*|trends?|patterns?|analis\w*|analy[sz]\w*|distribui\w*|distributed|desigual\w*|inequalit\w*|equity|equitable|equidade|concentra\w*|evolu\w*|compar\w*|gini|theil|sazonal\w*|seasonal\w*|dezembro|december|redacao|wording|legibilidade|readability|vag[ao]s?|vague|texto|objeto dos contratos|regi(ao|oes)|regions?|municipios|estados|per capita|faixas? de valor|value bands?|crescimento|growth|ao longo do tempo|over time|mes a mes|month by month)\b)"),
         1.5},
        {Intent::Report,
         re(R"(\b(relatorios?|reports?|resumo|resuma|resumir|summary|summari[sz]\w*|sintese|sintetize|export\w*|pdf|markdown|documento|write.?up|briefing|parecer)\b)"),
         2.0},
        {Intent::Supplier, re(R"(\b\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}\b)"), 3.5},
        {Intent::Supplier,
         re(R"(\b(fornecedor\w*|suppliers?|vendors?|empresas?|compan(y|ies)|cnpj|contratad[ao]s?|firmas?|contractors?|quem (mais )?(recebeu|ganhou)|who (received|got|won)|sancionad\w*|sanction\w*|ceis|cnep|inidone\w*|debarred)\b)"),
         1.5},
        {Intent::Servants,
         re(R"(\b(servidor\w*|salari\w*|remunera\w*|contracheques?|folha de pagamento|folha salarial|payroll|civil servants?|public servants?|servants?|salar(y|ies)|wages?|teto (constitucional|salarial|remuneratorio)|pay ceiling|salary cap|ganha|ganham|earns?|earning|vencimentos?|supersalari\w*|funcionarios? publicos?|public employees?|paycheck|net pay|gross pay)\b)"),
         2.5},
        {Intent::Explain,
         re(R"(\b(expli\w*|por que|porque|why|o que significa|what does .{1,40} mean|o que quer dizer|significado|meaning of|entend\w*|understand|justifi\w*|motivo|reason)\b)"),
         1.5},
        {Intent::Explain,
         re(R"(\b(anomalias?|anomal(y|ies)|alertas?|alerts?|flag\w*|sinaliz\w*|suspeit\w*|suspicious|marcad[ao]|achados?|findings?|score|severidade|severity|critic\w*)\b)"),
         1.0},
        {Intent::Status,
         re(R"(\b(status|andamento|progresso|progress|terminou|terminada|finished|done yet|is it done|concluid\w*|completed yet|ja acabou|ja terminou|acabou|como (esta|anda|vai) (a |minha |aquela )?investigacao|how is (my|the) investigation|still running|ainda (esta )?rodando|em que (fase|etapa|pe)|what (phase|stage)|percent\w*|porcentagem|quanto falta|how (much )?longer|how far along|situacao da investigacao|state of (my|the) investigation)\b)"),
         3.0},
    };
    return table;
}

} // namespace

QHash<QString, double> intentRuleWeights(const QString& folded)
{
    QHash<QString, double> weights;
    for (const Rule& rule : rules()) {
        if (rule.pattern.match(folded).hasMatch())
            weights[QLatin1String(rule.intent)] += rule.weight;
    }
    return weights;
}

} // namespace cidadao::agents
