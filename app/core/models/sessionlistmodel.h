// SPDX-License-Identifier: GPL-3.0-or-later
// The user's chat sessions, most recently updated first (the sidebar of the chat view).
#pragma once

#include "protocol/chat.h"

#include <QAbstractListModel>

namespace cidadao::client {

class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, TitleRole, AgentIdRole, StatusRole, MessageCountRole, LastMessageAtRole,
                UpdatedAtRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSessions(QList<protocol::ChatSession> sessions);
    // Inserts or updates one session and keeps the order (moves it to its new place).
    void upsert(const protocol::ChatSession& session);
    bool remove(const QString& sessionId);
    int rowOf(const QString& sessionId) const;
    const protocol::ChatSession& at(int row) const { return m_sessions.at(row); }

private:
    int insertionRow(const protocol::ChatSession& session) const;

    QList<protocol::ChatSession> m_sessions;
};

} // namespace cidadao::client
