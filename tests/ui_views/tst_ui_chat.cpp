// SPDX-License-Identifier: GPL-3.0-or-later
// The chat page driven like a user would, offscreen, against a real cidadao-server: type a
// question and press send, watch the answer grow while streaming and finish with its agent and
// confidence, press a suggested action, copy a message, stop a reply, scroll back through older
// history, and see a refused request as a banner with its next step. Screenshots in en and pt-BR.
#include "localbackend.h"
#include "viewtestsupport.h"

#include "core/models/messagemodel.h"
#include "core/services/conversationservice.h"
#include "ui/chat/chatview.h"
#include "ui/chat/messagelistview.h"
#include "ui/messagebanner.h"

#include <QClipboard>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using client::ConversationService;
using client::MessageModel;
using ui::ChatView;

class TestUiChat : public QObject
{
    Q_OBJECT

private:
    testing::LocalBackend m_backend;
    testing::UiLanguage m_language;

    static bool waitIdle(ConversationService& service)
    {
        return QTest::qWaitFor([&service] { return !service.isStreaming(); }, 60000);
    }

    static void typeAndSend(ChatView& view, const QString& text)
    {
        view.composer()->setFocus();
        testing::typeText(view.composer(), text);
        QVERIFY(view.sendButton()->isEnabled());
        QTest::mouseClick(view.sendButton(), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_backend.start(2000), qPrintable(m_backend.error()));
        QVERIFY(m_language.use(QStringLiteral("en")));
    }

    void sendShowsTheStreamedAnswer()
    {
        ConversationService service(m_backend.api());
        ChatView view(&service);
        view.resize(1100, 760);
        view.show();
        view.activate();
        MessageModel* model = service.messages();

        QList<int> streamedLengths;
        connect(model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& at) {
            if (model->at(at.row()).state == MessageModel::State::Streaming)
                streamedLengths << int(model->at(at.row()).content.size());
        });
        bool stopWasEnabled = false;
        connect(&service, &ConversationService::streamingChanged, this, [&](bool on) {
            if (on)
                stopWasEnabled = view.stopButton()->isEnabled();
        });

        QVERIFY(!view.sendButton()->isEnabled()); // nothing typed yet
        typeAndSend(view, QStringLiteral("Quais contratos do Ministério da Saúde têm preços suspeitos?"));
        QVERIFY(view.composer()->toPlainText().isEmpty());
        QCOMPARE(view.messageList()->model()->rowCount(), 2);
        QVERIFY(stopWasEnabled);
        QVERIFY(!view.sendButton()->isEnabled());
        QVERIFY(waitIdle(service));
        QVERIFY(!view.stopButton()->isEnabled());
        QVERIFY(!view.banner()->isVisible());

        const MessageModel::Message& reply = model->at(1);
        QCOMPARE(reply.state, MessageModel::State::Complete);
        QVERIFY(!reply.content.isEmpty());
        QVERIFY(!reply.agentName.isEmpty());
        QVERIFY(std::any_of(streamedLengths.begin(), streamedLengths.end(), [](int n) { return n > 0; }));
        // The delegate made room for the whole rendered answer (more than one line of text).
        const QRect replyRect = view.messageList()->visualRect(model->index(1));
        QVERIFY2(replyRect.height() > 3 * view.fontMetrics().height(), qPrintable(QString::number(replyRect.height())));

        // Suggested actions are buttons that act: pressing one sends it.
        const QList<QPushButton*> actions = view.actionButtons();
        QCOMPARE(actions.size(), qMin<qsizetype>(6, reply.suggestedActions.size()));
        if (!actions.isEmpty()) {
            const QString label = actions.first()->text();
            QTest::mouseClick(actions.first(), Qt::LeftButton);
            QCOMPARE(model->rowCount(), 4);
            QCOMPARE(model->at(2).content, label);
            QVERIFY(waitIdle(service));
            QCOMPARE(model->at(3).state, MessageModel::State::Complete);
        }

