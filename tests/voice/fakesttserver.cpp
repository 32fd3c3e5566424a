// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakesttserver.h"

#include <QHostAddress>
#include <QTcpSocket>

FakeSttServer::FakeSttServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeSttServer::onConnection);
}

bool FakeSttServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeSttServer::onConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray& buffer = m_buffers[socket];
            buffer += socket->readAll();
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray& line : buffer.left(headerEnd).split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            ++m_requests;
            m_lastRequest = buffer;
            m_buffers.remove(socket);
            socket->write("HTTP/1.1 " + QByteArray::number(m_status) + " X\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\nContent-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
            socket->disconnectFromHost();
        });
    }
}
