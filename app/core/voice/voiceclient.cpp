// SPDX-License-Identifier: GPL-3.0-or-later
#include "voiceclient.h"

#include <QUrlQuery>

namespace cidadao::client {

using protocol::Json;

namespace {
constexpr qsizetype kChunkBytes = 4096;
}

VoiceClient::VoiceClient(QObject* parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] { setState(State::Open); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_sessionId.clear();
        m_replying = false;
        setState(State::Closed);
        Q_EMIT closed(int(m_socket.closeCode()), m_socket.closeReason());
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &VoiceClient::onText);
}

VoiceClient::~VoiceClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl VoiceClient::voiceUrl(const QUrl& baseUrl, const QString& token, const QString& language)
{
    QUrl url = baseUrl;
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    url.setPath(QStringLiteral("/ws/voice-chat"));
    QUrlQuery query;
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("token"), token);
    if (!language.isEmpty())
        query.addQueryItem(QStringLiteral("language"), language);
    url.setQuery(query);
    return url;
}

void VoiceClient::open(const QUrl& baseUrl, const QString& token, const QString& language)
{
    m_socket.abort();
    setState(State::Connecting);
    m_socket.open(voiceUrl(baseUrl, token, language));
}

void VoiceClient::close()
{
    m_socket.close();
}

void VoiceClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void VoiceClient::send(const char* type, const Json& data)
{
    if (m_sessionId.isEmpty())
        return; // the seed: always wait for session_start
    Json message{{"type", type}, {"session_id", m_sessionId}};
    if (!data.is_null())
        message["data"] = data;
    m_socket.sendTextMessage(QString::fromUtf8(protocol::toBytes(message)));
}

void VoiceClient::startSpeaking()
{
    m_pending.clear();
    send("start_speaking");
}

void VoiceClient::sendAudio(const QByteArray& pcm)
{
    m_pending.append(pcm);
    while (m_pending.size() >= kChunkBytes) {
        send("audio_chunk", Json{{"audio", QString::fromLatin1(m_pending.left(kChunkBytes).toBase64())}});
        m_pending.remove(0, kChunkBytes);
    }
}

void VoiceClient::stopSpeaking()
{
    const qsizetype whole = m_pending.size() - m_pending.size() % 2;
    if (whole > 0)
        send("audio_chunk", Json{{"audio", QString::fromLatin1(m_pending.left(whole).toBase64())}});
    m_pending.clear();
    send("stop_speaking");
}

void VoiceClient::bargeIn()
{
    m_dropping = true;
    m_replying = false;
    send("barge_in");
}

void VoiceClient::onText(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    const Json message = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (message.is_discarded() || !message.is_object())
        return;
    const std::string type = message.value("type", std::string());
    const Json data = message.value("data", Json::object());
    auto text_ = [&data](const char* key) { return QString::fromStdString(data.value(key, std::string())); };
    if (type == "session_start") {
        m_sessionId = text_("session_id");
        m_capabilities = data.value("voice", Json::object());
        Q_EMIT sessionStarted(m_sessionId);
    } else if (type == "transcription") {
        m_dropping = false; // a new turn
        Q_EMIT transcription(text_("text"));
    } else if (m_dropping && (type == "audio_response" || type == "audio_end" || type == "intent"
                              || type == "tool_call" || type == "agent_response")) {
        return; // the rest of the interrupted turn
    } else if (type == "intent") {
        Q_EMIT intent(text_("intent"), data.value("confidence", 0.0));
    } else if (type == "tool_call") {
        Q_EMIT toolCall(text_("tool"), protocol::toBytes(data.value("parameters", Json::object())));
    } else if (type == "agent_response") {
        Q_EMIT agentResponse(text_("agent_id"), text_("agent_name"), text_("text"));
    } else if (type == "audio_response") {
        m_replying = true;
        Q_EMIT audio(QByteArray::fromBase64(text_("audio").toLatin1()));
    } else if (type == "audio_end") {
        m_replying = false;
        Q_EMIT audioEnded();
    } else if (type == "error") {
        Q_EMIT serverError(text_("error"), text_("message"));
    }
}

} // namespace cidadao::client
