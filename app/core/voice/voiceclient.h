// SPDX-License-Identifier: GPL-3.0-or-later
// The client side of /ws/voice-chat (spec/API.md §8): opens the session, sends the microphone's
// PCM as audio_chunk pieces between start_speaking and stop_speaking, and turns the server's
// messages into signals. After bargeIn() the rest of the interrupted turn is dropped here too, so
// that frames already on the wire never reach the speaker.
#pragma once

#include "protocol/jsonqt.h"

#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace cidadao::client {

class VoiceClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Connecting, Open };
    Q_ENUM(State)

    explicit VoiceClient(QObject* parent = nullptr);
    ~VoiceClient() override;

    // baseUrl: the server's ws:// or http:// base; token may be empty (anonymous servers).
    void open(const QUrl& baseUrl, const QString& token, const QString& language = QStringLiteral("en-US"));
    void close();
    State state() const { return m_state; }
    QString sessionId() const { return m_sessionId; }
    // session_start's "voice" member: what recognition works offline, synthesis languages.
    const protocol::Json& capabilities() const { return m_capabilities; }
    bool isReplying() const { return m_replying; }

    void startSpeaking();
    void sendAudio(const QByteArray& pcm); // any size: cut into 4096-byte chunks
    void stopSpeaking();
    void bargeIn();

    static QUrl voiceUrl(const QUrl& baseUrl, const QString& token, const QString& language);

Q_SIGNALS:
    void stateChanged(cidadao::client::VoiceClient::State state);
    void sessionStarted(const QString& sessionId);
    void transcription(const QString& text);
    void intent(const QString& intent, double confidence);
    void toolCall(const QString& tool, const QByteArray& parametersJson);
    void agentResponse(const QString& agentId, const QString& agentName, const QString& text);
    void audio(const QByteArray& pcm); // 16 kHz mono PCM16
    void audioEnded();
    void serverError(const QString& code, const QString& message);
    void closed(int code, const QString& reason);

private:
    void onText(const QString& text);
    void send(const char* type, const protocol::Json& data = protocol::Json());
    void setState(State state);

    QWebSocket m_socket;
    State m_state = State::Closed;
    QString m_sessionId;
    protocol::Json m_capabilities = protocol::Json::object();
    QByteArray m_pending; // audio not yet a whole chunk
    bool m_replying = false;
    bool m_dropping = false; // after bargeIn: until the next turn starts
};

} // namespace cidadao::client
