// SPDX-License-Identifier: GPL-3.0-or-later
// AnomalyModel sorts itself (a permutation of rows on typed keys) and AnomalyFilterProxy only filters
// and forwards sort(): every column in both orders against std::stable_sort of the previous order as
// reference (ties keep the order shown before), persistent indexes follow their rows, streamed rows
// land in their sorted place, a replaced row moves, and the proxy filters the sorted order.
#include "core/models/anomalymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

using namespace cidadao;
using client::AnomalyFilterProxy;
using client::AnomalyModel;

namespace {

const QStringList Severities{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                             QStringLiteral("critical")};
const QStringList Types{QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("temporal"),
                        QStringLiteral("duplicate")};

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

// Few distinct values per column, so that ties are the common case; descriptions that share their
// first four and eight characters, differ only in length, are empty or not ASCII (the text sort
// goes four characters at a time).
QList<protocol::AnomalyResult> sample(int count)
{
    const QStringList texts{QString(), QStringLiteral("a"), QStringLiteral("abcd"), QStringLiteral("abcde"),
                            QStringLiteral("abcd") + QChar(0), QStringLiteral("Contrato"), QStringLiteral("contrato 10"),
                            QStringLiteral("contrato 2"), QStringLiteral("contrato 2 "), QStringLiteral("contratação"),
                            QStringLiteral("contrataç"), QStringLiteral("Órgão")};
    std::mt19937 random(11);
    QList<protocol::AnomalyResult> rows;
    for (int i = 0; i < count; ++i) {
        const QString description = i % 2 ? texts.at(int(random() % texts.size()))
                                          : QStringLiteral("contrato %1").arg(random() % 7);
        rows.append(anomaly(QStringLiteral("a%1").arg(i), Types.at(int(random() % 4)), Severities.at(int(random() % 4)),
                            double(random() % 5) / 4.0, description));
    }
    return rows;
}

QStringList shownIds(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(AnomalyModel::IdRole).toString();
    return ids;
}

// The order the proxy-based sort had: std::stable_sort of what was shown, on the column's value as
// data() gives it (severity by rank).
QStringList expectedOrder(const QAbstractItemModel& model, int column, Qt::SortOrder order)
{
    struct Row
    {
        QString id;
        QVariant key;
    };
    std::vector<Row> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, column);
        rows.push_back({index.data(AnomalyModel::IdRole).toString(),
                        column == AnomalyModel::SeverityColumn ? index.data(AnomalyModel::SeverityRankRole)
                                                               : index.data()});
    }
    const auto less = [](const QVariant& a, const QVariant& b) {
        return QVariant::compare(a, b) == QPartialOrdering::Less;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        return order == Qt::AscendingOrder ? less(a.key, b.key) : less(b.key, a.key);
    });
    QStringList ids;
    for (const Row& row : rows)
        ids << row.id;
    return ids;
}

} // namespace

