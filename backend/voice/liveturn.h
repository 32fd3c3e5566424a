// SPDX-License-Identifier: GPL-3.0-or-later
// A voice turn that runs while its audio is still arriving: each audio_chunk is handed over at
// once (recognition starts on it on the worker pool), and at stop_speaking only the tail, the
// answer and the speech are left. The socket's thread never waits: feed() and finish() queue work
// that runs on the pool one step at a time, in order, for this turn.
#pragma once

#include "voiceturn.h"

#include <QThreadPool>

#include <deque>
#include <memory>
#include <mutex>

namespace cidadao::voice {

class LiveTurn : public std::enable_shared_from_this<LiveTurn>
{
public:
    // engines' pointers and the pool must outlive every LiveTurn (the service shuts the pool down first).
    static std::shared_ptr<LiveTurn> create(TurnInput context, TurnEngines engines, TurnOutput output,
                                            std::shared_ptr<std::atomic_bool> cancel, QThreadPool& pool);

    void feed(Samples pcm);
    // The utterance ended: recognise the rest, answer and speak (on the pool).
    void finish();
    // Raising it drops queued work; the running step stops at its next check.
    void cancel() { m_cancel->store(true); }
    const std::shared_ptr<std::atomic_bool>& cancelFlag() const { return m_cancel; }

private:
    LiveTurn(TurnInput context, TurnEngines engines, TurnOutput output, std::shared_ptr<std::atomic_bool> cancel,
             QThreadPool& pool);
    void schedule();
    void drain();

    TurnInput m_context;
    TurnEngines m_engines;
    TurnOutput m_output;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThreadPool& m_pool;
    TurnRunner m_runner; // used by the one pool task that drains the queue

    std::mutex m_mutex;
    std::deque<Samples> m_queue;
    bool m_finishRequested = false;
    bool m_finished = false;
    bool m_running = false;
};

} // namespace cidadao::voice
