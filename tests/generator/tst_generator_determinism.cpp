// SPDX-License-Identifier: GPL-3.0-or-later
// One seed gives byte-identical files (the generator avoids std::*_distribution); another seed
// gives other files.
#include "data/generator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao::data;

class TestGeneratorDeterminism : public QObject
{
    Q_OBJECT

private:
    static GeneratorSummary generate(const QString& dir, std::uint64_t seed)
    {
        GeneratorOptions options;
        options.seed = seed;
        options.records = 3000;
        options.outDir = dir;
        return generateDataset(options);
    }
    static QByteArray digest(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

private slots:
    void sameSeedSameBytes()
    {
        QTemporaryDir a, b;
        const GeneratorSummary first = generate(a.path(), 42);
        const GeneratorSummary second = generate(b.path(), 42);
        QCOMPARE(first.files.size(), second.files.size());
        QVERIFY(first.files.size() >= 10);
        for (std::size_t i = 0; i < first.files.size(); ++i) {
            QCOMPARE(first.files[i].source, second.files[i].source);
            QCOMPARE(first.files[i].rows, second.files[i].rows);
            const QByteArray d1 = digest(first.files[i].path);
            QVERIFY2(!d1.isEmpty(), qPrintable(first.files[i].path));
            QVERIFY2(d1 == digest(second.files[i].path), qPrintable(first.files[i].path));
        }
    }

    void otherSeedOtherBytes()
    {
        QTemporaryDir a, b;
        const GeneratorSummary first = generate(a.path(), 42);
        const GeneratorSummary second = generate(b.path(), 43);
        for (const QString& source : {QStringLiteral("contracts"), QStringLiteral("labels"), QStringLiteral("expenses")})
            QVERIFY2(digest(first.fileFor(source)) != digest(second.fileFor(source)), qPrintable(source));
    }

    void recordsIsTheContractCount()
    {
        QTemporaryDir dir;
        const GeneratorSummary summary = generate(dir.path(), 5);
        // The clean background plus the injections land within a few percent of the request.
        QVERIFY2(summary.contracts > 2850 && summary.contracts < 3150, qPrintable(QString::number(summary.contracts)));
        for (const GeneratedFile& f : summary.files)
            if (f.source == u"contracts")
                QCOMPARE(f.rows, summary.contracts);
    }
};

QTEST_GUILESS_MAIN(TestGeneratorDeterminism)
#include "tst_generator_determinism.moc"
