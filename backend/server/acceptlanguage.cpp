// SPDX-License-Identifier: GPL-3.0-or-later
#include "acceptlanguage.h"

#include <QHash>
#include <QList>

namespace cidadao::server {

QString preferredLanguage(const QByteArray& acceptLanguage)
{
    const QList<QByteArray> wanted = acceptLanguage.split(',');
    for (const QByteArray& item : wanted) {
        const QByteArray tag = item.trimmed().toLower();
        if (tag.startsWith("pt"))
            return QStringLiteral("pt-BR");
        if (tag.startsWith("en"))
            return QStringLiteral("en");
    }
    return QStringLiteral("pt-BR");
}

QString workflowNamePt(const QString& name)
{
    static const QHash<QString, QString> pt = {
        {QStringLiteral("Import"), QStringLiteral("Importação")},
        {QStringLiteral("Investigation"), QStringLiteral("Investigação")},
        {QStringLiteral("Watchlist"), QStringLiteral("Acompanhamento")},
        {QStringLiteral("Custom"), QStringLiteral("Personalizado")},
        {QStringLiteral("Parse the file"), QStringLiteral("Ler o arquivo")},
        {QStringLiteral("Validate the layout"), QStringLiteral("Validar o layout")},
        {QStringLiteral("Store the records"), QStringLiteral("Gravar os registros")},
        {QStringLiteral("Index for queries"), QStringLiteral("Indexar para consultas")},
        {QStringLiteral("Retrieve records"), QStringLiteral("Buscar os registros")},
        {QStringLiteral("Detect anomalies"), QStringLiteral("Detectar anomalias")},
        {QStringLiteral("Analyse patterns"), QStringLiteral("Analisar padrões")},
        {QStringLiteral("Write the report"), QStringLiteral("Escrever o relatório")},
        {QStringLiteral("Load saved investigations"), QStringLiteral("Carregar as investigações salvas")},
        {QStringLiteral("Re-run them"), QStringLiteral("Executá-las de novo")},
        {QStringLiteral("Keep what is new"), QStringLiteral("Manter o que é novo")},
        {QStringLiteral("Notify new findings"), QStringLiteral("Avisar dos achados novos")},
    };
    return pt.value(name, name);
}

} // namespace cidadao::server
