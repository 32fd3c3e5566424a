// SPDX-License-Identifier: GPL-3.0-or-later
// Wall and CPU seconds for the benchmarks. Each phase reports both: on a machine shared with other
// builds the wall time measures their load as much as ours.
#pragma once

#include <QElapsedTimer>

#include <sys/resource.h>

namespace cidadao::bench {

inline double seconds(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// Process CPU seconds, user + system, every thread.
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace cidadao::bench
