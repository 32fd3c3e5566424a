// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagemodel.h"

namespace cidadao::client {

int MessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message& m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.content;
    case IdRole:
        return m.id;
    case LocalIdRole:
        return m.localId;
    case RoleRole:
        return m.role;
    case AgentIdRole:
        return m.agentId;
    case AgentNameRole:
        return m.agentName;
    case TimestampRole:
        return m.timestamp;
    case StateRole:
        return QVariant::fromValue(m.state);
    case ErrorRole:
        return m.error;
    case ConfidenceRole:
        return m.confidence;
    case SuggestedActionsRole:
        return m.suggestedActions;
    case ContractsRole:
        return QVariant::fromValue(m.contracts);
    case StoppedRole:
        return m.stopped;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "messageId"}, {LocalIdRole, "localId"}, {RoleRole, "role"}, {ContentRole, "content"},
                  {AgentIdRole, "agentId"}, {AgentNameRole, "agentName"}, {TimestampRole, "timestamp"},
                  {StateRole, "state"}, {ErrorRole, "error"}, {ConfidenceRole, "confidence"},
                  {SuggestedActionsRole, "suggestedActions"}, {ContractsRole, "contracts"}, {StoppedRole, "stopped"}});
    return names;
}

MessageModel::Message MessageModel::fromHistory(const protocol::HistoryMessage& message)
{
    Message m;
    m.id = message.id;
    m.localId = message.id;
    m.role = message.role;
    m.content = message.content;
    m.agentId = message.agentId.value_or(QString());
    m.timestamp = message.timestamp;
    m.state = State::Complete;
    return m;
}

void MessageModel::setHistory(const QList<protocol::HistoryMessage>& messages)
{
    beginResetModel();
    m_messages.clear();
    for (const protocol::HistoryMessage& message : messages)
        m_messages.append(fromHistory(message));
    endResetModel();
}

QString MessageModel::addPendingUserMessage(const QString& content, const QDateTime& now)
{
    Message m;
    m.localId = QStringLiteral("local-%1").arg(m_nextLocal++);
    m.role = QStringLiteral("user");
    m.content = content;
    m.timestamp = now;
    m.state = State::Pending;
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(m);
    endInsertRows();
    return m.localId;
}

void MessageModel::confirmUserMessage(const QString& localId, const QString& serverId)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    m_messages[row].id = serverId;
    m_messages[row].state = State::Complete;
    changed(row, {IdRole, StateRole});
}

QString MessageModel::beginReply(const QDateTime& now)
{
    Message m;
    m.localId = QStringLiteral("local-%1").arg(m_nextLocal++);
    m.role = QStringLiteral("assistant");
    m.timestamp = now;
    m.state = State::Streaming;
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(m);
    endInsertRows();
    return m.localId;
}

void MessageModel::setReplyAgent(const QString& localId, const QString& agentId, const QString& agentName)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    m_messages[row].agentId = agentId;
    m_messages[row].agentName = agentName;
    changed(row, {AgentIdRole, AgentNameRole});
}

void MessageModel::appendChunk(const QString& localId, const QString& chunk)
{
    const int row = rowOfLocalId(localId);
    if (row < 0 || m_messages.at(row).state != State::Streaming)
        return; // a chunk after completion or for a forgotten row is stale: ignore it
    m_messages[row].content += chunk;
    changed(row, {Qt::DisplayRole, ContentRole});
}

void MessageModel::completeReply(const QString& localId, const protocol::HistoryMessage& final)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    // The same message may already be in the list (history reloaded meanwhile): drop the duplicate.
    const int duplicate = final.id.isEmpty() ? -1 : rowOfId(final.id);
    Message& m = m_messages[row];
    if (!final.id.isEmpty())
        m.id = final.id;
    if (!final.content.isEmpty())
        m.content = final.content;
    if (final.agentId)
        m.agentId = *final.agentId;
    if (final.timestamp.isValid())
        m.timestamp = final.timestamp;
    m.state = State::Complete;
    m.error.clear();
    changed(row, {});
    if (duplicate >= 0 && duplicate != row) {
        beginRemoveRows({}, duplicate, duplicate);
        m_messages.removeAt(duplicate);
        endRemoveRows();
    }
}

