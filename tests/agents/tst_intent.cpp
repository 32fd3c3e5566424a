// SPDX-License-Identifier: GPL-3.0-or-later
// The intent classifier measured on the held-out questions (tests/data/chat/heldout_*.tsv) that it
// never saw in training, and the entity extractor on hand-made cases.
#include "agents/entities.h"
#include "agents/intent.h"
#include "agents/intentclassifier.h"
#include "agents/labels.h"
#include "agents/text.h"

#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace cidadao::agents;

namespace {

QList<IntentExample> heldOut(const QString& file, const QString& language)
{
    QFile in(QStringLiteral(CIDADAO_TEST_DATA_DIR "/chat/") + file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QList<IntentExample> out;
    for (const QByteArray& raw : in.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto tab = line.indexOf(u'\t');
        if (tab < 0)
            continue;
        out.append({line.left(tab).trimmed(), language, line.mid(tab + 1).trimmed()});
    }
    return out;
}

QList<IntentExample> allHeldOut()
{
    return heldOut(QStringLiteral("heldout_pt.tsv"), QStringLiteral("pt")) + heldOut(QStringLiteral("heldout_en.tsv"), QStringLiteral("en"));
}

} // namespace

class TestIntent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heldOutIsLargeAndUnseen()
    {
        const auto examples = allHeldOut();
        QVERIFY2(examples.size() >= 200, qPrintable(QStringLiteral("%1 held-out questions").arg(examples.size())));
        QSet<QString> training;
        for (const IntentExample& e : IntentClassifier::builtinExamples())
            training.insert(foldMessage(e.text));
        QVERIFY(training.size() > 100);
        QStringList known;
        for (const char* intent : Intent::All)
            known.append(QString::fromLatin1(intent));
        QSet<QString> intents;
        for (const IntentExample& e : examples) {
            QVERIFY2(!training.contains(foldMessage(e.text)), qPrintable(QStringLiteral("in training: ") + e.text));
            QVERIFY2(known.contains(e.intent), qPrintable(e.intent));
            intents.insert(e.intent);
        }
        QCOMPARE(intents.size(), qsizetype(Intent::All.size())); // every intent is measured
    }

    void heldOutAccuracy()
    {
        const IntentClassifier classifier(IntentClassifier::builtinExamples());
        const auto examples = allHeldOut();
        QVERIFY(!examples.isEmpty());
        int correct = 0;
        int modelCorrect = 0;
        QMap<QString, std::pair<int, int>> byLanguage;
        QMap<QString, std::pair<int, int>> byIntent;
        double confidenceRight = 0.0;
        for (const IntentExample& e : examples) {
            const IntentScore score = classifier.classify(e.text);
            const bool ok = score.intent == e.intent;
            correct += ok;
            modelCorrect += classifier.classifyModelOnly(e.text).intent == e.intent;
            byLanguage[e.language].first += ok;
            ++byLanguage[e.language].second;
            byIntent[e.intent].first += ok;
            ++byIntent[e.intent].second;
            QVERIFY(score.confidence > 0.0 && score.confidence <= 1.0);
            if (ok)
                confidenceRight += score.confidence;
            else
                qInfo("  miss [%s] %s -> %s (%.2f)", qPrintable(e.intent), qPrintable(e.text), qPrintable(score.intent),
                      score.confidence);
        }
        const double accuracy = double(correct) / examples.size();
        qInfo("held-out intent accuracy: %.3f (%d/%lld); trained model alone: %.3f; vocabulary %d features",
              accuracy, correct, qlonglong(examples.size()), double(modelCorrect) / examples.size(),
              classifier.vocabularySize());
        for (auto it = byLanguage.cbegin(); it != byLanguage.cend(); ++it)
            qInfo("  %s: %.3f (%d/%d)", qPrintable(it.key()), double(it->first) / it->second, it->first, it->second);
        for (auto it = byIntent.cbegin(); it != byIntent.cend(); ++it)
            qInfo("  %-12s %.3f (%d/%d)", qPrintable(it.key()), double(it->first) / it->second, it->first, it->second);
        qInfo("  mean confidence when right: %.2f", correct ? confidenceRight / correct : 0.0);
        QVERIFY2(accuracy >= 0.9, qPrintable(QStringLiteral("accuracy %1 < 0.9").arg(accuracy)));
        for (auto it = byLanguage.cbegin(); it != byLanguage.cend(); ++it)
            QVERIFY2(double(it->first) / it->second >= 0.85, qPrintable(it.key()));
    }

