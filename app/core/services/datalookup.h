// SPDX-License-Identifier: GPL-3.0-or-later
// Names from the user's own imported data for completion in forms: órgãos and suppliers that match
// what is being typed, read from GET /api/v1/data/{source}?q= (spec/API.md §6). A server without
// the data API (the upstream one) yields no completions, never an error on screen.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace cidadao::client {

class ApiClient;

class DataLookup : public QObject
{
    Q_OBJECT
public:
    enum class Field { Organization, Supplier };
    Q_ENUM(Field)

    explicit DataLookup(ApiClient* api, QObject* parent = nullptr);

    // Answers through completionsReady; the newest request per field wins, older answers are dropped.
    void complete(Field field, const QString& prefix, const QString& source = QStringLiteral("contracts"));
    bool available() const { return m_available; }

    // The distinct values of the record members that name `field`, in first-seen order.
    static QStringList namesIn(const QList<QHash<QString, QString>>& records, Field field);

Q_SIGNALS:
    void completionsReady(cidadao::client::DataLookup::Field field, const QString& prefix, const QStringList& names);

private:
    QPointer<ApiClient> m_api;
    QHash<Field, quint64> m_latest;
    quint64 m_counter = 0;
    bool m_available = true;
};

} // namespace cidadao::client
