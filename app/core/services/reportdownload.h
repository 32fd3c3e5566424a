// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads a file answer (GET /investigations/{id}/export) straight into the chosen file: the
// bytes go to a QSaveFile as they arrive and the file only appears, whole, when the answer was a
// 2xx; a failed download leaves nothing behind and reports the server's error envelope.
#pragma once

#include "protocol/apierror.h"

#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QUrlQuery>

#include <memory>

class QNetworkReply;

namespace cidadao::client {

class ApiClient;

class ReportDownload : public QObject
{
    Q_OBJECT
public:
    ReportDownload(ApiClient* api, QString path, QUrlQuery query, QString filePath, QObject* parent = nullptr);
    ~ReportDownload() override;

    void start();
    const QString& filePath() const { return m_filePath; }
    qint64 bytesWritten() const { return m_written; }

Q_SIGNALS:
    void succeeded(const QString& filePath, const QString& contentType);
    void failed(const cidadao::protocol::ApiError& error);
    void finished();

private:
    void onReadyRead();
    void onFinished();

    QPointer<ApiClient> m_api;
    QString m_path;
    QUrlQuery m_query;
    QString m_filePath;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_file;
    QByteArray m_errorBody;
    int m_status = 0;
    qint64 m_written = 0;
    bool m_writeFailed = false;
    bool m_refreshed = false;
};

} // namespace cidadao::client
