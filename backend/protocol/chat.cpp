// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat.h"

#include "agent.h"
#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

void validateChatMessage(const QString& message)
{
    requireLength(QLatin1String(Key::Message), message, ChatMessageMinLength, ChatMessageMaxLength);
}

void requireUnitInterval(const char* field, double value)
{
    if (!(value >= 0.0 && value <= 1.0))
        throw ValidationFailure(QLatin1String(field), QStringLiteral("must be between 0 and 1"));
}

void to_json(Json& out, const ChatRequest& value)
{
    out = Json{{Key::Message, value.message}};
    putOptional(out, Key::SessionId, value.sessionId);
    putOptional(out, Key::Context, value.context);
    putOptional(out, Key::AgentId, value.agentId);
}

void from_json(const Json& in, ChatRequest& value)
{
    const ObjectReader r(in);
    value.message = r.string(Key::Message);
    validateChatMessage(value.message);
    value.sessionId = r.optionalString(Key::SessionId);
    if (value.sessionId)
        requireLength(QLatin1String(Key::SessionId), *value.sessionId, 1, IdMaxLength);
    value.context = r.optionalObject(Key::Context);
    value.agentId = r.optionalString(Key::AgentId);
    if (value.agentId)
        requireOneOf(QLatin1String(Key::AgentId), *value.agentId, AgentId::All);
}

void to_json(Json& out, const ChatResponse& value)
{
    out = Json{{Key::SessionId, value.sessionId},
               {Key::AgentId, value.agentId},
               {Key::AgentName, value.agentName},
               {Key::Message, value.message},
               {Key::Confidence, value.confidence},
               {Key::Metadata, value.metadata}};
    putOptional(out, Key::SuggestedActions, value.suggestedActions);
    if (value.requiresInput) {
        Json map = Json::object();
        for (auto it = value.requiresInput->cbegin(); it != value.requiresInput->cend(); ++it)
            map[it.key().toStdString()] = Json(it.value());
        out[Key::RequiresInput] = std::move(map);
    }
    putOptional(out, Key::MessageId, value.messageId);
    putOptional(out, Key::FollowUpQuestions, value.followUpQuestions);
}

void from_json(const Json& in, ChatResponse& value)
{
    const ObjectReader r(in);
    value.sessionId = r.string(Key::SessionId);
    value.agentId = r.string(Key::AgentId);
    value.agentName = r.string(Key::AgentName);
    value.message = r.string(Key::Message);
    value.confidence = r.number(Key::Confidence);
    requireUnitInterval(Key::Confidence, value.confidence);
    value.suggestedActions = r.optionalStringList(Key::SuggestedActions);
    if (const std::optional<Json> map = r.optionalObject(Key::RequiresInput)) {
        QMap<QString, QString> prompts;
        for (const auto& [name, prompt] : map->items()) {
            if (!prompt.is_string()) {
                throw ValidationFailure(joinFieldPath(QString(QLatin1String(Key::RequiresInput)), QString::fromStdString(name)),
                                        QStringLiteral("must be a string"));
            }
            prompts.insert(QString::fromStdString(name), prompt.get<QString>());
        }
        value.requiresInput = std::move(prompts);
    }
    value.metadata = r.optionalObject(Key::Metadata).value_or(Json::object());
    value.messageId = r.optionalString(Key::MessageId);
    value.followUpQuestions = r.optionalStringList(Key::FollowUpQuestions);
}

void to_json(Json& out, const QuickAction& value)
{
    out = Json{{Key::Id, value.id}, {Key::Label, value.label}, {Key::Icon, value.icon}, {Key::Action, value.action}};
}

void from_json(const Json& in, QuickAction& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.label = r.string(Key::Label);
    value.icon = r.string(Key::Icon);
    value.action = r.string(Key::Action);
}

void to_json(Json& out, const ChatSession& value)
{
    out = Json{{Key::Id, value.id},
               {Key::UserId, value.userId},
               {Key::Title, value.title},
               {Key::Status, value.status},
               {Key::MessageCount, value.messageCount},
               {Key::CreatedAt, toJson(value.createdAt)},
               {Key::UpdatedAt, toJson(value.updatedAt)}};
    putOptional(out, Key::AgentId, value.agentId);
    putOptional(out, Key::CurrentInvestigationId, value.currentInvestigationId);
    putOptional(out, Key::LastMessageAt, value.lastMessageAt);
}

void from_json(const Json& in, ChatSession& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.userId = r.string(Key::UserId);
    value.title = r.optionalString(Key::Title).value_or(QString());
    value.agentId = r.optionalString(Key::AgentId);
    value.status = r.string(Key::Status);
    value.currentInvestigationId = r.optionalString(Key::CurrentInvestigationId);
    value.messageCount = r.integer(Key::MessageCount);
    value.lastMessageAt = r.optionalTimestamp(Key::LastMessageAt);
    value.createdAt = r.timestamp(Key::CreatedAt);
    value.updatedAt = r.timestamp(Key::UpdatedAt);
}

void to_json(Json& out, const ChatSessionList& value)
{
    out = Json{{Key::Sessions, toJsonArray(value.sessions)},
               {Key::Count, value.count},
               {Key::Limit, value.limit},
               {Key::Offset, value.offset}};
}

void from_json(const Json& in, ChatSessionList& value)
{
    const ObjectReader r(in);
    value.sessions = r.list<ChatSession>(Key::Sessions);
    value.count = r.integer(Key::Count);
    value.limit = r.integer(Key::Limit);
    value.offset = r.integer(Key::Offset);
}

void to_json(Json& out, const HistoryMessage& value)
{
    out = Json{{Key::Id, value.id},
               {Key::Role, value.role},
               {Key::Content, value.content},
               {Key::Timestamp, toJson(value.timestamp)}};
    putOptional(out, Key::AgentId, value.agentId);
}

void from_json(const Json& in, HistoryMessage& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.role = r.string(Key::Role);
    value.content = r.string(Key::Content);
    value.timestamp = r.timestamp(Key::Timestamp);
    value.agentId = r.optionalString(Key::AgentId);
}

void to_json(Json& out, const ChatHistory& value)
{
    out = Json{{Key::SessionId, value.sessionId},
               {Key::Messages, toJsonArray(value.messages)},
               {Key::TotalMessages, value.totalMessages}};
}

void from_json(const Json& in, ChatHistory& value)
{
    const ObjectReader r(in);
    value.sessionId = r.string(Key::SessionId);
    value.messages = r.list<HistoryMessage>(Key::Messages);
    value.totalMessages = r.integer(Key::TotalMessages);
}

} // namespace cidadao::protocol
