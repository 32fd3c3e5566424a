// SPDX-License-Identifier: GPL-3.0-or-later
// CPF/CNPJ check digits with the test vectors of DATA.md; masked ids are never "invalid".
#include "datasetbuilder.h"

#include "engine/documents.h"

#include <QTest>

using namespace cidadao::engine;

class TestDocuments : public QObject
{
    Q_OBJECT
private slots:
    void validVectors()
    {
        QVERIFY(isValidCnpj(u"03560714000142"));
        QVERIFY(isValidCnpj(u"22472225000183"));
        QVERIFY(isValidCnpj(u"12ABC34501DE35"));   // alphanumeric CNPJ: value = ASCII − 48
        QVERIFY(isValidCpf(u"57725723501"));
        QVERIFY(checkDocument(u"03.560.714/0001-42").valid);
        QVERIFY(checkDocument(u"12.ABC.345/01DE-35").valid);
        QVERIFY(checkDocument(u"577.257.235-01").valid);
    }
    void invalidVectors()
    {
        QVERIFY(!isValidCnpj(u"00111222000133"));
        QVERIFY(!isValidCnpj(u"22472225000180"));
        QVERIFY(!isValidCpf(u"11111111111"));
        QVERIFY(checkDocument(u"00111222000133").invalid());
        QVERIFY(checkDocument(u"11111111111").invalid());
        QVERIFY(checkDocument(u"57725723502").invalid());
        QVERIFY(checkDocument(u"12ABC34501DE36").invalid());
    }
    void maskedAndOtherShapesAreNotCheckable()
    {
        const DocumentCheck masked = checkDocument(u"***.017.623-**");
        QCOMPARE(masked.kind, DocumentKind::Masked);
        QVERIFY(!masked.invalid());
        QVERIFY(!checkDocument(u"150001").invalid());          // a UG code
        QVERIFY(!checkDocument(u"").invalid());
        QVERIFY(!checkDocument(u"EX12345").invalid());
    }
    void builderMakesValidCnpjs()
    {
        for (long long base : {1LL, 11222333LL, 987654321012LL})
            QVERIFY(isValidCnpj(test::makeCnpj(base)));
    }
};

QTEST_APPLESS_MAIN(TestDocuments)
#include "tst_engine_documents.moc"
