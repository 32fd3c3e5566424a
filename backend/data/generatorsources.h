// SPDX-License-Identifier: GPL-3.0-or-later
// The sources around the contracts: biddings and their participants, payments, convênios, servants'
// pay and the CEIS/CNEP sanctions, with their own injected anomalies.
#pragma once

#include "data/generatormodel.h"

namespace cidadao::data::generator {

// Sorts contracts by signature date and numbers them: Número do Contrato is "NNNNNN/YYYY", unique.
void numberContracts(World& world);
// Rates are fractions of the source's rows that get an injected anomaly.
void buildBiddings(World& world, GeneratorRandom& random, double singleBidderRate);
void buildPayments(World& world, GeneratorRandom& random);
void buildAgreements(World& world, GeneratorRandom& random, std::int64_t count, double releasedOverRate);
void buildServants(World& world, GeneratorRandom& random, std::int64_t servants, double overCeilingRate);
void buildCleanSanctions(World& world, GeneratorRandom& random, std::int64_t count);

} // namespace cidadao::data::generator
