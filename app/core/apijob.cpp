// SPDX-License-Identifier: GPL-3.0-or-later
#include "apijob.h"

#include "apiclient.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

Q_LOGGING_CATEGORY(lcJobs, "cidadao.client.jobs")

namespace cidadao::client {

namespace {

// Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
std::optional<qint64> retryAfterMs(const QNetworkReply* reply)
{
    const QByteArray raw = reply->rawHeader("Retry-After").trimmed();
    if (raw.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = raw.toLongLong(&ok);
    if (ok)
        return qMax<qint64>(0, seconds) * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(raw), Qt::RFC2822Date);
    if (when.isValid())
        return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
    return std::nullopt;
}

} // namespace

ApiJob::ApiJob(QByteArray method, QString path, std::optional<protocol::Json> body, Auth auth, ApiClient* client)
    : QObject(client)
    , m_client(client)
    , m_method(std::move(method))
    , m_path(std::move(path))
    , m_body(std::move(body))
    , m_auth(auth)
{
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::start()
{
    if (m_status != Status::Pending)
        return;
    m_status = Status::Running;
    send();
}

void ApiJob::abandon()
{
    if (m_status != Status::Running)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_retryTimer)
        m_retryTimer->stop();
    m_error = protocol::ApiError{0, QLatin1String(ClientErrorCode::Cancelled), QStringLiteral("cancelled"), {}};
    m_status = Status::Cancelled;
    Q_EMIT finished(this);
    deleteLater();
}

void ApiJob::send()
{
    if (!m_client) {
        m_error = protocol::ApiError{0, QLatin1String(ClientErrorCode::NetworkError),
                                     QStringLiteral("the API client is gone"), {}};
        finish(Status::Failed);
        return;
    }
    ++m_attempts;
    QNetworkRequest request = m_client->makeRequest(m_path, m_query, m_auth == Auth::Required);
    m_sentAuthorization = request.rawHeader("Authorization");
    QByteArray payload;
    if (m_body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = protocol::toBytes(*m_body);
    }
    m_reply = m_client->network()->sendCustomRequest(request, m_method, payload);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

bool ApiJob::scheduleRetryAfter(QNetworkReply* reply)
{
    if (m_retriedAfterDelay)
        return false;
    const auto delay = retryAfterMs(reply);
    if (!delay)
        return false;
    m_retriedAfterDelay = true;
    const int capped = int(qMin<qint64>(*delay, m_client->maxRetryDelayMs()));
    qCDebug(lcJobs) << m_method << m_path << "retrying after" << capped << "ms";
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &ApiJob::send);
    }
    m_retryTimer->start(capped);
    return true;
}

void ApiJob::onReplyFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    if (m_status != Status::Running)
        return;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (m_httpStatus == 0) {
        m_error = protocol::ApiError{0, QLatin1String(ClientErrorCode::NetworkError), reply->errorString(), {}};
        finish(Status::Failed);
        return;
    }
    if ((m_httpStatus == 429 || m_httpStatus == 503) && scheduleRetryAfter(reply))
        return;
    if (m_httpStatus == 401 && m_auth == Auth::Required && !m_refreshed && m_client && m_client->canRefresh()) {
        // One refresh, then one retry: a second 401 means the session is really over.
        m_refreshed = true;
        m_error = decodeErrorBody(body, m_httpStatus); // stands if the refresh fails
        if (m_client->authorizationHeader() != m_sentAuthorization) {
            send(); // another job's refresh already replaced the token we sent: just retry with the new one
            return;
        }
        QPointer<ApiJob> self(this);
        m_client->refreshToken([self](bool ok) {
            if (!self || self->m_status != Status::Running)
                return;
            if (ok)
                self->send();
            else
                self->finish(Status::Failed);
        });
        return;
    }
    if (m_httpStatus >= 200 && m_httpStatus < 300) {
        if (body.trimmed().isEmpty()) {
            m_json = protocol::Json();
        } else {
            m_json = protocol::Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
            if (m_json.is_discarded()) {
                m_error = protocol::ApiError{m_httpStatus, QLatin1String(ClientErrorCode::BadResponse),
                                             QStringLiteral("the answer is not JSON"), {}};
                finish(Status::Failed);
                return;
            }
        }
        finish(Status::Succeeded);
        return;
    }
    m_error = decodeErrorBody(body, m_httpStatus);
    finish(Status::Failed);
}

void ApiJob::finish(Status status)
{
    m_status = status;
    if (status == Status::Succeeded)
        Q_EMIT success(this);
    else
        Q_EMIT failure(this);
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace cidadao::client
