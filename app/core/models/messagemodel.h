// SPDX-License-Identifier: GPL-3.0-or-later
// The messages of one conversation (libQuotient's pattern): a sent message shows at once as a
// pending row, the reply appears as a streaming row that grows chunk by chunk (dataChanged on
// that row only), and the server's final message is merged into the same rows when it arrives.
#pragma once

#include "protocol/chat.h"

#include <QAbstractListModel>

namespace cidadao::client {

class MessageModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State { Pending, Streaming, Complete, Failed };
    Q_ENUM(State)
    enum Role { IdRole = Qt::UserRole + 1, LocalIdRole, RoleRole, ContentRole, AgentIdRole, AgentNameRole,
                TimestampRole, StateRole, ErrorRole };

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
