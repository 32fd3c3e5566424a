// SPDX-License-Identifier: GPL-3.0-or-later
// Live sync across two running clients of the same user (issue #10, spec/API.md §9): two complete
// client cores (ApiClient + AuthSession + /ws ChannelsClient + SyncDispatcher + services) against
// ONE real cidadao-server. What client A does (a new chat session, messages, an investigation run
// to completion, a deleted session) reaches client B's models through sync_update only; nothing
// polls. B also catches up on what happened while its channel was down.
#include "localbackend.h"

#include "core/channelsclient.h"
#include "core/models/investigationlistmodel.h"
#include "core/models/messagemodel.h"
#include "core/models/sessionlistmodel.h"
#include "core/services/conversationservice.h"
#include "core/services/investigationsservice.h"
#include "core/services/syncdispatcher.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cidadao;
using client::ConversationService;
using client::InvestigationsService;
using client::MessageModel;
using client::SyncDispatcher;

namespace {

constexpr int Wait = 60000; // generous: the machine is shared; QTRY returns as soon as it holds

// One running client of the signed-in user, built the way the desktop app builds its parts.
struct Client
{
    Client(client::BackendHost& host, const protocol::LoginResponse& login)
        : api(host.baseUrl())
        , session(&api, &secrets, QStringLiteral("local"))
        , dispatcher(channels)
        , conversations(&api)
        , investigations(&api)
    {
        session.setTokens(login);
        channels.setUrl(host.webSocketUrl(QStringLiteral("/ws")));
        channels.setTokenProvider([this] { return session.accessToken(); });
        dispatcher.attach(&conversations);
        dispatcher.attach(&investigations);
        dispatcher.setUserId(login.user.id);
        channels.open();
    }

    client::ApiClient api;
    client::MemorySecretStore secrets;
    client::AuthSession session;
    client::ChannelsClient channels;
    SyncDispatcher dispatcher;
    ConversationService conversations;
    InvestigationsService investigations;
};

QStringList idsOf(const MessageModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.at(row).id;
    return ids;
}

bool hasDuplicates(const QStringList& ids)
{
    return QSet<QString>(ids.begin(), ids.end()).size() != ids.size();
}

protocol::HistoryMessage stored(const QString& id, const QString& role, const QString& content)
{
    protocol::HistoryMessage m;
    m.id = id;
    m.role = role;
    m.content = content;
    m.timestamp = QDateTime::currentDateTimeUtc();
    return m;
}

} // namespace

class TestServicesSync : public QObject
{
    Q_OBJECT

private:
    testing::LocalBackend m_backend;
    std::unique_ptr<Client> m_a;
    std::unique_ptr<Client> m_b;

private Q_SLOTS:
    void appendNewerMergesWithoutDuplicates();
    void initTestCase();
    void newSessionAndMessagesReachTheOtherClient();
    void investigationStartedElsewhereAppearsAndCompletes();
    void sessionDeletedElsewhereDisappears();
    void reconnectCatchesUpOnMissedChanges();
    void cleanupTestCase();
};

// The model part alone: what the service hands it after a sync_update.
void TestServicesSync::appendNewerMergesWithoutDuplicates()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString user = QStringLiteral("user");
    const QString assistant = QStringLiteral("assistant");
    model.setHistory({stored(QStringLiteral("m1"), user, QStringLiteral("olá")),
                      stored(QStringLiteral("m2"), assistant, QStringLiteral("oi"))});
    QCOMPARE(model.newestServerId(), QStringLiteral("m2"));
    // This client's own turn, streamed: the question was confirmed without an id, the reply has one.
    const QString question = model.addPendingUserMessage(QStringLiteral("contratos?"), QDateTime::currentDateTimeUtc());
    model.confirmUserMessage(question, QString());
    const QString reply = model.beginReply(QDateTime::currentDateTimeUtc());
    model.appendChunk(reply, QStringLiteral("três"));
    model.completeReply(reply, stored(QStringLiteral("m4"), assistant, QString()));
    QCOMPARE(model.rowCount(), 4);

    // The newest page as the server holds it, oldest first: m1 (known), m0 (unknown but older than
    // a known one: not appended), m3 (our question: adopted), m4 (known), m5/m6 (new elsewhere).
    const int added = model.appendNewer({stored(QStringLiteral("m0"), user, QStringLiteral("antiga")),
                                         stored(QStringLiteral("m1"), user, QStringLiteral("olá")),
                                         stored(QStringLiteral("m3"), user, QStringLiteral("contratos?")),
                                         stored(QStringLiteral("m4"), assistant, QStringLiteral("três")),
                                         stored(QStringLiteral("m5"), user, QStringLiteral("e agora?")),
                                         stored(QStringLiteral("m6"), assistant, QStringLiteral("agora não"))});
    QCOMPARE(added, 2);
    QCOMPARE(idsOf(model), (QStringList{QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3"),
                                        QStringLiteral("m4"), QStringLiteral("m5"), QStringLiteral("m6")}));
    QCOMPARE(model.at(2).localId, question); // the same row, now with the stored id
    // The same page again changes nothing.
    QCOMPARE(model.appendNewer({stored(QStringLiteral("m5"), user, QStringLiteral("e agora?")),
                                stored(QStringLiteral("m6"), assistant, QStringLiteral("agora não"))}),
             0);
    QCOMPARE(model.rowCount(), 6);
    // A streaming row is never taken for a stored copy.
    const QString streaming = model.beginReply(QDateTime::currentDateTimeUtc());
    QCOMPARE(model.appendNewer({stored(QStringLiteral("m7"), assistant, QString())}), 1);
    QVERIFY(model.at(model.rowOfLocalId(streaming)).id.isEmpty());
}

