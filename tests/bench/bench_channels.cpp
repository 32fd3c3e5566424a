// SPDX-License-Identifier: GPL-3.0-or-later
// /ws fan-out benchmark against a real cidadao-server (--dev): N subscribers (default 1000) on one
// workflow:{executionId} channel, each counting every event of a burst; the fan-out rate (messages
// delivered per second, all subscribers together) against one subscriber alone (the reference);
// and ping→pong round trips (p50/p99), idle and during a burst, against the dev echo socket on the
// same server (the reference: same stack, no channel logic). Prints one JSON line.
// Usage: bench_channels [subscribers] [events] [payload_bytes]
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <vector>

using cidadao::protocol::Json;
using cidadao::testing::HttpClient;
using cidadao::testing::ServerProcess;

namespace {

struct Subscriber
{
    std::unique_ptr<QWebSocket> socket;
    int events = 0;
    bool subscribed = false;
    qint64 lastEventNs = 0; // when its last expected event arrived, on the run's timer
};

double percentile(std::vector<double> samples, double q)
{
    if (samples.empty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const std::size_t rank = std::size_t(std::max(1.0, std::ceil(q * double(samples.size()))));
    return samples[std::min(rank, samples.size()) - 1];
}

// Sequential round trips on one socket: send, wait for the answer, repeat. The wait is an event loop
// that the answer itself quits: QTest::qWaitFor sleeps 10 ms between polls, which would put a 10 ms
// floor under every sample.
std::vector<double> roundTrips(QWebSocket& socket, int count, const std::function<QString(int)>& message)
{
    std::vector<double> samples;
    QEventLoop loop;
    QElapsedTimer timer;
    auto connection = QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString& text) {
        if (text.contains(QLatin1String("\"pong\"")) || text.contains(QLatin1String("\"echo\""))) {
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
            loop.quit();
        }
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    for (int i = 0; i < count; ++i) {
        timer.start();
        socket.sendTextMessage(message(i));
        timeout.start(30000);
        if (std::size_t(i) >= samples.size() && loop.exec() != 0)
            break;
    }
    QObject::disconnect(connection);
    return samples;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int subscribers = argc > 1 ? std::max(1, atoi(argv[1])) : 1000;
    const int events = argc > 2 ? std::max(1, atoi(argv[2])) : 200;
    const int payloadBytes = argc > 3 ? std::max(0, atoi(argv[3])) : 256;

    // 1000 sockets on each side: lift the descriptor limit (the server inherits it).
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    ServerProcess server({QStringLiteral("--dev"), QStringLiteral("--rate-limit"), QStringLiteral("1000000"),
                          QStringLiteral("--ws-rate-limit"), QStringLiteral("1000000")});
    if (!server.start()) {
        qCritical("server: %s", qPrintable(server.errorString()));
        return 1;
    }
    HttpClient http;
    http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                  Json{{"email", "bench@example.org"}, {"password", "bench-password-1"}, {"name", "Bench"}});
    const Json login = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                     Json{{"email", "bench@example.org"}, {"password", "bench-password-1"}})
                           .json();
    const QString token = login["access_token"].get<QString>();
    http.setBearer(token);
    const Json started = http.postJson(server.url(QStringLiteral("/api/v1/workflows/watchlist/execute")), Json::object()).json();
    const QString channel = QStringLiteral("workflow:") + started["executionId"].get<QString>();

    auto open = [&](const QString& path) {
        auto socket = std::make_unique<QWebSocket>();
        QNetworkRequest request(server.webSocketUrl(path));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        socket->open(request);
        return socket;
    };
    const QString subscribe = QString::fromUtf8(
        cidadao::protocol::toBytes(Json{{"type", "subscribe"}, {"payload", {{"channels", {channel}}}}}));

