// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatstream.h"

#include "chat.h"
#include "keys.h"
#include "decoding.h"

namespace cidadao::protocol {

namespace {

// Members of each event, without "type".
Json members(const StreamStart& e)
{
    Json out{{Key::Timestamp, toJson(e.timestamp)}};
    putOptional(out, Key::SessionId, e.sessionId);
    return out;
}
Json members(const StreamDetecting& e) { return Json{{Key::Message, e.message}}; }
Json members(const StreamIntent& e) { return Json{{Key::Intent, e.intent}, {Key::Confidence, e.confidence}}; }
Json members(const StreamAgentSelected& e) { return Json{{Key::AgentId, e.agentId}, {Key::AgentName, e.agentName}}; }
Json members(const StreamThinking& e) { return Json{{Key::Message, e.message}}; }
Json members(const StreamSearching& e) { return e.fields.is_object() ? e.fields : Json::object(); }
Json members(const StreamFound& e) { return Json{{Key::Total, e.total}, {Key::Showing, e.showing}}; }
Json members(const StreamContract& e)
{
    return Json{{Key::Index, e.index}, {Key::Total, e.total}, {Key::Data, encode(e.data)}};
}
Json members(const StreamChunk& e) { return Json{{Key::Content, e.content}}; }
Json members(const StreamComplete& e)
{
    Json out = Json::object();
    putOptional(out, Key::AgentId, e.agentId);
    putOptional(out, Key::AgentName, e.agentName);
    putOptional(out, Key::SuggestedActions, e.suggestedActions);
    putOptional(out, Key::MessageId, e.messageId);
    putOptional(out, Key::Confidence, e.confidence);
    return out;
}
Json members(const StreamError& e)
{
    Json out{{Key::Message, e.message}};
    putOptional(out, Key::FallbackEndpoint, e.fallbackEndpoint);
    return out;
}

ChatStreamEvent read(const QString& type, const ObjectReader& r)
{
    if (type == QLatin1String(ChatStreamType::Start))
        return StreamStart{r.timestamp(Key::Timestamp), r.optionalString(Key::SessionId)};
    if (type == QLatin1String(ChatStreamType::Detecting))
        return StreamDetecting{r.string(Key::Message)};
    if (type == QLatin1String(ChatStreamType::Intent)) {
        StreamIntent e{r.string(Key::Intent), r.number(Key::Confidence)};
        requireUnitInterval(Key::Confidence, e.confidence);
        return e;
    }
    if (type == QLatin1String(ChatStreamType::AgentSelected))
        return StreamAgentSelected{r.string(Key::AgentId), r.string(Key::AgentName)};
    if (type == QLatin1String(ChatStreamType::Thinking))
        return StreamThinking{r.string(Key::Message)};
    if (type == QLatin1String(ChatStreamType::Searching)) {
        Json fields = r.json();
        fields.erase(Key::Type);
        return StreamSearching{std::move(fields)};
    }
    if (type == QLatin1String(ChatStreamType::Found))
        return StreamFound{r.integer(Key::Total), r.integer(Key::Showing)};
    if (type == QLatin1String(ChatStreamType::Contract))
        return StreamContract{r.integer(Key::Index), r.integer(Key::Total), r.nested<ContractData>(Key::Data)};
    if (type == QLatin1String(ChatStreamType::Chunk))
        return StreamChunk{r.string(Key::Content)};
    if (type == QLatin1String(ChatStreamType::Complete)) {
        StreamComplete e{r.optionalString(Key::AgentId), r.optionalString(Key::AgentName),
                         r.optionalStringList(Key::SuggestedActions), r.optionalString(Key::MessageId),
                         r.optionalNumber(Key::Confidence)};
        if (e.confidence)
            requireUnitInterval(Key::Confidence, *e.confidence);
        return e;
    }
    if (type == QLatin1String(ChatStreamType::Error))
        return decodeAt<StreamError>(r.json(), {});
    throw ValidationFailure(QLatin1String(Key::Type), QStringLiteral("is not a chat stream event type"));
}

} // namespace

void to_json(Json& out, const ContractData& value)
{
    out = Json{{Key::Id, value.id}};
    putOptional(out, Key::Numero, value.numero);
    putOptional(out, Key::Objeto, value.objeto);
    putOptional(out, Key::Valor, value.valor);
    putOptional(out, Key::ValorFormatado, value.valorFormatado);
    putOptional(out, Key::Fornecedor, value.fornecedor);
    putOptional(out, Key::CnpjFornecedor, value.cnpjFornecedor);
    putOptional(out, Key::Orgao, value.orgao);
    putOptional(out, Key::DataAssinatura, value.dataAssinatura);
    putOptional(out, Key::VigenciaInicio, value.vigenciaInicio);
    putOptional(out, Key::VigenciaFim, value.vigenciaFim);
    putOptional(out, Key::Situacao, value.situacao);
    putOptional(out, Key::Modalidade, value.modalidade);
    putOptional(out, Key::Processo, value.processo);
}

void from_json(const Json& in, ContractData& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.numero = r.optionalString(Key::Numero);
    value.objeto = r.optionalString(Key::Objeto);
    value.valor = r.optionalNumber(Key::Valor);
    value.valorFormatado = r.optionalString(Key::ValorFormatado);
    value.fornecedor = r.optionalString(Key::Fornecedor);
    value.cnpjFornecedor = r.optionalString(Key::CnpjFornecedor);
    value.orgao = r.optionalString(Key::Orgao);
    value.dataAssinatura = r.optionalString(Key::DataAssinatura);
    value.vigenciaInicio = r.optionalString(Key::VigenciaInicio);
    value.vigenciaFim = r.optionalString(Key::VigenciaFim);
    value.situacao = r.optionalString(Key::Situacao);
    value.modalidade = r.optionalString(Key::Modalidade);
    value.processo = r.optionalString(Key::Processo);
}

void to_json(Json& out, const StreamError& value)
{
    out = members(value);
}

void from_json(const Json& in, StreamError& value)
{
    const ObjectReader r(in);
    value.message = r.string(Key::Message);
    value.fallbackEndpoint = r.optionalString(Key::FallbackEndpoint);
}

const char* typeOf(const ChatStreamEvent& event)
{
    return std::visit([](const auto& e) { return std::decay_t<decltype(e)>::Type; }, event);
}

Json toJson(const ChatStreamEvent& event)
{
    Json out = std::visit([](const auto& e) { return members(e); }, event);
    out[Key::Type] = typeOf(event);
    return out;
}

namespace {
struct EventHolder
{
    ChatStreamEvent event;
};
void from_json(const Json& in, EventHolder& holder)
{
    const ObjectReader r(in);
    holder.event = read(r.string(Key::Type), r);
}
} // namespace

ChatStreamEvent decodeChatStreamEvent(const Json& frame)
{
    return decode<EventHolder>(frame).event;
}

} // namespace cidadao::protocol
