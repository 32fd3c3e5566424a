// SPDX-License-Identifier: GPL-3.0-or-later
// The chat as the app uses it (spec/API.md §4): the user's sessions, the open conversation's
// history read page by page backwards through the cursor, and sending a message over the SSE
// stream so that the reply grows in the MessageModel as it arrives. Views only call this and
// watch its models and signals; they never see a network reply.
#pragma once

#include "core/services/chatstream.h"
#include "core/models/messagemodel.h"
#include "core/models/sessionlistmodel.h"
#include "protocol/apierror.h"
#include "protocol/chat.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

namespace cidadao::client {

class ApiClient;

class ConversationService : public QObject
{
    Q_OBJECT
public:
    explicit ConversationService(ApiClient* api, QObject* parent = nullptr);
    ~ConversationService() override;

    SessionListModel* sessions() { return &m_sessions; }
    MessageModel* messages() { return &m_messages; }
    QString currentSessionId() const { return m_sessionId; }
    bool isStreaming() const { return m_stream != nullptr; }
    bool hasOlder() const { return m_olderCursor.has_value(); }
    bool isLoadingOlder() const { return m_loadingOlder; }
    QList<protocol::QuickAction> suggestions() const { return m_suggestions; }
    void setPageSize(int limit) { m_pageSize = limit; }

    void refreshSessions();
    // Shows the newest page of a session's history; older pages come with loadOlder().
    void openSession(const QString& sessionId);
    // An empty conversation; the server makes the session with the first message.
    void newConversation();
    void loadOlder();
    // Returns false (and sends nothing) when a reply is still streaming or the text is not a
    // valid message (1..1000 characters).
    bool send(const QString& text, const std::optional<QString>& agentId = std::nullopt);
    // Stops the streaming reply; what arrived so far stays, marked as stopped.
    void stop();
    void deleteSession(const QString& sessionId);
    void loadSuggestions();
    // Runs the last failed operation again.
    void retry();

    // Live sync (spec/API.md §9, conversationsync.cpp): a sync_update from sync:{userId} told us
    // that this user's session or message changed, maybe from another running client. Sessions
    // are re-read one by one; the open conversation gains the newer messages without duplicates.
    void applySyncUpdate(const QString& entity, const QString& id, const QString& op);
    // Re-reads one session into the list (removed from it when the server no longer has it).
    void refreshSession(const QString& sessionId);
    // Appends what the open session gained since the newest message shown; while a reply is
    // streaming it waits for the end (the stream's own rows would otherwise show twice).
    void fetchNewer();
    // After a reconnect sync_updates may have been missed: reads the list and the open session again.
    void resync();

Q_SIGNALS:
    void currentSessionChanged(const QString& sessionId);
    void streamingChanged(bool streaming);
    // What the agents are doing now (detecting, thinking, searching...), empty when idle.
    void activityChanged(const QString& text);
    void historyLoaded();
    void olderLoaded(int rows);
    void suggestionsChanged();
    void replyFinished(const QString& localId);
    void newerLoaded(int rows);
    // The session is gone (deleted here or by another client); if it was open, the view now shows
    // an empty conversation.
    void sessionRemoved(const QString& sessionId);
    // The open conversation was deleted by another client of the user (not by this one): the view
    // says so, or the user would only see the conversation vanish.
    void openSessionDeletedElsewhere();
    void errorOccurred(const cidadao::protocol::ApiError& error);

private:
    void onStreamEvent(const protocol::ChatStreamEvent& event);
    void fail(const protocol::ApiError& error, std::function<void()> retry);
    void setActivity(const QString& text);
    void endStream();
    void loadPage(const std::optional<QString>& cursor, bool older);
    void fetchNewerPage(const std::optional<QString>& cursor, QList<protocol::HistoryMessage> newestFirst, int pages);
    void endFetchNewer();
    void forgetSession(const QString& sessionId);

    QPointer<ApiClient> m_api;
    SessionListModel m_sessions;
    MessageModel m_messages;
    QString m_sessionId;
    QSet<QString> m_deletingHere; // this client's own deletions: their sync_update is no news
    std::optional<QString> m_olderCursor;
    bool m_loadingOlder = false;
    quint64 m_generation = 0; // answers for a session that is no longer open are dropped
    int m_pageSize = 20;
    QPointer<ChatStream> m_stream;
    QString m_replyLocalId;
    QString m_userLocalId;
    bool m_streamFailed = false;
    QList<protocol::QuickAction> m_suggestions;
    std::function<void()> m_retry;
    bool m_fetchingNewer = false;
    bool m_fetchNewerAgain = false;   // a sync_update came while a fetch was running
    bool m_newerAfterStream = false;  // ...or while a reply was streaming
    quint64 m_newerGeneration = 0;
};

} // namespace cidadao::client
