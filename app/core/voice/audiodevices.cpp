// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiodevices.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QCoreApplication>
#include <QMediaDevices>
#include <QTimer>

#include <cmath>

namespace cidadao::client {

QAudioFormat voiceFormat()
{
    QAudioFormat format;
    format.setSampleRate(16000);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

AudioDeviceList AudioDeviceList::current()
{
    return {QMediaDevices::audioInputs(), QMediaDevices::audioOutputs()};
}

QString AudioDeviceList::unavailableReason() const
{
    if (inputs.isEmpty() && outputs.isEmpty())
        return QCoreApplication::translate("cidadao::client::AudioDeviceList",
                                           "No audio device was found (is PulseAudio running?).");
    if (inputs.isEmpty())
        return QCoreApplication::translate("cidadao::client::AudioDeviceList", "No microphone was found.");
    if (outputs.isEmpty())
        return QCoreApplication::translate("cidadao::client::AudioDeviceList", "No speaker or headphones were found.");
    return {};
}

AudioCapture::AudioCapture(QObject* parent)
    : QObject(parent)
    , m_device(QMediaDevices::defaultAudioInput())
{
}

AudioCapture::~AudioCapture()
{
    if (m_source)
        m_source->stop();
}

bool AudioCapture::start()
{
    stop();
    if (m_device.isNull()) {
        m_error = tr("No microphone was found.");
        return false;
    }
    m_source = std::make_unique<QAudioSource>(m_device, voiceFormat());
    // 20 ms reads keep the level meter lively and the chunks steady.
    m_source->setBufferSize(16000 * 2 / 50 * 4);
    m_input = m_source->start();
    if (!m_input) {
        m_error = tr("The microphone could not be opened.");
        m_source.reset();
        return false;
    }
    connect(m_input, &QIODevice::readyRead, this, &AudioCapture::read);
    return true;
}

void AudioCapture::read()
{
    if (!m_input)
        return;
    const QByteArray data = m_input->readAll();
    if (data.isEmpty())
        return;
    const auto* samples = reinterpret_cast<const qint16*>(data.constData());
    const qsizetype count = data.size() / 2;
    double sum = 0.0;
    for (qsizetype i = 0; i < count; ++i)
        sum += double(samples[i]) * samples[i];
    Q_EMIT level(count > 0 ? std::sqrt(sum / double(count)) / 32768.0 : 0.0);
    Q_EMIT pcm(data);
}

void AudioCapture::stop()
{
    if (!m_source)
        return;
    read();
    if (m_input)
        m_input->disconnect(this);
    m_source->stop();
    m_input = nullptr;
    m_source.reset();
    Q_EMIT level(0.0);
}

AudioPlayback::AudioPlayback(QObject* parent)
    : QObject(parent)
    , m_device(QMediaDevices::defaultAudioOutput())
{
}

AudioPlayback::~AudioPlayback()
{
    if (m_sink)
        m_sink->stop();
}

bool AudioPlayback::isPlaying() const
{
    return m_playing;
}

void AudioPlayback::play(const QByteArray& pcm)
{
    if (m_device.isNull()) {
        m_error = tr("No speaker or headphones were found.");
        return;
    }
    if (!m_sink) {
        m_sink = std::make_unique<QAudioSink>(m_device, voiceFormat());
        m_sink->setBufferSize(16000 * 2 / 5); // 200 ms: small, so that stop() is heard at once
        connect(m_sink.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
            if (state == QAudio::IdleState && m_queue.isEmpty() && m_playing) {
                m_playing = false;
                Q_EMIT playingChanged(false);
            }
        });
        m_output = m_sink->start();
        if (!m_output) {
            m_error = tr("The speaker could not be opened.");
            m_sink.reset();
            return;
        }
        auto* timer = new QTimer(m_sink.get());
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, &AudioPlayback::pump);
        timer->start();
    }
    m_queue.append(pcm);
    if (!m_playing) {
        m_playing = true;
        Q_EMIT playingChanged(true);
    }
    pump();
}

void AudioPlayback::pump()
{
    if (!m_sink || !m_output || m_queue.isEmpty())
        return;
    const qsizetype room = qMin<qsizetype>(m_sink->bytesFree(), m_queue.size());
    const qsizetype even = room - room % 2;
    if (even <= 0)
        return;
    const qint64 written = m_output->write(m_queue.constData(), even);
    if (written > 0) {
        m_queue.remove(0, written);
        m_written += written;
    }
}

void AudioPlayback::stop()
{
    m_queue.clear();
    if (m_sink) {
        m_sink->reset(); // drops what the device still holds
        m_sink.reset();
        m_output = nullptr;
    }
    if (m_playing) {
        m_playing = false;
        Q_EMIT playingChanged(false);
    }
}

} // namespace cidadao::client
