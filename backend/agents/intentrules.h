// SPDX-License-Identifier: GPL-3.0-or-later
// The keyword rules of intent classification: regular expressions over the folded message, each
// adding a weight to one intent. They encode what is certain from a word or a shape (a CNPJ, "status",
// "salário") and leave the rest to the trained model.
#pragma once

#include <QHash>
#include <QString>

namespace cidadao::agents {

// Weight per intent word for the folded message (intents without a firing rule are absent).
QHash<QString, double> intentRuleWeights(const QString& folded);

} // namespace cidadao::agents
