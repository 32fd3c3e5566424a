// SPDX-License-Identifier: GPL-3.0-or-later
// One REST call as an object (libQuotient style): it owns its retries, decodes the answer and
// reports once through success/failure, then finished. Created and started by ApiClient.
#pragma once

#include "protocol/apierror.h"
#include "protocol/jsonqt.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <optional>

class QNetworkReply;
class QTimer;

namespace cidadao::client {

class ApiClient;

// Client-side error codes for failures that never reached an HTTP answer.
namespace ClientErrorCode {
inline constexpr char NetworkError[] = "NetworkError";
inline constexpr char BadResponse[] = "BadResponse";
inline constexpr char Cancelled[] = "Cancelled";
} // namespace ClientErrorCode

class ApiJob : public QObject
{
    Q_OBJECT
public:
    enum class Status { Pending, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(Status)
    enum class Auth { None, Required };

    ApiJob(QByteArray method, QString path, std::optional<protocol::Json> body, Auth auth, ApiClient* client);
    ~ApiJob() override;

    void setQuery(const QUrlQuery& query) { m_query = query; }
    // Started by ApiClient::start(); a job runs once.
    void start();
    void abandon(); // cancels without emitting success/failure; finished is still emitted

    Status status() const { return m_status; }
    int httpStatus() const { return m_httpStatus; }
    const protocol::Json& json() const { return m_json; }
    const protocol::ApiError& error() const { return m_error; }
    int attempts() const { return m_attempts; }
    bool refreshedToken() const { return m_refreshed; }
    const QByteArray& method() const { return m_method; }
    const QString& path() const { return m_path; }

Q_SIGNALS:
    void success(cidadao::client::ApiJob* job);
    void failure(cidadao::client::ApiJob* job);
    void finished(cidadao::client::ApiJob* job);

private:
    void send();
    void onReplyFinished(QNetworkReply* reply);
    void finish(Status status);
    bool scheduleRetryAfter(QNetworkReply* reply);

    QPointer<ApiClient> m_client;
    QByteArray m_method;
    QString m_path;
    std::optional<protocol::Json> m_body;
    Auth m_auth;
    QUrlQuery m_query;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_sentAuthorization;
    QTimer* m_retryTimer = nullptr;
    Status m_status = Status::Pending;
    int m_httpStatus = 0;
    int m_attempts = 0;
    bool m_retriedAfterDelay = false;
    bool m_refreshed = false;
    protocol::Json m_json;
    protocol::ApiError m_error;
};

} // namespace cidadao::client
