// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssereader.h"

#include <QNetworkReply>

namespace cidadao::client {

SseReader::SseReader(QObject* parent)
    : QObject(parent)
{
}

void SseReader::attach(QNetworkReply* reply)
{
    m_reply = reply;
    connect(reply, &QIODevice::readyRead, this, [this, reply] { feed(reply->readAll()); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        feed(reply->readAll());
        Q_EMIT ended();
    });
}

int SseReader::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return 0;
    const QList<QByteArray> frames = m_decoder.feed(bytes);
    int emitted = 0;
    for (const QByteArray& frame : frames) {
        const protocol::Json parsed = protocol::Json::parse(frame.constBegin(), frame.constEnd(), nullptr, false);
        if (parsed.is_discarded()) {
            ++m_malformed;
            Q_EMIT malformed(frame);
            continue;
        }
        ++m_events;
        ++emitted;
        Q_EMIT event(parsed);
    }
    if (m_decoder.overflowed() && !m_reportedOverflow) {
        m_reportedOverflow = true;
        Q_EMIT overflowed();
    }
    return emitted;
}

} // namespace cidadao::client
