// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushtotalk.h"

namespace cidadao::client {

PushToTalk::PushToTalk(QObject* parent)
    : QObject(parent)
{
    m_hold.setSingleShot(true);
    m_hold.setInterval(250);
    connect(&m_hold, &QTimer::timeout, this, [this] {
        if (m_presses == 0)
            setTalking(false);
    });
}

void PushToTalk::press()
{
    ++m_presses;
    m_hold.stop();
    setTalking(true);
}

void PushToTalk::release()
{
    if (m_presses == 0)
        return; // a release without its press (focus moved while held)
    if (--m_presses == 0)
        m_hold.start();
}

void PushToTalk::reset()
{
    m_presses = 0;
    m_hold.stop();
    setTalking(false);
}

void PushToTalk::setTalking(bool talking)
{
    if (m_talking == talking)
        return;
    m_talking = talking;
    Q_EMIT talkingChanged(talking);
}

} // namespace cidadao::client
