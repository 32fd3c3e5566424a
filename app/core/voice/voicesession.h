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
};

} // namespace cidadao::client
