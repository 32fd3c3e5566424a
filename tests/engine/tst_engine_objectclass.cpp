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
    // The engine's UTF-8 word splitter gives the words of forEachWord(foldText(...)), byte for byte.
    void foldedWordsFromUtf8_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::newRow("accents") << QStringLiteral("Aquisição de MATERIAL (lote 23, item 27) – 2º termo, 3ª via").toUtf8();
        QTest::newRow("punctuation") << QByteArray("  ..a-b/c;;d  ");
        QTest::newRow("greek and cyrillic") << QStringLiteral("ΑΒΓ Дом café").toUtf8();
        QTest::newRow("outside the BMP") << QStringLiteral("obra\U0001F600nova").toUtf8();
        QTest::newRow("empty") << QByteArray();
    }
    void foldedWordsFromUtf8()
    {
        QFETCH(QByteArray, utf8);
        QStringList expected;
        forEachWord(foldText(QString::fromUtf8(utf8)), [&](QStringView w) { expected.append(w.toString()); });
        std::u16string folded;
        std::vector<WordSpan> spans;
        foldedWordsUtf8(std::string_view(utf8.constData(), std::size_t(utf8.size())), folded, spans);
        QStringList got;
        for (const WordSpan& w : spans)
            got.append(QString::fromUtf16(folded.data() + w.offset, w.length));
        QCOMPARE(got, expected);
    }
    void foldedWordsFromMalformedUtf8()
    {
        // A stray continuation byte and a truncated sequence separate words; nothing is read past the end.
        std::u16string folded;
        std::vector<WordSpan> spans;
        foldedWordsUtf8(std::string_view("ab\x80" "cd\xC3", 6), folded, spans);
        QCOMPARE(spans.size(), std::size_t(2));
        QCOMPARE(QString::fromUtf16(folded.data() + spans[1].offset, spans[1].length), QStringLiteral("cd"));
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
    // The cache treats texts that differ only in their numbers as one, but a word that holds a digit is
    // not the word without it: "parafuso1" is skipped (numbers never decide), "parafuso" names a class.
    void numbersShareTheCacheButWordsWithDigitsDoNot()
    {
        ObjectClassifier c;
        const QString plain = c.info(c.classify(u"Aquisição de parafuso")).id;
        const QString withDigit = c.info(c.classify(u"Aquisição de parafuso1")).id;
        QCOMPARE(plain, QStringLiteral("outros:parafuso"));
        QVERIFY(withDigit != plain);
        QCOMPARE(c.info(c.classify(u"Aquisição de medicamentos lote 3")).id,
                 c.info(c.classify(u"Aquisição de medicamentos lote 127")).id);
    }
    // The cache key is read eight bytes at a time, so a longer or shorter number shifts every byte after it
    // against those reads: the key must still depend on the text with its numbers collapsed only.
    void numbersOfAnyLengthAnywhereShareOneCacheEntry()
    {
        const QString words = QStringLiteral("Manutenção preventiva e corretiva de elevadores do edifício sede ");
        for (int offset = 0; offset <= 24; ++offset) {
            ObjectClassifier c;
            const auto classify = [&c](const QString& text) { return c.classify(text); };
            const QString head = words.left(offset);
            const QString tail = words.mid(offset) + words.repeated(20); // past a kilobyte
            const int first = classify(head + u'7' + tail + u"lote 3");
            for (const QString& number : {QStringLiteral("12"), QStringLiteral("2025"), QStringLiteral("123456789"),
                                          QStringLiteral("00000000000000017")})
                QCOMPARE(classify(head + number + tail + u"lote " + number), first);
            QCOMPARE(c.cachedTexts(), std::size_t(1));
            classify(head + u'7' + tail + u"lote 3x"); // a letter more is another text
            classify(head + u"7 " + tail + u"lote 3");  // and so is a blank after the number
            classify(head + tail + u"lote 3");          // and no number at all
            QCOMPARE(c.cachedTexts(), std::size_t(4));
        }
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
