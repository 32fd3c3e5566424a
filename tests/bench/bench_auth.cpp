// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts benchmark (not a test): login latency against a real server, next to the bare argon2id
// verify it is built on (the reference: what a login cannot be faster than), measured in the
// same run. Prints one JSON object. Throughput of GET /api/v1/auth/me is measured by
// bench_auth.sh with wrk, next to GET /health.
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include "auth/crypto.h"
#include "auth/passwordhasher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace cidadao;

static double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = std::size_t(p * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 30;

    // Reference: argon2id verify at the server's (interactive) cost, in-process.
    auth::Crypto crypto;
    auth::PasswordHasher hasher(crypto);
    const QString stored = hasher.hash(QStringLiteral("bench-password-1"));
    std::vector<double> bare;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!hasher.verify(stored, QStringLiteral("bench-password-1")))
            return 1;
        bare.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    testing::ServerProcess server({QStringLiteral("--login-rate-limit"), QStringLiteral("100000")});
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    testing::HttpClient http;
    const protocol::Json credentials{{"email", "bench@example.org"}, {"password", "bench-password-1"}};
    protocol::Json registration = credentials;
    registration["name"] = "Bench";
    http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), registration);
    std::vector<double> logins;
    QString token;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        const testing::HttpResult result = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), credentials);
        logins.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (result.status != 200)
            return 1;
        token = result.json()["access_token"].get<QString>();
    }
    server.stop();

    const protocol::Json out{
        {"rounds", rounds},
        {"login_ms", {{"p50", percentile(logins, 0.5)}, {"p99", percentile(logins, 0.99)}}},
        {"reference_argon2id_verify_ms", {{"p50", percentile(bare, 0.5)}, {"p99", percentile(bare, 0.99)}}},
        {"login_over_bare_verify_p50", percentile(logins, 0.5) / percentile(bare, 0.5)},
        {"argon2", {{"opslimit", hasher.limits().opsLimit}, {"memlimit_bytes", hasher.limits().memLimit}}}};
    std::puts(protocol::toBytes(out).constData());
    return 0;
}
