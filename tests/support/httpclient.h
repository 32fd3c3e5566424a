// SPDX-License-Identifier: GPL-3.0-or-later
// A small blocking HTTP client for tests, over QNetworkAccessManager (a real HTTP stack), and a
// raw-socket exchange for byte-exact checks (chunk framing, malformed requests).
#pragma once

#include "protocol/jsonqt.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace cidadao::testing {

struct HttpResult
{
    int status = 0;                 // 0: no answer (network error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    protocol::Json json() const;    // discarded value when the body is not JSON
    // The error envelope's code (error.error), or empty.
    QString errorCode() const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

class HttpClient
{
public:
    HttpResult request(const QByteArray& method, const QUrl& url, const QByteArray& body = {},
                       const Headers& headers = {}, int timeoutMs = 30000);
    HttpResult get(const QUrl& url, const Headers& headers = {}) { return request("GET", url, {}, headers); }
    HttpResult postJson(const QUrl& url, const protocol::Json& body, const Headers& headers = {});
    HttpResult post(const QUrl& url, const QByteArray& body, const Headers& headers = {});

    void setBearer(const QString& token) { m_bearer = token; }

private:
    QNetworkAccessManager m_manager;
    QString m_bearer;
};

// Sends raw bytes to 127.0.0.1:port and returns everything read until the peer closes, the
// answer is complete by Content-Length or chunked terminator, or timeoutMs passes.
QByteArray rawExchange(quint16 port, const QByteArray& bytes, int timeoutMs = 10000);

// Splits a chunked body (what follows the head of a rawExchange answer) into its chunks, checking the
// framing byte by byte: a hexadecimal size line, exactly that many bytes, CRLF, and the body ending with
// the 0-size chunk and an empty trailer. False, with the reason in *error, at the first fault.
bool splitChunks(const QByteArray& body, QList<QByteArray>* chunks, QString* error);

} // namespace cidadao::testing
