// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationfixture.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

namespace cidadao::testing {

using protocol::Json;

namespace {

QByteArray runServerCommand(const QStringList& arguments, int* exitCode)
{
    QProcess process;
    process.start(QStringLiteral(CIDADAO_SERVER_BINARY), arguments);
    process.waitForFinished(600000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (*exitCode != 0)
        qWarning() << arguments << process.readAllStandardError();
    return process.readAllStandardOutput();
}

} // namespace

Json generateDataset(int seed, int records, const QString& outDir)
{
    int exitCode = 0;
    const QByteArray out = runServerCommand({QStringLiteral("generate"), QStringLiteral("--seed"), QString::number(seed),
                                             QStringLiteral("--records"), QString::number(records),
                                             QStringLiteral("--out"), outDir},
                                            &exitCode);
    if (exitCode != 0)
        return Json();
    const qsizetype start = out.indexOf('{');
    return start < 0 ? Json() : Json::parse(out.mid(start).toStdString(), nullptr, false);
}

QString generatedFile(const Json& summary, const QString& source)
{
    if (!summary.is_object() || !summary.contains("files"))
        return {};
    for (const Json& file : summary["files"]) {
        if (file["source"].get<QString>() == source)
            return file["path"].get<QString>();
    }
    return {};
}

bool importWithCli(const QString& dataDir, const Json& summary, const QStringList& sources)
{
    for (const QString& source : sources) {
        const QString file = generatedFile(summary, source);
        if (file.isEmpty())
            return false;
        QStringList args{QStringLiteral("import"), QStringLiteral("--data-dir"), dataDir};
        if (source == QLatin1String("servants")) {
            args << QStringLiteral("--source") << QStringLiteral("servants") << QStringLiteral("--servant-registry")
                 << generatedFile(summary, QStringLiteral("servant_registry"));
        } else {
            args << QStringLiteral("--source") << source;
        }
        args << file;
        int exitCode = 0;
        runServerCommand(args, &exitCode);
        if (exitCode != 0)
            return false;
    }
    return true;
}

Headers bearer(const QString& token)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()}};
}

QString registerAndLogin(HttpClient& http, const ServerProcess& server, const QString& email)
{
    const QString password = QStringLiteral("correct-horse-9");
    http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                  Json{{"email", email}, {"password", password}, {"name", "Teste"}});
    const HttpResult login = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                           Json{{"email", email}, {"password", password}});
    if (login.status != 200)
        return {};
    return login.json()["access_token"].get<QString>();
}

QList<Json> readEventStream(const QUrl& url, const QString& token, const QString& stopType, int timeoutMs, int* status)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept", "text/event-stream");
    QNetworkReply* reply = manager.get(request);
    QList<Json> events;
    QByteArray buffer;
    QEventLoop loop;
    bool stopped = false;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        buffer += reply->readAll();
        qsizetype end = 0;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
            const QByteArray block = buffer.left(end);
            buffer.remove(0, end + 2);
            for (const QByteArray& line : block.split('\n')) {
                if (!line.startsWith("data:"))
                    continue;
                Json event = Json::parse(line.mid(5).trimmed().toStdString(), nullptr, false);
                if (event.is_discarded())
                    continue;
                events.append(event);
                if (event.value("type", std::string()) == stopType.toStdString())
                    stopped = true;
            }
        }
        if (stopped)
            loop.quit();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!stopped && reply->isFinished() && status && *status == 0)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->abort();
    reply->deleteLater();
    return events;
}

} // namespace cidadao::testing
