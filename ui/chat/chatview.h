// SPDX-License-Identifier: GPL-3.0-or-later
// The chat page: the conversation list on the left; on the right the inline error banner, the
// messages (model/delegate), what the agents are doing now, the suggested actions as buttons that
// send them, and the composer with send and stop. It only talks to ConversationService.
#pragma once

#include "protocol/apierror.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QHBoxLayout;
class QVBoxLayout;

namespace cidadao::client {
class ConversationService;
struct ClientContext;
}

namespace cidadao::ui {

class MessageBanner;
class MessageListView;

class ChatView : public QWidget
{
    Q_OBJECT
public:
    explicit ChatView(client::ConversationService* service, QWidget* parent = nullptr);
    // The page as the app composes it: its own ConversationService on the context's connection,
    // local mode taken from the profile, and a reload each time the connection (re)connects.
    explicit ChatView(client::ClientContext& context, QWidget* parent = nullptr);

    // Local mode: "server unreachable" offers a restart of the embedded server.
    void setLocalBackend(bool local);
    // Reads the session list and the quick suggestions (call once signed in).
    void activate();
    // Puts text in the composer and sends it, as the send button does.
    bool sendText(const QString& text);

    client::ConversationService* service() const { return m_service; }
    MessageBanner* banner() const { return m_banner; }
    MessageListView* messageList() const { return m_messages; }
    QListView* sessionList() const { return m_sessions; }
    QPlainTextEdit* composer() const { return m_composer; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* stopButton() const { return m_stop; }
    QList<QPushButton*> actionButtons() const;

    // Voice (push-to-talk) under the composer; the view takes ownership. What was said and what
    // the agent answered by voice show in the current conversation like typed messages.
    void setVoicePanel(QWidget* panel);
    QWidget* voicePanel() const { return m_voicePanel; }
    void addSpokenMessage(const QString& text);
    void addSpokenReply(const QString& agentId, const QString& agentName, const QString& text);

Q_SIGNALS:
    void loginRequested();
    void restartServerRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateComposer();
    void rebuildActions();
    void onSessionActivated();
    void showError(const protocol::ApiError& error);

    client::ConversationService* m_service;
    MessageBanner* m_banner;
    bool m_localBackend = true;
    QListView* m_sessions;
    QPushButton* m_newConversation;
    QPushButton* m_deleteConversation;
    QLabel* m_title;
    MessageListView* m_messages;
    QLabel* m_activity;
    QWidget* m_actions;
    QHBoxLayout* m_actionsLayout;
    QLabel* m_counter;
    QPlainTextEdit* m_composer;
    QPushButton* m_send;
    QPushButton* m_stop;
    QVBoxLayout* m_rightLayout = nullptr;
    QWidget* m_voicePanel = nullptr;
};

} // namespace cidadao::ui
