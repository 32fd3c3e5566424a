// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's part that says where the app is connected: mode (local/remote), server, user
// and the connection state, kept current from the Connection's signals.
#pragma once

#include "core/connection.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace cidadao::ui {

class ConnectionStatus : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget* parent = nullptr);

    void setConnection(client::Connection* connection);

    QString modeText() const;
    QString serverText() const;
    QString userText() const;
    QString stateText() const;
    static QString describe(client::Connection::State state);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QPointer<client::Connection> m_connection;
    QLabel* m_mode = nullptr;
    QLabel* m_server = nullptr;
    QLabel* m_user = nullptr;
    QLabel* m_state = nullptr;
};

} // namespace cidadao::ui
