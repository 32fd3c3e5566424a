// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-language definitions Drummond gives for the words of public spending and of our anomaly
// types, in pt-BR and en. Legal values come from the engine's table so they stay in one place.
#pragma once

#include "text.h"

#include <optional>

namespace cidadao::agents {

// The definition of the first glossary term the folded message mentions.
std::optional<QString> glossaryAnswer(const QString& folded, Language language);

} // namespace cidadao::agents
