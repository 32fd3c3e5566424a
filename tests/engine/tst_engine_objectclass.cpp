// SPDX-License-Identifier: GPL-3.0-or-later
// Object texts fold into stable classes; the text that follows the head noun does not move them.
#include "engine/objectclass.h"
#include "engine/textfold.h"

#include <QSet>
#include <QTest>

using namespace cidadao::engine;

class TestObjectClass : public QObject
{
    Q_OBJECT
private slots:
    void folding()
    {
        QCOMPARE(foldText(u"LICITAÇÃO Pública ÀÉÎÕÜ"), QStringLiteral("licitacao publica aeiou"));
        QCOMPARE(stemWord(u"locacoes"), QStringLiteral("locacao"));
        QCOMPARE(stemWord(u"veiculos"), QStringLiteral("veiculo"));
        QCOMPARE(stemWord(u"moveis"), QStringLiteral("movel"));
        QCOMPARE(stemWord(u"computadores"), QStringLiteral("computador"));
        QCOMPARE(stemWord(u"passagens"), QStringLiteral("passagem"));
    }
    void classes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cls");
        QTest::newRow("limpeza") << QStringLiteral("Contratação de empresa especializada em serviços de limpeza e conservação")
                                 << QStringLiteral("limpeza");
        QTest::newRow("expediente") << QStringLiteral("Aquisição de material de expediente para a sede") << QStringLiteral("material_escritorio");
        QTest::newRow("obra") << QStringLiteral("Execução de obras de engenharia no campus") << QStringLiteral("obras");
        QTest::newRow("medicamentos") << QStringLiteral("AQUISIÇÃO DE MEDICAMENTOS") << QStringLiteral("medicamentos");
        QTest::newRow("locacao") << QStringLiteral("Locação de veículos com motorista") << QStringLiteral("locacao_veiculos");
        QTest::newRow("veiculos") << QStringLiteral("Aquisição de veículos utilitários") << QStringLiteral("veiculos");
        QTest::newRow("tail does not move") << QStringLiteral("Manutenção de elevadores da frota oficial")
                                            << QStringLiteral("manutencao_elevadores");
        QTest::newRow("limpeza predial") << QStringLiteral("Prestação de serviços de limpeza e conservação predial da Divisão de Manutenção")
                                         << QStringLiteral("limpeza");
        QTest::newRow("fallback") << QStringLiteral("Aquisição de parafusos sextavados") << QStringLiteral("outros:parafuso");
        QTest::newRow("empty") << QString() << QStringLiteral("outros");
    }
    void classes()
    {
        QFETCH(QString, text);
        QFETCH(QString, cls);
        QCOMPARE(objectClassId(text), cls);
    }
    void worksAndRenovation()
    {
        ObjectClassifier c;
        QVERIFY(c.info(c.classify(u"Reforma de edificação pública")).renovation);
        QVERIFY(c.info(c.classify(u"Reforma de edificação pública")).works);
        QVERIFY(c.info(c.classify(u"Pavimentação asfáltica de vias")).works);
        QVERIFY(!c.info(c.classify(u"Aquisição de medicamentos")).works);
    }
    void parallelClassificationMatchesSerial()
    {
        cidadao::engine::TextColumn texts;
        for (int i = 0; i < 50000; ++i)
            texts.push_back(i % 3 == 0 ? QStringLiteral("Aquisição de item%1 especial").arg(i % 97)
                                       : QStringLiteral("Aquisição de medicamentos lote %1").arg(i % 13));
        std::vector<ObjectClassInfo> classes1, classes2;
        const auto one = classifyAll(texts, 1, classes1);
        const auto two = classifyAll(texts, 2, classes2);
        for (std::size_t i = 0; i < texts.size(); ++i)
            QCOMPARE(classes1[one[i]].id, classes2[two[i]].id);
    }
};

QTEST_APPLESS_MAIN(TestObjectClass)
#include "tst_engine_objectclass.moc"
