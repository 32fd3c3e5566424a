// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for a remote transcription service (a whisper.cpp server speaks the same
// /v1/audio/transcriptions protocol): answers each POST with a fixed status and body, so that the
// server's handling of a broken or empty remote answer can be exercised for real over HTTP.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QTcpServer>

class FakeSttServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeSttServer(QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void answer(int status, QByteArray body)
    {
        m_status = status;
        m_body = std::move(body);
    }
    int requests() const { return m_requests; }
    QByteArray lastRequest() const { return m_lastRequest; }

private:
    void onConnection();

    QTcpServer m_server;
    QHash<QObject*, QByteArray> m_buffers;
    int m_status = 200;
    QByteArray m_body = "{\"text\":\"\"}";
    int m_requests = 0;
    QByteArray m_lastRequest;
};
