// SPDX-License-Identifier: GPL-3.0-or-later
#include "voicesession.h"

#include <algorithm>

namespace cidadao::client {

VoiceSession::VoiceSession(QObject* parent)
    : QObject(parent)
{
    refreshDevices();
    connect(&m_ptt, &PushToTalk::talkingChanged, this, &VoiceSession::onTalking);
    connect(&m_capture, &AudioCapture::pcm, this, [this](const QByteArray& pcm) {
        if (m_streaming)
            m_client.sendAudio(pcm);
    });
    connect(&m_capture, &AudioCapture::level, this, &VoiceSession::level);
    connect(&m_client, &VoiceClient::audio, this, [this](const QByteArray& pcm) { m_playback.play(pcm); });
    connect(&m_client, &VoiceClient::transcription, this, &VoiceSession::userSaid);
    connect(&m_client, &VoiceClient::agentResponse, this,
            [this](const QString&, const QString& name, const QString& text) { Q_EMIT agentSaid(name, text); });
    connect(&m_client, &VoiceClient::toolCall, this, &VoiceSession::toolCalled);
    connect(&m_client, &VoiceClient::serverError, this, &VoiceSession::problem);
    connect(&m_client, &VoiceClient::sessionStarted, this, &VoiceSession::ready);
    connect(&m_playback, &AudioPlayback::playingChanged, this, &VoiceSession::botSpeakingChanged);
}

void VoiceSession::refreshDevices()
{
    m_devices = AudioDeviceList::current();
    const QString reason = m_devices.unavailableReason();
    if (reason == m_unavailable)
        return;
    m_unavailable = reason;
    if (!m_unavailable.isEmpty())
        m_ptt.reset();
    Q_EMIT availabilityChanged(m_unavailable.isEmpty(), m_unavailable);
}

void VoiceSession::connectTo(const QUrl& baseUrl, const QString& token, const QString& language)
{
    m_language = language;
    m_client.open(baseUrl, token, language);
    Q_EMIT languageChanged();
}

void VoiceSession::setPreferredLanguage(const QString& language)
{
    if (language == m_preferred)
        return;
    m_preferred = language;
    Q_EMIT languageChanged();
}

QString VoiceSession::recognitionLanguage(const QString& uiLanguage, const QStringList& serverFeatures)
{
    if (!uiLanguage.startsWith(QLatin1String("pt"), Qt::CaseInsensitive))
        return QStringLiteral("en-US");
    const bool portuguese = std::any_of(serverFeatures.begin(), serverFeatures.end(), [](const QString& feature) {
        return feature.startsWith(QLatin1String("voice-stt-offline:pt"), Qt::CaseInsensitive)
               || feature == QLatin1String("voice-stt-remote");
    });
    return portuguese ? QStringLiteral("pt-BR") : QStringLiteral("en-US");
}

QStringList VoiceSession::offlineLanguages() const
{
    const protocol::Json& caps = m_client.capabilities();
    if (!caps.contains("stt"))
        return {};
    return caps["stt"].value("offline_languages", QStringList());
}

bool VoiceSession::portugueseOffline() const
{
    const protocol::Json& caps = m_client.capabilities();
    return caps.contains("stt") && caps["stt"].value("portuguese_offline", false);
}

void VoiceSession::onTalking(bool talking)
{
    if (talking) {
        if (!isAvailable()) {
            m_ptt.reset();
            return;
        }
        if (m_playback.isPlaying() || m_client.isReplying()) {
            // Barge-in: silence first, so that the user hears the stop at the press.
            m_playback.stop();
            m_client.bargeIn();
            ++m_interrupted;
        }
        m_client.startSpeaking();
        m_streaming = true;
        if (!m_capture.start()) {
            m_streaming = false;
            Q_EMIT problem(QStringLiteral("audio_device"), m_capture.errorString());
            m_ptt.reset();
            return;
        }
    } else {
        m_capture.stop(); // flushes the last PCM through pcm() while still streaming
        m_streaming = false;
        m_client.stopSpeaking();
    }
    Q_EMIT talkingChanged(talking);
}

} // namespace cidadao::client
