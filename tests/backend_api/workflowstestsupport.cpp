// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowstestsupport.h"

#include <QNetworkRequest>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cidadao::testing {

using protocol::Json;

namespace {

constexpr int kWait = kWsWait;
const QString kPassword = QStringLiteral("correct-horse-9");

QByteArray maskedTextFrame(const QByteArray& payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xFF));
        frame.append(char(payload.size() & 0xFF));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    return frame;
}

} // namespace

QString portalFile(const QString& name)
{
    return QStringLiteral(CIDADAO_TEST_DATA_DIR "/portal/") + name;
}

Json loginUser(HttpClient& http, const ServerProcess& server, const QString& email)
{
    const HttpResult registered = http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                                                Json{{"email", email}, {"password", kPassword}, {"name", "Teste"}});
    if (registered.status != 201)
        qWarning() << "register" << registered.status << registered.body;
    const HttpResult login =
        http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), Json{{"email", email}, {"password", kPassword}});
    return login.status == 200 ? login.json() : Json();
}

HttpResult callApi(HttpClient& http, const ServerProcess& server, const QByteArray& method, const QString& path,
                   const Json& body, const QString& token)
{
    const Headers headers{{"Authorization", "Bearer " + token.toUtf8()}, {"Content-Type", "application/json"}};
    return http.request(method, server.url(path), body.is_null() ? QByteArray() : protocol::toBytes(body), headers);
}

ChannelClient::ChannelClient()
{
    connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        messages.append(Json::parse(text.toStdString(), nullptr, false));
    });
    connect(&socket, &QWebSocket::disconnected, this, [this] { closeCode = int(socket.closeCode()); });
}

bool ChannelClient::open(const ServerProcess& server, const QString& token)
{
    QNetworkRequest request(server.webSocketUrl(QStringLiteral("/ws")));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("X-Agent-ID", "tst_workflows");
    socket.open(request);
    return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, kWait);
}

void ChannelClient::send(const Json& message)
{
    socket.sendTextMessage(QString::fromUtf8(protocol::toBytes(message)));
}

Json ChannelClient::waitFor(const std::function<bool(const Json&)>& match, int timeoutMs)
{
    Json found; // stays null when nothing matched in time
    (void)QTest::qWaitFor(
        [&] {
            for (const Json& message : std::as_const(messages)) {
                if (match(message)) {
                    found = message;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

Json ChannelClient::waitForType(const char* type, const QString& executionId)
{
    return waitFor([&](const Json& m) {
        return m.value("type", std::string()) == type
               && (executionId.isEmpty() || m["payload"].value("executionId", std::string()) == executionId.toStdString());
    });
}

QList<Json> ChannelClient::ofType(const char* type, const QString& executionId) const
{
    QList<Json> out;
    for (const Json& m : messages) {
        if (m.value("type", std::string()) == type
            && (executionId.isEmpty() || m["payload"].value("executionId", std::string()) == executionId.toStdString()))
            out.append(m);
    }
    return out;
}

void ChannelClient::subscribe(const QStringList& channels, const QString& correlationId)
{
    Json list = Json::array();
    for (const QString& channel : channels)
        list.push_back(channel);
    send(Json{{"type", "subscribe"}, {"payload", {{"channels", list}}}, {"correlationId", correlationId}});
}

bool ChannelClient::roundTrip(qint64 stamp)
{
    send(Json{{"type", "ping"}, {"timestamp", stamp}});
    return waitFor([stamp](const Json& m) { return m["type"] == "pong" && m["payload"]["timestamp"] == stamp; }).is_object();
}

StalledClient::~StalledClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool StalledClient::connectAndSubscribe(quint16 port, const QString& token, const QString& channel)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int small = 4096;
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small); // before connect: no autotuning
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return false;
    const QByteArray upgrade = "GET /ws?token=" + token.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                               + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    if (!writeAll(upgrade))
        return false;
    if (!readUntil("\r\n\r\n").startsWith("HTTP/1.1 101"))
        return false;
    m_frames = m_pending; // from here on, whole frames from their first byte
    m_pending.clear();
    const QByteArray subscribe =
        protocol::toBytes(Json{{"type", "subscribe"}, {"payload", {{"channels", {channel}}}}});
    if (!writeAll(maskedTextFrame(subscribe)))
        return false;
    char buffer[4096];
    while (!m_frames.contains("\"subscribed\"")) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, kWait) <= 0)
            return false;
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n <= 0)
            return false;
        m_frames.append(buffer, n);
    }
    return true;
}

int StalledClient::drainToCloseCode()
{
    QByteArray bytes = m_frames;
    char buffer[65536];
    for (;;) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 20000) <= 0)
            break;
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        bytes.append(buffer, n);
    }
    // Walk the server's (unmasked) frames; the close frame is opcode 8 with a 2-byte code.
    qsizetype at = 0;
    int code = -1;
    while (at + 2 <= bytes.size()) {
        const int opcode = quint8(bytes[at]) & 0x0F;
        qint64 length = quint8(bytes[at + 1]) & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (at + 4 > bytes.size())
                break;
            length = (quint8(bytes[at + 2]) << 8) | quint8(bytes[at + 3]);
            header = 4;
        } else if (length == 127) {
            if (at + 10 > bytes.size())
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(bytes[at + 2 + i]);
            header = 10;
        }
        if (at + header + length > bytes.size())
            break;
        if (opcode == 8 && length >= 2)
            code = (quint8(bytes[at + header]) << 8) | quint8(bytes[at + header + 1]);
        at += header + length;
    }
    return code;
}

bool StalledClient::writeAll(const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

QByteArray StalledClient::readUntil(const QByteArray& marker)
{
    char buffer[4096];
    while (!m_pending.contains(marker)) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, kWait) <= 0)
            break;
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        m_pending.append(buffer, n);
    }
    const qsizetype end = m_pending.indexOf(marker);
    if (end < 0)
        return m_pending;
    QByteArray head = m_pending.left(end + marker.size());
    m_pending.remove(0, end + marker.size());
    return head;
}

} // namespace cidadao::testing
