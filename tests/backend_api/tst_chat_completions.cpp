// SPDX-License-Identifier: GPL-3.0-or-later
// Optional phrasing of chat answers through an OpenAI-compatible completions server (--llm-url): a
// real cidadao-server talks to a stand-in endpoint on 127.0.0.1 (the cloud service cannot run here),
// sends the key from --llm-key-file, and keeps its own answer when a rewording loses the numbers.
#include "chattestsupport.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace cidadao::testing;
using cidadao::protocol::Json;
namespace protocol = cidadao::protocol;

namespace {

// A stand-in for an external OpenAI-compatible server (llama.cpp, Ollama...): answers every
// POST .../chat/completions with `prefix` + the user's text, or with `replacement` when set.
class FakeCompletions : public QObject
{
public:
    QString prefix = QStringLiteral("Resumo: ");
    QString replacement;
    int requests = 0;
    QByteArray lastAuthorization;

    FakeCompletions()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                    if (headEnd < 0)
                        return;
                    const QByteArray head = buffer->left(headEnd);
                    const QRegularExpression length(QStringLiteral("content-length:\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
                    const auto m = length.match(QString::fromLatin1(head));
                    const qsizetype needed = m.hasMatch() ? m.captured(1).toLongLong() : 0;
                    if (buffer->size() < headEnd + 4 + needed)
                        return;
                    ++requests;
                    for (const QByteArray& line : head.split('\n'))
                        if (line.toLower().startsWith("authorization:"))
                            lastAuthorization = line.mid(14).trimmed();
                    const Json request = Json::parse(buffer->mid(headEnd + 4, needed).toStdString(), nullptr, false);
                    QString user;
                    if (request.is_object() && request.contains("messages"))
                        for (const Json& message : request["messages"])
                            if (message.value("role", std::string()) == "user")
                                user = QString::fromStdString(message.value("content", std::string()));
                    const QString content = replacement.isEmpty() ? QString(prefix + user) : replacement;
                    const QByteArray body = protocol::toBytes(
                        Json{{"choices", Json::array({Json{{"index", 0}, {"message", Json{{"role", "assistant"}, {"content", content}}}}})}});
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

} // namespace

class TestChatCompletions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionalPhrasingThroughChatCompletions();
};


void TestChatCompletions::optionalPhrasingThroughChatCompletions()
{
    FakeCompletions llm;
    QVERIFY(llm.port() != 0);
    QTemporaryDir keyDir;
    QFile key(keyDir.filePath(QStringLiteral("key")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("sk-test-123\n");
    key.close();
    ServerProcess phrased({QStringLiteral("--allow-anonymous"), QStringLiteral("--llm-url"),
                           QStringLiteral("http://127.0.0.1:%1").arg(llm.port()), QStringLiteral("--llm-model"),
                           QStringLiteral("tiny"), QStringLiteral("--llm-key-file"), key.fileName()});
    QVERIFY2(phrased.start(), qPrintable(phrased.errorString()));
    // The server's worker asks the endpoint while this test's event loop serves it: poll, don't block.
    HttpClient http;
    const Json question{{"message", "Explique a anomalia de pagamento acima do teto"}};
    const HttpResult reworded = http.postJson(phrased.url(kChatRoute + QStringLiteral("/message")), question);
    QCOMPARE(reworded.status, 200);
    QVERIFY(llm.requests >= 1);
    QCOMPARE(llm.lastAuthorization, QByteArray("Bearer sk-test-123"));
    const QString text = str(reworded.json(), "message");
    QVERIFY2(text.startsWith(QStringLiteral("Resumo: ")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("R$ "))); // the numbers made it through

    // A rewording that loses the numbers is refused: the composed answer is kept.
    llm.replacement = QStringLiteral("O teto é um limite salarial.");
    const HttpResult kept = http.postJson(phrased.url(kChatRoute + QStringLiteral("/message")), question);
    QCOMPARE(kept.status, 200);
    const QString original = str(kept.json(), "message");
    QVERIFY2(!original.startsWith(QStringLiteral("Resumo")) && original.contains(QStringLiteral("R$ ")), qPrintable(original));
    QCOMPARE(phrased.stop(), 0);
}

QTEST_GUILESS_MAIN(TestChatCompletions)
#include "tst_chat_completions.moc"
