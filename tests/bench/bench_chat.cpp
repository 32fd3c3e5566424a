// SPDX-License-Identifier: GPL-3.0-or-later
// Chat benchmark against a real cidadao-server on generated data:
//  - POST /chat/message throughput and latency at 32 concurrent clients, against GET /health with the
//    same clients in the same run (the reference: same server, no chat work);
//  - POST /chat/stream time-to-first-event and time-to-complete (p50/p99) at 32 concurrent clients;
//  - the chat WebSocket: 500 clients subscribed to one investigation, each counting every
//    investigation_update it receives, and ping→pong round trips (p50/p99) across the 500.
// Prints one JSON object. Not a test: timings on a shared machine are information, not pass/fail.
// Usage: bench_chat [--records N] [--seconds S] [--clients N] [--sockets N]
#include "../backend_api/chattestsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace cidadao::testing;
using cidadao::protocol::Json;
namespace protocol = cidadao::protocol;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

int argValue(const QStringList& args, const QString& name, int fallback)
{
    const auto i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

void runLoopFor(int ms, const std::function<bool()>& done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// `clients` loops of one request each, for `seconds`; returns latencies in ms.
struct LoadResult
{
    std::vector<double> latencies;
    int errors = 0;
    double seconds = 0.0;
};

LoadResult httpLoad(int clients, int seconds, const std::function<QNetworkRequest()>& makeRequest,
                    const std::function<QByteArray(int)>& body, const QByteArray& method)
{
    LoadResult result;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QElapsedTimer clock;
    clock.start();
    int inFlight = 0;
    int sequence = 0;
    std::function<void(QNetworkAccessManager*)> fire = [&](QNetworkAccessManager* manager) {
        if (clock.elapsed() >= seconds * 1000)
            return;
        ++inFlight;
        QElapsedTimer* started = new QElapsedTimer;
        started->start();
        QNetworkReply* reply = method == "GET" ? manager->get(makeRequest()) : manager->post(makeRequest(), body(sequence++));
        QObject::connect(reply, &QNetworkReply::finished, manager, [&, reply, started, manager] {
            --inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200)
                result.latencies.push_back(double(started->nsecsElapsed()) / 1e6);
            else
                ++result.errors;
            delete started;
            reply->deleteLater();
            fire(manager);
        });
    };
    for (int i = 0; i < clients; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        fire(managers.back().get());
    }
    runLoopFor(seconds * 1000 + 120000, [&] { return inFlight == 0; });
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int records = argValue(args, QStringLiteral("--records"), 20000);
    const int seconds = argValue(args, QStringLiteral("--seconds"), 10);
    const int clients = argValue(args, QStringLiteral("--clients"), 32);
    const int sockets = argValue(args, QStringLiteral("--sockets"), 500);

    QTemporaryDir scratch;
    QString error;
    auto server = startServerWithData(scratch, 7, records,
                                      {QStringLiteral("--rate-limit"), QStringLiteral("1000000000"),
                                       QStringLiteral("--login-rate-limit"), QStringLiteral("100000")},
                                      &error);
    if (!server) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    HttpClient http;
    const QString token = registerAndLogin(http, *server, QStringLiteral("bench@example.org"));
    const QByteArray auth = "Bearer " + token.toUtf8();
    auto request = [&](const QString& path) {
        QNetworkRequest r(server->url(path));
        r.setRawHeader("Authorization", auth);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return r;
    };
    const QList<QByteArray> messages = {
        protocol::toBytes(Json{{"message", "olá"}}),
        protocol::toBytes(Json{{"message", "o que você pode fazer?"}}),
        protocol::toBytes(Json{{"message", "quais são os maiores fornecedores da saúde?"}}),
        protocol::toBytes(Json{{"message", "what is expense splitting?"}}),
    };

    // 1. /chat/message vs /health, same clients, same run.
    const LoadResult health = httpLoad(clients, seconds, [&] { return request(QStringLiteral("/health")); },
                                       [](int) { return QByteArray(); }, "GET");
    const LoadResult message = httpLoad(clients, seconds, [&] { return request(QStringLiteral("/api/v1/chat/message")); },
                                        [&](int i) { return messages[i % messages.size()]; }, "POST");

    // 2. /chat/stream: time to the first event and to the end.
    std::vector<double> firstEvent;
    std::vector<double> complete;
    int streamErrors = 0;
    {
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QElapsedTimer clock;
        clock.start();
        int inFlight = 0;
        const QByteArray body = protocol::toBytes(
            Json{{"message", "mostre os contratos do Ministério da Saúde acima de 100 mil"}, {"agent_id", "anita"}});
        std::function<void(QNetworkAccessManager*)> fire = [&](QNetworkAccessManager* manager) {
            if (clock.elapsed() >= seconds * 1000)
                return;
            ++inFlight;
            auto started = std::make_shared<QElapsedTimer>();
            auto first = std::make_shared<bool>(false);
            auto sawComplete = std::make_shared<bool>(false);
            started->start();
            QNetworkReply* reply = manager->post(request(QStringLiteral("/api/v1/chat/stream")), body);
            QObject::connect(reply, &QNetworkReply::readyRead, manager, [&, reply, started, first, sawComplete] {
                const QByteArray bytes = reply->readAll();
                if (!*first && bytes.contains("data: ")) {
                    *first = true;
                    firstEvent.push_back(double(started->nsecsElapsed()) / 1e6);
                }
                if (bytes.contains("\"type\":\"complete\""))
                    *sawComplete = true;
            });
            QObject::connect(reply, &QNetworkReply::finished, manager, [&, reply, started, sawComplete, manager] {
                --inFlight;
                if (*sawComplete)
                    complete.push_back(double(started->nsecsElapsed()) / 1e6);
                else
                    ++streamErrors;
                reply->deleteLater();
                fire(manager);
            });
        };
        for (int i = 0; i < clients; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            fire(managers.back().get());
        }
        runLoopFor(seconds * 1000 + 120000, [&] { return inFlight == 0; });
    }

    // 3. WebSocket fan-out: blockers keep the (one-at-a-time) investigation runner busy so that the
    // watched investigation has not started when the sockets subscribe, then every update is counted.
    auto start = [&](const QString& query) {
        const HttpResult r = http.postJson(server->url(QStringLiteral("/api/v1/investigations/start")),
                                           Json{{"query", query}, {"data_source", "contracts"},
                                                {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}},
                                           bearer(token));
        return r.json().value("investigation_id", std::string());
    };
    for (int i = 0; i < 3; ++i)
        start(QStringLiteral("blocker %1").arg(i));
    const QString watched = QString::fromStdString(start(QStringLiteral("watched by the bench")));
    std::vector<std::unique_ptr<QWebSocket>> socketsList;
    std::vector<int> updates(std::size_t(sockets), 0);
    std::vector<int> snapshots(std::size_t(sockets), 0);
    std::vector<bool> finished(std::size_t(sockets), false);
    std::vector<QString> snapshotStatus(static_cast<std::size_t>(sockets));
    std::vector<double> pings;
    std::vector<std::shared_ptr<QElapsedTimer>> pingTimers;
    int connected = 0;
    int pongsPending = 0;
    QElapsedTimer connectClock;
    connectClock.start();
    for (int i = 0; i < sockets; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket* s = socket.get();
        auto pingTimer = std::make_shared<QElapsedTimer>();
        pingTimers.push_back(pingTimer);
        QObject::connect(s, &QWebSocket::textMessageReceived, s, [&, i, s, pingTimer](const QString& text) {
            const Json m = Json::parse(text.toStdString(), nullptr, false);
            const std::string type = m.value("type", std::string());
            if (type == "connection") {
                ++connected;
            } else if (type == "investigation_update") {
                if (snapshots[std::size_t(i)] == 0) {
                    snapshots[std::size_t(i)] = 1;
                    snapshotStatus[std::size_t(i)] = QString::fromStdString(m["data"].value("status", std::string()));
                } else {
                    ++updates[std::size_t(i)];
                }
                const std::string status = m["data"].value("status", std::string());
                if (status == "completed" || status == "failed" || status == "cancelled")
                    finished[std::size_t(i)] = true;
            } else if (type == "pong") {
                pings.push_back(double(pingTimer->nsecsElapsed()) / 1e6);
                --pongsPending;
            }
            Q_UNUSED(s);
        });
        QUrl url = server->webSocketUrl(QStringLiteral("/api/v1/ws/investigations/") + watched);
        url.setQuery(QStringLiteral("token=") + token);
        s->open(url);
        socketsList.push_back(std::move(socket));
    }
    runLoopFor(120000, [&] { return connected == sockets && std::count(snapshots.begin(), snapshots.end(), 1) == sockets; });
    const double connectSeconds = double(connectClock.nsecsElapsed()) / 1e9;
    const int subscribedBeforeStart = int(std::count(snapshotStatus.begin(), snapshotStatus.end(), QStringLiteral("started")));
    runLoopFor(600000, [&] { return std::count(finished.begin(), finished.end(), true) == sockets; });
    // Ping round trips across every socket, ten rounds.
    for (int round = 0; round < 10; ++round) {
        pongsPending = sockets;
        for (int i = 0; i < sockets; ++i) {
            pingTimers[std::size_t(i)]->start();
            socketsList[std::size_t(i)]->sendTextMessage(QString::fromUtf8(protocol::toBytes(chatEnvelope(QStringLiteral("ping"), Json::object()))));
        }
        runLoopFor(60000, [&] { return pongsPending <= 0; });
    }
    const auto [minUpdates, maxUpdates] = std::minmax_element(updates.begin(), updates.end());

    Json out{{"records", records},
             {"clients", clients},
             {"chat_message", {{"requests", message.latencies.size()},
                               {"errors", message.errors},
                               {"req_per_s", message.latencies.size() / message.seconds},
                               {"p50_ms", percentile(message.latencies, 0.5)},
                               {"p99_ms", percentile(message.latencies, 0.99)}}},
             {"reference_health", {{"req_per_s", health.latencies.size() / health.seconds},
                                   {"p50_ms", percentile(health.latencies, 0.5)},
                                   {"p99_ms", percentile(health.latencies, 0.99)}}},
             {"ratio_message_over_health", health.latencies.empty() ? 0.0
                                                : (message.latencies.size() / message.seconds) / (health.latencies.size() / health.seconds)},
             {"chat_stream", {{"streams", complete.size()},
                              {"errors", streamErrors},
                              {"first_event_p50_ms", percentile(firstEvent, 0.5)},
                              {"first_event_p99_ms", percentile(firstEvent, 0.99)},
                              {"complete_p50_ms", percentile(complete, 0.5)},
                              {"complete_p99_ms", percentile(complete, 0.99)}}},
             {"websocket", {{"sockets", sockets},
                            {"connected", connected},
                            {"connect_and_subscribe_s", connectSeconds},
                            {"subscribed_before_run_started", subscribedBeforeStart},
                            {"finished", std::count(finished.begin(), finished.end(), true)},
                            {"updates_min", *minUpdates},
                            {"updates_max", *maxUpdates},
                            {"all_received_every_update", *minUpdates == *maxUpdates && *maxUpdates > 0},
                            {"pings", pings.size()},
                            {"ping_p50_ms", percentile(pings, 0.5)},
                            {"ping_p99_ms", percentile(pings, 0.99)}}}};
    std::printf("%s\n", out.dump(2).c_str());
    for (auto& s : socketsList)
        s->abort();
    server->stop();
    return 0;
}
