// SPDX-License-Identifier: GPL-3.0-or-later
// The voice WebSocket (spec/API.md §8, /ws/voice-chat): message types, error codes, audio format,
// the `data` payloads carried in a VoiceEnvelope, the voice agent's tools, and GET / of the seed.
#pragma once

#include "decoding.h"

#include <QString>

#include <optional>

namespace cidadao::protocol {

namespace VoiceType {
// Client → server
inline constexpr char AudioChunk[] = "audio_chunk";
inline constexpr char StartSpeaking[] = "start_speaking";
inline constexpr char StopSpeaking[] = "stop_speaking";
inline constexpr char BargeIn[] = "barge_in";
// Server → client
inline constexpr char SessionStart[] = "session_start";
inline constexpr char AudioResponse[] = "audio_response";
inline constexpr char Transcription[] = "transcription";
inline constexpr char Intent[] = "intent";
inline constexpr char ToolCall[] = "tool_call";
inline constexpr char AgentResponse[] = "agent_response"; // extension
inline constexpr char AudioEnd[] = "audio_end";           // extension
inline constexpr char Error[] = "error";
inline constexpr std::initializer_list<const char*> ClientTypes = {AudioChunk, StartSpeaking, StopSpeaking, BargeIn};
} // namespace VoiceType

namespace VoiceError {
// The seed's six
inline constexpr char AudioProcessingError[] = "audio_processing_error";
inline constexpr char StreamProcessingError[] = "stream_processing_error";
inline constexpr char DialogflowError[] = "dialogflow_error";
inline constexpr char DialogflowStreamError[] = "dialogflow_stream_error";
inline constexpr char MessageProcessingError[] = "message_processing_error";
inline constexpr char WebsocketError[] = "websocket_error";
// Ours (spec §8)
inline constexpr char BufferOverflow[] = "buffer_overflow";
inline constexpr char Unauthorized[] = "unauthorized";
inline constexpr char SttUnavailable[] = "stt_unavailable";
inline constexpr char TtsUnavailable[] = "tts_unavailable";
} // namespace VoiceError

namespace VoiceAudio {
inline constexpr int SampleRate = 16000;
inline constexpr int Channels = 1;
inline constexpr int BytesPerSample = 2; // PCM16 little endian
inline constexpr int ChunkBytes = 4096;  // recommended chunk, and the largest audio_response piece
inline constexpr int MaxBufferedChunks = 100;
} // namespace VoiceAudio

namespace VoiceTool {
inline constexpr char SearchContracts[] = "search_contracts";
inline constexpr char StartInvestigation[] = "start_investigation";
inline constexpr char InvestigationStatus[] = "investigation_status";
inline constexpr char ExplainAnomaly[] = "explain_anomaly";
inline constexpr std::initializer_list<const char*> All = {SearchContracts, StartInvestigation, InvestigationStatus,
                                                           ExplainAnomaly};
} // namespace VoiceTool

// audio_chunk / audio_response: base64 PCM16.
struct AudioPayload
{
    QString audio;
};
void to_json(Json& out, const AudioPayload& value);
// audio: a string of base64 characters (the content is decoded by the voice layer).
void from_json(const Json& in, AudioPayload& value);

struct SessionStartPayload
{
    QString sessionId;
};
void to_json(Json& out, const SessionStartPayload& value);
void from_json(const Json& in, SessionStartPayload& value);

struct TranscriptionPayload
{
    QString text;
};
void to_json(Json& out, const TranscriptionPayload& value);
void from_json(const Json& in, TranscriptionPayload& value);

struct IntentPayload
{
    QString intent;
    double confidence = 0.0; // 0..1
};
void to_json(Json& out, const IntentPayload& value);
void from_json(const Json& in, IntentPayload& value);

struct ToolCallPayload
{
    QString tool;
    Json parameters = Json::object();
};
void to_json(Json& out, const ToolCallPayload& value);
void from_json(const Json& in, ToolCallPayload& value);

struct VoiceAgentResponsePayload
{
    QString agentId;
    QString agentName;
    QString text;
};
void to_json(Json& out, const VoiceAgentResponsePayload& value);
void from_json(const Json& in, VoiceAgentResponsePayload& value);

// Voice errors use {error, message}, unlike the chat socket's {code, message, details}.
struct VoiceErrorPayload
{
    QString error;
    QString message;
};
void to_json(Json& out, const VoiceErrorPayload& value);
void from_json(const Json& in, VoiceErrorPayload& value);

// GET / of the voice service (seed shape).
struct VoiceServiceInfo
{
    QString message;
    QString version;
    QString websocketEndpoint;
    QString note;
    Json endpoints = Json::object(); // {health, websocket, test_page, ...}: "listing every endpoint"
};
void to_json(Json& out, const VoiceServiceInfo& value);
void from_json(const Json& in, VoiceServiceInfo& value);

} // namespace cidadao::protocol