    // Fan-out to `count` subscribers: the time from the publish request to the last delivery.
    auto fanOut = [&](int count) -> Json {
        // The time of each subscriber's last event is taken as it arrives: qWaitFor below notices
        // only every 10 ms.
        QElapsedTimer timer;
        std::vector<Subscriber> subs(static_cast<std::size_t>(count));
        for (Subscriber& sub : subs) {
            sub.socket = open(QStringLiteral("/ws"));
            Subscriber* s = &sub;
            QObject::connect(sub.socket.get(), &QWebSocket::connected, sub.socket.get(),
                             [s, subscribe] { s->socket->sendTextMessage(subscribe); });
            QObject::connect(sub.socket.get(), &QWebSocket::textMessageReceived, sub.socket.get(),
                             [s, &timer, events](const QString& text) {
                if (text.contains(QLatin1String("\"dev_event\""))) {
                    if (++s->events == events)
                        s->lastEventNs = timer.nsecsElapsed();
                } else if (text.contains(QLatin1String("\"subscribed\"")))
                    s->subscribed = true;
            });
        }
        const bool ready = QTest::qWaitFor(
            [&] { return std::all_of(subs.begin(), subs.end(), [](const Subscriber& s) { return s.subscribed; }); }, 300000);
        timer.start();
        http.postJson(server.url(QStringLiteral("/api/v1/dev/channels/publish")),
                      Json{{"channel", channel}, {"count", events}, {"payload_bytes", payloadBytes}});
        const bool all = QTest::qWaitFor(
            [&] { return std::all_of(subs.begin(), subs.end(), [&](const Subscriber& s) { return s.events >= events; }); },
            600000);
        qint64 lastNs = 0;
        for (const Subscriber& s : subs)
            lastNs = std::max(lastNs, s.lastEventNs);
        const double seconds = double(all ? lastNs : timer.nsecsElapsed()) / 1e9;
        qint64 delivered = 0;
        int complete = 0;
        for (const Subscriber& s : subs) {
            delivered += s.events;
            complete += s.events == events ? 1 : 0;
        }
        return Json{{"subscribers", count},
                    {"ready", ready},
                    {"all_received", all},
                    {"subscribers_with_every_event", complete},
                    {"messages_delivered", delivered},
                    {"seconds", seconds},
                    {"messages_per_second", double(delivered) / seconds}};
    };

    const Json reference = fanOut(1);
    const Json many = fanOut(subscribers);

    auto pinger = open(QStringLiteral("/ws"));
    auto echo = open(QStringLiteral("/api/v1/dev/echo"));
    if (!QTest::qWaitFor([&] {
            return pinger->state() == QAbstractSocket::ConnectedState && echo->state() == QAbstractSocket::ConnectedState;
        }, 30000)) {
        qCritical("the ping and echo sockets did not connect");
        return 1;
    }
    const auto ping = [](int i) {
        return QString::fromUtf8(cidadao::protocol::toBytes(Json{{"type", "ping"}, {"timestamp", i}}));
    };
    const std::vector<double> idlePing = roundTrips(*pinger, 500, ping);
    const std::vector<double> idleEcho = roundTrips(*echo, 500, ping);

    // Pings while 1000 subscribers take a burst: keep the subscribers of a second fan-out busy.
    std::vector<double> loadedPing;
    {
        std::vector<Subscriber> subs(static_cast<std::size_t>(subscribers));
        for (Subscriber& sub : subs) {
            sub.socket = open(QStringLiteral("/ws"));
            Subscriber* s = &sub;
            QObject::connect(sub.socket.get(), &QWebSocket::connected, sub.socket.get(),
                             [s, subscribe] { s->socket->sendTextMessage(subscribe); });
            QObject::connect(sub.socket.get(), &QWebSocket::textMessageReceived, sub.socket.get(), [s](const QString& text) {
                if (text.contains(QLatin1String("\"subscribed\"")))
                    s->subscribed = true;
            });
        }
        if (!QTest::qWaitFor(
                [&] { return std::all_of(subs.begin(), subs.end(), [](const Subscriber& s) { return s.subscribed; }); }, 300000))
            qWarning("not every subscriber of the loaded run subscribed");
        // The publish request answers only after queueing everything, so send it without waiting.
        QNetworkAccessManager manager;
        QNetworkRequest request(server.url(QStringLiteral("/api/v1/dev/channels/publish")));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = manager.post(request, cidadao::protocol::toBytes(Json{{"channel", channel},
                                                                                     {"count", events},
                                                                                     {"payload_bytes", payloadBytes}}));
        loadedPing = roundTrips(*pinger, 200, ping);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 600000))
            qWarning("the loaded run's publish did not answer");
        reply->deleteLater();
    }

    const Json out{{"fan_out", many},
                   {"fan_out_reference_1_subscriber", reference},
                   {"ratio_fan_out_rate_vs_1_subscriber", many["messages_per_second"].get<double>()
                                                              / std::max(1.0, reference["messages_per_second"].get<double>())},
                   {"ping_pong_ms", {{"idle_p50", percentile(idlePing, 0.5)},
                                     {"idle_p99", percentile(idlePing, 0.99)},
                                     {"under_fan_out_p50", percentile(loadedPing, 0.5)},
                                     {"under_fan_out_p99", percentile(loadedPing, 0.99)},
                                     {"samples_idle", idlePing.size()},
                                     {"samples_under_load", loadedPing.size()}}},
                   {"reference_echo_ms", {{"idle_p50", percentile(idleEcho, 0.5)}, {"idle_p99", percentile(idleEcho, 0.99)}}},
                   {"ratio_ping_p99_vs_echo_p99", percentile(idlePing, 0.99) / std::max(1e-6, percentile(idleEcho, 0.99))}};
    std::puts(out.dump().c_str());
    server.stop();
    return many["all_received"].get<bool>() ? 0 : 2;
}
