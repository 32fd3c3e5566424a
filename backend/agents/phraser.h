// SPDX-License-Identifier: GPL-3.0-or-later
// Optional phrasing of a composed reply through an OpenAI-compatible chat-completions endpoint
// (llama.cpp server, Ollama, Maritaca...). Off unless a URL is configured. The model only rewords:
// a rewording that drops or changes any number of the original is refused and the original kept, so
// every number the user reads still comes from the data.
#pragma once

#include "text.h"

#include <atomic>
#include <optional>

namespace cidadao::agents {

struct PhraserConfig
{
    QString url;   // base ("http://127.0.0.1:8080") or the full ".../v1/chat/completions"
    QString key;   // sent as Bearer when non-empty
    QString model;
    int timeoutMs = 15000;
};

class Phraser
{
public:
    explicit Phraser(PhraserConfig config);

    // Blocking; call from a worker thread. nullopt on any failure, timeout, cancel or number mismatch.
    std::optional<QString> rephrase(const QString& text, Language language, const std::atomic_bool& cancel) const;

    // The numbers of a text ("1.234,56", "2023", "36000"), as written; rephrasings must keep them all.
    static QStringList numbers(const QString& text);

private:
    PhraserConfig m_config;
};

} // namespace cidadao::agents
