// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the protocol decoders: arbitrary bytes go through the decoders the server
// runs on untrusted input (ChatRequest, InvestigationRequest, the cursor, the three WebSocket
// envelopes with their client payloads, the SSE reader). A decoder may only accept or throw
// ValidationFailure; anything else (another exception, a crash, a sanitizer report) is a bug. What
// is accepted must survive encode → decode unchanged.
#include "protocol/chat.h"
#include "protocol/chatws.h"
#include "protocol/cursor.h"
#include "protocol/investigation.h"
#include "protocol/pagination.h"
#include "protocol/sse.h"
#include "protocol/voice.h"
#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace cidadao::protocol;

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "fuzz_protocol: %s\n", what);
    std::abort();
}

// Decodes; when accepted, the encoding must decode again to the same encoding.
template<typename T>
void checkDecoder(const Json& input, const char* name)
{
    Json encoded;
    try {
        encoded = encode(decode<T>(input));
    } catch (const ValidationFailure& failure) {
        if (failure.field().isEmpty())
            fail("a ValidationFailure without a field");
        return;
    }
    try {
        if (encode(decode<T>(encoded)) != encoded)
            fail(name);
    } catch (const ValidationFailure&) {
        fail(name);
    }
    (void)toBytes(encoded);
}

void checkCursor(const QString& text)
{
    Cursor cursor;
    try {
        cursor = decodeCursor(text);
    } catch (const ValidationFailure& failure) {
        if (failure.field() != QLatin1String("cursor"))
            fail("a cursor failure naming another field");
        return;
    }
    try {
        if (!(decodeCursor(encodeCursor(cursor)) == cursor))
            fail("cursor round-trip changed the cursor");
    } catch (const ValidationFailure&) {
        fail("an encoded cursor was refused");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    checkCursor(QString::fromUtf8(bytes));
    SseDecoder sse(4096);
    for (const QByteArray& event : sse.feed(bytes)) {
        if (event.size() > 4096)
            fail("SSE event beyond the decoder's bound");
    }

    Json input;
    try {
        input = parseJson(bytes);
    } catch (const ValidationFailure&) {
        return 0;
    }
    checkDecoder<ChatRequest>(input, "ChatRequest round-trip");
    checkDecoder<InvestigationRequest>(input, "InvestigationRequest round-trip");
    checkDecoder<CursorPaginationRequest>(input, "CursorPaginationRequest round-trip");
    checkDecoder<ChatEnvelope>(input, "ChatEnvelope round-trip");
    checkDecoder<VoiceEnvelope>(input, "VoiceEnvelope round-trip");
    checkDecoder<WorkflowEnvelope>(input, "WorkflowEnvelope round-trip");
    // Client payloads, whether the input is the payload itself or an envelope around it.
    for (const char* member : {"data", "payload"}) {
        const Json* payload = input.is_object() && input.contains(member) ? &input.at(member) : &input;
        checkDecoder<ChatMessagePayload>(*payload, "ChatMessagePayload round-trip");
        checkDecoder<InvestigationSubscription>(*payload, "InvestigationSubscription round-trip");
        checkDecoder<AudioPayload>(*payload, "AudioPayload round-trip");
        checkDecoder<ChannelsPayload>(*payload, "ChannelsPayload round-trip");
        checkDecoder<ExecuteWorkflowPayload>(*payload, "ExecuteWorkflowPayload round-trip");
    }
    return 0;
}