void TestServicesSync::initTestCase()
{
    QVERIFY2(m_backend.start(2000), qPrintable(m_backend.error()));
    const protocol::LoginResponse login = m_backend.host()->login();
    m_a = std::make_unique<Client>(*m_backend.host(), login);
    m_b = std::make_unique<Client>(*m_backend.host(), login);
    QTRY_VERIFY_WITH_TIMEOUT(m_a->dispatcher.isLive(), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(m_b->dispatcher.isLive(), Wait);
    QCOMPARE(m_b->dispatcher.channel(), QStringLiteral("sync:") + login.user.id);
    QVERIFY(m_b->channels.grantedChannels().contains(m_b->dispatcher.channel()));
}

void TestServicesSync::newSessionAndMessagesReachTheOtherClient()
{
    ConversationService& a = m_a->conversations;
    ConversationService& b = m_b->conversations;
    QAbstractItemModelTester sessionsTester(b.sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester messagesTester(b.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errorsA(&a, &ConversationService::errorOccurred);
    QSignalSpy errorsB(&b, &ConversationService::errorOccurred);
    QSignalSpy syncB(&m_b->dispatcher, &SyncDispatcher::syncUpdate);
    const int sessionsBefore = b.sessions()->rowCount();

    // A starts a conversation; B, which never asks for the list, gains the session.
    QVERIFY(a.send(QStringLiteral("Quais contratos do Ministério da Saúde têm preços suspeitos?")));
    QTRY_VERIFY_WITH_TIMEOUT(!a.isStreaming(), Wait);
    const QString sessionId = a.currentSessionId();
    QVERIFY(!sessionId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(b.sessions()->rowOf(sessionId) >= 0, Wait);
    QCOMPARE(b.sessions()->rowCount(), sessionsBefore + 1);
    QTRY_COMPARE_WITH_TIMEOUT(b.sessions()->at(b.sessions()->rowOf(sessionId)).messageCount, 2, Wait);
    QVERIFY(std::any_of(syncB.cbegin(), syncB.cend(), [&](const QList<QVariant>& args) {
        return args.at(0).toString() == QLatin1String("session") && args.at(1).toString() == sessionId
               && args.at(2).toString() == QLatin1String("created");
    }));

    // B opens it; A's own sync_updates gave A's question its stored id (no row twice on A).
    QSignalSpy loaded(&b, &ConversationService::historyLoaded);
    b.openSession(sessionId);
    QVERIFY(loaded.wait(Wait));
    QCOMPARE(b.messages()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!a.messages()->at(0).id.isEmpty(), Wait);
    QCOMPARE(idsOf(*a.messages()), idsOf(*b.messages()));

    // A's next turn appears in B's open conversation, question and answer, each once.
    QSignalSpy newer(&b, &ConversationService::newerLoaded);
    QVERIFY(a.send(QStringLiteral("E quais fornecedores concentram mais contratos?")));
    QTRY_VERIFY_WITH_TIMEOUT(!a.isStreaming(), Wait);
    const QString replyId = a.messages()->at(3).id;
    QVERIFY(!replyId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(b.messages()->rowOfId(replyId) >= 0, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(a.messages()->rowCount(), 4, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!a.messages()->at(2).id.isEmpty(), Wait);
    QCOMPARE(b.messages()->rowCount(), 4);
    QVERIFY(!newer.isEmpty());
    QCOMPARE(idsOf(*b.messages()), idsOf(*a.messages()));
    QVERIFY(!hasDuplicates(idsOf(*b.messages())));
    QCOMPARE(b.messages()->at(2).role, QStringLiteral("user"));
    QCOMPARE(b.messages()->at(2).content, QStringLiteral("E quais fornecedores concentram mais contratos?"));
    QCOMPARE(b.messages()->at(3).content, a.messages()->at(3).content);
    QTRY_COMPARE_WITH_TIMEOUT(b.sessions()->at(b.sessions()->rowOf(sessionId)).messageCount, 4, Wait);
    QVERIFY2(errorsA.isEmpty() && errorsB.isEmpty(), "no error on either client");
}

void TestServicesSync::investigationStartedElsewhereAppearsAndCompletes()
{
    InvestigationsService& a = m_a->investigations;
    InvestigationsService& b = m_b->investigations;
    QAbstractItemModelTester tester(b.investigations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy startedA(&a, &InvestigationsService::started);
    QSignalSpy errorsB(&b, &InvestigationsService::errorOccurred);

    protocol::InvestigationRequest request;
    request.query = QStringLiteral("Contratos suspeitos vistos de outro cliente");
    request.dataSource = QStringLiteral("contracts");
    request.anomalyTypes = {QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("duplicate")};
    a.start(request);
    QVERIFY(startedA.wait(Wait));
    const QString id = startedA.at(0).at(0).toString();

    // B never listed investigations: the row comes from sync_update, with the query.
    QTRY_VERIFY_WITH_TIMEOUT(b.investigations()->rowOf(id) >= 0, Wait);
    QCOMPARE(b.investigations()->at(b.investigations()->rowOf(id)).query, request.query);
    QTRY_COMPARE_WITH_TIMEOUT(b.investigations()->at(b.investigations()->rowOf(id)).status.status,
                              QStringLiteral("completed"), Wait);
    const QModelIndex index = b.investigations()->index(b.investigations()->rowOf(id));
    QVERIFY(index.data(client::InvestigationListModel::FinishedRole).toBool());
    QVERIFY(index.data(client::InvestigationListModel::AnomaliesRole).toInt() >= 0);
    // One row per investigation (the chat above may have started one too), however many updates came.
    QStringList ids;
    for (int row = 0; row < b.investigations()->rowCount(); ++row)
        ids << b.investigations()->at(row).status.investigationId;
    QCOMPARE(ids.count(id), 1);
    QVERIFY(!hasDuplicates(ids));
    QVERIFY(!b.isFollowing(id)); // the live socket went with the finished run
    QVERIFY(errorsB.isEmpty());
    // A's own list shows the same end.
    QTRY_COMPARE_WITH_TIMEOUT(a.investigations()->at(a.investigations()->rowOf(id)).status.status,
                              QStringLiteral("completed"), Wait);
}

void TestServicesSync::sessionDeletedElsewhereDisappears()
{
    ConversationService& a = m_a->conversations;
    ConversationService& b = m_b->conversations;
    const QString sessionId = b.currentSessionId();
    QVERIFY(!sessionId.isEmpty()); // opened by the chat test above
    QVERIFY(b.sessions()->rowOf(sessionId) >= 0);
    QSignalSpy removed(&b, &ConversationService::sessionRemoved);
    QSignalSpy current(&b, &ConversationService::currentSessionChanged);
    QSignalSpy toldB(&b, &ConversationService::openSessionDeletedElsewhere);
    QSignalSpy toldA(&a, &ConversationService::openSessionDeletedElsewhere);

    a.deleteSession(sessionId);
    QTRY_VERIFY_WITH_TIMEOUT(b.sessions()->rowOf(sessionId) < 0, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Wait);
    QCOMPARE(removed.at(0).at(0).toString(), sessionId);
    // It was open in B: B now shows an empty conversation instead of a deleted one.
    QVERIFY(b.currentSessionId().isEmpty());
    QCOMPARE(b.messages()->rowCount(), 0);
    QVERIFY(!current.isEmpty());
    QCOMPARE(toldB.size(), 1); // B's view says why the conversation went away
    QTRY_VERIFY_WITH_TIMEOUT(a.sessions()->rowOf(sessionId) < 0, Wait);
    QTest::qWait(200); // A's own sync_update, had it been taken for news, would have come by now
    QCOMPARE(toldA.size(), 0);
}

void TestServicesSync::reconnectCatchesUpOnMissedChanges()
{
    ConversationService& a = m_a->conversations;
    ConversationService& b = m_b->conversations;
    // B's channel goes down; A works meanwhile; nothing tells B.
    m_b->channels.close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_b->dispatcher.isLive(), Wait);
    a.newConversation();
    QVERIFY(a.send(QStringLiteral("Há contratos emergenciais sem licitação?")));
    QTRY_VERIFY_WITH_TIMEOUT(!a.isStreaming(), Wait);
    const QString missed = a.currentSessionId();
    QVERIFY(!missed.isEmpty());
    QVERIFY(b.sessions()->rowOf(missed) < 0);

    // Back up: the re-granted channel makes B read its list again.
    m_b->channels.open();
    QTRY_VERIFY_WITH_TIMEOUT(m_b->dispatcher.isLive(), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(b.sessions()->rowOf(missed) >= 0, Wait);
}

void TestServicesSync::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
}

QTEST_MAIN(TestServicesSync)
#include "tst_services_sync.moc"
