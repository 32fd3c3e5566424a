// SPDX-License-Identifier: GPL-3.0-or-later
// Push-to-talk voice for the app: the push-to-talk state drives the microphone and the voice
// socket; replies are played as they arrive. Pressing while the bot speaks is a barge-in: playback
// stops at once, the server is told, and the rest of that turn is dropped. Views show what this
// reports (level, talking, what was said and answered, why voice is unavailable).
#pragma once

#include "audiodevices.h"
#include "pushtotalk.h"
#include "voiceclient.h"

#include <QObject>

namespace cidadao::client {

class VoiceSession : public QObject
{
    Q_OBJECT
public:
    explicit VoiceSession(QObject* parent = nullptr);

    PushToTalk& pushToTalk() { return m_ptt; }
    VoiceClient& client() { return m_client; }
    AudioCapture& capture() { return m_capture; }
    AudioPlayback& playback() { return m_playback; }

    // Re-reads the device list; voice is available only with an input and an output.
    void refreshDevices();
    const AudioDeviceList& devices() const { return m_devices; }
    void setInputDevice(const QAudioDevice& device) { m_capture.setDevice(device); }
    void setOutputDevice(const QAudioDevice& device) { m_playback.setDevice(device); }
    bool isAvailable() const { return m_unavailable.isEmpty(); }
    QString unavailableReason() const { return m_unavailable; }

    void connectTo(const QUrl& baseUrl, const QString& token, const QString& language = QStringLiteral("en-US"));
    // The language recognition listens in on this connection.
    QString language() const { return m_language; }
    // The user's language (the UI's): when it is Portuguese but recognition is not, the UI says why.
    void setPreferredLanguage(const QString& language);
    QString preferredLanguage() const { return m_preferred; }
    bool portugueseWanted() const { return m_preferred.startsWith(QLatin1String("pt"), Qt::CaseInsensitive); }
    // What to ask the server for: Portuguese for a Portuguese user when the server recognises it
    // (features "voice-stt-offline:pt-BR" or "voice-stt-remote" of /api/v1/info), else English,
    // the one language Debian ships an offline model for.
    static QString recognitionLanguage(const QString& uiLanguage, const QStringList& serverFeatures);
    // From session_start: false when no Portuguese model recognises offline (the UI says so).
    bool portugueseOffline() const;
    QStringList offlineLanguages() const;

    int turnsInterrupted() const { return m_interrupted; }

Q_SIGNALS:
    void availabilityChanged(bool available, const QString& reason);
    void talkingChanged(bool talking);
    void level(double rms);
    void userSaid(const QString& text);
    void agentSaid(const QString& agentName, const QString& text);
    void toolCalled(const QString& tool, const QByteArray& parametersJson);
    void botSpeakingChanged(bool speaking);
    void problem(const QString& code, const QString& message);
    void ready();
    void languageChanged();

private:
    void onTalking(bool talking);

    AudioDeviceList m_devices;
    QString m_unavailable;
    PushToTalk m_ptt;
    VoiceClient m_client;
    AudioCapture m_capture;
    AudioPlayback m_playback;
    int m_interrupted = 0;
    bool m_streaming = false; // between start_speaking and stop_speaking
    QString m_language = QStringLiteral("en-US");
    QString m_preferred;
};

} // namespace cidadao::client
