// SPDX-License-Identifier: GPL-3.0-or-later
// Push-to-talk state as Mumble keeps it: a press counter (the on-screen button and the hold-to-talk
// key can be held at once, and a key's auto-repeat must not count twice) and a short release hold,
// so that the end of the last word is not cut when the key comes up a little early.
#pragma once

#include <QObject>
#include <QTimer>

namespace cidadao::client {

class PushToTalk : public QObject
{
    Q_OBJECT
public:
    explicit PushToTalk(QObject* parent = nullptr);

    void setReleaseHoldMs(int ms) { m_hold.setInterval(ms); }
    int releaseHoldMs() const { return m_hold.interval(); }
    bool isTalking() const { return m_talking; }
    int pressCount() const { return m_presses; }

public Q_SLOTS:
    void press();
    void release();
    // For a shortcut object emitting triggered(bool down).
    void setPressed(bool down) { down ? press() : release(); }
    void reset(); // drops every press at once (focus lost, device gone)

Q_SIGNALS:
    void talkingChanged(bool talking);

private:
    void setTalking(bool talking);

    QTimer m_hold;
    int m_presses = 0;
    bool m_talking = false;
};

} // namespace cidadao::client
