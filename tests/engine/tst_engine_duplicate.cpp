// SPDX-License-Identifier: GPL-3.0-or-later
// duplicate: exact copies, near copies (value within 1 %, 30 days, Jaccard > 0.85) and their boundaries.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
const QString kObject = QStringLiteral("Aquisição de material de expediente da Coordenação-Geral de Logística conforme termo de referência");
ContractSpec base()
{
    ContractSpec s;
    s.object = kObject;
    s.initial = 48230.17;
    s.signedOn = toDay(2024, 5, 10);
    return s;
}
} // namespace

class TestDuplicate : public QObject
{
    Q_OBJECT
private slots:
    void exactCopy()
    {
        DatasetBuilder b;
        b.contract(base());
        ContractSpec other = base();
        other.initial = 9000.0;
        b.contract(other);
        b.contract(base());
        const auto found = runOne(b.data, QStringLiteral("duplicate"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows, (std::vector<std::uint32_t>{0, 2}));
        QCOMPARE(found[0].metadata["exact"].get<bool>(), true);
    }
    void nearCopyWithinOnePercentAndThirtyDays()
    {
        DatasetBuilder b;
        b.contract(base());
        ContractSpec near = base();
        near.initial = base().initial * 1.005;   // +0.5 %
        near.signedOn = base().signedOn + 30;
        b.contract(near);
        QCOMPARE(flaggedRows(runOne(b.data, QStringLiteral("duplicate"))), (std::vector<std::uint32_t>{0, 1}));
    }
    void boundaries()
    {
        auto pair = [](double factor, int days, const QString& object) {
            DatasetBuilder b;
            b.contract(base());
            ContractSpec s = base();
            s.initial = base().initial * factor;
            s.signedOn = base().signedOn + days;
            s.object = object;
            b.contract(s);
            return runOne(b.data, QStringLiteral("duplicate"));
        };
        QVERIFY(pair(1.011, 5, kObject).empty());    // value 1.1 % away
        QVERIFY(pair(1.005, 31, kObject).empty());   // 31 days apart
        // The object has 11 distinct words (and the values differ by 0.2 %, so it is not an exact copy):
        // one extra word gives Jaccard 11/12 = 0.917 > 0.85, two give 11/13 = 0.846 ≤ 0.85.
        QVERIFY(!pair(1.002, 3, kObject + QStringLiteral(" incluindo")).empty());
        QVERIFY(pair(1.002, 3, kObject + QStringLiteral(" incluindo entrega")).empty());
        // Another supplier never duplicates.
        DatasetBuilder b;
        b.contract(base());
        ContractSpec s = base();
        s.supplier = makeCnpj(777);
        b.contract(s);
        QVERIFY(runOne(b.data, QStringLiteral("duplicate")).empty());
    }
    // The scan compares a contract only with those of its value band and the next: a near copy 0.99 %
    // above is found wherever the two values fall, from cents to millions, and 1.1 % never is.
    void nearCopiesAtEveryValueScale_data()
    {
        QTest::addColumn<double>("value");
        for (const double v : {0.37, 12.0, 49.99, 50.0, 50.49, 50.51, 123.45, 1000.0, 48230.17, 9999999.99})
            QTest::newRow(QByteArray::number(v).constData()) << v;
    }
    void nearCopiesAtEveryValueScale()
    {
        QFETCH(double, value);
        auto pair = [&](double factor) {
            DatasetBuilder b;
            ContractSpec s = base();
            s.initial = value;
            b.contract(s);
            s.initial = std::round(value * factor * 100.0) / 100.0;
            s.signedOn += 29;
            b.contract(s);
            return runOne(b.data, QStringLiteral("duplicate"));
        };
        if (value >= 1.0)   // below R$ 1 a cent is more than 1 %
            QCOMPARE(flaggedRows(pair(1.0099)), (std::vector<std::uint32_t>{0, 1}));
        if (value >= 10.0)
            QVERIFY(pair(1.011).empty());
    }
    void sameDocumentNumberInUnit()
    {
        DatasetBuilder b;
        ContractSpec s = base();
        s.number = QStringLiteral("00077/2024");
        b.contract(s);
        s.initial = 1234.0;
        s.signedOn = toDay(2024, 9, 1);
        b.contract(s);
        QCOMPARE(flaggedRows(runOne(b.data, QStringLiteral("duplicate"))), (std::vector<std::uint32_t>{0, 1}));
    }
    void exactPaymentDuplicates()
    {
        DatasetBuilder b;
        b.expense(QStringLiteral("2024OB000001"), toDay(2024, 3, 1), makeCnpj(5), QStringLiteral("150001"), QString(), 1500.0);
        b.expense(QStringLiteral("2024OB000002"), toDay(2024, 3, 1), makeCnpj(5), QStringLiteral("150001"), QString(), 1500.0);
        b.expense(QStringLiteral("2024OB000003"), toDay(2024, 4, 1), makeCnpj(5), QStringLiteral("150001"), QString(), 1500.0);
        const auto found = runOne(b.data, QStringLiteral("duplicate"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].table, SourceTable::Expenses);
        QCOMPARE(found[0].rows, (std::vector<std::uint32_t>{0, 1}));
    }
};

QTEST_APPLESS_MAIN(TestDuplicate)
#include "tst_engine_duplicate.moc"
