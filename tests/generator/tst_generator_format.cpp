// SPDX-License-Identifier: GPL-3.0-or-later
// The files look like the Portal's own: exact header rows, ISO-8859-1 bytes, every field quoted,
// CRLF, decimal comma, DD/MM/YYYY, valid CNPJ check digits and masked CPFs.
#include "data/csvreader.h"
#include "data/generator.h"
#include "data/generatordocuments.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cidadao::data;

namespace {

// An independent check-digit implementation (DATA.md): weights 5..2,9..2 then 6..2,9..2; r < 2 → 0.
bool cnpjValid(const QByteArray& d)
{
    if (d.size() != 14)
        return false;
    static const int w1[] = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    static const int w2[] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int s = 0;
    for (int i = 0; i < 12; ++i)
        s += (d[i] - '0') * w1[i];
    const int c1 = s % 11 < 2 ? 0 : 11 - s % 11;
    s = 0;
    for (int i = 0; i < 13; ++i)
        s += (d[i] - '0') * w2[i];
    const int c2 = s % 11 < 2 ? 0 : 11 - s % 11;
    return d[12] - '0' == c1 && d[13] - '0' == c2;
}

QByteArray latin1Header(std::initializer_list<const char*> names)
{
    QByteArray out;
    for (const char* n : names) {
        if (!out.isEmpty())
            out += ';';
        out += '"' + QString::fromUtf8(n).toLatin1() + '"';
    }
    return out + "\r\n";
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<std::vector<QByteArray>> parse(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    DeviceSource source(file);
    CsvReader reader(source);
    std::vector<std::vector<QByteArray>> rows;
    while (reader.next()) {
        std::vector<QByteArray> row;
        for (auto f : reader.fields())
            row.emplace_back(f.data(), qsizetype(f.size()));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

class TestGeneratorFormat : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    GeneratorSummary m_summary;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        GeneratorOptions options;
        options.seed = 2024;
        options.records = 4000;
        options.outDir = m_dir.path();
        m_summary = generateDataset(options);
    }

    void documentCheckDigitsMatchDataMd()
    {
        QVERIFY(cnpjValid("03560714000142"));
        QVERIFY(cnpjValid("22472225000183"));
        QVERIFY(!cnpjValid("22472225000180"));
        QVERIFY(generator::cnpjCheckDigitsValid("03560714000142"));
        QVERIFY(!generator::cnpjCheckDigitsValid("00111222000133"));
        for (std::uint32_t i = 0; i < 2000; ++i) {
            const std::string cnpj = generator::companyCnpj(i);
            QVERIFY(cnpjValid(QByteArray::fromStdString(cnpj)));
            QVERIFY(!cnpjValid(QByteArray::fromStdString(generator::breakCheckDigit(cnpj))));
        }
        QCOMPARE(generator::maskCpf("57725723501"), std::string("***.257.235-**"));
    }

    void headersAreThePortalOnes()
    {
        const QByteArray compras = readAll(m_summary.fileFor(QStringLiteral("contracts")));
        QVERIFY(compras.startsWith(latin1Header(
            {"Número do Contrato", "Objeto", "Fundamento Legal", "Modalidade Compra", "Situação Contrato",
             "Código Órgão Superior", "Nome Órgão Superior", "Código Órgão", "Nome Órgão", "Código UG", "Nome UG",
             "Data Assinatura Contrato", "Data Publicação DOU", "Data Início Vigência", "Data Fim Vigência",
             "Código Contratado", "Nome Contratado", "Valor Inicial Compra", "Valor Final Compra", "Número Licitação",
             "Código UG Licitação", "Nome UG Licitação", "Código Modalidade Compra Licitação",
             "Modalidade Compra Licitação"})));
        QVERIFY(readAll(m_summary.fileFor(QStringLiteral("biddings"))).startsWith(latin1Header(
            {"Número Licitação", "Código UG", "Nome UG", "Código Modalidade Compra", "Modalidade Compra",
             "Número Processo", "Objeto", "Situação Licitação", "Código Órgão Superior", "Nome Órgão Superior",
             "Código Órgão", "Nome Órgão", "UF", "Município", "Data Resultado Compra", "Data Abertura",
             "Valor Licitação"})));
        QVERIFY(readAll(m_summary.fileFor(QStringLiteral("agreements"))).startsWith(latin1Header(
            {"NÚMERO CONVÊNIO", "UF", "CÓDIGO SIAFI MUNICÍPIO", "NOME MUNICÍPIO", "SITUAÇÃO CONVÊNIO",
             "NÚMERO ORIGINAL", "NÚMERO PROCESSO DO CONVÊNIO", "OBJETO DO CONVÊNIO", "CÓDIGO ÓRGÃO SUPERIOR",
             "NOME ÓRGÃO SUPERIOR", "CÓDIGO ÓRGÃO CONCEDENTE", "NOME ÓRGÃO CONCEDENTE", "CÓDIGO UG CONCEDENTE",
             "NOME UG CONCEDENTE", "CÓDIGO CONVENENTE", "TIPO CONVENENTE", "NOME CONVENENTE",
             "TIPO ENTE CONVENENTE", "TIPO INSTRUMENTO", "VALOR CONVÊNIO", "VALOR LIBERADO", "DATA PUBLICAÇÃO",
             "DATA INÍCIO VIGÊNCIA", "DATA FINAL VIGÊNCIA", "VALOR CONTRAPARTIDA", "DATA ÚLTIMA LIBERAÇÃO",
             "VALOR ÚLTIMA LIBERAÇÃO"})));
        QVERIFY(readAll(m_summary.fileFor(QStringLiteral("expenses"))).startsWith(latin1Header(
            {"Código Pagamento", "Data Emissão", "Código Favorecido", "Favorecido", "Código Órgão",
             "Código Unidade Gestora", "Elemento de Despesa", "Processo", "Observação",
             "Valor Original do Pagamento", "Valor do Pagamento Convertido pra R$"})));
        QVERIFY(readAll(m_summary.fileFor(QStringLiteral("servants")))
                    .startsWith(latin1Header({"ANO", "MES", "Id_SERVIDOR_PORTAL", "CPF", "NOME",
                                              "REMUNERAÇÃO BÁSICA BRUTA (R$)", "REMUNERAÇÃO BÁSICA BRUTA (U$)",
                                              "ABATE-TETO (R$)"})
                                    .chopped(2)));
        const QByteArray ceis = readAll(m_summary.fileFor(QStringLiteral("sanctions")));
        QVERIFY(ceis.startsWith(latin1Header({"CADASTRO", "CÓDIGO DA SANÇÃO", "TIPO DE PESSOA",
                                              "CPF OU CNPJ DO SANCIONADO", "NOME DO SANCIONADO"})
                                    .chopped(2)));
        QCOMPARE(parse(m_summary.fileFor(QStringLiteral("sanctions"))).front().size(), std::size_t(24));
        QCOMPARE(parse(m_summary.fileFor(QStringLiteral("contracts"))).front().size(), std::size_t(24));
        QCOMPARE(parse(m_summary.fileFor(QStringLiteral("agreements"))).front().size(), std::size_t(27));
    }

    void bytesAreLatin1WithCrlfAndQuotes()
    {
        const QByteArray compras = readAll(m_summary.fileFor(QStringLiteral("contracts")));
        QVERIFY(compras.contains("Minist\xe9rio da Sa\xfa" "de")); // "Ministério da Saúde" in ISO-8859-1
        QVERIFY(!compras.contains("\xc3\xa9"));                   // no UTF-8 sequences
        const QList<QByteArray> lines = compras.split('\n');
        QVERIFY(lines.size() > 3800);
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QByteArray& line = lines[i];
            QVERIFY2(line.endsWith("\"\r") && line.startsWith('"'), line.constData());
        }
        QVERIFY(lines.last().isEmpty()); // the file ends with CRLF
    }

    void fieldsUseThePortalFormats()
    {
        const auto rows = parse(m_summary.fileFor(QStringLiteral("contracts")));
        const QRegularExpression money(QStringLiteral("^\\d+,\\d{2}$"));
        const QRegularExpression date(QStringLiteral("^\\d{2}/\\d{2}/\\d{4}$"));
        const QRegularExpression masked(QStringLiteral("^\\*\\*\\*\\.\\d{3}\\.\\d{3}-\\*\\*$"));
        QSet<QByteArray> numbers;
        int invalid = 0, persons = 0;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            QCOMPARE(row.size(), std::size_t(24));
            QVERIFY2(!numbers.contains(row[0]), row[0].constData());
            numbers.insert(row[0]);
            for (int col : {11, 12, 13, 14})
                QVERIFY2(date.match(QString::fromLatin1(row[std::size_t(col)])).hasMatch(), row[std::size_t(col)].constData());
            for (int col : {17, 18})
                QVERIFY2(money.match(QString::fromLatin1(row[std::size_t(col)])).hasMatch(), row[std::size_t(col)].constData());
            const QByteArray& doc = row[15];
            if (doc.startsWith('*')) {
                QVERIFY2(masked.match(QString::fromLatin1(doc)).hasMatch(), doc.constData());
                ++persons;
            } else if (!cnpjValid(doc)) {
                ++invalid;
            }
        }
        QVERIFY(persons > 0);
        // Only the invalid_document injections break a check digit.
        QCOMPARE(qint64(invalid), qint64(m_summary.labelsPerDetector.at("invalid_document")));
        for (const QString& source : {QStringLiteral("participants"), QStringLiteral("expenses")}) {
            const auto other = parse(m_summary.fileFor(source));
            const std::size_t column = source == u"participants" ? 8 : 2;
            for (std::size_t r = 1; r < other.size(); ++r) {
                const QByteArray& d = other[r][column];
                QVERIFY2(d.startsWith('*') || cnpjValid(d), d.constData());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGeneratorFormat)
#include "tst_generator_format.moc"
