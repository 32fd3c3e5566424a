// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationService against a real cidadao-server started by BackendHost: a streamed answer
// grows in the MessageModel chunk by chunk, the history pages backwards through the cursor, stop
// ends a reply where it stands, and a refused request becomes an error with a retry.
#include "localbackend.h"

#include "core/models/messagemodel.h"
#include "core/services/conversationservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using client::ConversationService;
using client::MessageModel;

class TestConversationService : public QObject
{
    Q_OBJECT

private:
    testing::LocalBackend m_backend;

    static bool waitIdle(ConversationService& service)
    {
        return QTest::qWaitFor([&service] { return !service.isStreaming(); }, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_backend.start(2000), qPrintable(m_backend.error()));
    }

    void streamedAnswerArrivesInTheMessageModel()
    {
        ConversationService service(m_backend.api());
        MessageModel* model = service.messages();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&service, &ConversationService::errorOccurred);
        QSignalSpy session(&service, &ConversationService::currentSessionChanged);

        // Content lengths of the reply row seen while it was still streaming.
        QList<int> streamedLengths;
        connect(model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from, const QModelIndex&) {
            const MessageModel::Message& m = model->at(from.row());
            if (m.role == QLatin1String("assistant") && m.state == MessageModel::State::Streaming)
                streamedLengths << int(m.content.size());
        });

        QVERIFY(service.send(QStringLiteral("Quais contratos do Ministério da Saúde têm preços suspeitos?")));
        // At once, before any answer: the pending question and the empty reply that will grow.
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->at(0).state, MessageModel::State::Pending);
        QCOMPARE(model->at(1).state, MessageModel::State::Streaming);
        QVERIFY(service.isStreaming());
        QVERIFY(!service.send(QStringLiteral("a second one while streaming"))); // one reply at a time

        QVERIFY(waitIdle(service));
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.at(0).at(0).value<protocol::ApiError>().message));
        const MessageModel::Message& reply = model->at(1);
        QCOMPARE(reply.state, MessageModel::State::Complete);
        QVERIFY(!reply.content.isEmpty());
        QVERIFY(!reply.agentName.isEmpty());
        QVERIFY(!reply.agentId.isEmpty());
        QVERIFY(!reply.id.isEmpty()); // the server's message id merged into the row
        QVERIFY(reply.confidence >= 0.0 && reply.confidence <= 1.0);
        QCOMPARE(model->at(0).state, MessageModel::State::Complete);
        // The text appeared while streaming, not only at the end.
        QVERIFY(!streamedLengths.isEmpty());
        QVERIFY(std::any_of(streamedLengths.begin(), streamedLengths.end(), [](int n) { return n > 0; }));
        QVERIFY(!service.currentSessionId().isEmpty());
        QCOMPARE(session.size(), 1);
        qInfo("reply by %s, %lld characters, %lld streamed updates, confidence %.2f", qPrintable(reply.agentName),
              qint64(reply.content.size()), qint64(streamedLengths.size()), reply.confidence);

        // The session list learns the new session.
        QTRY_VERIFY_WITH_TIMEOUT(service.sessions()->rowOf(service.currentSessionId()) >= 0, 20000);
    }

    void historyPagesBackwardsThroughTheCursor()
    {
        ConversationService writer(m_backend.api());
        const QStringList questions = {QStringLiteral("Olá"), QStringLiteral("O que você sabe fazer?"),
                                       QStringLiteral("Quem são os agentes?")};
        for (const QString& question : questions) {
            QVERIFY(writer.send(question));
            QVERIFY(waitIdle(writer));
        }
        const QString sessionId = writer.currentSessionId();
        QVERIFY(!sessionId.isEmpty());
        QCOMPARE(writer.messages()->rowCount(), 6);

        ConversationService reader(m_backend.api());
        reader.setPageSize(2);
        QAbstractItemModelTester tester(reader.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&reader, &ConversationService::historyLoaded);
        QSignalSpy older(&reader, &ConversationService::olderLoaded);
        reader.openSession(sessionId);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(reader.messages()->rowCount(), 2); // the newest page only
        QVERIFY(reader.hasOlder());
        QCOMPARE(reader.messages()->at(1).content, writer.messages()->at(5).content);
        int pages = 1;
        while (reader.hasOlder()) {
            reader.loadOlder();
            QVERIFY(older.wait(20000));
            ++pages;
            QVERIFY(pages <= 4);
        }
        QCOMPARE(pages, 3);
        QCOMPARE(reader.messages()->rowCount(), 6);
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(reader.messages()->at(row).content, writer.messages()->at(row).content);
            QCOMPARE(reader.messages()->at(row).id.isEmpty(), false);
        }
        QCOMPARE(reader.messages()->at(0).content, questions.first());
    }

    void stopEndsTheReplyWhereItStands()
    {
        ConversationService service(m_backend.api());
        QSignalSpy streaming(&service, &ConversationService::streamingChanged);
        QVERIFY(service.send(QStringLiteral("Faça um relatório dos contratos com fornecedores sancionados")));
        service.stop();
        QVERIFY(!service.isStreaming());
        QCOMPARE(streaming.size(), 2);
        QCOMPARE(streaming.at(1).at(0).toBool(), false);
        const MessageModel::Message& reply = service.messages()->at(1);
        QCOMPARE(reply.state, MessageModel::State::Complete);
        QVERIFY(reply.stopped);
        // Not stuck: the next message goes out and is answered.
        QVERIFY(service.send(QStringLiteral("Olá")));
        QVERIFY(waitIdle(service));
        QCOMPARE(service.messages()->at(3).state, MessageModel::State::Complete);
        QVERIFY(!service.messages()->at(3).content.isEmpty());
    }

    void refusedRequestBecomesAnErrorWithRetry()
    {
        // No token at all: the server answers 401 and there is no way to refresh.
        client::ApiClient anonymous(m_backend.host()->baseUrl());
        ConversationService service(&anonymous);
        QSignalSpy errors(&service, &ConversationService::errorOccurred);
        QVERIFY(service.send(QStringLiteral("Olá")));
        QVERIFY(errors.wait(20000));
        const auto error = errors.at(0).at(0).value<protocol::ApiError>();
        QCOMPARE(error.statusCode, 401);
        QCOMPARE(service.messages()->at(0).state, MessageModel::State::Failed);
        QCOMPARE(service.messages()->at(1).state, MessageModel::State::Failed);
        QVERIFY(waitIdle(service));

        // Signed in now, the same message goes through on retry.
        anonymous.setTokenProvider([this] { return m_backend.session()->accessToken(); });
        service.retry();
        QVERIFY(service.isStreaming());
        QVERIFY(waitIdle(service));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(service.messages()->rowCount(), 4);
        QCOMPARE(service.messages()->at(3).state, MessageModel::State::Complete);
    }

    void sessionsListAndDelete()
    {
        ConversationService service(m_backend.api());
        QVERIFY(service.send(QStringLiteral("Olá")));
        QVERIFY(waitIdle(service));
        const QString id = service.currentSessionId();
        QTRY_VERIFY_WITH_TIMEOUT(service.sessions()->rowOf(id) >= 0, 20000);
        service.deleteSession(id);
        QTRY_VERIFY_WITH_TIMEOUT(service.sessions()->rowOf(id) < 0, 20000);
        QVERIFY(service.currentSessionId().isEmpty());
        QCOMPARE(service.messages()->rowCount(), 0);
        // Gone on the server as well.
        QSignalSpy reset(service.sessions(), &QAbstractItemModel::modelReset);
        service.refreshSessions();
        QVERIFY(reset.wait(20000));
        QVERIFY(service.sessions()->rowOf(id) < 0);
    }
};

QTEST_GUILESS_MAIN(TestConversationService)
#include "tst_services_conversation.moc"
