// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatstore.h"

#include "protocol/cursor.h"
#include "protocol/timestamp.h"
#include "protocol/vocabulary.h"
#include "protocol/wsenvelopes.h"
#include "store/database.h"

#include <algorithm>
#include <limits>

namespace cidadao::chat {

namespace {

QDateTime parse(const QString& text)
{
    return protocol::parseTimestamp(text).value_or(QDateTime());
}

// "What the session is about": the first message, cut at a word boundary.
QString titleFrom(const QString& message)
{
    QString title = message.simplified();
    if (title.size() > 60) {
        title.truncate(60);
        const qsizetype space = title.lastIndexOf(u' ');
        if (space > 30)
            title.truncate(space);
        title += QStringLiteral("…");
    }
    return title.isEmpty() ? QStringLiteral("Nova conversa") : title;
}

constexpr const char* kSessionColumns = "id, user_id, title, agent_id, status, current_investigation_id, message_count, "
                                        "last_message_at, created_at, updated_at";

protocol::ChatSession readSession(const store::Statement& s)
{
    protocol::ChatSession session;
    session.id = s.text(0);
    session.userId = s.text(1);
    session.title = s.text(2);
    if (!s.isNull(3))
        session.agentId = s.text(3);
    session.status = s.text(4);
    if (!s.isNull(5))
        session.currentInvestigationId = s.text(5);
    session.messageCount = s.int64(6);
    if (!s.isNull(7))
        session.lastMessageAt = parse(s.text(7));
    session.createdAt = parse(s.text(8));
    session.updatedAt = parse(s.text(9));
    return session;
}

protocol::HistoryMessage readMessage(const store::Statement& s, int first)
{
    protocol::HistoryMessage message;
    message.id = s.text(first);
    message.role = s.text(first + 1);
    message.content = s.text(first + 2);
    if (!s.isNull(first + 3))
        message.agentId = s.text(first + 3);
    message.timestamp = parse(s.text(first + 4));
    return message;
}

} // namespace

ChatStore::ChatStore(const QString& databasePath)
    : m_db(store::Database::open(databasePath))
{
}

ChatStore::~ChatStore() = default;

QString ChatStore::now()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<protocol::ChatSession> ChatStore::loadSession(const QString& sessionId)
{
    store::Statement s = m_db->prepare(std::string("SELECT ") + kSessionColumns + " FROM chat_sessions WHERE id = ?");
    s.bind(1, sessionId);
    if (!s.step())
        return std::nullopt;
    return readSession(s);
}

ChatStore::Access ChatStore::access(const QString& userId, const QString& sessionId)
{
    std::lock_guard lock(m_mutex);
    store::Statement s = m_db->prepare("SELECT user_id FROM chat_sessions WHERE id = ?");
    s.bind(1, sessionId);
    if (!s.step())
        return Access::Absent;
    return s.text(0) == userId ? Access::Owned : Access::Foreign;
}

std::optional<protocol::ChatSession> ChatStore::openSession(const QString& userId, const std::optional<QString>& sessionId,
                                                            const QString& firstMessage, bool* created)
{
    std::lock_guard lock(m_mutex);
    if (created)
        *created = false;
    const QString id = sessionId.value_or(protocol::newUuid());
    if (sessionId) {
        if (auto existing = loadSession(id)) {
            if (existing->userId != userId)
                return std::nullopt;
            return existing;
        }
    }
    const QString stamp = now();
    store::Statement insert = m_db->prepare("INSERT INTO chat_sessions (id, user_id, title, status, created_at, updated_at) "
                                            "VALUES (?, ?, ?, 'active', ?, ?)");
    insert.bindAll(id, userId, titleFrom(firstMessage), stamp, stamp);
    insert.run();
    if (created)
        *created = true;
    return loadSession(id);
}

std::optional<protocol::ChatSession> ChatStore::session(const QString& userId, const QString& sessionId)
{
    std::lock_guard lock(m_mutex);
    auto session = loadSession(sessionId);
    if (!session || session->userId != userId)
        return std::nullopt;
    return session;
}

protocol::ChatSessionList ChatStore::sessions(const QString& userId, int limit, int offset)
{
    std::lock_guard lock(m_mutex);
    protocol::ChatSessionList list;
    list.limit = limit;
    list.offset = offset;
    {
        store::Statement count = m_db->prepare("SELECT COUNT(*) FROM chat_sessions WHERE user_id = ?");
        count.bind(1, userId);
        count.step();
        list.count = count.int64(0);
    }
    store::Statement s = m_db->prepare(std::string("SELECT ") + kSessionColumns
                                       + " FROM chat_sessions WHERE user_id = ? ORDER BY updated_at DESC, id LIMIT ? OFFSET ?");
    s.bind(1, userId).bind(2, limit).bind(3, offset);
    while (s.step())
        list.sessions.append(readSession(s));
    return list;
}

bool ChatStore::deleteSession(const QString& userId, const QString& sessionId)
{
    std::lock_guard lock(m_mutex);
    store::Statement s = m_db->prepare("DELETE FROM chat_sessions WHERE id = ? AND user_id = ?");
    s.bind(1, sessionId).bind(2, userId);
    s.run();
    return m_db->changes() > 0;
}

bool ChatStore::clearHistory(const QString& userId, const QString& sessionId)
{
    std::lock_guard lock(m_mutex);
    auto session = loadSession(sessionId);
    if (!session || session->userId != userId)
        return false;
    store::Transaction transaction(*m_db);
    store::Statement del = m_db->prepare("DELETE FROM chat_messages WHERE session_id = ?");
    del.bind(1, sessionId);
    del.run();
    store::Statement update = m_db->prepare(
        "UPDATE chat_sessions SET message_count = 0, last_message_at = NULL, updated_at = ? WHERE id = ?");
    update.bind(1, now()).bind(2, sessionId);
    update.run();
    transaction.commit();
    return true;
}

protocol::HistoryMessage ChatStore::addMessage(const QString& sessionId, const QString& role, const QString& content,
                                               const std::optional<QString>& agentId, const protocol::Json& metadata)
{
    std::lock_guard lock(m_mutex);
    protocol::HistoryMessage message;
    message.id = protocol::newUuid();
    message.role = role;
    message.content = content;
    message.agentId = agentId;
    const QString stamp = now();
    message.timestamp = parse(stamp);
    store::Transaction transaction(*m_db);
    store::Statement insert = m_db->prepare("INSERT INTO chat_messages (id, session_id, role, content, agent_id, metadata, "
                                            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bindAll(message.id, sessionId, role, content);
    insert.bind(5, agentId);
    insert.bind(6, QString::fromUtf8(protocol::toBytes(metadata)));
    insert.bind(7, stamp);
    insert.run();
    store::Statement update = m_db->prepare("UPDATE chat_sessions SET message_count = message_count + 1, "
                                            "last_message_at = ?1, updated_at = ?1 WHERE id = ?2");
    update.bind(1, stamp).bind(2, sessionId);
    update.run();
    transaction.commit();
    return message;
}

void ChatStore::setCurrentInvestigation(const QString& sessionId, const QString& investigationId)
{
    std::lock_guard lock(m_mutex);
    store::Statement s = m_db->prepare("UPDATE chat_sessions SET current_investigation_id = ?, updated_at = ? WHERE id = ?");
    s.bind(1, investigationId).bind(2, now()).bind(3, sessionId);
    s.run();
}

void ChatStore::setAgent(const QString& sessionId, const QString& agentId)
{
    std::lock_guard lock(m_mutex);
    store::Statement s = m_db->prepare("UPDATE chat_sessions SET agent_id = ? WHERE id = ?");
    s.bind(1, agentId).bind(2, sessionId);
    s.run();
}

std::optional<protocol::ChatHistory> ChatStore::history(const QString& userId, const QString& sessionId, int limit)
{
    std::lock_guard lock(m_mutex);
    auto session = loadSession(sessionId);
    if (!session || session->userId != userId)
        return std::nullopt;
    protocol::ChatHistory history;
    history.sessionId = sessionId;
    store::Statement count = m_db->prepare("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?");
    count.bind(1, sessionId);
    count.step();
    history.totalMessages = count.int64(0);
    // The last `limit` messages, returned oldest first as a conversation reads.
    store::Statement s = m_db->prepare("SELECT id, role, content, agent_id, created_at FROM chat_messages "
                                       "WHERE session_id = ? ORDER BY seq DESC LIMIT ?");
    s.bind(1, sessionId).bind(2, limit);
    while (s.step())
        history.messages.prepend(readMessage(s, 0));
    return history;
}

std::optional<protocol::CursorPaginationResponse<protocol::HistoryMessage>>
ChatStore::page(const QString& userId, const QString& sessionId, const protocol::CursorPaginationRequest& request)
{
    std::lock_guard lock(m_mutex);
    auto session = loadSession(sessionId);
    if (!session || session->userId != userId)
        return std::nullopt;
    std::optional<protocol::Cursor> cursor;
    if (request.cursor && !request.cursor->isEmpty())
        cursor = protocol::decodeCursor(*request.cursor);
    const bool older = cursor ? cursor->direction == QLatin1String(protocol::PageDirection::Next)
                              : request.direction == QLatin1String(protocol::PageDirection::Next);

    // The cursor's position: the seq of the message it names, or (message deleted since) its time.
    std::int64_t position = older ? std::numeric_limits<std::int64_t>::max() : 0;
    if (cursor) {
        store::Statement find = m_db->prepare("SELECT seq FROM chat_messages WHERE id = ? AND session_id = ?");
        find.bind(1, cursor->id).bind(2, sessionId);
        if (find.step()) {
            position = find.int64(0);
        } else {
            store::Statement near = m_db->prepare(
                older ? "SELECT COALESCE(MIN(seq), 9223372036854775807) FROM chat_messages WHERE session_id = ? AND created_at >= ?"
                      : "SELECT COALESCE(MAX(seq), 0) FROM chat_messages WHERE session_id = ? AND created_at <= ?");
            near.bind(1, sessionId).bind(2, cursor->timestamp.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
            near.step();
            position = near.int64(0);
        }
    }
    store::Statement s = m_db->prepare(
        older ? "SELECT seq, id, role, content, agent_id, created_at FROM chat_messages WHERE session_id = ? AND seq < ? "
                "ORDER BY seq DESC LIMIT ?"
              : "SELECT seq, id, role, content, agent_id, created_at FROM chat_messages WHERE session_id = ? AND seq > ? "
                "ORDER BY seq ASC LIMIT ?");
    s.bind(1, sessionId).bind(2, position).bind(3, request.limit + 1);
    QList<protocol::HistoryMessage> items;
    while (s.step())
        items.append(readMessage(s, 1));
    const bool more = items.size() > request.limit;
    if (more)
        items.removeLast();
    if (!older)
        std::reverse(items.begin(), items.end()); // pages are newest first either way

    protocol::CursorPaginationResponse<protocol::HistoryMessage> out;
    out.items = items;
    store::Statement count = m_db->prepare("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?");
    count.bind(1, sessionId);
    count.step();
    out.totalItems = count.int64(0);
    if (!items.isEmpty()) {
        // Older pages exist past the last item when going back and there was more, or when going forward
        // from a cursor (we came from there); newer pages exist before the first item likewise.
        const bool hasOlder = older ? more : true;
        const bool hasNewer = older ? cursor.has_value() : more;
        if (hasOlder)
            out.nextCursor = protocol::encodeCursor({items.last().timestamp, items.last().id, QStringLiteral("next")});
        if (hasNewer)
            out.prevCursor = protocol::encodeCursor({items.first().timestamp, items.first().id, QStringLiteral("prev")});
        out.hasMore = older ? more : more;
    }
    out.metadata = protocol::Json{{"session_id", sessionId}, {"direction", older ? "next" : "prev"}};
    return out;
}

} // namespace cidadao::chat
