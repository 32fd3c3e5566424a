// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdownload.h"

#include "core/apiclient.h"

#include <QNetworkReply>

namespace cidadao::client {

ReportDownload::ReportDownload(ApiClient* api, QString path, QUrlQuery query, QString filePath, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_path(std::move(path))
    , m_query(std::move(query))
    , m_filePath(std::move(filePath))
{
}

ReportDownload::~ReportDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ReportDownload::start()
{
    if (!m_api) {
        Q_EMIT failed({0, QLatin1String(ClientErrorCode::NetworkError), QStringLiteral("no API client"), {}});
        Q_EMIT finished();
        return;
    }
    m_status = 0;
    m_written = 0;
    m_writeFailed = false;
    m_errorBody.clear();
    m_file = std::make_unique<QSaveFile>(m_filePath);
    if (!m_file->open(QIODevice::WriteOnly)) {
        Q_EMIT failed({0, QStringLiteral("FileError"), m_file->errorString(), {}});
        Q_EMIT finished();
        return;
    }
    QNetworkRequest request = m_api->makeRequest(m_path, m_query, true);
    request.setRawHeader("Accept", "*/*");
    m_reply = m_api->network()->get(request);
    connect(m_reply, &QIODevice::readyRead, this, &ReportDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ReportDownload::onFinished);
}

void ReportDownload::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = m_reply->readAll();
    if (m_status < 200 || m_status >= 300) {
        m_errorBody += bytes.left(qMax<qsizetype>(0, 65536 - m_errorBody.size()));
        return;
    }
    if (m_file->write(bytes) != bytes.size())
        m_writeFailed = true;
    m_written += bytes.size();
}

void ReportDownload::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    onReadyRead();
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 && !m_refreshed && m_api && m_api->canRefresh()) {
        m_refreshed = true;
        m_file->cancelWriting();
        QPointer<ReportDownload> self(this);
        m_api->refreshToken([self](bool ok) {
            if (!self)
                return;
            if (ok) {
                self->start();
                return;
            }
            Q_EMIT self->failed(protocol::unauthorized(QStringLiteral("session expired")));
            Q_EMIT self->finished();
        });
        return;
    }
    if (status == 0) {
        m_file->cancelWriting();
        Q_EMIT failed({0, QLatin1String(ClientErrorCode::NetworkError), reply->errorString(), {}});
    } else if (status < 200 || status >= 300) {
        m_file->cancelWriting();
        Q_EMIT failed(decodeErrorBody(m_errorBody, status));
    } else if (m_writeFailed || !m_file->commit()) {
        Q_EMIT failed({0, QStringLiteral("FileError"), m_file->errorString(), {}});
    } else {
        Q_EMIT succeeded(m_filePath, reply->header(QNetworkRequest::ContentTypeHeader).toString());
    }
    Q_EMIT finished();
}

} // namespace cidadao::client
