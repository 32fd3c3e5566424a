// SPDX-License-Identifier: GPL-3.0-or-later
#include "labels.h"

#include <QHash>
#include <QStringList>

#include <utility>

namespace cidadao::agents {

namespace {

using Labels = QHash<QString, std::pair<QString, QString>>; // word → (pt-BR, en)

QString lookUp(const Labels& labels, const QString& word, Language language)
{
    const auto it = labels.constFind(word);
    if (it == labels.cend())
        return word;
    return language == Language::En ? it->second : it->first;
}

} // namespace

QString sourceLabel(const QString& source, Language language)
{
    static const Labels labels = {
        {QStringLiteral("contracts"), {QStringLiteral("Contratos"), QStringLiteral("Contracts")}},
        {QStringLiteral("biddings"), {QStringLiteral("Licitações"), QStringLiteral("Biddings")}},
        {QStringLiteral("agreements"), {QStringLiteral("Convênios"), QStringLiteral("Agreements")}},
        {QStringLiteral("expenses"), {QStringLiteral("Despesas"), QStringLiteral("Expenses")}},
        {QStringLiteral("servants"), {QStringLiteral("Remuneração de servidores"), QStringLiteral("Servants' pay")}},
        {QStringLiteral("sanctions"), {QStringLiteral("Sanções"), QStringLiteral("Sanctions")}},
    };
    return lookUp(labels, source, language);
}

QString anomalyTypeLabel(const QString& type, Language language)
{
    static const Labels labels = {
        {QStringLiteral("price"), {QStringLiteral("preço"), QStringLiteral("price")}},
        {QStringLiteral("vendor"), {QStringLiteral("concentração de fornecedores"), QStringLiteral("vendor concentration")}},
        {QStringLiteral("temporal"), {QStringLiteral("calendário"), QStringLiteral("timing")}},
        {QStringLiteral("payment"), {QStringLiteral("pagamento"), QStringLiteral("payment")}},
        {QStringLiteral("duplicate"), {QStringLiteral("duplicidade"), QStringLiteral("duplicate")}},
        {QStringLiteral("pattern"), {QStringLiteral("padrão de gastos"), QStringLiteral("spending pattern")}},
    };
    return lookUp(labels, type, language);
}

QString investigationStatusLabel(const QString& status, Language language)
{
    static const Labels labels = {
        {QStringLiteral("started"), {QStringLiteral("iniciada"), QStringLiteral("started")}},
        {QStringLiteral("processing"), {QStringLiteral("em andamento"), QStringLiteral("in progress")}},
        {QStringLiteral("completed"), {QStringLiteral("concluída"), QStringLiteral("completed")}},
        {QStringLiteral("failed"), {QStringLiteral("falhou"), QStringLiteral("failed")}},
        {QStringLiteral("cancelled"), {QStringLiteral("cancelada"), QStringLiteral("cancelled")}},
    };
    return lookUp(labels, status, language);
}

QString phaseLabel(const QString& phase, Language language)
{
    static const Labels labels = {
        {QStringLiteral("data_retrieval"), {QStringLiteral("leitura dos dados"), QStringLiteral("data retrieval")}},
        {QStringLiteral("anomaly_detection"), {QStringLiteral("detecção de anomalias"), QStringLiteral("anomaly detection")}},
        {QStringLiteral("pattern_analysis"), {QStringLiteral("análise de padrões"), QStringLiteral("pattern analysis")}},
        {QStringLiteral("report_generation"), {QStringLiteral("geração do relatório"), QStringLiteral("report generation")}},
        {QStringLiteral("completed"), {QStringLiteral("concluída"), QStringLiteral("completed")}},
    };
    return lookUp(labels, phase, language);
}

QString ofOrgan(const QString& organName, Language language)
{
    if (language == Language::En)
        return QStringLiteral("of ") + organName;
    // Federal bodies' names start with a noun whose gender the ending mostly tells; the exceptions
    // among the common ones are listed.
    const QString first = organName.section(QLatin1Char(' '), 0, 0).toLower();
    static const QStringList feminineExceptions = {QStringLiteral("controladoria-geral"), QStringLiteral("advocacia-geral")};
    static const QStringList masculineExceptions = {QStringLiteral("conselho"), QStringLiteral("comando"),
                                                    QStringLiteral("tribunal"), QStringLiteral("hospital")};
    bool feminine = first.endsWith(QLatin1Char('a')) || first.endsWith(QLatin1String("ade"))
                    || first.endsWith(u"ção") || first.endsWith(u"ência")
                    || first.endsWith(QLatin1String("agem")) || feminineExceptions.contains(first);
    if (masculineExceptions.contains(first))
        feminine = false;
    if (first.isEmpty() || first.front().isDigit() || first.toUpper() == first)
        return QStringLiteral("de ") + organName; // a code or an acronym: no article
    return (feminine ? QStringLiteral("da ") : QStringLiteral("do ")) + organName;
}

} // namespace cidadao::agents
