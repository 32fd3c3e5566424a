// SPDX-License-Identifier: GPL-3.0-or-later
// The run as a whole: progress reaches 1.0 and never goes back, cancellation stops the run, one
// and two worker threads give the same findings, and a finding serialises with every field.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
// A little of everything: a price outlier, an amendment excess, a duplicate and a split series.
Dataset mixed()
{
    DatasetBuilder b;
    for (int i = 0; i < 30; ++i) {
        ContractSpec s;
        s.supplier = makeCnpj(10 + i % 7);
        s.initial = 10000.0 * (1.0 + 0.02 * (i % 10));
        s.signedOn = toDay(2024, 1 + i % 12, 5);
        b.contract(s);
    }
    ContractSpec outlier;
    outlier.initial = 95000.0;
    b.contract(outlier);
    ContractSpec amended;
    amended.supplier = makeCnpj(99);
    amended.object = QStringLiteral("Aquisição de medicamentos");
    amended.initial = 1000.0;
    amended.final = 1400.0;
    b.contract(amended);
    b.contract(amended);   // and its exact duplicate
    ContractSpec d;
    d.modality = QStringLiteral("Dispensa de Licitação");
    d.object = QStringLiteral("Aquisição de gêneros alimentícios");
    d.supplier = makeCnpj(55);
    d.initial = 40000.0;
    b.contract(d);
    d.signedOn += 40;
    b.contract(d);
    return b.data;
}
} // namespace

class TestRun : public QObject
{
    Q_OBJECT
private slots:
    void progressReachesOne()
    {
        const Dataset data = mixed();
        std::vector<double> fractions;
        QStringList phases;
        RunControl control;
        control.today = [] { return toDay(2026, 1, 1); };
        control.progress = [&](double f, const QString& phase) {
            fractions.push_back(f);
            phases.append(phase);
        };
        const auto findings = runDetectors(data, DetectorOptions{}, control);
        QVERIFY(!findings.empty());
        QVERIFY(fractions.size() >= 14);   // prepare + one per detector + done
        QCOMPARE(fractions.back(), 1.0);
        QCOMPARE(phases.back(), QStringLiteral("done"));
        for (std::size_t i = 1; i < fractions.size(); ++i)
            QVERIFY(fractions[i] >= fractions[i - 1]);
        QSet<QString> detectors;
        for (const auto& f : findings)
            detectors.insert(f.detector);
        for (const char* name : {"price_outlier", "amendment_excess", "duplicate", "splitting"})
            QVERIFY2(detectors.contains(QString::fromLatin1(name)), name);
    }
    void cancellationStopsTheRun()
    {
        const Dataset data = mixed();
        std::atomic_bool cancel{false};
        double last = -1.0;
        RunControl control;
        control.cancel = &cancel;
        control.progress = [&](double f, const QString&) {
            last = f;
            if (f > 0.0)
                cancel = true;   // cancel as soon as the preparation is done
        };
        DetectorOptions options;
        options.threads = 1;
        const auto findings = runDetectors(data, options, control);
        QVERIFY(findings.empty());
        QVERIFY(last < 1.0);

        std::atomic_bool already{true};
        RunControl before;
        before.cancel = &already;
        QVERIFY(runDetectors(data, DetectorOptions{}, before).empty());
    }
    void threadsDoNotChangeTheResult()
    {
        const Dataset data = mixed();
        DetectorOptions one, two;
        one.threads = 1;
        two.threads = 2;
        const auto a = runDetectors(data, one, RunControl{});
        const auto b = runDetectors(data, two, RunControl{});
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].detector, b[i].detector);
            QCOMPARE(a[i].rows, b[i].rows);
            QCOMPARE(a[i].explanationEn, b[i].explanationEn);
        }
    }
    void enabledSelectsDetectors()
    {
        DetectorOptions o;
        o.enabled = {QStringLiteral("amendment_excess")};
        for (const auto& f : runDetectors(mixed(), o, RunControl{}))
            QCOMPARE(f.detector, QStringLiteral("amendment_excess"));
        QCOMPARE(detectorNames().size(), 13);
        QCOMPARE(detectorType(QStringLiteral("near_threshold")), QStringLiteral("pattern"));
        QCOMPARE(detectorType(QStringLiteral("temporal_spike")), QStringLiteral("temporal"));
    }
    void findingToJson()
    {
        const Dataset data = mixed();
        DetectorOptions o;
        o.enabled = {QStringLiteral("amendment_excess")};
        const auto findings = runDetectors(data, o, RunControl{});
        QVERIFY(!findings.empty());
        const nlohmann::json j = toJson(findings.front(), &data);
        for (const char* key : {"detector", "type", "severity", "confidence", "observed", "threshold", "peer_group", "basis",
                                "table", "rows", "suggested_actions", "explanation_pt", "explanation_en", "metadata",
                                "affected_records"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["type"].get<std::string>(), std::string("payment"));
        QCOMPARE(j["table"].get<std::string>(), std::string("contracts"));
        QCOMPARE(j["affected_records"][0].get<std::string>(), std::string("C31"));
        QVERIFY(severityFromName(QString::fromStdString(j["severity"].get<std::string>())).has_value());
    }
};

QTEST_APPLESS_MAIN(TestRun)
#include "tst_engine_run.moc"
