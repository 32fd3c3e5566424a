// SPDX-License-Identifier: GPL-3.0-or-later
// /ws/voice-chat against a real cidadao-server (spec/API.md §8): session_start first, every error
// code, the limits, a spoken command that starts an investigation, and barge-in (nothing of the
// cancelled turn after it). Speech is espeak-ng's, recognised by the server's PocketSphinx.
#include "fakesttserver.h"
#include "voicetestsupport.h"

#include "backend_api/chattestsupport.h"
#include "backend_api/investigationfixture.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace cidadao;
using namespace cidadao::testing;
using protocol::Json;

namespace {

QString typeOf(const Json& message)
{
    return message.is_object() ? QString::fromStdString(message.value("type", std::string())) : QString();
}

QString errorOf(const Json& message)
{
    if (typeOf(message) != QLatin1String("error"))
        return {};
    return QString::fromStdString(message["data"].value("error", std::string()));
}

} // namespace

class TestVoiceWs : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_scratch;
    std::unique_ptr<ServerProcess> m_server; // requires accounts; real data
    std::unique_ptr<ServerProcess> m_remote; // anonymous; remote STT (fake endpoint); espeak data missing
    FakeSttServer m_stt;
    QString m_token;

    QUrl voiceUrl(const ServerProcess& server, const QString& token = {}, const QString& language = {}) const
    {
        QUrl url = server.webSocketUrl(QStringLiteral("/ws/voice-chat"));
        QUrlQuery query;
        if (!token.isEmpty())
            query.addQueryItem(QStringLiteral("token"), token);
        if (!language.isEmpty())
            query.addQueryItem(QStringLiteral("language"), language);
        url.setQuery(query);
        return url;
    }

    // Opens a session and returns its id (empty on failure).
    QString open(WsClient& client, const QUrl& url)
    {
        if (!client.open(url))
            return {};
        const Json first = client.next(30000);
        if (typeOf(first) != QLatin1String("session_start"))
            return {};
        return QString::fromStdString(first["data"]["session_id"].get<std::string>());
    }

    static void sendUtterance(WsClient& client, const voice::Samples& samples, bool announce = true)
    {
        if (announce)
            client.sendJson(voiceMessage("start_speaking"));
        for (const QString& chunk : audioChunks(samples))
            client.sendJson(voiceMessage("audio_chunk", Json{{"audio", chunk}}));
        client.sendJson(voiceMessage("stop_speaking"));
    }

    // Sends an unknown type and collects everything up to its error: the server handles messages in
    // order, so whatever it sends after this marker was produced after the messages before it.
    static QList<Json> untilMarker(WsClient& client)
    {
        client.sendJson(voiceMessage("marker"));
        QList<Json> before;
        for (;;) {
            const Json message = client.next(30000);
            if (message.is_discarded() || errorOf(message) == QLatin1String("message_processing_error"))
                return before;
            before.append(message);
        }
    }

    // Everything arriving within ms (a quiet period, not a timing assertion: any frame counts).
    static QList<Json> drain(WsClient& client, int ms)
    {
        QList<Json> out;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            const Json message = client.next(int(qMax<qint64>(1, ms - timer.elapsed())));
            if (!message.is_discarded())
                out.append(message);
        }
        return out;
    }

    static int countType(const QList<Json>& messages, const char* type)
    {
        return int(std::count_if(messages.begin(), messages.end(),
                                 [type](const Json& m) { return typeOf(m) == QLatin1String(type); }));
    }

    // A turn whose reply is long, cut after its first audio_response by `cancel`; asserts that no
    // audio of it comes after the cancel.
    void checkCancel(const std::function<void(WsClient&)>& cancel)
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        sendUtterance(client, speak(QStringLiteral("what can you do")));
        QList<Json> before;
        const Json first = client.waitFor(QStringLiteral("audio_response"), 60000, &before);
        QVERIFY2(!first.is_discarded(), protocol::toBytes(Json(before)).constData());
        cancel(client);
        const QList<Json> inFlight = untilMarker(client);
        QCOMPARE(countType(inFlight, "audio_end"), 0); // the reply was cut, not finished
        const QList<Json> after = drain(client, 2000);
        QCOMPARE(countType(after, "audio_response"), 0);
        QCOMPARE(countType(after, "audio_end"), 0);
        // The session goes on: a new utterance is answered.
        sendUtterance(client, speak(QStringLiteral("hello")));
        QVERIFY(!client.waitFor(QStringLiteral("audio_end"), 60000).is_discarded());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        QString error;
        // A pt-BR model directory that has the files but does not load: it must not be offered.
        const QString broken = m_scratch.filePath(QStringLiteral("broken-pt-br"));
        QVERIFY(QDir().mkpath(broken));
        for (const char* name : {"mdef", "pt-br.dict", "pt-br.lm"}) {
            QFile file(broken + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a model\n");
        }
        m_server = startServerWithData(m_scratch, 11, 4000,
                                       {QStringLiteral("--stt-model-dir"), QStringLiteral("pt-BR=") + broken}, &error);
        QVERIFY2(m_server, qPrintable(error));
        HttpClient http;
        m_token = registerAndLogin(http, *m_server, QStringLiteral("voz@example.org"));
        QVERIFY(!m_token.isEmpty());
        QVERIFY(m_stt.listen());
        m_remote = std::make_unique<ServerProcess>(QStringList{
            QStringLiteral("--allow-anonymous"), QStringLiteral("--stt-url"),
            QStringLiteral("http://127.0.0.1:%1").arg(m_stt.port()), QStringLiteral("--tts-data-dir"),
            m_scratch.filePath(QStringLiteral("no-espeak-data"))});
        QVERIFY2(m_remote->start(), qPrintable(m_remote->errorString()));
    }

    void cleanupTestCase()
    {
        if (m_remote)
            m_remote->stop();
        if (m_server)
            m_server->stop();
    }

    void sessionStartComesFirst()
    {
        WsClient client;
        QVERIFY(client.open(voiceUrl(*m_server, m_token)));
        const Json first = client.next(30000);
        QCOMPARE(typeOf(first), QStringLiteral("session_start"));
        QVERIFY(first["timestamp"].is_number_float());
        QCOMPARE(first["session_id"], first["data"]["session_id"]);
        QCOMPARE(first["data"]["session_id"].get<std::string>().size(), std::size_t(36));
        const Json stt = first["data"]["voice"]["stt"];
        QVERIFY(stt["offline_languages"].get<QStringList>().contains(QStringLiteral("en-US")));
        QCOMPARE(stt["portuguese_offline"].get<bool>(), false);
        QVERIFY(!stt["note"].get<QString>().isEmpty());
    }

    void infoSaysWhatWorksOffline()
    {
        HttpClient http;
        const HttpResult info = http.get(m_server->url(QStringLiteral("/api/v1/info")));
        const QStringList features = info.json()["features"].get<QStringList>();
        QVERIFY(features.contains(QStringLiteral("voice")));
        QVERIFY(features.contains(QStringLiteral("voice-stt-offline:en-US")));
        QVERIFY(features.contains(QStringLiteral("voice-tts:pt-BR")));
        // What works offline, in /api/v1/info itself: en-US yes; the broken pt-BR model no.
        const Json summary = info.json()["voice"];
        QCOMPARE(summary["offline_languages"].get<QStringList>(), QStringList{QStringLiteral("en-US")});
        QVERIFY(summary["synthesis_languages"].get<QStringList>().contains(QStringLiteral("pt-BR")));
        QVERIFY(summary["synthesis_languages"].get<QStringList>().contains(QStringLiteral("en")));
        QCOMPARE(summary["remote_transcription"].get<bool>(), false);
        QCOMPARE(summary["portuguese_offline"].get<bool>(), false);
        QVERIFY(summary["note"].get<QString>().contains(QStringLiteral("Portuguese")));
        QVERIFY(!features.contains(QStringLiteral("voice-stt-offline:pt-BR")));
        const HttpResult remote = http.get(m_remote->url(QStringLiteral("/api/v1/info")));
        QCOMPARE(remote.json()["voice"]["remote_transcription"].get<bool>(), true);
        const HttpResult voice = http.get(m_server->url(QStringLiteral("/api/v1/voice")));
        QCOMPARE(voice.status, 200);
        QCOMPARE(voice.json()["stt"]["portuguese_offline"].get<bool>(), false);
        QVERIFY2(protocol::toBytes(voice.json()["stt"]["problems"]).contains("pt-BR"), voice.body.constData());
        const HttpResult page = http.get(m_server->url(QStringLiteral("/test")));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.body.contains("/ws/voice-chat"));
        QVERIFY(page.body.contains("getUserMedia"));
    }

    void unauthorizedIsRefusedWith1008()
    {
        for (const QString& token : {QString(), QStringLiteral("not-a-token")}) {
            WsClient client;
            client.open(voiceUrl(*m_server, token));
            const Json message = client.next(10000);
            QCOMPARE(errorOf(message), QStringLiteral("unauthorized"));
            QVERIFY(client.waitClosed());
            QCOMPARE(client.closeCode(), 1008);
        }
    }

    void frameThatIsNotJsonIsWebsocketError()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        client.sendText(QStringLiteral("hello there"));
        QCOMPARE(errorOf(client.next()), QStringLiteral("websocket_error"));
        client.sendText(QStringLiteral("[1,2]"));
        QCOMPARE(errorOf(client.next()), QStringLiteral("websocket_error"));
        QVERIFY(client.isOpen());
    }

    void badMessagesAreMessageProcessingError()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        client.sendJson(Json{{"type", "dance"}});
        QCOMPARE(errorOf(client.next()), QStringLiteral("message_processing_error"));
        client.sendJson(Json{{"data", Json::object()}});
        QCOMPARE(errorOf(client.next()), QStringLiteral("message_processing_error"));
        client.sendJson(Json{{"type", "stop_speaking"}, {"data", "not an object"}});
        QCOMPARE(errorOf(client.next()), QStringLiteral("message_processing_error"));
        // A session_id of another session is ignored, not an error.
        client.sendJson(Json{{"type", "barge_in"}, {"session_id", "00000000-0000-0000-0000-000000000000"}});
        QCOMPARE(untilMarker(client).size(), 0);
    }

    void badAudioIsAudioProcessingError()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        client.sendJson(voiceMessage("audio_chunk", Json{{"audio", "@@not base64@@"}}));
        QCOMPARE(errorOf(client.next()), QStringLiteral("audio_processing_error"));
        client.sendJson(voiceMessage("audio_chunk", Json{{"audio", "AA=="}})); // one byte: half a sample
        QCOMPARE(errorOf(client.next()), QStringLiteral("audio_processing_error"));
        client.sendJson(voiceMessage("audio_chunk", Json{{"audio", 42}}));
        QCOMPARE(errorOf(client.next()), QStringLiteral("audio_processing_error"));
        client.sendJson(voiceMessage("start_speaking"));
        client.sendJson(voiceMessage("stop_speaking")); // nothing said
        QCOMPARE(errorOf(client.next()), QStringLiteral("audio_processing_error"));
        sendUtterance(client, voice::Samples(16000, 0)); // a second of silence
        QCOMPARE(errorOf(client.next(60000)), QStringLiteral("audio_processing_error"));
    }

    void the101stChunkIsBufferOverflow()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        client.sendJson(voiceMessage("start_speaking"));
        const QString silence = QString::fromLatin1(QByteArray(4096, '\0').toBase64());
        for (int i = 0; i < 100; ++i)
            client.sendJson(voiceMessage("audio_chunk", Json{{"audio", silence}}));
        QCOMPARE(untilMarker(client).size(), 0); // 100 fit
        for (int i = 0; i < 6; ++i)
            client.sendJson(voiceMessage("audio_chunk", Json{{"audio", silence}}));
        const QList<Json> messages = untilMarker(client);
        QCOMPARE(messages.size(), 1); // one error per utterance, not one per chunk
        QCOMPARE(errorOf(messages.first()), QStringLiteral("buffer_overflow"));
        // A new utterance has room again.
        client.sendJson(voiceMessage("start_speaking"));
        client.sendJson(voiceMessage("audio_chunk", Json{{"audio", silence}}));
        QCOMPARE(untilMarker(client).size(), 0);
    }

    void messageOverOneMebibyteCloses1009()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        const QString big = QString::fromLatin1(QByteArray(1024 * 1024, 'A'));
        client.sendJson(voiceMessage("audio_chunk", Json{{"audio", big}}));
        QCOMPARE(errorOf(client.next()), QStringLiteral("websocket_error"));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode(), 1009);
    }

    void portugueseWithoutAModelIsSttUnavailable()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token, QStringLiteral("pt-BR"))).isEmpty());
        sendUtterance(client, speak(QStringLiteral("investigue os contratos do ministério da saúde"), QStringLiteral("pt-BR")));
        const Json error = client.next(60000);
        QCOMPARE(errorOf(error), QStringLiteral("stt_unavailable"));
        QVERIFY(error["data"]["message"].get<QString>().contains(QStringLiteral("pt-BR")));
    }

    void brokenRemoteRecogniserIsStreamProcessingError()
    {
        m_stt.answer(500, "{\"error\":\"model crashed\"}");
        const int before = m_stt.requests();
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_remote)).isEmpty());
        sendUtterance(client, speak(QStringLiteral("hello")));
        QCOMPARE(errorOf(client.next(60000)), QStringLiteral("stream_processing_error"));
        QCOMPARE(m_stt.requests(), before + 1);
        QVERIFY(m_stt.lastRequest().startsWith("POST /v1/audio/transcriptions"));
        QVERIFY(m_stt.lastRequest().contains("RIFF"));
        QVERIFY(m_stt.lastRequest().contains("name=\"language\"\r\n\r\nen"));
    }

    void nothingRecognisedIsDialogflowError()
    {
        m_stt.answer(200, "{\"text\":\"  \"}");
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_remote)).isEmpty());
        sendUtterance(client, speak(QStringLiteral("hello")));
        const Json transcription = client.next(60000);
        QCOMPARE(typeOf(transcription), QStringLiteral("transcription"));
        QCOMPARE(transcription["data"]["text"].get<QString>(), QString());
        QCOMPARE(errorOf(client.next(60000)), QStringLiteral("dialogflow_error"));
    }

    void missingVoiceDataIsTtsUnavailable()
    {
        m_stt.answer(200, "{\"text\":\"hello\"}");
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_remote)).isEmpty());
        sendUtterance(client, speak(QStringLiteral("hello")));
        QList<Json> before;
        const Json error = client.waitFor(QStringLiteral("error"), 60000, &before);
        QCOMPARE(errorOf(error), QStringLiteral("tts_unavailable"));
        QStringList types;
        for (const Json& message : std::as_const(before))
            types.append(typeOf(message));
        // transcription, intent, any tool calls, then the answer as text; no audio.
        QVERIFY2(types.size() >= 3, qPrintable(types.join(QLatin1Char(' '))));
        QCOMPARE(types.first(), QStringLiteral("transcription"));
        QCOMPARE(types.at(1), QStringLiteral("intent"));
        QCOMPARE(types.last(), QStringLiteral("agent_response"));
        QVERIFY(!types.contains(QStringLiteral("audio_response")));
        QCOMPARE(before.first()["data"]["text"].get<QString>(), QStringLiteral("hello"));
        QVERIFY(!before.last()["data"]["text"].get<QString>().isEmpty()); // the answer still arrives as text
    }

    void spokenCommandStartsAnInvestigation()
    {
        WsClient client;
        QVERIFY(!open(client, voiceUrl(*m_server, m_token)).isEmpty());
        sendUtterance(client, speak(QStringLiteral("investigate the contracts of the ministry of health")));
        QList<Json> turn;
        const Json end = client.waitFor(QStringLiteral("audio_end"), 120000, &turn);
        QVERIFY2(!end.is_discarded(), protocol::toBytes(Json(turn)).constData());
        QStringList order;
        int audioBytes = 0;
        for (const Json& message : std::as_const(turn)) {
            const QString type = typeOf(message);
            if (type == QLatin1String("audio_response")) {
                const QByteArray pcm = QByteArray::fromBase64(message["data"]["audio"].get<QString>().toLatin1());
                QVERIFY(pcm.size() <= 4096 && pcm.size() % 2 == 0);
                audioBytes += int(pcm.size());
            }
            if (order.isEmpty() || order.last() != type)
                order.append(type);
        }
        QCOMPARE(order, (QStringList{QStringLiteral("transcription"), QStringLiteral("intent"), QStringLiteral("tool_call"),
                                     QStringLiteral("agent_response"), QStringLiteral("audio_response")}));
        QCOMPARE(turn[0]["data"]["text"].get<QString>(), QStringLiteral("investigate the contracts of the ministry of health"));
        QCOMPARE(turn[1]["data"]["intent"].get<QString>(), QStringLiteral("investigate"));
        QCOMPARE(turn[2]["data"]["tool"].get<QString>(), QStringLiteral("start_investigation"));
        QCOMPARE(turn[2]["data"]["parameters"]["data_source"].get<QString>(), QStringLiteral("contracts"));
        QVERIFY(audioBytes > 16000 * 2); // more than a second of speech
        // The investigation exists for this user.
        HttpClient http;
        const HttpResult list = http.get(m_server->url(QStringLiteral("/api/v1/investigations")), bearer(m_token));
        QCOMPARE(list.status, 200);
        QVERIFY2(list.body.contains("ministry of health") || list.body.contains("Minist"), list.body.constData());
    }

    void bargeInCancelsTheReplyAtOnce()
    {
        checkCancel([](WsClient& client) { client.sendJson(voiceMessage("barge_in")); });
    }

    void startSpeakingDuringTheReplyCancelsIt()
    {
        checkCancel([](WsClient& client) {
            client.sendJson(voiceMessage("start_speaking"));
            client.sendJson(voiceMessage("barge_in")); // leaves the new, empty utterance behind
        });
    }

    void speechDuringTheReplyCancelsIt()
    {
        // No start_speaking: the server's VAD notices the user talking over the reply.
        checkCancel([](WsClient& client) {
            for (const QString& chunk : audioChunks(speak(QStringLiteral("stop stop"), QStringLiteral("en"), 0)))
                client.sendJson(voiceMessage("audio_chunk", Json{{"audio", chunk}}));
        });
    }
};

QTEST_GUILESS_MAIN(TestVoiceWs)
#include "tst_voice_ws.moc"
