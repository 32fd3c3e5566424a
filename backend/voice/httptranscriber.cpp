// SPDX-License-Identifier: GPL-3.0-or-later
#include "httptranscriber.h"

#include "protocol/jsonqt.h"

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace cidadao::voice {

namespace {

QHttpPart formField(const char* name, const QByteArray& value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray(QByteArray("form-data; name=\"") + name + '"'));
    part.setBody(value);
    return part;
}

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    return host == QLatin1String("localhost") || host.startsWith(QLatin1String("127.")) || host == QLatin1String("::1");
}

} // namespace

HttpTranscriber::HttpTranscriber(HttpTranscriberOptions options)
    : m_options(std::move(options))
    , m_endpoint(m_options.url)
{
    if (m_endpoint.path().isEmpty() || m_endpoint.path() == QLatin1String("/"))
        m_endpoint.setPath(QStringLiteral("/v1/audio/transcriptions"));
}

QStringList HttpTranscriber::offlineLanguages() const
{
    // A server on this machine (whisper.cpp) works without a network; what it knows is its model's business.
    return isLoopback(m_endpoint) ? QStringList{QStringLiteral("*")} : QStringList{};
}

Transcript HttpTranscriber::transcribe(const Samples& pcm, const QString& language, const std::atomic_bool& cancel)
{
    QNetworkAccessManager network;
    auto* multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"file\"; filename=\"utterance.wav\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("audio/wav"));
    file.setBody(wavFile(pcm, 16000));
    multipart->append(file);
    multipart->append(formField("model", m_options.model.toUtf8()));
    multipart->append(formField("response_format", "json"));
    const QString iso639 = language.section(QLatin1Char('-'), 0, 0).toLower();
    if (!iso639.isEmpty())
        multipart->append(formField("language", iso639.toUtf8()));

    QNetworkRequest request(m_endpoint);
    request.setTransferTimeout(m_options.timeoutMs);
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader("Authorization", QByteArray("Bearer " + m_options.apiKey.toUtf8()));
    QNetworkReply* reply = network.post(request, multipart);
    multipart->setParent(reply);

    QEventLoop loop;
    QTimer cancelPoll;
    cancelPoll.setInterval(10);
    QObject::connect(&cancelPoll, &QTimer::timeout, reply, [&cancel, reply] {
        if (cancel.load())
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    cancelPoll.start();
    loop.exec();
    const std::unique_ptr<QNetworkReply> owner(reply);

    Transcript transcript;
    transcript.language = language;
    transcript.engine = QStringLiteral("http");
    if (cancel.load())
        return transcript;
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // Never reached the server: refused, unknown host, timeout.
        throw SttError(SttError::Kind::Unavailable, QStringLiteral("the transcription endpoint %1 is unreachable: %2")
                                                        .arg(m_endpoint.toString(), reply->errorString()));
    }
    const QByteArray body = reply->readAll();
    if (error != QNetworkReply::NoError || status / 100 != 2)
        throw SttError(SttError::Kind::Failed,
                       QStringLiteral("the transcription endpoint answered %1").arg(status));
    const protocol::Json json = protocol::Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("text") || !json["text"].is_string())
        throw SttError(SttError::Kind::Failed, QStringLiteral("the transcription endpoint did not answer {\"text\": ...}"));
    transcript.text = QString::fromStdString(json["text"].get<std::string>()).simplified();
    return transcript;
}

} // namespace cidadao::voice
