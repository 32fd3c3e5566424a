// SPDX-License-Identifier: GPL-3.0-or-later
#include "datalookup.h"

#include "core/apiclient.h"

#include <QSet>
#include <QUrlQuery>

namespace cidadao::client {

namespace {

// The member names our server (and the Portal's own column names) use for each field, by source.
const QStringList& keysFor(DataLookup::Field field)
{
    static const QStringList organs = {QStringLiteral("organ_name"), QStringLiteral("orgao"),
                                       QStringLiteral("nome_orgao"), QStringLiteral("grantor_organ"),
                                       QStringLiteral("unit_name"), QStringLiteral("organ")};
    static const QStringList suppliers = {QStringLiteral("supplier_name"), QStringLiteral("fornecedor"),
                                          QStringLiteral("nome_fornecedor"), QStringLiteral("payee_name"),
                                          QStringLiteral("grantee_name"), QStringLiteral("participant_name")};
    return field == DataLookup::Field::Organization ? organs : suppliers;
}

} // namespace

DataLookup::DataLookup(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
}

QStringList DataLookup::namesIn(const QList<QHash<QString, QString>>& records, Field field)
{
    QStringList names;
    QSet<QString> seen;
    for (const auto& record : records) {
        for (const QString& key : keysFor(field)) {
            const QString value = record.value(key).trimmed();
            if (value.isEmpty())
                continue;
            if (!seen.contains(value.toCaseFolded())) {
                seen.insert(value.toCaseFolded());
                names.append(value);
            }
            break;
        }
    }
    return names;
}

void DataLookup::complete(Field field, const QString& prefix, const QString& source)
{
    if (!m_api || !m_available || prefix.trimmed().size() < 2)
        return;
    const quint64 ticket = ++m_counter;
    m_latest.insert(field, ticket);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), prefix.trimmed());
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/data/%1").arg(source), ApiJob::Auth::Required, query);
    connect(job, &ApiJob::finished, this, [this, field, prefix, ticket](ApiJob* done) {
        if (done->status() != ApiJob::Status::Succeeded) {
            if (done->httpStatus() == 404 || done->httpStatus() == 405)
                m_available = false; // no data API on this server: stop asking
            return;
        }
        if (m_latest.value(field) != ticket)
            return;
        QList<QHash<QString, QString>> records;
        const protocol::Json& json = done->json();
        const auto items = json.find("items");
        if (items == json.end() || !items->is_array())
            return;
        for (const protocol::Json& item : *items) {
            if (!item.is_object())
                continue;
            QHash<QString, QString> record;
            for (auto it = item.begin(); it != item.end(); ++it)
                if (it->is_string())
                    record.insert(QString::fromStdString(it.key()), it->get<QString>());
            records.append(record);
        }
        // The server's search covers every text of a record; only names that match what was typed help.
        QStringList names = namesIn(records, field);
        names.removeIf([&prefix](const QString& name) { return !name.contains(prefix.trimmed(), Qt::CaseInsensitive); });
        Q_EMIT completionsReady(field, prefix, names);
    });
}

} // namespace cidadao::client
