// SPDX-License-Identifier: GPL-3.0-or-later
#include "voicesocket.h"

#include "voiceservice.h"

#include "protocol/voice.h"
#include "protocol/wsenvelopes.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVoice, "cidadao.voice")

namespace cidadao::voice {

using protocol::Json;
namespace Type = protocol::VoiceType;
namespace Error = protocol::VoiceError;
namespace Audio = protocol::VoiceAudio;

namespace {
// Server-side barge-in: this much speech in the chunks a client streams while the bot talks.
constexpr int kBargeInSpeechFrames = 5; // 100 ms
}

VoiceSocket::VoiceSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, VoiceService& service,
                         http::Principal principal, QString language)
    : WebSocketConnection(std::move(socket), messageLimit)
    , m_service(service)
    , m_principal(std::move(principal))
    , m_language(std::move(language))
    , m_sessionId(protocol::newUuid())
    , m_bargeInVad(service.config().vad)
{
    m_pacer.setTimerType(Qt::PreciseTimer);
    connect(&m_pacer, &QTimer::timeout, this, &VoiceSocket::sendNextAudio);
    Json data;
    protocol::to_json(data, protocol::SessionStartPayload{m_sessionId});
    // Extensions a seed client ignores: what this session can do.
    data["language"] = m_language;
    data["sample_rate"] = Audio::SampleRate;
    data["max_chunks"] = m_service.config().maxChunks;
    data["voice"] = m_service.describe();
    send(Type::SessionStart, data);
}

VoiceSocket::~VoiceSocket()
{
    if (m_turn)
        m_turn->cancel->store(true);
}

void VoiceSocket::send(const char* type, const Json& data)
{
    Json out;
    protocol::to_json(out, protocol::VoiceEnvelope::make(QLatin1String(type), m_sessionId, data,
                                                         QDateTime::currentDateTimeUtc()));
    sendJson(out);
}

void VoiceSocket::sendError(const char* code, const QString& message)
{
    Json data;
    protocol::to_json(data, protocol::VoiceErrorPayload{QLatin1String(code), message});
    send(Type::Error, data);
}

void VoiceSocket::onMessageTooLarge(qint64 size)
{
    sendError(Error::WebsocketError,
              QStringLiteral("message of %1 bytes is over the 1 MiB limit; closing").arg(size));
    closeTooLarge();
}

void VoiceSocket::onMessage(const QByteArray& utf8)
{
    const Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        // Not a JSON object: the frame itself is unusable.
        sendError(Error::WebsocketError, QStringLiteral("each message must be one JSON object"));
        return;
    }
    protocol::VoiceEnvelope envelope;
    try {
        protocol::from_json(parsed, envelope);
    } catch (const protocol::ValidationFailure& failure) {
        sendError(Error::MessageProcessingError, QString::fromUtf8(failure.what()));
        return;
    }
    // A client-sent session_id that differs is ignored (spec §8): the server's id is the session.
    const QString& type = envelope.type;
    if (type == QLatin1String(Type::AudioChunk)) {
        onAudioChunk(envelope.data.value_or(Json::object()));
    } else if (type == QLatin1String(Type::StartSpeaking)) {
        if (m_turn)
            cancelTurn("start_speaking");
        startUtterance();
    } else if (type == QLatin1String(Type::StopSpeaking)) {
        finishUtterance();
    } else if (type == QLatin1String(Type::BargeIn)) {
        cancelTurn("barge_in");
        m_chunks.clear();
        m_overflowReported = false;
        m_userSpeaking = false;
    } else {
        sendError(Error::MessageProcessingError,
                  QStringLiteral("unknown message type \"%1\"; expected audio_chunk, start_speaking, stop_speaking "
                                 "or barge_in")
                      .arg(type));
    }
}

void VoiceSocket::startUtterance()
{
    m_chunks.clear();
    m_overflowReported = false;
    m_userSpeaking = true;
    m_bargeInVad.reset();
}

