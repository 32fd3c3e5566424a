// SPDX-License-Identifier: GPL-3.0-or-later
// The part of ConversationService that keeps it in step with the user's other clients: what a
// sync_update {entity, id, op} on sync:{userId} means for the session list and the open
// conversation. Failures here stay quiet: the next sync_update, or the catch-up after a reconnect,
// reads again, and a lost connection is reported by Connection, not by every background read.
#include "conversationservice.h"

#include "core/apiclient.h"
#include "protocol/pagination.h"
#include "protocol/workflow.h"

#include <QUrlQuery>

#include <algorithm>

namespace cidadao::client {

namespace {

// Walking back from the newest page stops here; past it, reloading the history is cheaper.
constexpr int NewerPagesMax = 5;

} // namespace

void ConversationService::applySyncUpdate(const QString& entity, const QString& id, const QString& op)
{
    if (entity == QLatin1String(protocol::SyncEntity::Session)) {
        if (op == QLatin1String(protocol::SyncOp::Deleted)) {
            forgetSession(id);
            return;
        }
        refreshSession(id);
        if (id == m_sessionId)
            fetchNewer(); // cleared, or a turn ended: the messages tell
        return;
    }
    if (entity == QLatin1String(protocol::SyncEntity::Message)) {
        // The id names the message, not its session: a message already shown needs nothing, any
        // other may belong to the open conversation (its session's update follows anyway).
        if (op == QLatin1String(protocol::SyncOp::Deleted) || m_sessionId.isEmpty()
            || (!id.isEmpty() && m_messages.rowOfId(id) >= 0))
            return;
        fetchNewer();
    }
}

void ConversationService::forgetSession(const QString& sessionId)
{
    const bool listed = m_sessions.remove(sessionId);
    const bool open = !sessionId.isEmpty() && sessionId == m_sessionId;
    if (open)
        newConversation();
    if (listed || open)
        Q_EMIT sessionRemoved(sessionId);
    // The sync_update of this client's own deletion may come before the DELETE's answer.
    if (open && !m_deletingHere.contains(sessionId))
        Q_EMIT openSessionDeletedElsewhere();
}

void ConversationService::refreshSession(const QString& sessionId)
{
    if (sessionId.isEmpty() || !m_api)
        return;
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/chat/sessions/%1").arg(sessionId));
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        try {
            m_sessions.upsert(protocol::decode<protocol::ChatSession>(done->json()));
        } catch (const protocol::ValidationFailure&) {
            // An unreadable session leaves the row as it was; the next full refresh shows the error.
        }
    });
    connect(job, &ApiJob::failure, this, [this, sessionId](ApiJob* done) {
        if (done->httpStatus() == 404)
            forgetSession(sessionId); // deleted before we asked
    });
}

void ConversationService::fetchNewer()
{
    if (m_sessionId.isEmpty() || !m_api)
        return;
    if (m_stream) {
        m_newerAfterStream = true;
        return;
    }
    if (m_fetchingNewer && m_newerGeneration == m_generation) {
        m_fetchNewerAgain = true; // one more read when this one lands, however many updates came
        return;
    }
    m_fetchingNewer = true;
    m_fetchNewerAgain = false;
    m_newerGeneration = m_generation;
    fetchNewerPage(std::nullopt, {}, 1);
}

void ConversationService::fetchNewerPage(const std::optional<QString>& cursor,
                                         QList<protocol::HistoryMessage> newestFirst, int pages)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    query.addQueryItem(QStringLiteral("direction"), QStringLiteral("next"));
    if (cursor)
        query.addQueryItem(QStringLiteral("cursor"), *cursor);
    const quint64 generation = m_newerGeneration;
    const QString path = QStringLiteral("/api/v1/chat/history/%1/paginated").arg(m_sessionId);
    ApiJob* job = m_api->get(path, ApiJob::Auth::Required, query);
    connect(job, &ApiJob::finished, this, [this, generation, newestFirst, pages](ApiJob* done) mutable {
        if (generation != m_newerGeneration)
            return; // a later fetch (for another session) owns the flags now
        if (m_stream) {
            // A reply began meanwhile: its rows have no ids yet and would be shown twice.
            m_newerAfterStream = true;
            endFetchNewer();
            return;
        }
        if (generation != m_generation || done->status() != ApiJob::Status::Succeeded) {
            if (generation == m_generation && done->httpStatus() == 404)
                forgetSession(m_sessionId);
            endFetchNewer();
            return;
        }
        protocol::CursorPaginationResponse<protocol::HistoryMessage> page;
        try {
            page = protocol::decode<protocol::CursorPaginationResponse<protocol::HistoryMessage>>(done->json());
        } catch (const protocol::ValidationFailure&) {
            endFetchNewer();
            return;
        }
        newestFirst.append(page.items);
        const bool reachedKnown = std::any_of(page.items.cbegin(), page.items.cend(), [this](const auto& message) {
            return !message.id.isEmpty() && m_messages.rowOfId(message.id) >= 0;
        });
        const bool showsStored = !m_messages.newestServerId().isEmpty();
        const bool more = page.hasMore && page.nextCursor.has_value();
        if (!reachedKnown && showsStored && more) {
            // More messages came than one page holds: go back by the server's cursor until the
            // newest one shown, or reload the whole history if that is too far.
            if (pages < NewerPagesMax) {
                fetchNewerPage(page.nextCursor, std::move(newestFirst), pages + 1);
                return;
            }
            m_fetchingNewer = false;
            const QString id = m_sessionId;
            m_sessionId.clear(); // openSession() returns early for the open session with rows
            openSession(id);
            return;
        }
        std::reverse(newestFirst.begin(), newestFirst.end());
        if (!reachedKnown && showsStored) {
            // The start of the history without meeting a message shown: it was cleared (and
            // maybe written again) elsewhere. What the server has now is the conversation.
            m_olderCursor.reset();
            m_messages.setHistory(newestFirst);
            Q_EMIT historyLoaded();
        } else if (const int added = m_messages.appendNewer(newestFirst); added > 0) {
            Q_EMIT newerLoaded(added);
        }
        endFetchNewer();
    });
}

void ConversationService::endFetchNewer()
{
    m_fetchingNewer = false;
    if (std::exchange(m_fetchNewerAgain, false))
        fetchNewer();
}

void ConversationService::resync()
{
    refreshSessions();
    fetchNewer();
}

} // namespace cidadao::client
