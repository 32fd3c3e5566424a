// SPDX-License-Identifier: GPL-3.0-or-later
// Round-trip latency of the /ws connection from ping/pong, for the status bar: the last sample and
// percentiles over a sliding window of recent ones.
#pragma once

#include <QObject>

#include <deque>
#include <optional>

namespace cidadao::client {

class LatencyMeter : public QObject
{
    Q_OBJECT
public:
    explicit LatencyMeter(int window = 50, QObject* parent = nullptr);

    void addSample(qint64 ms);
    void reset();
    std::optional<qint64> last() const;
    // The q-quantile (0..1, nearest rank) of the window; nullopt without samples.
    std::optional<qint64> percentile(double q) const;
    int sampleCount() const { return int(m_samples.size()); }

Q_SIGNALS:
    void changed(qint64 lastMs);

private:
    int m_window;
    std::deque<qint64> m_samples;
};

} // namespace cidadao::client
