// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: generated Portal CSVs → importers → SQLite → loader → detectors, scored against the
// labels. This is the test that says whether the engine and the generator agree on DETECTORS.md:
// rule detectors exact, price_outlier recall ≥ 0.90 / precision ≥ 0.80, duplicate precision ≥ 0.95,
// Benford power ≥ 0.95.
#include "data/evaluate.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cidadao::data;

class TestGeneratorEvaluate : public QObject
{
    Q_OBJECT

private slots:
    void targetsAreMet_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("seed 1") << quint64(1);
        QTest::newRow("seed 20260101") << quint64(20260101);
    }

    void targetsAreMet()
    {
        QFETCH(quint64, seed);
        QTemporaryDir dir;
        EvaluateOptions options;
        options.seed = seed;
        options.records = 20000;
        options.keepDir = dir.path();
        const EvaluationReport report = runEvaluation(options);
        const nlohmann::json j = report.toJson();
        QCOMPARE(report.rejectedRows, std::int64_t(0));
        QVERIFY(report.importedRows > 20000);
        QCOMPARE(report.detectors.size(), std::size_t(13));
        QCOMPARE(j.at("note").get<std::string>(), std::string("synthetic scores do not carry over to real labels"));
        for (const DetectorScore& s : report.detectors) {
            QVERIFY2(s.truePositives > 0, qPrintable(s.detector)); // every detector found its injections
            if (!s.targetMet)
                qWarning("%s", j.dump().c_str());
            QVERIFY2(s.targetMet, qPrintable(s.detector + u": " + QString::fromStdString(j.dump())));
        }
        QVERIFY(report.targetsMet);
    }
};

QTEST_GUILESS_MAIN(TestGeneratorEvaluate)
#include "tst_generator_evaluate.moc"
