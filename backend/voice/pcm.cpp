// SPDX-License-Identifier: GPL-3.0-or-later
#include "pcm.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

namespace cidadao::voice {

Samples samplesFromBytes(const QByteArray& bytes)
{
    Samples samples(std::size_t(bytes.size() / 2));
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = qFromLittleEndian<qint16>(data + 2 * i);
    return samples;
}

QByteArray bytesFromSamples(std::span<const std::int16_t> samples)
{
    QByteArray bytes(qsizetype(samples.size() * 2), Qt::Uninitialized);
    auto* data = reinterpret_cast<uchar*>(bytes.data());
    for (std::size_t i = 0; i < samples.size(); ++i)
        qToLittleEndian<qint16>(samples[i], data + 2 * i);
    return bytes;
}

double rms(std::span<const std::int16_t> samples)
{
    if (samples.empty())
        return 0.0;
    double sum = 0.0;
    for (const std::int16_t sample : samples)
        sum += double(sample) * sample;
    return std::sqrt(sum / double(samples.size()));
}

QByteArray wavFile(std::span<const std::int16_t> samples, int sampleRate)
{
    const QByteArray pcm = bytesFromSamples(samples);
    QByteArray out;
    out.reserve(44 + pcm.size());
    auto put32 = [&out](quint32 value) {
        uchar b[4];
        qToLittleEndian(value, b);
        out.append(reinterpret_cast<const char*>(b), 4);
    };
    auto put16 = [&out](quint16 value) {
        uchar b[2];
        qToLittleEndian(value, b);
        out.append(reinterpret_cast<const char*>(b), 2);
    };
    out.append("RIFF", 4);
    put32(quint32(36 + pcm.size()));
    out.append("WAVEfmt ", 8);
    put32(16);
    put16(1); // PCM
    put16(1); // mono
    put32(quint32(sampleRate));
    put32(quint32(sampleRate * 2));
    put16(2);
    put16(16);
    out.append("data", 4);
    put32(quint32(pcm.size()));
    out.append(pcm);
    return out;
}

} // namespace cidadao::voice
