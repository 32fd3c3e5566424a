// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveturn.h"

namespace cidadao::voice {

std::shared_ptr<LiveTurn> LiveTurn::create(TurnInput context, TurnEngines engines, TurnOutput output,
                                           std::shared_ptr<std::atomic_bool> cancel, QThreadPool& pool)
{
    return std::shared_ptr<LiveTurn>(
        new LiveTurn(std::move(context), std::move(engines), std::move(output), std::move(cancel), pool));
}

LiveTurn::LiveTurn(TurnInput context, TurnEngines engines, TurnOutput output, std::shared_ptr<std::atomic_bool> cancel,
                   QThreadPool& pool)
    : m_context(std::move(context))
    , m_engines(std::move(engines))
    , m_output(std::move(output))
    , m_cancel(std::move(cancel))
    , m_pool(pool)
    , m_runner(m_context, m_engines, m_output, *m_cancel)
{
}

void LiveTurn::feed(Samples pcm)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_finishRequested)
            return;
        m_queue.push_back(std::move(pcm));
    }
    schedule();
}

void LiveTurn::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finishRequested = true;
    }
    schedule();
}

void LiveTurn::schedule()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_running)
            return; // the running task picks the new work up
        m_running = true;
    }
    m_pool.start([self = shared_from_this()] { self->drain(); });
}

void LiveTurn::drain()
{
    for (;;) {
        Samples next;
        bool finishNow = false;
        {
            std::lock_guard lock(m_mutex);
            if (!m_queue.empty()) {
                next = std::move(m_queue.front());
                m_queue.pop_front();
            } else if (m_finishRequested && !m_finished) {
                m_finished = true;
                finishNow = true;
            } else {
                m_running = false;
                return;
            }
        }
        if (m_cancel->load())
            continue; // drop: nothing of a cancelled turn is worked on any more
        if (finishNow)
            m_runner.finish();
        else
            m_runner.feed(next);
    }
}

} // namespace cidadao::voice
