// SPDX-License-Identifier: GPL-3.0-or-later
#include "phraser.h"

#include "protocol/jsonqt.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace cidadao::agents {

Phraser::Phraser(PhraserConfig config)
    : m_config(std::move(config))
{
}

QStringList Phraser::numbers(const QString& text)
{
    static const QRegularExpression number(QStringLiteral(R"(\d[\d.,]*\d|\d)"));
    QStringList out;
    for (auto it = number.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(0));
    return out;
}

std::optional<QString> Phraser::rephrase(const QString& text, Language language, const std::atomic_bool& cancel) const
{
    QString endpoint = m_config.url;
    if (!endpoint.endsWith(QLatin1String("/chat/completions"))) {
        while (endpoint.endsWith(u'/'))
            endpoint.chop(1);
        endpoint += endpoint.endsWith(QLatin1String("/v1")) ? QStringLiteral("/chat/completions")
                                                            : QStringLiteral("/v1/chat/completions");
    }
    const QUrl url(endpoint);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return std::nullopt;

    const QString instruction = pick(
        language,
        QStringLiteral("Reescreva a resposta abaixo em português do Brasil claro e cordial para um cidadão. Mantenha exatamente todos os números, valores, datas, nomes e listas; não acrescente fatos."),
        QStringLiteral("Rewrite the answer below in clear, friendly English for a citizen. Keep every number, amount, date, name and list exactly; add no facts."));
    protocol::Json body{{"model", m_config.model.isEmpty() ? QStringLiteral("default") : m_config.model},
                        {"temperature", 0.2},
                        {"messages", protocol::Json::array({protocol::Json{{"role", "system"}, {"content", instruction}},
                                                            protocol::Json{{"role", "user"}, {"content", text}}})}};
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_config.key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.key.toUtf8());
    request.setTransferTimeout(m_config.timeoutMs);

    // A manager per call: it belongs to this worker thread, which runs its own short event loop.
    QNetworkAccessManager manager;
    QNetworkReply* reply = manager.post(request, protocol::toBytes(body));
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancel.load())
            reply->abort();
    });
    poll.start();
    loop.exec();
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError)
        return std::nullopt;
    const QByteArray answer = reply->readAll();
    const protocol::Json parsed = protocol::Json::parse(answer.constBegin(), answer.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    const auto choices = parsed.find("choices");
    if (choices == parsed.end() || !choices->is_array() || choices->empty())
        return std::nullopt;
    const auto& message = (*choices)[0].value("message", protocol::Json::object());
    if (!message.contains("content") || !message["content"].is_string())
        return std::nullopt;
    const QString rewritten = message["content"].get<QString>().trimmed();
    if (rewritten.isEmpty())
        return std::nullopt;
    const QStringList after = numbers(rewritten);
    for (const QString& number : numbers(text)) {
        if (!after.contains(number))
            return std::nullopt; // a number was dropped or changed: keep the composed answer
    }
    return rewritten;
}

} // namespace cidadao::agents