void VoiceSocket::onAudioChunk(const Json& data)
{
    protocol::AudioPayload payload;
    try {
        protocol::from_json(data, payload);
    } catch (const protocol::ValidationFailure& failure) {
        sendError(Error::AudioProcessingError, QString::fromUtf8(failure.what()));
        return;
    }
    const auto decoded = QByteArray::fromBase64Encoding(payload.audio.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        sendError(Error::AudioProcessingError, QStringLiteral("data.audio is not valid base64"));
        return;
    }
    const QByteArray& pcm = *decoded;
    if (pcm.isEmpty() || pcm.size() % Audio::BytesPerSample != 0) {
        sendError(Error::AudioProcessingError,
                  QStringLiteral("data.audio must hold whole 16-bit samples (got %1 bytes)").arg(pcm.size()));
        return;
    }
    if (!m_userSpeaking) {
        // Chunks without start_speaking (the seed's own example) open an utterance implicitly.
        startUtterance();
    }
    if (m_turn) {
        // The user talks over the bot without pressing anything: barge in when the VAD hears speech.
        m_bargeInVad.feed(samplesFromBytes(pcm));
        if (m_bargeInVad.speechFrames() >= kBargeInSpeechFrames)
            cancelTurn("speech during the reply");
    }
    if (m_chunks.size() >= m_service.config().maxChunks) {
        if (!m_overflowReported) {
            m_overflowReported = true;
            sendError(Error::BufferOverflow,
                      QStringLiteral("an utterance holds at most %1 chunks; further audio is dropped until "
                                     "stop_speaking")
                          .arg(m_service.config().maxChunks));
        }
        return;
    }
    m_chunks.append(pcm);
}

void VoiceSocket::finishUtterance()
{
    m_userSpeaking = false;
    if (m_chunks.isEmpty()) {
        sendError(Error::AudioProcessingError, QStringLiteral("stop_speaking without any audio_chunk"));
        return;
    }
    QByteArray all;
    for (const QByteArray& chunk : std::as_const(m_chunks))
        all.append(chunk);
    m_chunks.clear();
    m_overflowReported = false;
    if (m_turn)
        cancelTurn("a new utterance");
    startTurn(samplesFromBytes(all));
}

void VoiceSocket::startTurn(Samples pcm)
{
    Turn turn;
    turn.id = m_nextTurnId++;
    turn.cancel = std::make_shared<std::atomic_bool>(false);
    m_turn = turn;
    m_bargeInVad.reset();

    TurnInput input{std::move(pcm), m_language, m_principal, m_investigationId};
    const quint64 id = turn.id;
    QPointer<VoiceSocket> self(this);
    TurnOutput output;
    // Called on the worker: hop to this object's thread, where deliver() checks the turn is current.
    output.message = [self, id](const char* type, const Json& data) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, id, type, data] { if (self) self->deliver(id, type, data); },
                                      Qt::QueuedConnection);
    };
    output.speech = [self, id](Samples audio) {
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [self, id, audio = std::move(audio)]() mutable { if (self) self->deliverSpeech(id, std::move(audio)); },
                Qt::QueuedConnection);
    };
    output.investigation = [self](const QString& investigationId) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, investigationId] { if (self) self->m_investigationId = investigationId; },
                                      Qt::QueuedConnection);
    };
    m_service.run(std::move(input), std::move(output), turn.cancel);
}

void VoiceSocket::deliver(quint64 turnId, const char* type, const Json& data)
{
    if (!m_turn || m_turn->id != turnId || m_turn->cancel->load())
        return; // a cancelled turn: nothing of it goes out any more
    send(type, data);
    if (qstrcmp(type, Type::Error) == 0)
        m_turn.reset(); // the turn ended there
}

void VoiceSocket::deliverSpeech(quint64 turnId, Samples audio)
{
    if (!m_turn || m_turn->id != turnId || m_turn->cancel->load())
        return;
    const QByteArray pcm = bytesFromSamples(audio);
    m_outgoing.clear();
    for (qsizetype offset = 0; offset < pcm.size(); offset += Audio::ChunkBytes)
        m_outgoing.append(pcm.mid(offset, Audio::ChunkBytes));
    m_turn->speaking = true;
    const double chunkMs = 1000.0 * Audio::ChunkBytes / (Audio::SampleRate * Audio::BytesPerSample);
    m_pacer.setInterval(int(chunkMs / m_service.config().paceFactor));
    sendNextAudio();
    m_pacer.start();
}

void VoiceSocket::sendNextAudio()
{
    if (!m_turn) {
        m_pacer.stop();
        return;
    }
    if (m_outgoing.isEmpty()) {
        m_pacer.stop();
        send(Type::AudioEnd, Json::object());
        m_turn.reset();
        return;
    }
    Json data;
    protocol::to_json(data, protocol::AudioPayload{QString::fromLatin1(m_outgoing.takeFirst().toBase64())});
    send(Type::AudioResponse, data);
}

void VoiceSocket::cancelTurn(const char* reason)
{
    m_pacer.stop();
    m_outgoing.clear();
    if (!m_turn)
        return;
    m_turn->cancel->store(true);
    qCDebug(lcVoice) << "session" << m_sessionId << "turn" << m_turn->id << "cancelled:" << reason;
    m_turn.reset();
}

} // namespace cidadao::voice
