// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

namespace cidadao::reports {

namespace {

// RFC 4180: quote when needed, double inner quotes.
QString field(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QStringLiteral("\"%1\"").arg(quoted);
}

QString metaString(const protocol::Json& metadata, const char* key)
{
    if (!metadata.is_object())
        return {};
    const auto it = metadata.find(key);
    if (it == metadata.end())
        return {};
    if (it->is_string())
        return it->get<QString>();
    return QString::fromStdString(it->dump());
}

} // namespace

QByteArray csvReport(const protocol::InvestigationResponse& investigation)
{
    QString out = QStringLiteral("investigation_id,anomaly_id,type,severity,confidence,detector,description,"
                                 "record_count,affected_records,suggested_actions\r\n");
    for (const protocol::AnomalyResult& a : investigation.results) {
        QStringList keys;
        for (const protocol::Json& record : a.affectedRecords) {
            if (record.is_object() && record.contains("key") && record["key"].is_string())
                keys.append(record["key"].get<QString>());
        }
        const QStringList row{investigation.investigationId,
                              a.anomalyId,
                              a.type,
                              a.severity,
                              QString::number(a.confidence, 'f', 4),
                              metaString(a.metadata, "detector"),
                              a.description,
                              metaString(a.metadata, "record_count"),
                              keys.join(QLatin1Char(' ')),
                              a.suggestedActions.join(QStringLiteral(" | "))};
        QStringList fields;
        for (const QString& value : row)
            fields.append(field(value));
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    // A BOM so that spreadsheet programs read the accents as UTF-8.
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace cidadao::reports
