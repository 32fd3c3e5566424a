// SPDX-License-Identifier: GPL-3.0-or-later
// The item models under QAbstractItemModelTester (which checks every signal and index rule as the
// model changes), plus the behaviour each promises.
#include "core/models/anomalymodel.h"
#include "core/models/investigationlistmodel.h"
#include "core/models/messagemodel.h"
#include "core/models/sessionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using namespace cidadao::client;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

protocol::ChatSession session(const QString& id, qint64 minutes)
{
    protocol::ChatSession s;
    s.id = id;
    s.title = id;
    s.status = QStringLiteral("active");
    s.createdAt = T0;
    s.updatedAt = T0.addSecs(minutes * 60);
    return s;
}

protocol::AnomalyResult anomaly(const QString& id, const QString& type, const QString& severity, double confidence,
                                const QString& description)
{
    protocol::AnomalyResult a;
    a.anomalyId = id;
    a.type = type;
    a.severity = severity;
    a.confidence = confidence;
    a.description = description;
    a.explanation = QStringLiteral("explanation of ") + description;
    return a;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionListKeepsNewestFirst()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({session(QStringLiteral("a"), 1), session(QStringLiteral("b"), 3), session(QStringLiteral("c"), 2)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.at(0).id, QStringLiteral("b"));
        QCOMPARE(model.at(2).id, QStringLiteral("a"));
        model.upsert(session(QStringLiteral("a"), 10)); // moves to the top
        QCOMPARE(model.at(0).id, QStringLiteral("a"));
        QCOMPARE(model.at(1).id, QStringLiteral("b"));
        model.upsert(session(QStringLiteral("d"), 0)); // goes to the bottom
        QCOMPARE(model.at(3).id, QStringLiteral("d"));
        model.upsert(session(QStringLiteral("b"), -5)); // moves down
        QCOMPARE(model.at(3).id, QStringLiteral("b"));
        QCOMPARE(model.index(0).data(SessionListModel::IdRole).toString(), QStringLiteral("a"));
        QVERIFY(model.remove(QStringLiteral("c")));
        QVERIFY(!model.remove(QStringLiteral("zz")));
        QCOMPARE(model.rowCount(), 3);
    }

    void messagePendingStreamAndMerge()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        protocol::HistoryMessage old;
        old.id = QStringLiteral("m0");
        old.role = QStringLiteral("assistant");
        old.content = QStringLiteral("Bem-vindo");
        old.timestamp = T0;
        model.setHistory({old});

        const QString sent = model.addPendingUserMessage(QStringLiteral("Quais contratos?"), T0.addSecs(1));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(MessageModel::StateRole).value<MessageModel::State>(), MessageModel::State::Pending);
        model.confirmUserMessage(sent, QStringLiteral("m1"));
        QCOMPARE(model.at(1).id, QStringLiteral("m1"));

        const QString reply = model.beginReply(T0.addSecs(2));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setReplyAgent(reply, QStringLiteral("zumbi"), QStringLiteral("Zumbi dos Palmares"));
        model.appendChunk(reply, QStringLiteral("Encontrei "));
        model.appendChunk(reply, QStringLiteral("3 contratos"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2).data(MessageModel::ContentRole).toString(), QStringLiteral("Encontrei 3 contratos"));
        QCOMPARE(changed.size(), 3);
        for (const auto& signal : std::as_const(changed)) {
            QCOMPARE(signal.at(0).toModelIndex().row(), 2); // only the streaming row changes
            QCOMPARE(signal.at(1).toModelIndex().row(), 2);
        }

        protocol::HistoryMessage final;
        final.id = QStringLiteral("m2");
        final.role = QStringLiteral("assistant");
        final.content = QStringLiteral("Encontrei 3 contratos.");
        final.agentId = QStringLiteral("zumbi");
        final.timestamp = T0.addSecs(3);
        model.completeReply(reply, final);
        QCOMPARE(model.at(2).id, QStringLiteral("m2"));
        QCOMPARE(model.at(2).content, QStringLiteral("Encontrei 3 contratos."));
        QCOMPARE(model.at(2).state, MessageModel::State::Complete);
        const int before = int(changed.size());
        model.appendChunk(reply, QStringLiteral("late")); // stale chunk after completion: ignored
        QCOMPARE(changed.size(), before);
        QCOMPARE(model.at(2).content, QStringLiteral("Encontrei 3 contratos."));

        const QString lost = model.beginReply(T0.addSecs(4));
        model.failMessage(lost, QStringLiteral("connection lost"));
        QCOMPARE(model.at(3).state, MessageModel::State::Failed);
        QCOMPARE(model.index(3).data(MessageModel::ErrorRole).toString(), QStringLiteral("connection lost"));
    }

    void mergeRemovesDuplicateFromReloadedHistory()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString reply = model.beginReply(T0);
        model.appendChunk(reply, QStringLiteral("parcial"));
        protocol::HistoryMessage final;
        final.id = QStringLiteral("m9");
        final.role = QStringLiteral("assistant");
        final.content = QStringLiteral("completo");
        final.timestamp = T0;
        // The history was reloaded meanwhile and already holds the final message.
        const QString other = model.addPendingUserMessage(QStringLiteral("x"), T0);
        model.confirmUserMessage(other, QStringLiteral("m9"));
        model.completeReply(reply, final);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).content, QStringLiteral("completo"));
    }

    void investigationListUpdatesInPlace()
    {
        InvestigationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        protocol::InvestigationStatus status;
        status.investigationId = QStringLiteral("i1");
        status.status = QStringLiteral("started");
        model.setInvestigations({InvestigationSummary{status, QStringLiteral("preços"), T0}});
        status.status = QStringLiteral("completed");
        status.progress = 1.0;
        status.anomaliesDetected = 4;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateStatus(status, T0.addSecs(10));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(InvestigationListModel::FinishedRole).toBool(), true);
        QCOMPARE(model.index(0).data(InvestigationListModel::AnomaliesRole).toLongLong(), 4);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("preços"));
        status.investigationId = QStringLiteral("i2");
        status.status = QStringLiteral("processing");
        model.updateStatus(status, T0.addSecs(20)); // unknown id: a new row at the top
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.at(0).status.investigationId, QStringLiteral("i2"));
        QCOMPARE(model.index(0).data(InvestigationListModel::FinishedRole).toBool(), false);
    }

    void anomalyProxyFiltersAndSortsBySeverityRank()
    {
        AnomalyModel model;
        AnomalyFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnomalies({anomaly(QStringLiteral("a1"), QStringLiteral("price"), QStringLiteral("high"), 0.9,
                                    QStringLiteral("Preço 3x acima da mediana")),
                            anomaly(QStringLiteral("a2"), QStringLiteral("vendor"), QStringLiteral("low"), 0.5,
                                    QStringLiteral("Fornecedor concentrado")),
                            anomaly(QStringLiteral("a3"), QStringLiteral("duplicate"), QStringLiteral("critical"), 0.99,
                                    QStringLiteral("Pagamento duplicado"))});
        model.append(anomaly(QStringLiteral("a4"), QStringLiteral("temporal"), QStringLiteral("medium"), 0.7,
                             QStringLiteral("Fim de exercício")));
        model.append(anomaly(QStringLiteral("a2"), QStringLiteral("vendor"), QStringLiteral("low"), 0.6,
                             QStringLiteral("Fornecedor concentrado"))); // same id: replaced
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(AnomalyModel::ColumnCount));

        proxy.sort(AnomalyModel::SeverityColumn, Qt::DescendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, AnomalyModel::SeverityColumn).data().toString();
        QCOMPARE(order, (QStringList{QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"),
                                     QStringLiteral("low")}));

        proxy.setMinimumSeverity(QStringLiteral("high"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMinimumSeverity({});
        proxy.setTypes({QStringLiteral("price"), QStringLiteral("vendor")});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTypes({});
        proxy.setText(QStringLiteral("DUPLICADO"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(AnomalyModel::IdRole).toString(), QStringLiteral("a3"));
        proxy.setText(QStringLiteral("explanation of fim"));
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
