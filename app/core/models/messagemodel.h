// SPDX-License-Identifier: GPL-3.0-or-later
// The messages of one conversation (libQuotient's pattern): a sent message shows at once as a
// pending row, the reply appears as a streaming row that grows chunk by chunk (dataChanged on
// that row only), and the server's final message is merged into the same rows when it arrives.
#pragma once

#include "protocol/chat.h"
#include "protocol/chatstream.h"

#include <QAbstractListModel>

namespace cidadao::client {

class MessageModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State { Pending, Streaming, Complete, Failed };
    Q_ENUM(State)
    enum Role { IdRole = Qt::UserRole + 1, LocalIdRole, RoleRole, ContentRole, AgentIdRole, AgentNameRole,
                TimestampRole, StateRole, ErrorRole,
                // The reply's extras from the stream's complete/contract events (not in the history).
                ConfidenceRole, SuggestedActionsRole, ContractsRole, StoppedRole };

    struct Message
    {
        QString id;      // the server's id; empty until confirmed
        QString localId; // ours, stable for the life of the row
        QString role;    // user | assistant | system
        QString content;
        QString agentId;
        QString agentName;
        QDateTime timestamp;
        State state = State::Complete;
        QString error;
        double confidence = -1.0;        // 0..1 once the reply is complete; -1 unknown
        QStringList suggestedActions;
        QList<protocol::ContractData> contracts; // contract cards shown with the reply
        bool stopped = false;            // the user stopped the reply: content is what had arrived
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setHistory(const QList<protocol::HistoryMessage>& messages);
    // Returns the local id of the new pending user row.
    QString addPendingUserMessage(const QString& content, const QDateTime& now);
    void confirmUserMessage(const QString& localId, const QString& serverId);
    // Returns the local id of the new, empty assistant row that chunks will fill.
    QString beginReply(const QDateTime& now);
    void setReplyAgent(const QString& localId, const QString& agentId, const QString& agentName);
    void appendChunk(const QString& localId, const QString& chunk);
    // The server's final word: id, full content (it wins over the concatenated chunks), agent.
    void completeReply(const QString& localId, const protocol::HistoryMessage& final);
    void failMessage(const QString& localId, const QString& error);
    // Older history (cursor pagination) goes above the rows already shown; known ids are skipped.
    // Returns the number of rows inserted.
    int prependHistory(const QList<protocol::HistoryMessage>& olderFirst);
    // Messages that arrived after the rows shown (another client of the same user wrote them, or
    // this one's stream confirmed them without ids) go below them: those after the newest known
    // id. A row of ours still without a server id (same role and text, not streaming) takes the
    // id instead of being shown twice. Returns the number of rows appended.
    int appendNewer(const QList<protocol::HistoryMessage>& olderFirst);
    // The newest row that carries a server id (empty when none does).
    QString newestServerId() const;
    void setReplyExtras(const QString& localId, std::optional<double> confidence, const QStringList& actions);
    void addContract(const QString& localId, const protocol::ContractData& contract);
    // Ends a streaming row where it stands (the user pressed stop).
    void stopReply(const QString& localId);
    void clear();

    int rowOfLocalId(const QString& localId) const;
    int rowOfId(const QString& id) const;
    const Message& at(int row) const { return m_messages.at(row); }

private:
    void changed(int row, const QList<int>& roles);
    static Message fromHistory(const protocol::HistoryMessage& message);

    QList<Message> m_messages;
    quint64 m_nextLocal = 1;
};

} // namespace cidadao::client
