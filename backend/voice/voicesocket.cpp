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
    dropUtterance();
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
        dropUtterance(); // "limpa buffer de áudio"
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
    dropUtterance();
    m_overflowReported = false;
    m_userSpeaking = true;
    m_bargeInVad.reset();

    Utterance utterance;
    utterance.id = m_nextTurnId++;
    const quint64 id = utterance.id;
    QPointer<VoiceSocket> self(this);
    TurnOutput output;
    // Called on a worker: hop to this object's thread, where deliver*() check the turn is current.
    output.message = [self, id](const char* type, const Json& data) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, id, type, data] { if (self) self->deliver(id, type, data); },
                                      Qt::QueuedConnection);
    };
    output.speech = [self, id](Samples piece) {
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [self, id, piece = std::move(piece)] { if (self) self->deliverSpeech(id, piece); },
                Qt::QueuedConnection);
    };
    output.speechDone = [self, id] {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, id] { if (self) self->deliverSpeechDone(id); },
                                      Qt::QueuedConnection);
    };
    output.investigation = [self](const QString& investigationId) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, investigationId] { if (self) self->m_investigationId = investigationId; },
                                      Qt::QueuedConnection);
    };
    TurnInput input{{}, m_language, m_principal, m_investigationId};
    utterance.turn = m_service.openTurn(std::move(input), std::move(output), std::make_shared<std::atomic_bool>(false));
    m_utterance = std::move(utterance);
}

void VoiceSocket::dropUtterance()
{
    if (m_utterance)
        m_utterance->turn->cancel();
    m_utterance.reset();
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
    if (!m_userSpeaking || !m_utterance) {
        // Chunks without start_speaking (the seed's own example) open an utterance implicitly.
        startUtterance();
    }
    Samples samples = samplesFromBytes(pcm);
    if (m_turn) {
        // The user talks over the bot without pressing anything: barge in when the VAD hears speech.
        m_bargeInVad.feed(samples);
        if (m_bargeInVad.speechFrames() >= kBargeInSpeechFrames)
            cancelTurn("speech during the reply");
    }
    if (m_utterance->chunks >= m_service.config().maxChunks) {
        if (!m_overflowReported) {
            m_overflowReported = true;
            sendError(Error::BufferOverflow,
                      QStringLiteral("an utterance holds at most %1 chunks; further audio is dropped until "
                                     "stop_speaking")
                          .arg(m_service.config().maxChunks));
        }
        return;
    }
    ++m_utterance->chunks;
    m_utterance->turn->feed(std::move(samples)); // recognition starts now, on the pool
}

void VoiceSocket::finishUtterance()
{
    m_userSpeaking = false;
    m_overflowReported = false;
    if (!m_utterance || m_utterance->chunks == 0) {
        dropUtterance();
        sendError(Error::AudioProcessingError, QStringLiteral("stop_speaking without any audio_chunk"));
        return;
    }
    if (m_turn)
        cancelTurn("a new utterance");
    Turn turn;
    turn.id = m_utterance->id;
    turn.cancel = m_utterance->turn->cancelFlag();
    m_turn = turn;
    m_bargeInVad.reset();
    m_outgoing.clear();
    m_utterance->turn->finish();
    m_utterance.reset(); // the pool's task keeps the turn alive until it is done
}

void VoiceSocket::deliver(quint64 turnId, const char* type, const Json& data)
{
    if (!m_turn || m_turn->id != turnId || m_turn->cancel->load())
        return; // a cancelled turn: nothing of it goes out any more
    send(type, data);
    if (qstrcmp(type, Type::Error) == 0) {
        m_pacer.stop();
        m_outgoing.clear();
        m_turn.reset(); // the turn ended there
    }
}

void VoiceSocket::deliverSpeech(quint64 turnId, const Samples& piece)
{
    if (!m_turn || m_turn->id != turnId || m_turn->cancel->load())
        return;
    m_outgoing.append(bytesFromSamples(piece));
    if (!m_pacer.isActive()) {
        // The first frame goes out now; the pacer keeps the rest at most 4× faster than real time.
        const double chunkMs = 1000.0 * Audio::ChunkBytes / (Audio::SampleRate * Audio::BytesPerSample);
        m_pacer.setInterval(int(chunkMs / m_service.config().paceFactor));
        sendNextAudio();
        m_pacer.start();
    }
}

void VoiceSocket::deliverSpeechDone(quint64 turnId)
{
    if (!m_turn || m_turn->id != turnId || m_turn->cancel->load())
        return;
    m_turn->speechDone = true;
    if (!m_pacer.isActive())
        sendNextAudio(); // nothing was spoken (an empty answer): audio_end at once
}

void VoiceSocket::sendNextAudio()
{
    if (!m_turn) {
        m_pacer.stop();
        m_outgoing.clear();
        return;
    }
    if (m_outgoing.size() >= Audio::ChunkBytes || (m_turn->speechDone && !m_outgoing.isEmpty())) {
        Json data;
        protocol::to_json(data, protocol::AudioPayload{QString::fromLatin1(m_outgoing.first(qMin<qsizetype>(
                                                                               Audio::ChunkBytes, m_outgoing.size()))
                                                                               .toBase64())});
        m_outgoing.remove(0, qMin<qsizetype>(Audio::ChunkBytes, m_outgoing.size()));
        send(Type::AudioResponse, data);
        return;
    }
    if (m_turn->speechDone) {
        m_pacer.stop();
        send(Type::AudioEnd, Json::object());
        m_turn.reset();
    }
    // Otherwise the next piece is still being synthesised: the pacer keeps ticking until it comes.
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
