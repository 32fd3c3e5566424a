// SPDX-License-Identifier: GPL-3.0-or-later
// Chat sessions and messages in SQLite (migration 0006). Thread-safe: one connection of its own,
// used under a mutex (every statement is a short indexed read or a one-row write). Ownership is
// checked here: a session of another user is reported exactly like an absent one.
#pragma once

#include "protocol/chat.h"
#include "protocol/pagination.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace cidadao::store {
class Database;
}

namespace cidadao::chat {

struct StoredMessage
{
    protocol::HistoryMessage message;
    QString sessionId;
};

class ChatStore
{
public:
    // Opens its own connection to the (already migrated) database file. Throws store::StoreError.
    explicit ChatStore(const QString& databasePath);
    ~ChatStore();

    enum class Access { Owned, Absent, Foreign };
    Access access(const QString& userId, const QString& sessionId);

    // The session `sessionId` of the user, created (titled after the first message) when it does not
    // exist; a fresh id when sessionId is empty. nullopt when the id belongs to another user.
    // `created` tells whether this call made it.
    std::optional<protocol::ChatSession> openSession(const QString& userId, const std::optional<QString>& sessionId,
                                                     const QString& firstMessage, bool* created = nullptr);
    std::optional<protocol::ChatSession> session(const QString& userId, const QString& sessionId);
    protocol::ChatSessionList sessions(const QString& userId, int limit, int offset);
    bool deleteSession(const QString& userId, const QString& sessionId);
    // Deletes the messages, keeps the session. False when not the user's.
    bool clearHistory(const QString& userId, const QString& sessionId);

    // Appends a message and updates the session's counters; returns the stored message.
    protocol::HistoryMessage addMessage(const QString& sessionId, const QString& role, const QString& content,
                                        const std::optional<QString>& agentId, const protocol::Json& metadata);
    void setCurrentInvestigation(const QString& sessionId, const QString& investigationId);
    void setAgent(const QString& sessionId, const QString& agentId);

    // The last `limit` messages in order, and the total. nullopt when not the user's.
    std::optional<protocol::ChatHistory> history(const QString& userId, const QString& sessionId, int limit);
    // Newest first; request.cursor decoded already validated by the protocol layer (throws
    // ValidationFailure("cursor") otherwise). nullopt when not the user's.
    std::optional<protocol::CursorPaginationResponse<protocol::HistoryMessage>>
    page(const QString& userId, const QString& sessionId, const protocol::CursorPaginationRequest& request);

    static QString now(); // ISO 8601 UTC with milliseconds

private:
    std::optional<protocol::ChatSession> loadSession(const QString& sessionId);

    std::unique_ptr<store::Database> m_db;
    std::mutex m_mutex;
};

} // namespace cidadao::chat
