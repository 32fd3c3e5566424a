// SPDX-License-Identifier: GPL-3.0-or-later
// The API's words (data sources, anomaly types, investigation states and phases) as the agents say
// them in a sentence, in pt-BR and en: an answer reads "sobre contratos", not "sobre contracts". A
// word this version does not know is said as it is.
#pragma once

#include "text.h"

namespace cidadao::agents {

QString sourceLabel(const QString& source, Language language);           // "Contratos" | "Contracts"
QString anomalyTypeLabel(const QString& type, Language language);        // "preço" | "price"
QString investigationStatusLabel(const QString& status, Language language); // "concluída" | "completed"
QString phaseLabel(const QString& phase, Language language);             // "detecção de anomalias"
// "do Ministério da Saúde" / "da Universidade Federal..." / "of the Ministério da Saúde": Portuguese
// contracts "de" with the article of the name's first word.
QString ofOrgan(const QString& organName, Language language);

} // namespace cidadao::agents
