// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatview.h"

#include "bannererror.h"
#include "messagelistview.h"

#include "ui/messagebanner.h"

#include "core/clientcontext.h"
#include "core/connection.h"
#include "core/services/conversationservice.h"
#include "protocol/chat.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cidadao::ui {

using client::ConversationService;
using client::MessageModel;

ChatView::ChatView(ConversationService* service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_banner(new MessageBanner(this))
    , m_sessions(new QListView(this))
    , m_newConversation(new QPushButton(this))
    , m_deleteConversation(new QPushButton(this))
    , m_title(new QLabel(this))
    , m_messages(new MessageListView(this))
    , m_activity(new QLabel(this))
    , m_actions(new QWidget(this))
    , m_actionsLayout(new QHBoxLayout(m_actions))
    , m_counter(new QLabel(this))
    , m_composer(new QPlainTextEdit(this))
    , m_send(new QPushButton(this))
    , m_stop(new QPushButton(this))
{
    setObjectName(QStringLiteral("chatView"));
    m_banner->setObjectName(QStringLiteral("chatBanner"));
    m_sessions->setObjectName(QStringLiteral("sessionList"));
    m_sessions->setModel(service->sessions());
    m_sessions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Long titles end in "…" (the whole title is the tooltip) instead of pushing a horizontal scroll
    // bar under a list whose rows can never be read sideways anyway.
    m_sessions->setTextElideMode(Qt::ElideRight);
    m_sessions->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sessions->setUniformItemSizes(true);
    m_newConversation->setObjectName(QStringLiteral("newConversation"));
    m_deleteConversation->setObjectName(QStringLiteral("deleteConversation"));
    m_messages->setModel(service->messages());
    m_activity->setObjectName(QStringLiteral("chatActivity"));
    m_activity->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-style: italic;"));
    m_actions->setObjectName(QStringLiteral("suggestedActions"));
    m_actionsLayout->setContentsMargins(0, 0, 0, 0);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setTabChangesFocus(true);
    m_composer->setMaximumHeight(90);
    m_composer->installEventFilter(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_newConversation);
    leftLayout->addWidget(m_sessions, 1);
    leftLayout->addWidget(m_deleteConversation);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_messages, 1);
    rightLayout->addWidget(m_activity);
    rightLayout->addWidget(m_actions);
    auto* composerRow = new QHBoxLayout;
    composerRow->addWidget(m_composer, 1);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_counter);
    buttons->addStretch();
    composerRow->addLayout(buttons);
    rightLayout->addLayout(composerRow);
    m_rightLayout = rightLayout;

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 680});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_send, &QPushButton::clicked, this, [this] { sendText(m_composer->toPlainText()); });
    connect(m_stop, &QPushButton::clicked, service, &ConversationService::stop);
    connect(m_newConversation, &QPushButton::clicked, service, &ConversationService::newConversation);
    connect(m_deleteConversation, &QPushButton::clicked, this, [this] {
        if (!m_service->currentSessionId().isEmpty())
            m_service->deleteSession(m_service->currentSessionId());
    });
    connect(m_sessions, &QListView::clicked, this, &ChatView::onSessionActivated);
    connect(m_sessions, &QListView::activated, this, &ChatView::onSessionActivated);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ChatView::updateComposer);
    connect(m_messages, &MessageListView::olderWanted, service, &ConversationService::loadOlder);
    connect(service, &ConversationService::olderLoaded, m_messages, &MessageListView::keepPlaceAfterPrepend);
    connect(service, &ConversationService::streamingChanged, this, &ChatView::updateComposer);
    connect(service, &ConversationService::activityChanged, m_activity, &QLabel::setText);
    connect(service, &ConversationService::errorOccurred, this, &ChatView::showError);
    connect(service, &ConversationService::openSessionDeletedElsewhere, this, [this] {
        m_banner->showMessage(MessageBanner::Kind::Information,
                              tr("This conversation was deleted in another window or on another device. "
                                 "You can start a new one here."));
    });
    connect(service, &ConversationService::currentSessionChanged, this, [this] {
        retranslate();
        rebuildActions();
    });
    connect(service, &ConversationService::suggestionsChanged, this, &ChatView::rebuildActions);
    connect(service, &ConversationService::replyFinished, this, &ChatView::rebuildActions);
    connect(service->messages(), &QAbstractItemModel::modelReset, this, &ChatView::rebuildActions);
    connect(service->sessions(), &QAbstractItemModel::modelReset, this, &ChatView::retranslate);

    retranslate();
    updateComposer();
}

ChatView::ChatView(client::ClientContext& context, QWidget* parent)
    : ChatView(new ConversationService(&context.connection.api()), parent)
{
    m_service->setParent(this);
    client::Connection* connection = &context.connection;
    connect(connection, &client::Connection::connected, this, [this, connection] {
        setLocalBackend(connection->profile().kind == client::ConnectionProfile::Kind::Local);
        activate();
    });
    if (connection->isConnected()) {
        setLocalBackend(connection->profile().kind == client::ConnectionProfile::Kind::Local);
        activate();
    }
}

