// SPDX-License-Identifier: GPL-3.0-or-later
// The agents Abaporu routes to, one module each. Every agent answers from real work over the local
// data (the records tables, the engine's analyses, the investigation service) and writes its reply
// through the AgentContext. Each handles any intent it is given (a forced agent_id can send it
// anything) by doing its own job on what the message names.
#pragma once

#include <QString>

namespace cidadao::agents {

class AgentContext;
struct ContractFilter;
struct Entities;

void runZumbi(AgentContext& context);      // investigations: start, status, results summary
void runAnita(AgentContext& context);      // patterns, suppliers, contract searches
void runTiradentes(AgentContext& context); // reports
void runMachado(AgentContext& context);    // contract object texts
void runDandara(AgentContext& context);    // equity: distribution of money, servants' pay
void runDrummond(AgentContext& context);   // conversation and plain-language explanations

// Shared by several agents: a contract search over the entities, streamed as searching/found/contract
// events and recorded as the search_contracts tool. Returns the number of matching contracts.
qint64 searchAndShowContracts(AgentContext& context, const QString& query);
// The records filter the message's entities describe (organs, supplier, period, values).
ContractFilter contractFilterFor(const Entities& entities);

} // namespace cidadao::agents
