// SPDX-License-Identifier: GPL-3.0-or-later
// Machado de Assis (text): how clearly contract objects are written. A quoted text in the message is
// analysed on its own; otherwise the objects of the contracts the message names (engine analyseObjects).
#include "agentcontext.h"
#include "agents.h"

#include "data/loader.h"
#include "engine/explanations.h"
#include "engine/machado.h"

#include <QRegularExpression>

namespace cidadao::agents {

namespace {

QString readabilityBand(double score, Language l)
{
    if (score > 75)
        return pick(l, QStringLiteral("fácil"), QStringLiteral("easy"));
    if (score > 50)
        return pick(l, QStringLiteral("razoavelmente fácil"), QStringLiteral("fairly easy"));
    if (score > 25)
        return pick(l, QStringLiteral("difícil"), QStringLiteral("hard"));
    return pick(l, QStringLiteral("muito difícil"), QStringLiteral("very hard"));
}

void analyseOneText(AgentContext& c, const QString& text)
{
    const Language l = c.language();
    const engine::TextAnalysis a = engine::analyseText(text);
    c.tool(QStringLiteral("analyze_text"), protocol::Json{{"text", text}}, engine::toJson(a));
    c.say(c.t(QStringLiteral("O texto tem %1 palavras em %2 frase(s); legibilidade %3 (%4, escala Flesch adaptada ao português).")
                  .arg(a.words).arg(a.sentences).arg(engine::formatNumber(a.readability, 1, l), readabilityBand(a.readability, l)),
              QStringLiteral("The text has %1 words in %2 sentence(s); readability %3 (%4, Flesch scale adapted to Portuguese).")
                  .arg(a.words).arg(a.sentences).arg(engine::formatNumber(a.readability, 1, l), readabilityBand(a.readability, l))));
    if (!a.vagueTerms.isEmpty())
        c.say(c.t(QStringLiteral("Termos vagos que dificultam a fiscalização: %1."), QStringLiteral("Vague terms that make auditing hard: %1."))
                  .arg(a.vagueTerms.join(QStringLiteral(", "))));
    for (const engine::TextEntity& entity : a.entities) {
        if ((entity.kind == QLatin1String("cnpj") || entity.kind == QLatin1String("cpf")) && !entity.valid)
            c.say(c.t(QStringLiteral("O documento %1 citado no texto é inválido."), QStringLiteral("Document %1 cited in the text is invalid."))
                      .arg(entity.text));
    }
}

} // namespace

void runMachado(AgentContext& c)
{
    const Language l = c.language();
    static const QRegularExpression quoted(QStringLiteral(R"(["“«]([^"”»]{12,})["”»])"));
    if (const auto m = quoted.match(c.request().message); m.hasMatch()) {
        analyseOneText(c, m.captured(1));
        return;
    }
    c.thinking(QStringLiteral("Lendo os objetos dos contratos…"), QStringLiteral("Reading the contract objects…"));
    const Entities& e = c.entities();
    data::LoadFilter filter;
    filter.from = e.from;
    filter.to = e.to;
    for (const OrganMention& organ : e.organs)
        filter.organs.append(organ.code);
    filter.biddings = filter.participants = filter.agreements = filter.expenses = filter.servants = filter.sanctions =
        false;
    const engine::Dataset dataset = data::loadDataset(c.db(), filter);
    if (c.cancelled())
        return;
    const engine::MachadoReport report = engine::analyseObjects(dataset);
    c.tool(QStringLiteral("analyze_text"), protocol::Json{{"organs", filter.organs}, {"period", e.periodLabel}},
           engine::toJson(report));
    if (report.texts == 0) {
        c.say(c.t(QStringLiteral("Não há objetos de contrato importados para analisar com esses critérios."),
                  QStringLiteral("There are no imported contract objects to analyse with those criteria.")));
        return;
    }
    const double contracts = double(dataset.contracts.size());
    c.say(c.t(QStringLiteral("Li %1 textos distintos de objeto. Legibilidade média: %2 (%3). %4 contratos (%5) usam termos vagos.")
                  .arg(engine::formatCount(report.texts, l), engine::formatNumber(report.meanReadability, 1, l),
                       readabilityBand(report.meanReadability, l), engine::formatCount(report.vagueContracts, l),
                       engine::formatPercent(contracts > 0 ? report.vagueContracts / contracts : 0.0, 1, l)),
              QStringLiteral("I read %1 distinct object texts. Mean readability: %2 (%3). %4 contracts (%5) use vague terms.")
                  .arg(engine::formatCount(report.texts, l), engine::formatNumber(report.meanReadability, 1, l),
                       readabilityBand(report.meanReadability, l), engine::formatCount(report.vagueContracts, l),
                       engine::formatPercent(contracts > 0 ? report.vagueContracts / contracts : 0.0, 1, l))));
    if (!report.vagueTermCounts.empty()) {
        QString text = c.t(QStringLiteral("Termos vagos mais comuns:"), QStringLiteral("Most common vague terms:"));
        for (std::size_t i = 0; i < report.vagueTermCounts.size() && i < 5; ++i)
            text += QStringLiteral("\n- \"%1\": %2").arg(report.vagueTermCounts[i].first, engine::formatCount(report.vagueTermCounts[i].second, l));
        c.say(text);
    }
    if (report.invalidDocumentsInText > 0)
        c.say(c.t(QStringLiteral("%1 documentos (CNPJ/CPF) citados nos textos têm dígitos verificadores inválidos."),
                  QStringLiteral("%1 documents (CNPJ/CPF) cited in the texts have invalid check digits."))
                  .arg(engine::formatCount(report.invalidDocumentsInText, l)));
}

} // namespace cidadao::agents
