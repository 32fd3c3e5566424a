// SPDX-License-Identifier: GPL-3.0-or-later
#include "localcache.h"


#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace cidadao::client {

namespace {

constexpr int SchemaVersion = 1;

QByteArray jsonOf(const auto& value)
{
    protocol::Json out;
    to_json(out, value);
    return protocol::toBytes(out);
}

template<typename T>
std::optional<T> fromColumn(const QVariant& column)
{
    const QByteArray bytes = column.toByteArray();
    const protocol::Json parsed = protocol::Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (parsed.is_discarded())
        return std::nullopt;
    try {
        T value;
        from_json(parsed, value);
        return value;
    } catch (const std::exception&) {
        return std::nullopt; // a row written by another version that we cannot read is skipped
    }
}

QString isoOf(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

LocalCache::LocalCache(const QString& filePath)
    : m_connection(QStringLiteral("cidadao-cache-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(filePath);
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    m_open = exec(QStringLiteral("PRAGMA journal_mode=WAL"))
             && migrate();
}

LocalCache::~LocalCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool LocalCache::exec(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

int LocalCache::schemaVersion() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

bool LocalCache::migrate()
{
    if (schemaVersion() >= SchemaVersion)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    const bool ok =
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, updated_at TEXT NOT NULL,"
                            " body BLOB NOT NULL)"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL"
                               ", timestamp TEXT NOT NULL,"
                               " body BLOB NOT NULL)"))
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS messages_by_session ON messages(session_id, timestamp)"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS investigations (id TEXT PRIMARY KEY, query TEXT NOT NULL,"
                               " updated_at TEXT NOT NULL, body BLOB NOT NULL)"))
        && exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion));
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool LocalCache::saveSessions(const QList<protocol::ChatSession>& sessions)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO sessions(id, updated_at, body) VALUES(?, ?, ?) ON CONFLICT(id) DO"
                                 " UPDATE SET updated_at = excluded.updated_at, body = excluded.body"));
    for (const protocol::ChatSession& session : sessions) {
        query.addBindValue(session.id);
        query.addBindValue(isoOf(session.updatedAt));
        query.addBindValue(jsonOf(session));
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

QList<protocol::ChatSession> LocalCache::sessions() const
{
    QList<protocol::ChatSession> out;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.exec(QStringLiteral("SELECT body FROM sessions ORDER BY updated_at DESC, id"));
    while (query.next())
        if (auto session = fromColumn<protocol::ChatSession>(query.value(0)))
            out.append(*session);
    return out;
}

bool LocalCache::removeSession(const QString& sessionId)
{
    // Messages may arrive before their session row, so there is no foreign key: delete both here.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery query(db);
    for (const QString& sql : {QStringLiteral("DELETE FROM messages WHERE session_id = ?"),
                               QStringLiteral("DELETE FROM sessions WHERE id = ?")}) {
        query.prepare(sql);
        query.addBindValue(sessionId);
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

bool LocalCache::saveMessages(const QString& sessionId, const QList<protocol::HistoryMessage>& messages)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO messages(id, session_id, timestamp, body) VALUES(?, ?, ?, ?)"
                                 " ON CONFLICT(id) DO UPDATE SET timestamp = excluded.timestamp, body = excluded.body"));
    for (const protocol::HistoryMessage& message : messages) {
        query.addBindValue(message.id);
        query.addBindValue(sessionId);
        query.addBindValue(isoOf(message.timestamp));
        query.addBindValue(jsonOf(message));
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

QList<protocol::HistoryMessage> LocalCache::messages(const QString& sessionId, int limit) const
{
    QList<protocol::HistoryMessage> out;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // The newest `limit`, returned oldest first as a chat view shows them.
    query.prepare(QStringLiteral("SELECT body FROM (SELECT body, timestamp, id FROM messages WHERE session_id = ?"
                                 " ORDER BY timestamp DESC, id DESC LIMIT ?) ORDER BY timestamp, id"));
    query.addBindValue(sessionId);
    query.addBindValue(limit);
    query.exec();
    while (query.next())
        if (auto message = fromColumn<protocol::HistoryMessage>(query.value(0)))
            out.append(*message);
    return out;
}

bool LocalCache::saveInvestigations(const QList<InvestigationSummary>& investigations)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO investigations(id, query, updated_at, body) VALUES(?, ?, ?, ?)"
                                 " ON CONFLICT(id) DO UPDATE SET query = excluded.query,"
                                 " updated_at = excluded.updated_at, body = excluded.body"));
    for (const InvestigationSummary& item : investigations) {
        query.addBindValue(item.status.investigationId);
        query.addBindValue(item.query);
        query.addBindValue(isoOf(item.updatedAt));
        query.addBindValue(jsonOf(item.status));
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

QList<InvestigationSummary> LocalCache::investigations() const
{
    QList<InvestigationSummary> out;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.exec(QStringLiteral("SELECT body, query, updated_at FROM investigations ORDER BY updated_at DESC, id"));
    while (query.next()) {
        if (auto status = fromColumn<protocol::InvestigationStatus>(query.value(0)))
            out.append(InvestigationSummary{*status, query.value(1).toString(),
                                            QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs)});
    }
    return out;
}

bool LocalCache::clear()
{
    return exec(QStringLiteral("DELETE FROM messages")) && exec(QStringLiteral("DELETE FROM sessions"))
           && exec(QStringLiteral("DELETE FROM investigations"));
}

} // namespace cidadao::client
