// SPDX-License-Identifier: GPL-3.0-or-later
// Two running desktop apps (the real DesktopApp composition: window, pages, connection, live sync)
// signed in as the same user on one real cidadao-server, offscreen. What is done in window A (a
// message typed in its chat page, an investigation started from its investigations page, a deleted
// conversation) shows in window B's chat and investigations pages through sync_update alone.
#include "core/connection.h"
#include "core/models/investigationlistmodel.h"
#include "core/models/messagemodel.h"
#include "core/sampledataloader.h"
#include "core/services/conversationservice.h"
#include "core/services/investigationsservice.h"
#include "core/services/syncdispatcher.h"
#include "desktop/desktopapp.h"
#include "support/serverprocess.h"
#include "ui/chat/chatview.h"
#include "ui/chat/messagelistview.h"
#include "ui/investigations/investigationsview.h"
#include "ui/messagebanner.h"

#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cidadao;
using client::Connection;

namespace {

constexpr int Wait = 60000;

const QString Email = QStringLiteral("ana@example.org");
const QString Password = QStringLiteral("a good password");

} // namespace

class TestSyncDesktop : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<testing::ServerProcess> m_server;

    desktop::DesktopOptions options(const QString& name) const
    {
        desktop::DesktopOptions opts;
        opts.mode = desktop::DesktopOptions::Mode::Remote;
        opts.serverUrl = m_server->url();
        opts.dataDir = m_dir.filePath(name);
        opts.settingsFile = m_dir.filePath(name + QStringLiteral(".ini"));
        opts.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        opts.memorySecrets = true;
        opts.loadSampleData = false;
        opts.language = QStringLiteral("en");
        return opts;
    }

    static bool signIn(desktop::DesktopApp& app)
    {
        if (!QTest::qWaitFor([&app] { return app.connection().state() == Connection::State::SignInRequired; }, Wait))
            return false;
        QSignalSpy connected(&app.connection(), &Connection::connected);
        app.connection().auth().login(Email, Password);
        return connected.wait(Wait);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The server gets the sample data set so that the investigation has records to read.
        client::SampleDataLoader::Options load;
        load.serverPath = QStringLiteral(CIDADAO_SERVER_BINARY);
        load.dataDir = m_dir.filePath(QStringLiteral("server"));
        load.records = 2000;
        load.seed = 7;
        client::SampleDataLoader loader(load);
        QSignalSpy done(&loader, &client::SampleDataLoader::finished);
        loader.start();
        QVERIFY(done.wait(240000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(loader.errorString()));
        m_server = std::make_unique<testing::ServerProcess>(QStringList{}, m_dir.filePath(QStringLiteral("server")));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void secondWindowFollowsTheFirst()
    {
        desktop::DesktopApp a(options(QStringLiteral("a")));
        desktop::DesktopApp b(options(QStringLiteral("b")));
        a.start();
        b.start();
        QTRY_COMPARE_WITH_TIMEOUT(a.connection().state(), Connection::State::SignInRequired, Wait);
        protocol::RegisterRequest account;
        account.email = Email;
        account.password = Password;
        account.name = QStringLiteral("Ana Souza");
        client::ApiJob* registered = a.connection().auth().registerAccount(account);
        QSignalSpy registeredDone(registered, &client::ApiJob::finished);
        QVERIFY(registeredDone.wait(Wait));
        QCOMPARE(registered->status(), client::ApiJob::Status::Succeeded);
        QVERIFY(signIn(a));
        QVERIFY(signIn(b));
        auto* syncA = a.findChild<client::SyncDispatcher*>();
        auto* syncB = b.findChild<client::SyncDispatcher*>();
        QVERIFY(syncA && syncB);
        QTRY_VERIFY_WITH_TIMEOUT(syncA->isLive() && syncB->isLive(), Wait);

        // A types a question; B's session list gains the conversation.
        ui::ChatView* chatA = a.chatView();
        ui::ChatView* chatB = b.chatView();
        QAbstractItemModel* sessionsB = chatB->sessionList()->model();
        const int sessionsBefore = sessionsB->rowCount();
        QVERIFY(chatA->sendText(QStringLiteral("Quais contratos têm preços suspeitos?")));
        QTRY_VERIFY_WITH_TIMEOUT(!chatA->service()->isStreaming(), Wait);
        const QString sessionId = chatA->service()->currentSessionId();
        QVERIFY(!sessionId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sessionsB->rowCount(), sessionsBefore + 1, Wait);

        // B opens it from its list, as a click does, and sees both messages.
        const int row = chatB->service()->sessions()->rowOf(sessionId);
        QVERIFY(row >= 0);
        const QModelIndex index = sessionsB->index(row, 0);
        chatB->sessionList()->setCurrentIndex(index);
        Q_EMIT chatB->sessionList()->activated(index);
        QTRY_COMPARE_WITH_TIMEOUT(chatB->service()->currentSessionId(), sessionId, Wait);
        QAbstractItemModel* messagesB = chatB->messageList()->model();
        QTRY_COMPARE_WITH_TIMEOUT(messagesB->rowCount(), 2, Wait);

        // A's next turn grows B's open conversation, each message once.
        QVERIFY(chatA->sendText(QStringLiteral("E quem são os maiores fornecedores?")));
        QTRY_VERIFY_WITH_TIMEOUT(!chatA->service()->isStreaming(), Wait);
        QTRY_COMPARE_WITH_TIMEOUT(messagesB->rowCount(), 4, Wait);
        const client::MessageModel* modelA = chatA->service()->messages();
        const client::MessageModel* modelB = chatB->service()->messages();
        QTRY_VERIFY_WITH_TIMEOUT(!modelA->at(2).id.isEmpty(), Wait);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(modelB->at(i).id, modelA->at(i).id);
        QCOMPARE(messagesB->index(2, 0).data(client::MessageModel::ContentRole).toString(),
                 QStringLiteral("E quem são os maiores fornecedores?"));

        // An investigation started in A's page appears in B's list and completes there.
        QAbstractItemModel* investigationsB = b.investigationsView()->list()->model();
        QSignalSpy startedA(a.investigationsView()->service(), &client::InvestigationsService::started);
        protocol::InvestigationRequest request;
        request.query = QStringLiteral("Aberta na janela A");
        request.dataSource = QStringLiteral("contracts");
        request.anomalyTypes = {QStringLiteral("price"), QStringLiteral("vendor")};
        a.investigationsView()->service()->start(request);
        QVERIFY(startedA.wait(Wait));
        const QString investigationId = startedA.at(0).at(0).toString();
        const client::InvestigationListModel* listB = b.investigationsView()->service()->investigations();
        QTRY_VERIFY_WITH_TIMEOUT(listB->rowOf(investigationId) >= 0, Wait);
        QTRY_COMPARE_WITH_TIMEOUT(listB->at(listB->rowOf(investigationId)).status.status, QStringLiteral("completed"),
                                  Wait);
        QCOMPARE(listB->at(listB->rowOf(investigationId)).query, request.query);
        QCOMPARE(investigationsB->rowCount(), listB->rowCount()); // the page's list shows the model's rows

        // A deletes the conversation; B's list loses it and B no longer shows it.
        chatA->service()->deleteSession(sessionId);
        QTRY_VERIFY_WITH_TIMEOUT(chatB->service()->sessions()->rowOf(sessionId) < 0, Wait);
        QCOMPARE(sessionsB->rowCount(), sessionsBefore);
        QTRY_COMPARE_WITH_TIMEOUT(messagesB->rowCount(), 0, Wait);
        QVERIFY(chatB->service()->currentSessionId().isEmpty());
        // B says why its conversation went away; A, which deleted it, does not.
        auto* bannerB = chatB->findChild<ui::MessageBanner*>(QStringLiteral("chatBanner"));
        auto* bannerA = chatA->findChild<ui::MessageBanner*>(QStringLiteral("chatBanner"));
        QVERIFY(bannerA && bannerB);
        QTRY_VERIFY_WITH_TIMEOUT(bannerB->text().contains(QStringLiteral("deleted in another window")), Wait);
        QCOMPARE(bannerB->kind(), ui::MessageBanner::Kind::Information);
        QVERIFY(!bannerA->text().contains(QStringLiteral("deleted in another window")));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_MAIN(TestSyncDesktop)
#include "tst_sync_desktop.moc"
