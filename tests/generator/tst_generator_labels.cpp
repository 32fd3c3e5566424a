// SPDX-License-Identifier: GPL-3.0-or-later
// labels.csv: every detector has injected cases, each labelled record exists in its source file
// under the loader's natural key, and the injected anomalies are 1-2 % of each source's records
// (Benford's groups of 500 are counted apart: one group is a fixed size, not a rate).
#include "data/csvreader.h"
#include "data/generator.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao::data;

namespace {

// Natural keys as the loader builds them (sources.cpp keyColumns joined with '/').
QSet<QString> keysOf(const QString& path, const std::vector<int>& columns)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    DeviceSource source(file);
    CsvReader reader(source);
    QSet<QString> keys;
    bool header = true;
    while (reader.next()) {
        if (header) {
            header = false;
            continue;
        }
        QStringList parts;
        for (int c : columns)
            parts.append(reader.decode(reader.field(std::size_t(c))));
        keys.insert(parts.join(QLatin1Char('/')));
    }
    return keys;
}

} // namespace

class TestGeneratorLabels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    GeneratorSummary m_summary;
    QHash<QString, QHash<QString, QSet<QString>>> m_labels; // source → detector → keys

private slots:
    void initTestCase()
    {
        GeneratorOptions options;
        options.seed = 77;
        options.records = 20000;
        options.outDir = m_dir.path();
        m_summary = generateDataset(options);
        QFile file(m_summary.fileFor(QStringLiteral("labels")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readLine(), QByteArray("source;record_key;detector\n"));
        while (!file.atEnd()) {
            const QStringList parts = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(';'));
            QCOMPARE(parts.size(), 3);
            m_labels[parts[0]][parts[2]].insert(parts[1]);
        }
    }

    void everyDetectorHasInjections()
    {
        for (const char* detector : {"price_outlier", "vendor_concentration", "splitting", "near_threshold",
                                     "amendment_excess", "duplicate", "temporal_spike", "date_logic", "benford",
                                     "invalid_document", "sanctioned_supplier", "single_bidder", "pay_over_ceiling"}) {
            const auto it = m_summary.labelsPerDetector.find(detector);
            QVERIFY2(it != m_summary.labelsPerDetector.end() && it->second > 0, detector);
        }
        QCOMPARE(m_summary.labelsPerDetector.at("benford"), std::int64_t(500));
        QVERIFY(m_labels[QStringLiteral("agreements")].contains(QStringLiteral("date_logic")));
        QVERIFY(m_labels[QStringLiteral("biddings")].contains(QStringLiteral("single_bidder")));
        QVERIFY(m_labels[QStringLiteral("servants")].contains(QStringLiteral("pay_over_ceiling")));
    }

    void labelledKeysExist()
    {
        const QSet<QString> contracts = keysOf(m_summary.fileFor(QStringLiteral("contracts")), {9, 0});
        const QSet<QString> biddings = keysOf(m_summary.fileFor(QStringLiteral("biddings")), {1, 0});
        const QSet<QString> agreements = keysOf(m_summary.fileFor(QStringLiteral("agreements")), {0});
        const QSet<QString> servants = keysOf(m_summary.fileFor(QStringLiteral("servants")), {2, 0, 1});
        QCOMPARE(qint64(contracts.size()), qint64(m_summary.contracts)); // keys are unique
        const QHash<QString, const QSet<QString>*> files = {{QStringLiteral("contracts"), &contracts},
                                                            {QStringLiteral("biddings"), &biddings},
                                                            {QStringLiteral("agreements"), &agreements},
                                                            {QStringLiteral("servants"), &servants}};
        for (auto source = m_labels.cbegin(); source != m_labels.cend(); ++source) {
            QVERIFY2(files.contains(source.key()), qPrintable(source.key()));
            for (const QSet<QString>& keys : source.value())
                for (const QString& key : keys)
                    QVERIFY2(files.value(source.key())->contains(key), qPrintable(source.key() + u':' + key));
        }
    }

    void injectedRatesAreOneToTwoPercent()
    {
        QHash<QString, std::int64_t> rows;
        for (const GeneratedFile& f : m_summary.files)
            rows[f.source] += f.rows;
        for (auto source = m_labels.cbegin(); source != m_labels.cend(); ++source) {
            QSet<QString> labelled;
            for (auto d = source.value().cbegin(); d != source.value().cend(); ++d)
                if (d.key() != u"benford")
                    labelled.unite(d.value());
            const double rate = double(labelled.size()) / double(rows.value(source.key()));
            QVERIFY2(rate >= 0.01 && rate <= 0.02, qPrintable(source.key() + u' ' + QString::number(rate)));
        }
    }
};

QTEST_GUILESS_MAIN(TestGeneratorLabels)
#include "tst_generator_labels.moc"