    void languageDetection()
    {
        QCOMPARE(detectLanguage(QStringLiteral("investigate the contracts of the ministry of health")), Language::En);
        QCOMPARE(detectLanguage(QStringLiteral("investigue os contratos do Ministério da Saúde")), Language::Pt);
        QCOMPARE(detectLanguage(QStringLiteral("oi")), Language::Pt);
        QCOMPARE(detectLanguage(QStringLiteral("hello")), Language::En);
    }

    void cnpjAndSupplier()
    {
        const Entities e = extractEntities(QStringLiteral("quem é o fornecedor 11.222.333/0001-81 e o 11.222.333/0001-82?"));
        QCOMPARE(e.cnpjs, QStringList{QStringLiteral("11222333000181")});
        QCOMPARE(e.invalidCnpjs, QStringList{QStringLiteral("11222333000182")});
        const Entities named = extractEntities(QStringLiteral("quanto a empresa Construtora Alfa recebeu?"));
        QVERIFY(named.supplierName);
        QCOMPARE(*named.supplierName, QStringLiteral("Construtora Alfa"));
    }

    void organs()
    {
        const Entities pt = extractEntities(QStringLiteral("investigue os contratos do Ministério da Saúde"));
        QCOMPARE(int(pt.organs.size()), 1);
        QCOMPARE(pt.organs.front().code, QStringLiteral("36000"));
        QCOMPARE(*pt.dataSource, QStringLiteral("contracts"));
        const Entities en = extractEntities(QStringLiteral("investigate the contracts of the ministry of health"));
        QCOMPARE(en.organs.front().code, QStringLiteral("36000"));
        const Entities code = extractEntities(QStringLiteral("despesas do órgão 26000 em 2023"));
        QCOMPARE(code.organs.front().code, QStringLiteral("26000"));
        QCOMPARE(code.organs.front().name, QStringLiteral("Ministério da Educação"));
        QCOMPARE(*code.dataSource, QStringLiteral("expenses"));
    }

    void periods()
    {
        const Entities year = extractEntities(QStringLiteral("contratos de 2023"));
        QCOMPARE(year.from, cidadao::engine::toDay(2023, 1, 1));
        QCOMPARE(year.to, cidadao::engine::toDay(2023, 12, 31));
        const Entities range = extractEntities(QStringLiteral("entre janeiro e junho de 2024"));
        QCOMPARE(range.from, cidadao::engine::toDay(2024, 1, 1));
        QCOMPARE(range.to, cidadao::engine::toDay(2024, 6, 30));
        const Entities month = extractEntities(QStringLiteral("payments in march 2022"));
        QCOMPARE(month.from, cidadao::engine::toDay(2022, 3, 1));
        QCOMPARE(month.to, cidadao::engine::toDay(2022, 3, 31));
        const Entities dates = extractEntities(QStringLiteral("de 05/02/2021 a 10/03/2021"));
        QCOMPARE(dates.from, cidadao::engine::toDay(2021, 2, 5));
        QCOMPARE(dates.to, cidadao::engine::toDay(2021, 3, 10));
        const Entities none = extractEntities(QStringLiteral("lei 14.133 sobre licitações"));
        QVERIFY(!none.hasPeriod());
    }

