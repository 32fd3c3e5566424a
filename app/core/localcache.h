// SPDX-License-Identifier: GPL-3.0-or-later
// What the app saw last time, in SQLite (QSQLITE) in the app's data directory: chat sessions,
// their messages and investigation summaries, so that lists are on screen at start before the
// network answers. Rows keep the API's JSON as-is next to the columns used for ordering, so a
// newer server's extra fields survive a round trip.
#pragma once

#include "protocol/chat.h"
#include "protocol/investigation.h"

#include <QList>
#include <QString>

namespace cidadao::client {

// An investigation as the list shows it: the status model plus the question that started it.
struct InvestigationSummary
{
    protocol::InvestigationStatus status;
    QString query;
    QDateTime updatedAt;
};

class LocalCache
{
public:
    // Opens (creating if needed) the database file; check isOpen()/errorString().
    explicit LocalCache(const QString& filePath);
    ~LocalCache();
    LocalCache(const LocalCache&) = delete;
    LocalCache& operator=(const LocalCache&) = delete;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    int schemaVersion() const;

    bool saveSessions(const QList<protocol::ChatSession>& sessions);
    QList<protocol::ChatSession> sessions() const; // most recently updated first
    bool removeSession(const QString& sessionId);  // and its messages

    bool saveMessages(const QString& sessionId, const QList<protocol::HistoryMessage>& messages);
    QList<protocol::HistoryMessage> messages(const QString& sessionId, int limit = 200) const; // oldest first

    bool saveInvestigations(const QList<InvestigationSummary>& investigations);
    QList<InvestigationSummary> investigations() const; // most recently updated first

    bool clear();

private:
    bool migrate();
    bool exec(const QString& sql);

    QString m_connection;
    bool m_open = false;
    QString m_error;
};

} // namespace cidadao::client