class TestAnomalyModelSort : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyColumnBothOrdersStableTies()
    {
        AnomalyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<protocol::AnomalyResult> rows = sample(300);
        model.setAnomalies(rows);
        QStringList arrival;
        for (const protocol::AnomalyResult& a : rows)
            arrival << a.anomalyId;
        QCOMPARE(shownIds(model), arrival);

        for (int column = 0; column < AnomalyModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                // From arrival order: ties in arrival order.
                model.sort(-1);
                QCOMPARE(shownIds(model), arrival);
                QStringList expected = expectedOrder(model, column, order);
                model.sort(column, order);
                QCOMPARE(shownIds(model), expected);
                QCOMPARE(model.sortColumn(), column);
                QCOMPARE(model.sortOrder(), order);
                // From another column's order: ties keep that order (a two-key sort).
                const int previous = (column + 1) % AnomalyModel::ColumnCount;
                model.sort(previous, Qt::DescendingOrder);
                expected = expectedOrder(model, column, order);
                model.sort(column, order);
                QCOMPARE(shownIds(model), expected);
            }
        }
        // The severity order is the rank, not the alphabet.
        model.sort(AnomalyModel::SeverityColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, AnomalyModel::SeverityColumn).data().toString(), QStringLiteral("critical"));
        QCOMPARE(model.index(model.rowCount() - 1, AnomalyModel::SeverityColumn).data().toString(),
                 QStringLiteral("low"));
    }

    void persistentIndexesFollowTheirRows()
    {
        AnomalyModel model;
        model.setAnomalies(sample(50));
        QList<QPersistentModelIndex> kept;
        QStringList ids;
        for (int row : {0, 7, 49}) {
            kept << QPersistentModelIndex(model.index(row, AnomalyModel::DescriptionColumn));
            ids << model.index(row, 0).data(AnomalyModel::IdRole).toString();
        }
        model.sort(AnomalyModel::ConfidenceColumn, Qt::DescendingOrder);
        model.sort(AnomalyModel::TypeColumn, Qt::AscendingOrder);
        for (qsizetype i = 0; i < kept.size(); ++i) {
            QVERIFY(kept.at(i).isValid());
            QCOMPARE(kept.at(i).column(), int(AnomalyModel::DescriptionColumn));
            QCOMPARE(kept.at(i).data(AnomalyModel::IdRole).toString(), ids.at(i));
            QCOMPARE(model.at(kept.at(i).row()).anomalyId, ids.at(i));
        }
    }

    void streamedRowsKeepTheSort()
    {
        AnomalyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(AnomalyModel::SeverityColumn, Qt::DescendingOrder); // before any row, as the dashboard does
        model.setAnomalies({anomaly(QStringLiteral("a1"), Types[0], QStringLiteral("high"), 0.9, QStringLiteral("x")),
                            anomaly(QStringLiteral("a2"), Types[1], QStringLiteral("low"), 0.5, QStringLiteral("y")),
                            anomaly(QStringLiteral("a3"), Types[2], QStringLiteral("critical"), 0.7,
                                    QStringLiteral("z"))});
        QCOMPARE(shownIds(model), (QStringList{QStringLiteral("a3"), QStringLiteral("a1"), QStringLiteral("a2")}));
        // A new high one goes after the high one already there.
        model.append(anomaly(QStringLiteral("a4"), Types[0], QStringLiteral("high"), 0.1, QStringLiteral("w")));
        QCOMPARE(shownIds(model), (QStringList{QStringLiteral("a3"), QStringLiteral("a1"), QStringLiteral("a4"),
                                               QStringLiteral("a2")}));
        // a2 becomes critical: replaced, and moved up after the other critical one.
        model.append(anomaly(QStringLiteral("a2"), Types[1], QStringLiteral("critical"), 0.5, QStringLiteral("y")));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(shownIds(model), (QStringList{QStringLiteral("a3"), QStringLiteral("a2"), QStringLiteral("a1"),
                                               QStringLiteral("a4")}));
        // a3 becomes low: moved down to the end.
        model.append(anomaly(QStringLiteral("a3"), Types[2], QStringLiteral("low"), 0.7, QStringLiteral("z")));
        QCOMPARE(shownIds(model), (QStringList{QStringLiteral("a2"), QStringLiteral("a1"), QStringLiteral("a4"),
                                               QStringLiteral("a3")}));
        QCOMPARE(model.index(3, AnomalyModel::SeverityColumn).data().toString(), QStringLiteral("low"));
        // Unsorted again: arrival order, with replacements in place.
        model.sort(-1);
        QCOMPARE(shownIds(model), (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
                                               QStringLiteral("a4")}));
    }

    void textsFollowTheInterfaceLanguage()
    {
        // The server's pt-BR in the fields, its English in metadata; a row without English stays as sent.
        const auto bilingual = [](const QString& id, const QString& pt, const QString& en) {
            protocol::AnomalyResult a = anomaly(id, Types[0], QStringLiteral("high"), 0.9, pt);
            a.explanation = pt + QStringLiteral(" (pt)");
            a.suggestedActions = {QStringLiteral("Pedir os aditivos")};
            a.metadata = protocol::Json::object();
            a.metadata["description_en"] = en.toStdString();
            a.metadata["explanation_en"] = QString(en + QStringLiteral(" (en)")).toStdString();
            a.metadata["suggested_actions_en"] = protocol::Json::array();
            a.metadata["suggested_actions_en"].push_back("Request the amendments");
            return a;
        };
        AnomalyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnomalies({bilingual(QStringLiteral("a1"), QStringLiteral("alfa"), QStringLiteral("zulu")),
                            bilingual(QStringLiteral("a2"), QStringLiteral("bravo"), QStringLiteral("yankee")),
                            anomaly(QStringLiteral("a3"), Types[1], QStringLiteral("low"), 0.5, QStringLiteral("charlie"))});
        model.sort(AnomalyModel::DescriptionColumn, Qt::AscendingOrder);
        QCOMPARE(model.at(0).description, QStringLiteral("alfa"));

        model.setTextLanguage(AnomalyModel::TextLanguage::English);
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.index(row, AnomalyModel::DescriptionColumn).data().toString();
        QCOMPARE(shown, (QStringList{QStringLiteral("charlie"), QStringLiteral("yankee"), QStringLiteral("zulu")}));
        const int zulu = int(shown.indexOf(QStringLiteral("zulu")));
        QCOMPARE(model.at(zulu).explanation, QStringLiteral("zulu (en)"));
        QCOMPARE(model.at(zulu).suggestedActions, QStringList{QStringLiteral("Request the amendments")});
        // Streamed in while English: shown in English at once.
        model.append(bilingual(QStringLiteral("a4"), QStringLiteral("delta"), QStringLiteral("xray")));
        QCOMPARE(model.at(1).description, QStringLiteral("xray"));

        model.setTextLanguage(AnomalyModel::TextLanguage::Portuguese);
        QCOMPARE(model.at(0).description, QStringLiteral("alfa"));
        QCOMPARE(model.at(0).explanation, QStringLiteral("alfa (pt)"));
        QCOMPARE(model.at(0).suggestedActions, QStringList{QStringLiteral("Pedir os aditivos")});
        QCOMPARE(AnomalyModel::textLanguageFor(QLocale(QStringLiteral("pt_BR"))), AnomalyModel::TextLanguage::Portuguese);
        QCOMPARE(AnomalyModel::textLanguageFor(QLocale(QStringLiteral("fr"))), AnomalyModel::TextLanguage::English);
    }

    void proxyFiltersTheModelsOrder()
    {
        AnomalyModel model;
        AnomalyFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnomalies(sample(200));
        proxy.setMinimumSeverity(QStringLiteral("medium"));
        proxy.setText(QStringLiteral("CONTRATO 3"));
        for (int column = 0; column < AnomalyModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.sort(column, order);
                QCOMPARE(model.sortColumn(), column);
                QCOMPARE(proxy.sortColumn(), -1); // the proxy itself does not sort
                // The proxy shows the model's rows that pass the filter, in the model's order.
                QStringList expected;
                for (int row = 0; row < model.rowCount(); ++row) {
                    const protocol::AnomalyResult& a = model.at(row);
                    if (AnomalyModel::severityRank(a.severity) >= 1 && a.description == QLatin1String("contrato 3"))
                        expected << a.anomalyId;
                }
                QVERIFY(!expected.isEmpty());
                QCOMPARE(shownIds(proxy), expected);
            }
        }
        proxy.setTypes({QStringLiteral("price")});
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, AnomalyModel::TypeColumn).data().toString(), QStringLiteral("price"));
    }
};

QTEST_GUILESS_MAIN(TestAnomalyModelSort)
#include "tst_anomalymodel_sort.moc"
