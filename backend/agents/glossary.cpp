// SPDX-License-Identifier: GPL-3.0-or-later
#include "glossary.h"

#include "engine/columns.h"
#include "engine/legalthresholds.h"

#include <QDate>
#include <QRegularExpression>

#include <vector>

namespace cidadao::agents {

namespace {

struct Term
{
    QRegularExpression pattern;
    QString pt;
    QString en;
};

QString ceilingSentence(Language l)
{
    const QDate today = QDate::currentDate();
    const auto ceiling = engine::payCeiling(engine::toDay(today.year(), today.month(), today.day()));
    if (!ceiling)
        return {};
    return pick(l, QStringLiteral(" O teto em vigor é %1 (%2)."), QStringLiteral(" The ceiling in force is %1 (%2)."))
        .arg(engine::formatMoney(ceiling->value, l), ceiling->source);
}

const std::vector<Term>& terms()
{
    auto re = [](const char* p) { return QRegularExpression(QString::fromUtf8(p)); };
    static const std::vector<Term> table = {
        {re(R"(\b(fracionamento|splitting|split)\b)"),
         QStringLiteral("Fracionamento é dividir uma compra em várias menores, do mesmo objeto e no mesmo período, para ficar abaixo do limite de dispensa de licitação. Detectamos quando a soma das compras de uma unidade a um fornecedor passa do limite legal enquanto cada uma fica abaixo dele."),
         QStringLiteral("Splitting is dividing one purchase into several smaller ones, for the same object and period, to stay under the bidding-waiver limit. We flag it when a unit's purchases from one supplier add up above the legal limit while each stays below it.")},
        {re(R"(\b(sobrepreco|superfatur\w*|overpric\w*|anomalia de preco|price anomal\w*|preco)\b)"),
         QStringLiteral("Uma anomalia de preço é um contrato cujo valor fica muito acima do de contratos parecidos (mesma classe de objeto): medimos a distância em desvios (z-score robusto) em relação à mediana do grupo."),
         QStringLiteral("A price anomaly is a contract whose value is far above similar contracts (same object class): we measure the distance in robust deviations (z-score) from the group's median.")},
        {re(R"(\b(concentracao|concentration|vendor|hhi)\b)"),
         QStringLiteral("Concentração de fornecedor é quando poucos fornecedores recebem a maior parte do dinheiro de um órgão num ano. Medimos a fatia do maior e o índice Herfindahl-Hirschman (HHI)."),
         QStringLiteral("Vendor concentration is when few suppliers get most of an organ's money in a year. We measure the largest supplier's share and the Herfindahl-Hirschman index (HHI).")},
        {re(R"(\b(temporal|pico\w*|spikes?)\b)"),
         QStringLiteral("Um pico temporal é um mês com muito mais contratos do que o esperado para aquela unidade (como a corrida de dezembro para gastar o orçamento)."),
         QStringLiteral("A temporal spike is a month with far more contracts than expected for that unit (like the December rush to spend the budget).")},
        {re(R"(\b(benford)\b)"),
         QStringLiteral("A lei de Benford diz que, em valores naturais, o primeiro dígito 1 aparece em ~30% dos casos e o 9 em ~5%. Valores inventados costumam fugir dessa distribuição; medimos o desvio (MAD) e o qui-quadrado."),
         QStringLiteral("Benford's law says that in natural amounts the first digit is 1 about 30% of the time and 9 about 5%. Made-up values tend to stray from it; we measure the deviation (MAD) and a chi-square test.")},
        {re(R"(\b(duplicad\w*|duplicat\w*)\b)"),
         QStringLiteral("Um registro duplicado é o mesmo pagamento ou contrato lançado mais de uma vez (mesmo valor, fornecedor e data, ou objeto quase idêntico)."),
         QStringLiteral("A duplicate is the same payment or contract recorded more than once (same value, supplier and date, or a near-identical object).")},
        {re(R"(\b(teto|ceiling|salary cap)\b)"),
         QStringLiteral("O teto constitucional é o máximo que um servidor pode receber por mês (art. 37, XI, da Constituição)."),
         QStringLiteral("The constitutional ceiling is the most a public servant may be paid per month (art. 37, XI, of the Constitution).")},
        {re(R"(\b(severidade|severity|critic\w*)\b)"),
         QStringLiteral("A severidade (baixa, média, alta, crítica) combina o tamanho do desvio com o valor em jogo: um desvio grande em muito dinheiro é crítico."),
         QStringLiteral("Severity (low, medium, high, critical) combines how large the deviation is with the money at stake: a big deviation on a lot of money is critical.")},
        {re(R"(\b(dispensa|waiver)\b)"),
         QStringLiteral("Dispensa de licitação é a compra direta, sem disputa, permitida pela Lei 14.133/2021 (art. 75) abaixo de certos valores ou em casos especiais."),
         QStringLiteral("A bidding waiver is a direct purchase without competition, allowed by Law 14.133/2021 (art. 75) below certain values or in special cases.")},
        {re(R"(\b(pregao|auction)\b)"),
         QStringLiteral("Pregão é a modalidade de licitação para bens e serviços comuns em que os fornecedores dão lances e vence o menor preço."),
         QStringLiteral("A pregão (auction) is the bidding type for common goods and services where suppliers bid down and the lowest price wins.")},
        {re(R"(\b(licitac\w*|bidding|procurement law|14\.?133)\b)"),
         QStringLiteral("Licitação é o processo em que o governo escolhe, por disputa pública, quem vai fornecer um bem ou serviço. A lei atual é a 14.133/2021."),
         QStringLiteral("A public bidding is the process by which government picks, through open competition, who supplies a good or service. The current law is 14.133/2021.")},
        {re(R"(\b(convenio|agreement transfer|agreements?)\b)"),
         QStringLiteral("Convênio é um acordo em que a União repassa dinheiro a um estado, município ou entidade para executar um projeto de interesse comum."),
         QStringLiteral("An agreement (convênio) is a deal in which the federal government transfers money to a state, city or entity to carry out a project of common interest.")},
        {re(R"(\b(empenho|commitment)\b)"),
         QStringLiteral("Empenho é a reserva do dinheiro no orçamento para uma despesa; o pagamento vem depois, quando o serviço ou bem é entregue."),
         QStringLiteral("A commitment (empenho) reserves budget money for an expense; payment comes later, when the good or service is delivered.")},
        {re(R"(\b(portal da transparencia|transparency portal)\b)"),
         QStringLiteral("O Portal da Transparência (portaldatransparencia.gov.br) publica os gastos do governo federal: contratos, licitações, convênios, despesas, servidores e sanções. Importamos seus arquivos CSV."),
         QStringLiteral("The Transparency Portal (portaldatransparencia.gov.br) publishes federal spending: contracts, biddings, agreements, expenses, servants and sanctions. We import its CSV files.")},
    };
    return table;
}

} // namespace

std::optional<QString> glossaryAnswer(const QString& folded, Language language)
{
    for (const Term& term : terms()) {
        if (term.pattern.match(folded).hasMatch()) {
            QString text = pick(language, term.pt, term.en);
            if (term.pt.startsWith(QLatin1String("O teto")))
                text += ceilingSentence(language);
            return text;
        }
    }
    return std::nullopt;
}

} // namespace cidadao::agents