void MessageModel::failMessage(const QString& localId, const QString& error)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    m_messages[row].state = State::Failed;
    m_messages[row].error = error;
    changed(row, {StateRole, ErrorRole});
}

int MessageModel::prependHistory(const QList<protocol::HistoryMessage>& olderFirst)
{
    QList<Message> fresh;
    for (const protocol::HistoryMessage& message : olderFirst)
        if (message.id.isEmpty() || rowOfId(message.id) < 0)
            fresh.append(fromHistory(message));
    if (fresh.isEmpty())
        return 0;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    fresh.append(m_messages);
    m_messages = std::move(fresh);
    endInsertRows();
    return int(olderFirst.size());
}

int MessageModel::appendNewer(const QList<protocol::HistoryMessage>& olderFirst)
{
    // Only what follows the newest message already shown is new; older unknown ones can only be
    // our own unconfirmed rows (appending them would put old messages below new ones).
    qsizetype lastKnown = -1;
    for (qsizetype i = 0; i < olderFirst.size(); ++i)
        if (!olderFirst.at(i).id.isEmpty() && rowOfId(olderFirst.at(i).id) >= 0)
            lastKnown = i;
    int appended = 0;
    for (qsizetype i = 0; i < olderFirst.size(); ++i) {
        const protocol::HistoryMessage& message = olderFirst.at(i);
        if (!message.id.isEmpty() && rowOfId(message.id) >= 0)
            continue;
        // The oldest unconfirmed row of ours that this message is the stored copy of.
        int adopt = -1;
        for (int row = 0; row < m_messages.size() && !message.id.isEmpty(); ++row) {
            const Message& m = m_messages.at(row);
            if (m.id.isEmpty() && m.state != State::Streaming && m.state != State::Pending && m.role == message.role
                && m.content == message.content) {
                adopt = row;
                break;
            }
        }
        if (adopt >= 0) {
            // The server has it, so a row marked failed (the answer was lost, not the message) is not.
            Message& m = m_messages[adopt];
            m.id = message.id;
            if (message.agentId && m.agentId.isEmpty())
                m.agentId = *message.agentId;
            m.state = State::Complete;
            m.error.clear();
            changed(adopt, {IdRole, AgentIdRole, StateRole, ErrorRole});
            continue;
        }
        if (i < lastKnown)
            continue;
        const int row = int(m_messages.size());
        beginInsertRows({}, row, row);
        m_messages.append(fromHistory(message));
        endInsertRows();
        ++appended;
    }
    return appended;
}

QString MessageModel::newestServerId() const
{
    for (int row = int(m_messages.size()) - 1; row >= 0; --row)
        if (!m_messages.at(row).id.isEmpty())
            return m_messages.at(row).id;
    return {};
}

void MessageModel::setReplyExtras(const QString& localId, std::optional<double> confidence, const QStringList& actions)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    if (confidence)
        m_messages[row].confidence = *confidence;
    m_messages[row].suggestedActions = actions;
    changed(row, {ConfidenceRole, SuggestedActionsRole});
}

void MessageModel::addContract(const QString& localId, const protocol::ContractData& contract)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    m_messages[row].contracts.append(contract);
    changed(row, {ContractsRole});
}

void MessageModel::stopReply(const QString& localId)
{
    const int row = rowOfLocalId(localId);
    if (row < 0 || m_messages.at(row).state != State::Streaming)
        return;
    m_messages[row].state = State::Complete;
    m_messages[row].stopped = true;
    changed(row, {StateRole, StoppedRole});
}

void MessageModel::clear()
{
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

int MessageModel::rowOfLocalId(const QString& localId) const
{
    // Streaming rows are near the end: search backwards.
    for (int row = int(m_messages.size()) - 1; row >= 0; --row)
        if (m_messages.at(row).localId == localId)
            return row;
    return -1;
}

int MessageModel::rowOfId(const QString& id) const
{
    for (int row = int(m_messages.size()) - 1; row >= 0; --row)
        if (m_messages.at(row).id == id)
            return row;
    return -1;
}

void MessageModel::changed(int row, const QList<int>& roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

} // namespace cidadao::client
