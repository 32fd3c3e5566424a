// SPDX-License-Identifier: GPL-3.0-or-later
// The intents a chat message can carry (issue #6): the closed set of words the classifier answers
// with and the orchestrator routes on.
#pragma once

#include <initializer_list>

namespace cidadao::agents::Intent {

inline constexpr char Greeting[] = "greeting";       // hello, thanks, bye
inline constexpr char Help[] = "help";               // what can you do, how to use
inline constexpr char About[] = "about";             // who are you, the agents, the project
inline constexpr char Investigate[] = "investigate"; // start an investigation
inline constexpr char Analyze[] = "analyze";         // patterns, trends, equity, texts
inline constexpr char Report[] = "report";           // a report or summary
inline constexpr char Supplier[] = "supplier";       // a supplier by CNPJ or name
inline constexpr char Servants[] = "servants";       // servants' pay
inline constexpr char Explain[] = "explain";         // explain an anomaly
inline constexpr char Status[] = "status";           // status of an investigation
inline constexpr char General[] = "general";         // anything else
inline constexpr std::initializer_list<const char*> All = {Greeting, Help,     About,    Investigate, Analyze, Report,
                                                           Supplier, Servants, Explain, Status,      General};

} // namespace cidadao::agents::Intent
