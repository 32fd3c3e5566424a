// SPDX-License-Identifier: GPL-3.0-or-later
// The command line of `cidadao-server` (serving mode). Subcommands (import, generate, evaluate)
// have their own parsers in the libraries that implement them.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::server {

struct ServerOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8000;
    QString dataDir;
    bool dev = false;
    bool allowAnonymous = false;
    bool embedded = false;

    // Accounts and abuse protection (spec/API.md §2-§3).
    QString jwtSecretFile;          // empty: <data-dir>/jwt-secret, created 0600 at first start
    qint64 accessTtlSeconds = 1800;
    qint64 refreshTtlSeconds = 7 * 24 * 3600;
    QString createAdminEmail;       // set: create that admin and exit
    int loginMaxFailures = 5;
    qint64 lockoutSeconds = 15 * 60;
    int rateLimitPerMinute = 120;   // every API route, per user (or address)
    int loginRateLimitPerMinute = 10;
    int anonymousRateLimitPerMinute = 30;
    int wsMessagesPerMinute = 600;  // /ws client messages per connection (RATE_LIMITED beyond)
    // Optional phrasing of chat answers through an OpenAI-compatible chat-completions endpoint (off
    // when the URL is empty). The key is read from a file so it never shows in the process list.
    QString llmUrl;
    QString llmModel;
    QString llmKeyFile;
    // Voice (spec/API.md §8): offline PocketSphinx models per language ("pt-BR=/dir"), or an
    // OpenAI-compatible /v1/audio/transcriptions endpoint; espeak-ng data; the default language.
    QStringList sttModelDirs;
    QString sttUrl;
    QString sttModel;
    QString sttKeyFile;
    QString ttsDataDir;
    QString voiceLanguage = QStringLiteral("en-US");
};

struct ParsedOptions
{
    std::optional<ServerOptions> options; // empty: exit with exitCode (help, version, error)
    int exitCode = 0;
    QString message; // what to print: help/version text on stdout, error on stderr
};

ParsedOptions parseServerOptions(const QStringList& arguments);
QString defaultDataDir();

} // namespace cidadao::server