void ChatView::setLocalBackend(bool local)
{
    m_localBackend = local;
}

void ChatView::showError(const protocol::ApiError& error)
{
    showApiError(m_banner, error, m_localBackend,
                 {[this] { m_service->retry(); }, [this] { Q_EMIT loginRequested(); },
                  [this] { Q_EMIT restartServerRequested(); }});
}

void ChatView::activate()
{
    m_service->refreshSessions();
    m_service->loadSuggestions();
}

bool ChatView::sendText(const QString& text)
{
    if (!m_service->send(text))
        return false;
    m_banner->clear();
    if (m_composer->toPlainText().trimmed() == text.trimmed())
        m_composer->clear();
    return true;
}

void ChatView::setVoicePanel(QWidget* panel)
{
    if (m_voicePanel)
        m_voicePanel->deleteLater();
    m_voicePanel = panel;
    if (!panel)
        return;
    panel->setParent(this);
    // Under the composer, across the message column.
    m_rightLayout->addWidget(panel);
}

void ChatView::addSpokenMessage(const QString& text)
{
    MessageModel* model = m_service->messages();
    // Not stored by the server as a chat message: shown as sent, without a server id.
    model->confirmUserMessage(model->addPendingUserMessage(text, QDateTime::currentDateTimeUtc()), QString());
}

void ChatView::addSpokenReply(const QString& agentId, const QString& agentName, const QString& text)
{
    MessageModel* model = m_service->messages();
    const QString localId = model->beginReply(QDateTime::currentDateTimeUtc());
    model->setReplyAgent(localId, agentId, agentName);
    protocol::HistoryMessage final;
    final.role = QStringLiteral("assistant");
    final.content = text;
    if (!agentId.isEmpty())
        final.agentId = agentId;
    model->completeReply(localId, final);
}

QList<QPushButton*> ChatView::actionButtons() const
{
    return m_actions->findChildren<QPushButton*>(QStringLiteral("suggestedAction"));
}

void ChatView::onSessionActivated()
{
    const QModelIndex index = m_sessions->currentIndex();
    if (index.isValid())
        m_service->openSession(index.data(client::SessionListModel::IdRole).toString());
}

void ChatView::updateComposer()
{
    const bool streaming = m_service->isStreaming();
    const int length = int(m_composer->toPlainText().trimmed().size());
    m_send->setEnabled(!streaming && length >= protocol::ChatMessageMinLength
                       && length <= protocol::ChatMessageMaxLength);
    m_stop->setEnabled(streaming);
    m_counter->setText(QStringLiteral("%1/%2").arg(length).arg(protocol::ChatMessageMaxLength));
    m_counter->setStyleSheet(length > protocol::ChatMessageMaxLength ? QStringLiteral("color: #c62828;") : QString());
}

void ChatView::rebuildActions()
{
    QStringList labels;
    const MessageModel* model = m_service->messages();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const MessageModel::Message& message = model->at(row);
        if (message.role == QLatin1String("assistant")) {
            labels = message.suggestedActions;
            break;
        }
    }
    if (model->rowCount() == 0) {
        const QList<protocol::QuickAction> quick = m_service->suggestions();
        for (const protocol::QuickAction& action : quick)
            labels << action.label;
    }
    const QList<QPushButton*> old = actionButtons();
    for (QPushButton* button : old)
        button->deleteLater();
    while (QLayoutItem* item = m_actionsLayout->takeAt(0))
        delete item;
    for (const QString& label : std::as_const(labels).mid(0, 6)) {
        auto* button = new QPushButton(label, m_actions);
        button->setObjectName(QStringLiteral("suggestedAction"));
        button->setFlat(false);
        connect(button, &QPushButton::clicked, this, [this, label] { sendText(label); });
        m_actionsLayout->addWidget(button);
    }
    m_actionsLayout->addStretch();
    m_actions->setVisible(!labels.isEmpty());
}

void ChatView::retranslate()
{
    setWindowTitle(tr("Chat"));
    m_newConversation->setText(tr("New conversation"));
    m_deleteConversation->setText(tr("Delete conversation"));
    m_send->setText(tr("Send"));
    m_stop->setText(tr("Stop"));
    m_composer->setPlaceholderText(tr("Ask about contracts, suppliers or public spending…"));
    const int row = m_service->sessions()->rowOf(m_service->currentSessionId());
    m_title->setText(row >= 0 ? m_service->sessions()->index(row).data().toString() : tr("New conversation"));
}

bool ChatView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_composer && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            if (m_send->isEnabled())
                sendText(m_composer->toPlainText());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_service->suggestions().isEmpty()) // shown already, so signed in: ask in the new language
            m_service->loadSuggestions();
    }
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