    void values()
    {
        const Entities over = extractEntities(QStringLiteral("contratos acima de R$ 1,5 milhão"));
        QVERIFY(over.minValue);
        QCOMPARE(*over.minValue, 1.5e6);
        const Entities thousand = extractEntities(QStringLiteral("contratos acima de 100 mil"));
        QVERIFY(thousand.minValue);
        QCOMPARE(*thousand.minValue, 100000.0);
        const Entities million = extractEntities(QStringLiteral("more than 2 million"));
        QCOMPARE(*million.minValue, 2e6);
        const Entities under = extractEntities(QStringLiteral("contracts under 500 thousand"));
        QVERIFY(under.maxValue);
        QCOMPARE(*under.maxValue, 500000.0);
        const Entities plain = extractEntities(QStringLiteral("pagamentos de R$ 100.000,00"));
        QCOMPARE(int(plain.values.size()), 1);
        QCOMPARE(plain.values.front(), 100000.0);
        QVERIFY(!plain.minValue && !plain.maxValue);
    }

    void sourcesAndTypes()
    {
        QCOMPARE(*extractEntities(QStringLiteral("salários dos servidores")).dataSource, QStringLiteral("servants"));
        QCOMPARE(*extractEntities(QStringLiteral("licitações do DNIT")).dataSource, QStringLiteral("biddings"));
        QCOMPARE(*extractEntities(QStringLiteral("convênios com municípios")).dataSource, QStringLiteral("agreements"));
        const Entities types = extractEntities(QStringLiteral("procure sobrepreço e fracionamento"));
        QVERIFY(types.anomalyTypes.contains(QStringLiteral("price")));
        QVERIFY(types.anomalyTypes.contains(QStringLiteral("pattern")));
        const Entities id = extractEntities(QStringLiteral("status da investigação 3F2A9C1E-0D6B-4C52-9D3E-0A1B2C3D4E5F"));
        QCOMPARE(*id.investigationId, QStringLiteral("3f2a9c1e-0d6b-4c52-9d3e-0a1b2c3d4e5f"));
    }

    // What the agents say for the API's words: Portuguese words in a Portuguese answer.
    void labelsInTheAnswersLanguage()
    {
        QCOMPARE(sourceLabel(QStringLiteral("contracts"), Language::Pt), QStringLiteral("Contratos"));
        QCOMPARE(anomalyTypeLabel(QStringLiteral("price"), Language::Pt), QStringLiteral("preço"));
        QCOMPARE(anomalyTypeLabel(QStringLiteral("vendor"), Language::En), QStringLiteral("vendor concentration"));
        QCOMPARE(investigationStatusLabel(QStringLiteral("completed"), Language::Pt), QStringLiteral("concluída"));
        QCOMPARE(investigationStatusLabel(QStringLiteral("someday"), Language::Pt), QStringLiteral("someday"));
        QCOMPARE(ofOrgan(QStringLiteral("Ministério da Saúde"), Language::Pt), QStringLiteral("do Ministério da Saúde"));
        QCOMPARE(ofOrgan(QStringLiteral("Universidade Federal de Pernambuco"), Language::Pt),
                 QStringLiteral("da Universidade Federal de Pernambuco"));
        QCOMPARE(ofOrgan(QStringLiteral("Fundação Oswaldo Cruz"), Language::Pt), QStringLiteral("da Fundação Oswaldo Cruz"));
        QCOMPARE(ofOrgan(QStringLiteral("Comando da Aeronáutica"), Language::Pt), QStringLiteral("do Comando da Aeronáutica"));
        QCOMPARE(ofOrgan(QStringLiteral("26000"), Language::Pt), QStringLiteral("de 26000"));
        QCOMPARE(ofOrgan(QStringLiteral("Ministério da Saúde"), Language::En), QStringLiteral("of Ministério da Saúde"));
    }
};

QTEST_GUILESS_MAIN(TestIntent)
#include "tst_intent.moc"
