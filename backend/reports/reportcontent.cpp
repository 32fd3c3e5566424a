// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcontent.h"

#include "protocol/timestamp.h"

#include <QLocale>
#include <QMap>
#include <QSet>

namespace cidadao::reports {

namespace {

using protocol::Json;

struct Texts
{
    bool pt;
    QString pick(const QString& ptText, const QString& enText) const { return pt ? ptText : enText; }
};

QLocale localeOf(Language language)
{
    return language == Language::PtBr ? QLocale(QLocale::Portuguese, QLocale::Brazil)
                                      : QLocale(QLocale::English, QLocale::UnitedStates);
}

QString typeLabel(const QString& type, const Texts& t)
{
    static const QHash<QString, QPair<QString, QString>> labels{
        {QStringLiteral("price"), {QStringLiteral("Preço fora do padrão"), QStringLiteral("Price outlier")}},
        {QStringLiteral("vendor"), {QStringLiteral("Fornecedor"), QStringLiteral("Vendor")}},
        {QStringLiteral("temporal"), {QStringLiteral("Padrão temporal"), QStringLiteral("Temporal pattern")}},
        {QStringLiteral("payment"), {QStringLiteral("Pagamento"), QStringLiteral("Payment")}},
        {QStringLiteral("duplicate"), {QStringLiteral("Duplicidade"), QStringLiteral("Duplicate")}},
        {QStringLiteral("pattern"), {QStringLiteral("Padrão suspeito"), QStringLiteral("Suspicious pattern")}},
    };
    const auto it = labels.constFind(type);
    return it == labels.constEnd() ? type : t.pick(it->first, it->second);
}

QString severityLabel(const QString& severity, const Texts& t)
{
    static const QHash<QString, QPair<QString, QString>> labels{
        {QStringLiteral("low"), {QStringLiteral("baixa"), QStringLiteral("low")}},
        {QStringLiteral("medium"), {QStringLiteral("média"), QStringLiteral("medium")}},
        {QStringLiteral("high"), {QStringLiteral("alta"), QStringLiteral("high")}},
        {QStringLiteral("critical"), {QStringLiteral("crítica"), QStringLiteral("critical")}},
    };
    const auto it = labels.constFind(severity);
    return it == labels.constEnd() ? severity : t.pick(it->first, it->second);
}

// Evidence columns in the order a reader scans them; each record shows those it has.
struct Column
{
    const char* key;
    const char* pt;
    const char* en;
    bool money;
};
constexpr Column kColumns[] = {
    {"key", "Registro", "Record", false},
    {"number", "Número", "Number", false},
    {"supplier_name", "Contratado", "Supplier", false},
    {"supplier_doc", "CNPJ/CPF", "Tax id", false},
    {"participant_name", "Participante", "Participant", false},
    {"payee_name", "Favorecido", "Payee", false},
    {"grantee_name", "Convenente", "Grantee", false},
    {"sanctioned_name", "Sancionado", "Sanctioned", false},
    {"name", "Nome", "Name", false},
    {"organ_name", "Órgão", "Agency", false},
    {"unit_name", "Unidade", "Unit", false},
    {"signed_date", "Assinatura", "Signed", false},
    {"open_date", "Abertura", "Opened", false},
    {"date", "Data", "Date", false},
    {"published_date", "Publicação", "Published", false},
    {"initial_value", "Valor inicial", "Initial value", true},
    {"final_value", "Valor final", "Final value", true},
    {"value", "Valor", "Value", true},
    {"net_pay", "Remuneração líquida", "Net pay", true},
};
constexpr int kMaxColumns = 6;

QString cellText(const Json& value, bool money, const QLocale& locale)
{
    if (value.is_string())
        return value.get<QString>();
    if (value.is_number()) {
        const double number = value.get<double>();
        return money ? QStringLiteral("R$ %1").arg(locale.toString(number, 'f', 2)) : locale.toString(number, 'g', 12);
    }
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("✓") : QString();
    return {};
}

EvidenceTable evidenceOf(const protocol::AnomalyResult& anomaly, const Texts& t, const QLocale& locale)
{
    EvidenceTable table;
    std::vector<const Column*> columns;
    for (const Column& column : kColumns) {
        if (int(columns.size()) >= kMaxColumns)
            break;
        for (const Json& record : anomaly.affectedRecords) {
            if (record.is_object() && record.contains(column.key)) {
                columns.push_back(&column);
                break;
            }
        }
    }
    for (const Column* column : columns)
        table.headers.append(t.pick(QString::fromUtf8(column->pt), QString::fromUtf8(column->en)));
    for (const Json& record : anomaly.affectedRecords) {
        if (!record.is_object())
            continue;
        QStringList row;
        for (const Column* column : columns) {
            const auto it = record.find(column->key);
            row.append(it == record.end() ? QString() : cellText(*it, column->money, locale));
        }
        table.rows.append(row);
    }
    table.totalRecords = anomaly.metadata.is_object() ? anomaly.metadata.value("record_count", qint64(table.rows.size()))
                                                      : qint64(table.rows.size());
    return table;
}

QString metaText(const Json& metadata, const char* key)
{
    if (!metadata.is_object())
        return {};
    const auto it = metadata.find(key);
    return it != metadata.end() && it->is_string() ? it->get<QString>() : QString();
}

} // namespace

ReportContent buildContent(const protocol::InvestigationResponse& inv, Language language)
{
    const Texts t{language == Language::PtBr};
    const QLocale locale = localeOf(language);
    ReportContent c;
    c.title = t.pick(QStringLiteral("Relatório de investigação — Tiradentes"),
                     QStringLiteral("Investigation report — Tiradentes"));
    c.subtitle = inv.query;

    QMap<QString, int> bySeverity;
    QMap<QString, int> byType;
    QSet<QString> detectors;
    for (const protocol::AnomalyResult& a : inv.results) {
        bySeverity[a.severity] += 1;
        byType[a.type] += 1;
        const QString detector = metaText(a.metadata, "detector");
        if (!detector.isEmpty())
            detectors.insert(detector);
    }
    c.summaryHeading = t.pick(QStringLiteral("Resumo"), QStringLiteral("Summary"));
    const QString records = locale.toString(inv.totalRecordsAnalyzed);
    if (inv.results.isEmpty()) {
        c.summary.append(t.pick(QStringLiteral("Nenhuma anomalia foi encontrada em %1 registros de %2."),
                                QStringLiteral("No anomaly was found in %1 %2 records."))
                             .arg(records, inv.dataSource));
    } else {
        QStringList parts;
        for (const char* severity : {"critical", "high", "medium", "low"}) {
            const int n = bySeverity.value(QLatin1String(severity));
            if (n > 0)
                parts.append(QStringLiteral("%1 %2").arg(locale.toString(n), severityLabel(QLatin1String(severity), t)));
        }
        c.summary.append(t.pick(QStringLiteral("Foram encontradas %1 anomalias em %2 registros de %3 (gravidade: %4)."),
                                QStringLiteral("%1 anomalies were found in %2 %3 records (severity: %4)."))
                             .arg(locale.toString(inv.results.size()), records, inv.dataSource,
                                  parts.join(QStringLiteral(", "))));
        QStringList types;
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            types.append(QStringLiteral("%1: %2").arg(typeLabel(it.key(), t), locale.toString(it.value())));
        c.summary.append(t.pick(QStringLiteral("Por tipo — %1."), QStringLiteral("By type — %1.")).arg(types.join(QStringLiteral("; "))));
    }
    c.summary.append(t.pick(QStringLiteral("Situação: %1. Confiança média: %2%."),
                            QStringLiteral("Status: %1. Mean confidence: %2%."))
                         .arg(inv.status, locale.toString(inv.confidenceScore * 100.0, 'f', 0)));

    c.methodHeading = t.pick(QStringLiteral("Método"), QStringLiteral("Method"));
    c.method.append(t.pick(QStringLiteral("Os dados importados do Portal da Transparência (fonte: %1) foram analisados "
                                          "pelos detectores do motor de anomalias do Cidadão.AI: comparação de preços "
                                          "com pares do mesmo órgão, modalidade e classe de objeto (z robusto), "
                                          "concentração de fornecedores por unidade e ano, fracionamento e valores "
                                          "próximos aos limites legais de dispensa, aditivos acima do limite legal, "
                                          "duplicidades, picos temporais, lógica de datas, lei de Benford, "
                                          "documentos inválidos e fornecedores sancionados (CEIS/CNEP)."),
                           QStringLiteral("The data imported from the Portal da Transparência (source: %1) was analysed "
                                          "by the Cidadão.AI anomaly engine's detectors: price comparison against peers "
                                          "of the same agency, procurement method and object class (robust z), vendor "
                                          "concentration per unit and year, contract splitting and values close to the "
                                          "legal thresholds for direct purchases, amendments over the legal cap, "
                                          "duplicates, temporal spikes, date logic, Benford's law, invalid tax ids and "
                                          "sanctioned suppliers (CEIS/CNEP)."))
                        .arg(inv.dataSource));
    QStringList detectorList = detectors.values();
    detectorList.sort();
    c.method.append(t.pick(QStringLiteral("%1 registros analisados em %2 s. Detectores com achados: %3."),
                           QStringLiteral("%1 records analysed in %2 s. Detectors with findings: %3."))
                        .arg(records, locale.toString(inv.processingTime, 'f', 1),
                             detectorList.isEmpty() ? QStringLiteral("—") : detectorList.join(QStringLiteral(", "))));
    c.method.append(t.pick(QStringLiteral("Início: %1. Fim: %2."), QStringLiteral("Started: %1. Finished: %2."))
                        .arg(protocol::formatTimestamp(inv.startedAt),
                             inv.completedAt ? protocol::formatTimestamp(*inv.completedAt) : QStringLiteral("—")));

    c.findingsHeading = t.pick(QStringLiteral("Achados"), QStringLiteral("Findings"));
    c.noFindings = t.pick(QStringLiteral("Nenhum achado."), QStringLiteral("No findings."));
    c.evidenceHeading = t.pick(QStringLiteral("Evidências"), QStringLiteral("Evidence"));
    c.actionsHeading = t.pick(QStringLiteral("Ações sugeridas"), QStringLiteral("Suggested actions"));
    c.moreRecords = t.pick(QStringLiteral("%1 de %2 registros mostrados."), QStringLiteral("%1 of %2 records shown."));
    int index = 0;
    for (const protocol::AnomalyResult& a : inv.results) {
        FindingSection f;
        f.title = QStringLiteral("%1. %2 — %3")
                      .arg(QString::number(++index), typeLabel(a.type, t), severityLabel(a.severity, t));
        if (t.pt) {
            f.description = a.description;
            f.explanation = a.explanation;
        } else {
            f.description = metaText(a.metadata, "description_en");
            f.explanation = metaText(a.metadata, "explanation_en");
            if (f.description.isEmpty())
                f.description = a.description;
        }
        if (f.explanation == f.description)
            f.explanation.clear();
        f.facts.append(t.pick(QStringLiteral("Confiança: %1%"), QStringLiteral("Confidence: %1%"))
                           .arg(locale.toString(a.confidence * 100.0, 'f', 0)));
        const QString detector = metaText(a.metadata, "detector");
        if (!detector.isEmpty())
            f.facts.append(t.pick(QStringLiteral("Detector: %1"), QStringLiteral("Detector: %1")).arg(detector));
        const QString basis = metaText(a.metadata, "basis");
        if (!basis.isEmpty())
            f.facts.append(t.pick(QStringLiteral("Base: %1"), QStringLiteral("Basis: %1")).arg(basis));
        const QString peers = metaText(a.metadata, "peer_group");
        if (!peers.isEmpty())
            f.facts.append(t.pick(QStringLiteral("Comparado com: %1"), QStringLiteral("Compared with: %1")).arg(peers));
        f.facts.append(QStringLiteral("ID: %1").arg(a.anomalyId));
        f.actions = a.suggestedActions;
        f.evidence = evidenceOf(a, t, locale);
        c.findings.append(f);
    }
    c.caveatHeading = t.pick(QStringLiteral("Aviso importante"), QStringLiteral("Important caveat"));
    c.caveat = t.pick(QStringLiteral("Uma anomalia é um indício, não uma prova de irregularidade. Os achados deste "
                                     "relatório apontam registros que merecem verificação: podem ter explicações "
                                     "legítimas (erros de cadastro, contratos emergenciais, particularidades do "
                                     "mercado). Confira os documentos originais antes de tirar conclusões."),
                      QStringLiteral("An anomaly is a lead, not proof of wrongdoing. The findings in this report point "
                                     "at records worth checking: they may have legitimate explanations (data entry "
                                     "errors, emergency contracts, market particularities). Check the original "
                                     "documents before drawing conclusions."));
    c.footer = t.pick(QStringLiteral("Gerado por Cidadão.AI (Tiradentes) — investigação %1"),
                      QStringLiteral("Generated by Cidadão.AI (Tiradentes) — investigation %1"))
                   .arg(inv.investigationId);
    return c;
}

} // namespace cidadao::reports