        // Copy: select the first answer, Ctrl+C.
        view.messageList()->setFocus();
        view.messageList()->selectionModel()->select(model->index(1), QItemSelectionModel::ClearAndSelect);
        QTest::keySequence(view.messageList(), QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), model->at(1).content);

        // The session appears in the conversation list.
        QTRY_VERIFY_WITH_TIMEOUT(view.sessionList()->model()->rowCount() >= 1, 20000);

        view.messageList()->scrollToBottom();
        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("chat_en")));
        QVERIFY(m_language.use(QStringLiteral("pt_BR")));
        QCOMPARE(view.sendButton()->text(), QStringLiteral("Enviar"));
        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("chat_pt_BR")));
        QVERIFY(m_language.use(QStringLiteral("fr")));
        QVERIFY(view.sendButton()->text() != QLatin1String("Send"));
        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("chat_fr")));
        QVERIFY(m_language.use(QStringLiteral("en")));
        QCOMPARE(view.sendButton()->text(), QStringLiteral("Send"));
    }

    void stopButtonEndsTheReply()
    {
        ConversationService service(m_backend.api());
        ChatView view(&service);
        view.resize(900, 600);
        view.show();
        typeAndSend(view, QStringLiteral("Faça um relatório completo dos contratos"));
        QVERIFY(view.stopButton()->isEnabled());
        QTest::mouseClick(view.stopButton(), Qt::LeftButton);
        QVERIFY(!service.isStreaming());
        QVERIFY(service.messages()->at(1).stopped);
        QVERIFY(!view.stopButton()->isEnabled());
        typeAndSend(view, QStringLiteral("Olá"));
        QVERIFY(waitIdle(service));
        QCOMPARE(service.messages()->at(3).state, MessageModel::State::Complete);
    }

    void scrollingUpLoadsOlderHistory()
    {
        ConversationService writer(m_backend.api());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(writer.send(QStringLiteral("Pergunta número %1: o que você sabe fazer?").arg(i + 1)));
            QVERIFY(waitIdle(writer));
        }
        ConversationService service(m_backend.api());
        service.setPageSize(4);
        ChatView view(&service);
        view.resize(900, 500);
        view.show();
        QSignalSpy loaded(&service, &ConversationService::historyLoaded);
        QSignalSpy older(&service, &ConversationService::olderLoaded);
        service.openSession(writer.currentSessionId());
        QVERIFY(loaded.wait(20000));
        QCOMPARE(service.messages()->rowCount(), 4);
        QScrollBar* bar = view.messageList()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_VERIFY(bar->value() == bar->maximum()); // opened at the newest message
        bar->setValue(bar->minimum());               // the reader scrolls to the top
        QVERIFY(older.wait(20000));
        QCOMPARE(service.messages()->rowCount(), 8);
        // The reader's place is kept: the view did not jump back to the top.
        QTRY_VERIFY(bar->value() > bar->minimum());
        QCOMPARE(service.messages()->at(0).content.isEmpty(), false);
    }

    void refusedRequestShowsABannerWithItsNextStep()
    {
        client::ApiClient anonymous(m_backend.host()->baseUrl()); // no token: 401
        ConversationService service(&anonymous);
        ChatView view(&service);
        view.resize(900, 500);
        view.show();
        QSignalSpy login(&view, &ChatView::loginRequested);
        typeAndSend(view, QStringLiteral("Olá"));
        QTRY_VERIFY_WITH_TIMEOUT(view.banner()->isVisible(), 20000);
        QVERIFY(!view.banner()->text().contains(QLatin1String("Unauthorized")));
        QVERIFY(!view.banner()->text().contains(QLatin1String("401")));
        QVERIFY(view.banner()->actionTexts().contains(QStringLiteral("Log in again")));
        QVERIFY(testing::saveScreenshot(&view, QStringLiteral("chat_error_en")));
        QVERIFY(view.banner()->trigger(QStringLiteral("Log in again")));
        QCOMPARE(login.size(), 1);
    }
};

QTEST_MAIN(TestUiChat)
#include "tst_ui_chat.moc"
