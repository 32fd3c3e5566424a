// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationservice.h"

#include "chatstream.h"

#include "core/apiclient.h"
#include "protocol/pagination.h"
#include "protocol/vocabulary.h"

#include <QUrlQuery>

#include <algorithm>

namespace cidadao::client {

namespace {

protocol::ApiError badAnswer(const protocol::ValidationFailure& failure)
{
    return {200, QLatin1String(ClientErrorCode::BadResponse),
            QStringLiteral("%1: %2").arg(failure.field(), failure.reason()), {}};
}

} // namespace

ConversationService::ConversationService(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
}

ConversationService::~ConversationService()
{
    if (m_stream)
        m_stream->disconnect(this);
}

void ConversationService::fail(const protocol::ApiError& error, std::function<void()> retry)
{
    m_retry = std::move(retry);
    Q_EMIT errorOccurred(error);
}

void ConversationService::retry()
{
    if (auto again = std::exchange(m_retry, {}))
        again();
}

void ConversationService::refreshSessions()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/chat/sessions"), ApiJob::Auth::Required, query);
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        try {
            m_sessions.setSessions(protocol::decode<protocol::ChatSessionList>(done->json()).sessions);
        } catch (const protocol::ValidationFailure& failure) {
            fail(badAnswer(failure), [this] { refreshSessions(); });
        }
    });
    connect(job, &ApiJob::failure, this,
            [this](ApiJob* done) { fail(done->error(), [this] { refreshSessions(); }); });
}

void ConversationService::openSession(const QString& sessionId)
{
    if (sessionId == m_sessionId && m_messages.rowCount() > 0)
        return;
    stop();
    ++m_generation;
    m_sessionId = sessionId;
    m_olderCursor.reset();
    m_loadingOlder = false;
    m_messages.clear();
    Q_EMIT currentSessionChanged(m_sessionId);
    loadPage(std::nullopt, false);
}

void ConversationService::newConversation()
{
    stop();
    ++m_generation;
    m_sessionId.clear();
    m_olderCursor.reset();
    m_loadingOlder = false;
    m_messages.clear();
    Q_EMIT currentSessionChanged(m_sessionId);
}

void ConversationService::loadOlder()
{
    if (m_loadingOlder || !m_olderCursor || m_sessionId.isEmpty())
        return;
    loadPage(m_olderCursor, true);
}

void ConversationService::loadPage(const std::optional<QString>& cursor, bool older)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    query.addQueryItem(QStringLiteral("direction"), QStringLiteral("next"));
    if (cursor)
        query.addQueryItem(QStringLiteral("cursor"), *cursor);
    m_loadingOlder = older;
    const quint64 generation = m_generation;
    const QString path = QStringLiteral("/api/v1/chat/history/%1/paginated").arg(m_sessionId);
    ApiJob* job = m_api->get(path, ApiJob::Auth::Required, query);
    connect(job, &ApiJob::finished, this, [this, generation, older, cursor](ApiJob* done) {
        if (generation != m_generation)
            return;
        m_loadingOlder = false;
        if (done->status() != ApiJob::Status::Succeeded) {
            if (done->status() == ApiJob::Status::Failed)
                fail(done->error(), [this, cursor, older] { loadPage(cursor, older); });
            return;
        }
        protocol::CursorPaginationResponse<protocol::HistoryMessage> page;
        try {
            page = protocol::decode<protocol::CursorPaginationResponse<protocol::HistoryMessage>>(done->json());
        } catch (const protocol::ValidationFailure& failure) {
            fail(badAnswer(failure), {});
            return;
        }
        // Pages come newest first (spec/API.md §4); within the view time runs downwards.
        std::reverse(page.items.begin(), page.items.end());
        m_olderCursor = page.hasMore ? page.nextCursor : std::nullopt;
        if (older) {
            Q_EMIT olderLoaded(m_messages.prependHistory(page.items));
        } else {
            m_messages.setHistory(page.items);
            Q_EMIT historyLoaded();
        }
    });
}

bool ConversationService::send(const QString& text, const std::optional<QString>& agentId)
{
    if (m_stream)
        return false;
    const QString message = text.trimmed();
    try {
        protocol::validateChatMessage(message);
    } catch (const protocol::ValidationFailure&) {
        return false;
    }
    protocol::ChatRequest request;
    request.message = message;
    if (!m_sessionId.isEmpty())
        request.sessionId = m_sessionId;
    request.agentId = agentId;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_userLocalId = m_messages.addPendingUserMessage(message, now);
    m_replyLocalId = m_messages.beginReply(now);
    m_stream = new ChatStream(m_api, request, this);
    connect(m_stream, &ChatStream::event, this, &ConversationService::onStreamEvent);
    m_streamFailed = false;
    connect(m_stream, &ChatStream::failed, this, [this, message, agentId](const protocol::ApiError& error) {
        m_streamFailed = true;
        m_messages.failMessage(m_userLocalId, error.message);
        m_messages.failMessage(m_replyLocalId, error.message);
        fail(error, [this, message, agentId] { send(message, agentId); });
    });
    connect(m_stream, &ChatStream::finished, this, &ConversationService::endStream);
    Q_EMIT streamingChanged(true);
    m_stream->start();
    return true;
}

