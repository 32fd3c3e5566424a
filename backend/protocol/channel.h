// SPDX-License-Identifier: GPL-3.0-or-later
// Channel names of the workflow WebSocket (spec/API.md §9): "<kind>:<id>" with kind one of
// workflow, sync, agent, notifications. Who may subscribe to what is the server's business; this
// only says what a well-formed name is.
#pragma once

#include <QString>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace cidadao::protocol {

namespace ChannelKind {
inline constexpr char Workflow[] = "workflow";
inline constexpr char Sync[] = "sync";
inline constexpr char Agent[] = "agent";
inline constexpr char Notifications[] = "notifications";
inline constexpr std::initializer_list<const char*> All = {Workflow, Sync, Agent, Notifications};
} // namespace ChannelKind

// "workflow:wf-123" = {kind "workflow", id "wf-123"}.
struct Channel
{
    QString kind;
    QString id;
    QString toString() const;
    friend bool operator==(const Channel&, const Channel&) = default;
};
// nullopt unless "<known kind>:<non-empty id of at most 128 characters>".
std::optional<Channel> parseChannel(QStringView name);

} // namespace cidadao::protocol
