// SPDX-License-Identifier: GPL-3.0-or-later
// Capture and playback in the voice wire format (16 kHz mono PCM16) through Qt Multimedia, which
// on Debian goes through PulseAudio. Capture reports an input level for the meter; playback stops
// at once on barge-in (QAudioSink::reset drops what is queued).
#pragma once

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <memory>

class QAudioSink;
class QAudioSource;
class QIODevice;

namespace cidadao::client {

QAudioFormat voiceFormat();

// Devices a user can choose, and why voice cannot work when there is none.
struct AudioDeviceList
{
    QList<QAudioDevice> inputs;
    QList<QAudioDevice> outputs;
    static AudioDeviceList current();
    // Empty when push-to-talk can work; otherwise a sentence for the user.
    QString unavailableReason() const;
};

class AudioCapture : public QObject
{
    Q_OBJECT
public:
    explicit AudioCapture(QObject* parent = nullptr);
    ~AudioCapture() override;

    void setDevice(const QAudioDevice& device) { m_device = device; }
    QAudioDevice device() const { return m_device; }
    bool start(); // false with errorString()
    void stop();  // emits the last buffered PCM first
    bool isActive() const { return m_input != nullptr; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void pcm(const QByteArray& pcm);
    void level(double rms); // 0..1 of full scale, per read

private:
    void read();

    QAudioDevice m_device;
    std::unique_ptr<QAudioSource> m_source;
    QPointer<QIODevice> m_input;
    QString m_error;
};

class AudioPlayback : public QObject
{
    Q_OBJECT
public:
    explicit AudioPlayback(QObject* parent = nullptr);
    ~AudioPlayback() override;

    void setDevice(const QAudioDevice& device) { m_device = device; }
    QAudioDevice device() const { return m_device; }
    void play(const QByteArray& pcm); // queued after what is playing
    void stop();                      // silent at once, queue dropped
    bool isPlaying() const;
    qint64 bytesPlayed() const { return m_written; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void playingChanged(bool playing);

private:
    void pump();

    QAudioDevice m_device;
    std::unique_ptr<QAudioSink> m_sink;
    QPointer<QIODevice> m_output;
    QByteArray m_queue;
    qint64 m_written = 0;
    QString m_error;
    bool m_playing = false;
};

} // namespace cidadao::client
