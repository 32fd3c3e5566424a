// SPDX-License-Identifier: GPL-3.0-or-later
// The detectors write their next steps (Finding::suggestedActions) in English, the engine's working
// language; an AnomalyResult carries them in pt-BR like its description, with the English in
// metadata.suggested_actions_en like description_en. This is the pt-BR of each.
#pragma once

#include <QStringList>

namespace cidadao::engine {

// The pt-BR of each English next step; one this table does not know stays in English.
QStringList suggestedActionsPt(const QStringList& english);

} // namespace cidadao::engine
