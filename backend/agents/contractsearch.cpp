// SPDX-License-Identifier: GPL-3.0-or-later
// The contract search several agents share: filters from the message's entities, streamed as the
// web frontend expects (searching, found, one contract event per row shown).
#include "agentcontext.h"
#include "agents.h"
#include "recordqueries.h"

#include "engine/explanations.h"

namespace cidadao::agents {

ContractFilter contractFilterFor(const Entities& entities)
{
    ContractFilter filter;
    for (const OrganMention& organ : entities.organs)
        filter.organs.append(organ.code);
    filter.supplierDocs = entities.cnpjs;
    if (entities.cnpjs.isEmpty() && entities.supplierName)
        filter.supplierName = foldMessage(*entities.supplierName);
    filter.from = entities.from;
    filter.to = entities.to;
    filter.minValue = entities.minValue;
    filter.maxValue = entities.maxValue;
    return filter;
}

qint64 searchAndShowContracts(AgentContext& context, const QString& query)
{
    const Entities& e = context.entities();
    const ContractFilter filter = contractFilterFor(e);

    protocol::Json parameters{{"query", query}};
    if (!filter.organs.isEmpty())
        parameters["organization"] = filter.organs.front();
    if (!e.cnpjs.isEmpty())
        parameters["vendor"] = e.cnpjs.front();
    else if (e.supplierName)
        parameters["vendor"] = *e.supplierName;
    if (e.minValue)
        parameters["min_value"] = *e.minValue;
    if (e.maxValue)
        parameters["max_value"] = *e.maxValue;
    context.send(protocol::StreamSearching{parameters});

    const int shown = context.options().maxContractRows;
    const ContractSearch search = context.searchContracts(filter, shown);
    context.send(protocol::StreamFound{search.total, qint64(search.rows.size())});
    for (qsizetype i = 0; i < search.rows.size(); ++i)
        context.send(protocol::StreamContract{i + 1, qint64(search.rows.size()), search.rows[i]});
    context.answer().contracts = search.rows;
    context.answer().contractsTotal = search.total;
    context.tool(QStringLiteral("search_contracts"), parameters,
                 protocol::Json{{"total", search.total}, {"total_value", search.totalValue}, {"shown", search.rows.size()}});

    const Language l = context.language();
    if (search.total == 0) {
        context.say(context.t(QStringLiteral("Não encontrei contratos com esses critérios nos dados importados."),
                              QStringLiteral("I found no contracts matching those criteria in the imported data.")));
        return 0;
    }
    QString text = context.t(QStringLiteral("Encontrei %1 contratos, somando %2.")
                                 .arg(engine::formatCount(search.total, l), engine::formatMoney(search.totalValue, l)),
                             QStringLiteral("I found %1 contracts, adding up to %2.")
                                 .arg(engine::formatCount(search.total, l), engine::formatMoney(search.totalValue, l)));
    if (!search.rows.isEmpty()) {
        text += context.t(QStringLiteral(" Os de maior valor:"), QStringLiteral(" The largest:"));
        for (const protocol::ContractData& row : search.rows) {
            text += QStringLiteral("\n- %1 — %2 (%3), %4")
                        .arg(row.numero.value_or(row.id), engine::formatMoney(row.valor.value_or(0.0), l),
                             row.fornecedor.value_or(QStringLiteral("?")),
                             row.objeto.value_or(QString()).left(90));
        }
    }
    context.say(text);
    return search.total;
}

} // namespace cidadao::agents
