// SPDX-License-Identifier: GPL-3.0-or-later
// One client of /ws/voice-chat (spec/API.md §8, the voice seed). The receive loop only moves
// bytes and flags: recognition, understanding and synthesis run on the service's worker pool with
// a cancel flag per turn, so barge_in (or start_speaking, or speech heard while the bot talks)
// cancels the turn at once and nothing of it is sent afterwards. Recognition starts with the first
// audio_chunk (LiveTurn), so stop_speaking leaves only the tail to decode. Reply audio arrives
// here piece by piece while the rest of the answer is synthesised, and is paced from here, no
// faster than 4× real time, so that a cancel also stops what was already synthesised.
#pragma once

#include "energyvad.h"
#include "liveturn.h"
#include "voiceturn.h"

#include "http/websocketconnection.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>

#include <memory>
#include <optional>

namespace cidadao::voice {

class VoiceService;

class VoiceSocket : public http::WebSocketConnection
{
    Q_OBJECT
public:
    VoiceSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, VoiceService& service,
                http::Principal principal, QString language);
    ~VoiceSocket() override;

    const QString& sessionId() const { return m_sessionId; }
    // Cancels the running turn (server shutdown, barge-in).
    void cancelTurn(const char* reason);

protected:
    void onMessage(const QByteArray& utf8) override;
    void onMessageTooLarge(qint64 size) override;

private:
    // The turn being answered.
    struct Turn
    {
        quint64 id = 0;
        std::shared_ptr<std::atomic_bool> cancel;
        bool speechDone = false; // the whole answer has been synthesised
    };
    // The utterance being recorded; its recognition runs already.
    struct Utterance
    {
        quint64 id = 0;
        std::shared_ptr<LiveTurn> turn;
        int chunks = 0;
    };

    void send(const char* type, const protocol::Json& data);
    void sendError(const char* code, const QString& message);
    void onAudioChunk(const protocol::Json& data);
    void startUtterance();
    void dropUtterance();
    void finishUtterance();
    void deliver(quint64 turnId, const char* type, const protocol::Json& data);
    void deliverSpeech(quint64 turnId, const Samples& piece);
    void deliverSpeechDone(quint64 turnId);
    void sendNextAudio();

    VoiceService& m_service;
    http::Principal m_principal;
    QString m_language;
    QString m_sessionId;
    std::optional<Utterance> m_utterance;
    bool m_overflowReported = false;
    bool m_userSpeaking = false;
    EnergyVad m_bargeInVad;
    std::optional<Turn> m_turn;
    quint64 m_nextTurnId = 1;
    QByteArray m_outgoing; // PCM of the answer not yet sent
    QTimer m_pacer;
    std::optional<QString> m_investigationId;
};

} // namespace cidadao::voice
