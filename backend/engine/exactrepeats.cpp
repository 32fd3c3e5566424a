// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exactrepeats.h"

#include "engine/detectioncontext.h"

namespace cidadao::engine {

namespace {
ExactKey keyOf(Code party, double value, Day day)
{
    if (party == 0 || !(value > 0.0) || !std::isfinite(value) || day == kNoDate)
        return {};
    return {party, day, std::llround(value * 100.0)};
}
} // namespace

std::vector<ExactKey> contractExactKeys(const ContractTable& c)
{
    std::vector<ExactKey> keys(c.size());
    for (std::size_t i = 0; i < c.size(); ++i)
        keys[i] = keyOf(c.supplierDoc[i], contractValue(c, i), c.signed_[i]);
    return keys;
}

std::vector<ExactKey> paymentExactKeys(const ExpenseTable& e)
{
    std::vector<ExactKey> keys(e.size());
    for (std::size_t i = 0; i < e.size(); ++i)
        keys[i] = keyOf(e.payeeDoc[i], e.value[i], e.date[i]);
    return keys;
}

} // namespace cidadao::engine
