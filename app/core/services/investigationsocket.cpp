// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationsocket.h"

#include "protocol/wsenvelopes.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInvestigationSocket, "cidadao.client.investigationsocket")

namespace cidadao::client {

InvestigationSocket::InvestigationSocket(QString investigationId, Options options, QObject* parent)
    : WebSocketChannel(options, parent)
    , m_id(std::move(investigationId))
{
}

QUrl InvestigationSocket::urlFor(const QUrl& apiBase, const QString& investigationId)
{
    QUrl url = apiBase;
    url.setScheme(apiBase.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(QString(basePath + QStringLiteral("/api/v1/ws/investigations/") + investigationId));
    url.setQuery(QString());
    return url;
}

void InvestigationSocket::onTextMessage(const QString& text)
{
    protocol::ChatEnvelope envelope;
    try {
        envelope = protocol::decodeBytes<protocol::ChatEnvelope>(text.toUtf8());
    } catch (const protocol::ValidationFailure& failure) {
        qCDebug(lcInvestigationSocket) << "unreadable message:" << failure.reason();
        return;
    }
    if (envelope.type == QLatin1String(protocol::ChatWsType::Pong)) {
        notePong();
    } else if (envelope.type == QLatin1String(protocol::ChatWsType::InvestigationUpdate)) {
        try {
            Q_EMIT update(protocol::decode<protocol::InvestigationUpdatePayload>(envelope.data));
        } catch (const protocol::ValidationFailure& failure) {
            qCDebug(lcInvestigationSocket) << "bad investigation_update:" << failure.field() << failure.reason();
        }
    } else if (envelope.type == QLatin1String(protocol::ChatWsType::Error)) {
        try {
            const auto error = protocol::decode<protocol::WsErrorPayload>(envelope.data);
            Q_EMIT serverError(error.code, error.message);
        } catch (const protocol::ValidationFailure&) {
            Q_EMIT serverError(QString(), QString());
        }
    }
    // connection and other messages carry nothing this socket needs.
}

QByteArray InvestigationSocket::pingFrame(qint64 nowMs)
{
    protocol::ChatEnvelope envelope;
    envelope.type = QLatin1String(protocol::ChatWsType::Ping);
    envelope.timestamp = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    return protocol::toBytes(protocol::encode(envelope));
}

} // namespace cidadao::client
