// SPDX-License-Identifier: GPL-3.0-or-later
#include "suggestedactions.h"

#include <QHash>

namespace cidadao::engine {

QStringList suggestedActionsPt(const QStringList& english)
{
    // Every next step a detector writes (grep "suggestedActions = {" in backend/engine); a test checks
    // that none is missing.
    static const QHash<QString, QString> pt = {
        {QStringLiteral("Ask the paying body why no abate-teto was applied"), QStringLiteral("Perguntar ao órgão pagador por que o abate-teto não foi aplicado")},
        {QStringLiteral("Ask the unit why the supplier was contracted during the sanction"), QStringLiteral("Perguntar à unidade por que o fornecedor foi contratado durante a sanção")},
        {QStringLiteral("Check for invented or rounded amounts"), QStringLiteral("Procurar valores inventados ou arredondados")},
        {QStringLiteral("Check for links between the supplier and the unit's staff"), QStringLiteral("Procurar vínculos entre o fornecedor e os servidores da unidade")},
        {QStringLiteral("Check for payments recorded twice"), QStringLiteral("Verificar se há pagamentos registrados duas vezes")},
        {QStringLiteral("Check how the bidding was advertised and how long it was open"), QStringLiteral("Verificar como a licitação foi divulgada e por quanto tempo ficou aberta")},
        {QStringLiteral("Check the dates in the original documents (DOU, contract, bidding minutes)"), QStringLiteral("Conferir as datas nos documentos originais (DOU, contrato, atas da licitação)")},
        {QStringLiteral("Check the price research (pesquisa de preços) in the procurement file"), QStringLiteral("Conferir a pesquisa de preços no processo de contratação")},
        {QStringLiteral("Check the release orders and any amendment raising the agreement's value"), QStringLiteral("Conferir as ordens de liberação e os aditivos que aumentaram o valor do convênio")},
        {QStringLiteral("Check the sanction's scope (abrangência) and the sanctioning body"), QStringLiteral("Conferir a abrangência da sanção e o órgão sancionador")},
        {QStringLiteral("Check whether both records correspond to separate deliveries"), QStringLiteral("Verificar se os dois registros correspondem a entregas distintas")},
        {QStringLiteral("Check whether the id was mistyped or the supplier does not exist"), QStringLiteral("Verificar se o documento foi digitado errado ou se o fornecedor não existe")},
        {QStringLiteral("Check whether the month's contracts were planned or rushed"), QStringLiteral("Verificar se os contratos do mês foram planejados ou feitos às pressas")},
        {QStringLiteral("Check whether the object changed enough to require a new procurement"), QStringLiteral("Verificar se o objeto mudou a ponto de exigir uma nova contratação")},
        {QStringLiteral("Check whether the payment includes amounts outside the ceiling (indemnities)"), QStringLiteral("Verificar se o pagamento inclui verbas fora do teto (indenizatórias)")},
        {QStringLiteral("Check whether the purchases could have been planned as one procurement"), QStringLiteral("Verificar se as compras poderiam ter sido planejadas como uma só contratação")},
        {QStringLiteral("Check whether the quantities were adjusted to fit the limit"), QStringLiteral("Verificar se as quantidades foram ajustadas para caber no limite")},
        {QStringLiteral("Compare the invoices (notas fiscais) behind each record"), QStringLiteral("Comparar as notas fiscais de cada registro")},
        {QStringLiteral("Compare the quoted prices of these dispensas with market prices"), QStringLiteral("Comparar os preços cotados nessas dispensas com os preços de mercado")},
        {QStringLiteral("Compare the unit prices and quantities with the peer contracts"), QStringLiteral("Comparar preços unitários e quantidades com os contratos comparáveis")},
        {QStringLiteral("Compare with the unit's other years"), QStringLiteral("Comparar com os outros anos da unidade")},
        {QStringLiteral("If the dates are right, ask for the justification of the sequence"), QStringLiteral("Se as datas estiverem certas, pedir a justificativa da sequência")},
        {QStringLiteral("Look at which first digits are over-represented and at those records"), QStringLiteral("Ver quais primeiros dígitos aparecem demais e examinar esses registros")},
        {QStringLiteral("Look for budget deadlines (year-end) or emergency decrees that month"), QStringLiteral("Procurar prazos orçamentários (fim de ano) ou decretos de emergência naquele mês")},
        {QStringLiteral("Look for restrictive requirements in the notice (edital)"), QStringLiteral("Procurar exigências restritivas no edital")},
        {QStringLiteral("Look the supplier up in the Receita Federal registry"), QStringLiteral("Consultar o fornecedor no cadastro da Receita Federal")},
        {QStringLiteral("Reconcile the payments with the contract's measurements and invoices"), QStringLiteral("Conciliar os pagamentos com as medições e as notas fiscais do contrato")},
        {QStringLiteral("Request the amendments (termos aditivos) and their justification"), QStringLiteral("Pedir os termos aditivos e suas justificativas")},
        {QStringLiteral("Request the procurement planning (PCA) of the unit for that year"), QStringLiteral("Pedir o Plano de Contratações Anual (PCA) da unidade para aquele ano")},
        {QStringLiteral("Review how the supplier won each contract (modality, competitors)"), QStringLiteral("Rever como o fornecedor ganhou cada contrato (modalidade, concorrentes)")},
        {QStringLiteral("Verify the justification of each dispensa"), QStringLiteral("Conferir a justificativa de cada dispensa")},
        {QStringLiteral("Verify whether the object differs in scope from its peers"), QStringLiteral("Verificar se o objeto difere em escopo dos comparáveis")},
    };
    QStringList out;
    out.reserve(english.size());
    for (const QString& action : english)
        out.append(pt.value(action, action));
    return out;
}

} // namespace cidadao::engine
