// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"

#include <QLocale>

#include <algorithm>

namespace cidadao::client {

namespace {

bool newerFirst(const protocol::ChatSession& a, const protocol::ChatSession& b)
{
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    return a.id < b.id;
}

} // namespace

int SessionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::ChatSession& s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return s.title.isEmpty() ? tr("New conversation") : s.title;
    case Qt::ToolTipRole:
        return s.lastMessageAt ? QLocale().toString(s.lastMessageAt->toLocalTime(), QLocale::ShortFormat) : QString();
    case IdRole:
        return s.id;
    case AgentIdRole:
        return s.agentId.value_or(QString());
    case StatusRole:
        return s.status;
    case MessageCountRole:
        return s.messageCount;
    case LastMessageAtRole:
        return s.lastMessageAt ? QVariant(*s.lastMessageAt) : QVariant();
    case UpdatedAtRole:
        return s.updatedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "sessionId"}, {TitleRole, "title"}, {AgentIdRole, "agentId"}, {StatusRole, "status"},
                  {MessageCountRole, "messageCount"}, {LastMessageAtRole, "lastMessageAt"},
                  {UpdatedAtRole, "updatedAt"}});
    return names;
}

void SessionListModel::setSessions(QList<protocol::ChatSession> sessions)
{
    std::stable_sort(sessions.begin(), sessions.end(), newerFirst);
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

int SessionListModel::rowOf(const QString& sessionId) const
{
    for (int row = 0; row < m_sessions.size(); ++row)
        if (m_sessions.at(row).id == sessionId)
            return row;
    return -1;
}

int SessionListModel::insertionRow(const protocol::ChatSession& session) const
{
    return int(std::lower_bound(m_sessions.cbegin(), m_sessions.cend(), session, newerFirst) - m_sessions.cbegin());
}

void SessionListModel::upsert(const protocol::ChatSession& session)
{
    const int existing = rowOf(session.id);
    if (existing < 0) {
        const int row = insertionRow(session);
        beginInsertRows({}, row, row);
        m_sessions.insert(row, session);
        endInsertRows();
        return;
    }
    m_sessions[existing] = session;
    Q_EMIT dataChanged(index(existing), index(existing));
    // Keep the order: move the row if its new time puts it elsewhere.
    m_sessions.removeAt(existing);
    const int target = insertionRow(session);
    m_sessions.insert(existing, session);
    if (target != existing) {
        const int destination = target > existing ? target + 1 : target;
        beginMoveRows({}, existing, existing, {}, destination);
        m_sessions.move(existing, target);
        endMoveRows();
    }
}

bool SessionListModel::remove(const QString& sessionId)
{
    const int row = rowOf(sessionId);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_sessions.removeAt(row);
    endRemoveRows();
    return true;
}

} // namespace cidadao::client
