// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

namespace cidadao::server {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/cidadao-server");
}

ParsedOptions parseServerOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Cidadão.AI server: the API for investigating Brazilian public spending.\n"
        "Subcommands: import, generate, evaluate (run `cidadao-server <subcommand> --help`)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one (default 8000)."),
                                  QStringLiteral("port"), QStringLiteral("8000"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Directory of the database and keys."),
                                     QStringLiteral("dir"), defaultDataDir());
    const QCommandLineOption dev(QStringLiteral("dev"),
                                 QStringLiteral("Developer mode: error types in 500 answers, diagnostic routes."));
    const QCommandLineOption anonymous(QStringLiteral("allow-anonymous"),
                                       QStringLiteral("Serve chat and public investigations without a token."));
    const QCommandLineOption embedded(QStringLiteral("embedded"),
                                      QStringLiteral("Run as the desktop app's local backend."));
    const QCommandLineOption jwtSecret(QStringLiteral("jwt-secret-file"),
                                       QStringLiteral("Read the token signing key from this file (mode 0600, >= 32 bytes)."),
                                       QStringLiteral("file"));
    const QCommandLineOption accessTtl(QStringLiteral("access-ttl"), QStringLiteral("Access token lifetime (default 1800)."),
                                       QStringLiteral("seconds"), QStringLiteral("1800"));
    const QCommandLineOption refreshTtl(QStringLiteral("refresh-ttl"),
                                        QStringLiteral("Refresh token lifetime (default 604800)."),
                                        QStringLiteral("seconds"), QStringLiteral("604800"));
    const QCommandLineOption createAdmin(QStringLiteral("create-admin"),
                                         QStringLiteral("Create an admin account and exit. The password is read from "
                                                        "standard input, or generated and printed once."),
                                         QStringLiteral("email"));
    const QCommandLineOption maxFailures(QStringLiteral("login-max-failures"),
                                         QStringLiteral("Failed logins from one address before a lockout (default 5)."),
                                         QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption lockout(QStringLiteral("lockout-seconds"), QStringLiteral("Lockout length (default 900)."),
                                     QStringLiteral("seconds"), QStringLiteral("900"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       QStringLiteral("Requests per minute per client on the API (default 120)."),
                                       QStringLiteral("n"), QStringLiteral("120"));
    const QCommandLineOption loginRate(QStringLiteral("login-rate-limit"),
                                       QStringLiteral("Login attempts per minute per address (default 10)."),
                                       QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption anonymousRate(QStringLiteral("anonymous-rate-limit"),
                                           QStringLiteral("Requests per minute per address without an account (default 30)."),
                                           QStringLiteral("n"), QStringLiteral("30"));
    parser.addOptions({help, version, host, port, dataDir, dev, anonymous, embedded, jwtSecret, accessTtl, refreshTtl,
                       createAdmin, maxFailures, lockout, rateLimit, loginRate, anonymousRate});
    const QCommandLineOption wsRate(QStringLiteral("ws-rate-limit"),
                                    QStringLiteral("Messages per minute per /ws connection (default 600)."),
                                    QStringLiteral("n"), QStringLiteral("600"));
    parser.addOption(wsRate);
    const QCommandLineOption llmUrl(QStringLiteral("llm-url"),
                                    QStringLiteral("OpenAI-compatible chat-completions endpoint that phrases chat answers "
                                                   "(off by default)."),
                                    QStringLiteral("url"));
    const QCommandLineOption llmModel(QStringLiteral("llm-model"), QStringLiteral("Model name sent to --llm-url."),
                                      QStringLiteral("name"));
    const QCommandLineOption llmKeyFile(QStringLiteral("llm-key-file"),
                                        QStringLiteral("File holding the API key for --llm-url."), QStringLiteral("file"));
    parser.addOptions({llmUrl, llmModel, llmKeyFile});
    const QCommandLineOption sttModelDir(QStringLiteral("stt-model-dir"),
                                         QStringLiteral("Offline PocketSphinx model for a language, as LANG=DIR (e.g. "
                                                        "pt-BR=/opt/cmusphinx-pt-br); repeatable. en-US uses Debian's "
                                                        "pocketsphinx-en-us when installed."),
                                         QStringLiteral("lang=dir"));
    const QCommandLineOption sttUrl(QStringLiteral("stt-url"),
                                    QStringLiteral("OpenAI-compatible /v1/audio/transcriptions endpoint (e.g. a whisper.cpp "
                                                   "server) used instead of PocketSphinx."),
                                    QStringLiteral("url"));
    const QCommandLineOption sttModel(QStringLiteral("stt-model"), QStringLiteral("Model name sent to --stt-url."),
                                      QStringLiteral("name"), QStringLiteral("whisper-1"));
    const QCommandLineOption sttKeyFile(QStringLiteral("stt-key-file"),
                                        QStringLiteral("File holding the API key for --stt-url."), QStringLiteral("file"));
    const QCommandLineOption ttsData(QStringLiteral("tts-data-dir"),
                                     QStringLiteral("espeak-ng data directory (default: the system's)."),
                                     QStringLiteral("dir"));
    const QCommandLineOption voiceLanguage(QStringLiteral("voice-language"),
                                           QStringLiteral("Default language of voice sessions (default en-US)."),
                                           QStringLiteral("lang"), QStringLiteral("en-US"));
    parser.addOptions({sttModelDir, sttUrl, sttModel, sttKeyFile, ttsData, voiceLanguage});

    ParsedOptions result;
    if (!parser.parse(arguments)) {
        result.exitCode = 2;
        result.message = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.message = QStringLiteral("cidadao-server " CIDADAO_VERSION);
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.exitCode = 2;
        result.message = QStringLiteral("unknown argument: %1").arg(parser.positionalArguments().constFirst());
        return result;
    }
    ServerOptions options;
    if (!options.host.setAddress(parser.value(host))) {
        result.exitCode = 2;
        result.message = QStringLiteral("--host: not an IP address: %1").arg(parser.value(host));
        return result;
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        result.exitCode = 2;
        result.message = QStringLiteral("--port: must be 0..65535, got %1").arg(parser.value(port));
        return result;
    }
    options.port = quint16(portNumber);
    options.dataDir = parser.value(dataDir);
    options.dev = parser.isSet(dev);
    options.allowAnonymous = parser.isSet(anonymous);
    options.embedded = parser.isSet(embedded);
    options.jwtSecretFile = parser.value(jwtSecret);
    options.createAdminEmail = parser.value(createAdmin);

    // Every number option: a positive integer, or a precise error naming the option.
    const auto positive = [&](const QCommandLineOption& option, qint64* out) {
        bool valid = false;
        const qint64 value = parser.value(option).toLongLong(&valid);
        if (!valid || value < 1) {
            result.exitCode = 2;
            result.message = QStringLiteral("--%1: must be a positive integer, got %2")
                                 .arg(option.names().constFirst(), parser.value(option));
            return false;
        }
        *out = value;
        return true;
    };
    qint64 failures = 0, rate = 0, loginRateValue = 0, anonymousRateValue = 0;
    if (!positive(accessTtl, &options.accessTtlSeconds) || !positive(refreshTtl, &options.refreshTtlSeconds)
        || !positive(maxFailures, &failures) || !positive(lockout, &options.lockoutSeconds)
        || !positive(rateLimit, &rate) || !positive(loginRate, &loginRateValue)
        || !positive(anonymousRate, &anonymousRateValue))
        return result;
    options.loginMaxFailures = int(qMin<qint64>(failures, 1000000));
    options.rateLimitPerMinute = int(qMin<qint64>(rate, 1000000000));
    options.loginRateLimitPerMinute = int(qMin<qint64>(loginRateValue, 1000000000));
    options.anonymousRateLimitPerMinute = int(qMin<qint64>(anonymousRateValue, 1000000000));
    qint64 wsRateValue = 0;
    if (!positive(wsRate, &wsRateValue))
        return result;
    options.wsMessagesPerMinute = int(qMin<qint64>(wsRateValue, 1000000000));
    options.llmUrl = parser.value(llmUrl);
    options.llmModel = parser.value(llmModel);
    options.llmKeyFile = parser.value(llmKeyFile);
    options.sttModelDirs = parser.values(sttModelDir);
    for (const QString& entry : std::as_const(options.sttModelDirs)) {
        if (!entry.contains(QLatin1Char('=')) || entry.startsWith(QLatin1Char('='))) {
            result.exitCode = 2;
            result.message = QStringLiteral("--stt-model-dir: expected LANG=DIR, got %1").arg(entry);
            return result;
        }
    }
    options.sttUrl = parser.value(sttUrl);
    options.sttModel = parser.value(sttModel);
    options.sttKeyFile = parser.value(sttKeyFile);
    options.ttsDataDir = parser.value(ttsData);
    options.voiceLanguage = parser.value(voiceLanguage);
    result.options = options;
    return result;
}

} // namespace cidadao::server