void ConversationService::onStreamEvent(const protocol::ChatStreamEvent& event)
{
    using namespace protocol;
    if (const auto* start = std::get_if<StreamStart>(&event)) {
        m_messages.confirmUserMessage(m_userLocalId, QString());
        if (start->sessionId && *start->sessionId != m_sessionId) {
            m_sessionId = *start->sessionId;
            Q_EMIT currentSessionChanged(m_sessionId);
        }
    } else if (const auto* detecting = std::get_if<StreamDetecting>(&event)) {
        setActivity(detecting->message);
    } else if (const auto* thinking = std::get_if<StreamThinking>(&event)) {
        setActivity(thinking->message);
    } else if (const auto* selected = std::get_if<StreamAgentSelected>(&event)) {
        m_messages.setReplyAgent(m_replyLocalId, selected->agentId, selected->agentName);
    } else if (const auto* contract = std::get_if<StreamContract>(&event)) {
        m_messages.addContract(m_replyLocalId, contract->data);
    } else if (const auto* chunk = std::get_if<StreamChunk>(&event)) {
        setActivity({});
        m_messages.appendChunk(m_replyLocalId, chunk->content);
    } else if (const auto* complete = std::get_if<StreamComplete>(&event)) {
        const int row = m_messages.rowOfLocalId(m_replyLocalId);
        if (row >= 0 && (complete->agentId || complete->agentName)) {
            const MessageModel::Message& reply = m_messages.at(row);
            m_messages.setReplyAgent(m_replyLocalId, complete->agentId.value_or(reply.agentId),
                                     complete->agentName.value_or(reply.agentName));
        }
        m_messages.setReplyExtras(m_replyLocalId, complete->confidence,
                                  complete->suggestedActions.value_or(QStringList()));
        HistoryMessage final;
        final.id = complete->messageId.value_or(QString());
        final.role = QLatin1String(MessageRole::Assistant);
        final.agentId = complete->agentId;
        m_messages.completeReply(m_replyLocalId, final);
    } else if (const auto* error = std::get_if<StreamError>(&event)) {
        m_streamFailed = true;
        m_messages.failMessage(m_replyLocalId, error->message);
        const QString text = m_messages.rowOfLocalId(m_userLocalId) >= 0
                                 ? m_messages.at(m_messages.rowOfLocalId(m_userLocalId)).content
                                 : QString();
        fail({500, QLatin1String(ErrorCode::AgentExecutionError), error->message, {}},
             [this, text] { send(text); });
    }
}

void ConversationService::stop()
{
    if (!m_stream)
        return;
    m_messages.stopReply(m_replyLocalId);
    // The question went out; whether the server stored it is its business, not a pending row's.
    if (const int row = m_messages.rowOfLocalId(m_userLocalId); row >= 0 && m_messages.at(row).state == MessageModel::State::Pending)
        m_messages.confirmUserMessage(m_userLocalId, QString());
    m_stream->abort();
}

void ConversationService::endStream()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    setActivity({});
    const QString reply = m_replyLocalId;
    Q_EMIT streamingChanged(false);
    Q_EMIT replyFinished(reply);
    // The session list shows titles and counts that this message changed. After a failure the
    // banner's retry must stay the failed message's, so the list is left as it is.
    if (!m_streamFailed)
        refreshSessions();
    // Rows of this stream get their ids from the stored copies; messages of others land below.
    if (std::exchange(m_newerAfterStream, false))
        fetchNewer();
}

void ConversationService::setActivity(const QString& text)
{
    Q_EMIT activityChanged(text);
}

void ConversationService::deleteSession(const QString& sessionId)
{
    m_deletingHere.insert(sessionId);
    ApiJob* job = m_api->deleteResource(QStringLiteral("/api/v1/chat/sessions/%1").arg(sessionId));
    connect(job, &ApiJob::success, this, [this, sessionId](ApiJob*) {
        m_deletingHere.remove(sessionId);
        m_sessions.remove(sessionId);
        if (sessionId == m_sessionId)
            newConversation();
    });
    connect(job, &ApiJob::failure, this, [this, sessionId](ApiJob* done) {
        m_deletingHere.remove(sessionId);
        fail(done->error(), [this, sessionId] { deleteSession(sessionId); });
    });
}

void ConversationService::loadSuggestions()
{
    if (!m_api)
        return;
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/chat/suggestions"));
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        try {
            m_suggestions = protocol::decodeList<protocol::QuickAction>(done->json());
            Q_EMIT suggestionsChanged();
        } catch (const protocol::ValidationFailure&) {
            // Suggestions are a convenience: a server without them (or with another shape) shows none.
        }
    });
}

} // namespace cidadao::client
