// SPDX-License-Identifier: GPL-3.0-or-later
#include "voiceservice.h"

#include "espeaksynthesizer.h"
#include "httptranscriber.h"
#include "liveturn.h"
#include "pocketsphinxrecognizer.h"
#include "voicesocket.h"

#include "protocol/voice.h"
#include "protocol/wsenvelopes.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUrlQuery>

namespace cidadao::voice {

using protocol::Json;

namespace {

bool isPortuguese(const QString& language)
{
    return language.startsWith(QLatin1String("pt"), Qt::CaseInsensitive) || language == QLatin1String("*");
}

} // namespace

VoiceService::VoiceService(VoiceConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_pool.setMaxThreadCount(qMax(1, m_config.workerThreads));
    m_pool.setObjectName(QStringLiteral("voice-workers"));
    QHash<QString, QString> models = m_config.modelDirectories;
    const bool hasEnglish = std::any_of(models.keyBegin(), models.keyEnd(), [](const QString& language) {
        return language.startsWith(QLatin1String("en"), Qt::CaseInsensitive);
    });
    if (!hasEnglish && QFileInfo::exists(PocketSphinxRecognizer::debianEnglishModel()))
        models.insert(QStringLiteral("en-US"), PocketSphinxRecognizer::debianEnglishModel());
    m_sphinx = std::make_unique<PocketSphinxRecognizer>(models);
    // A model directory given on the command line is loaded now: /api/v1/info lists only the
    // languages that really work (Debian's en-US model is known to and loads at the first session).
    for (auto it = m_config.modelDirectories.cbegin(); it != m_config.modelDirectories.cend(); ++it)
        m_sphinx->checkAndWarmUp(it.key());
    if (m_config.sttUrl.isValid() && !m_config.sttUrl.isEmpty()) {
        m_http = std::make_unique<HttpTranscriber>(
            HttpTranscriberOptions{m_config.sttUrl, m_config.sttApiKey, m_config.sttModel, 30000});
        m_engines.stt = m_http.get();
    } else if (!m_sphinx->offlineLanguages().isEmpty()) {
        m_engines.stt = m_sphinx.get();
    } else {
        m_engines.sttProblem = QStringLiteral("no speech-to-text: no PocketSphinx model (apt install "
                                              "pocketsphinx-en-us) and no --stt-url");
    }
    m_espeak = std::make_unique<EspeakSynthesizer>(m_config.ttsDataPath);
    m_engines.tts = m_espeak.get(); // a failed start is reported as tts_unavailable by each turn
    m_engines.ttsProblem = m_espeak->errorString();
    m_engines.vad = m_config.vad;
}

VoiceService::~VoiceService()
{
    shutdown();
}

QStringList VoiceService::offlineSttLanguages() const
{
    if (m_http)
        return m_http->offlineLanguages();
    return m_sphinx->offlineLanguages();
}

Json VoiceService::describe() const
{
    const QStringList offline = offlineSttLanguages();
    const bool portugueseOffline = std::any_of(offline.begin(), offline.end(), isPortuguese);
    Json stt{{"engine", m_engines.stt ? m_engines.stt->name() : QString()},
             {"offline_languages", offline},
             {"languages", m_engines.stt ? m_engines.stt->languages() : QStringList()},
             {"portuguese_offline", portugueseOffline}};
    if (!portugueseOffline)
        stt["note"] = "No offline Portuguese speech model ships with Debian: speak English, configure a Brazilian "
                      "Portuguese PocketSphinx model directory (--stt-model-dir pt-BR=DIR), or a transcription "
                      "server (--stt-url).";
    if (!m_sphinx->problems().isEmpty())
        stt["problems"] = m_sphinx->problems();
    Json tts{{"engine", "espeak-ng"}, {"languages", m_espeak->languages()}, {"available", m_espeak->isAvailable()}};
    if (!m_espeak->isAvailable())
        tts["problem"] = m_espeak->errorString();
    return Json{{"stt", stt},
                {"tts", tts},
                {"default_language", m_config.defaultLanguage},
                {"sample_rate", protocol::VoiceAudio::SampleRate},
                {"websocket", "/ws/voice-chat"},
                {"test_page", "/test"}};
}

Json VoiceService::summary() const
{
    const QStringList offline = offlineSttLanguages();
    const bool portugueseOffline = std::any_of(offline.begin(), offline.end(), isPortuguese);
    Json out{{"offline_languages", offline},
             {"synthesis_languages", m_espeak->languages()},
             {"remote_transcription", m_http != nullptr},
             {"portuguese_offline", portugueseOffline}};
    if (!portugueseOffline)
        out["note"] = "No offline Portuguese speech recognition model ships with Debian.";
    return out;
}

VoiceSocket* VoiceService::accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, const http::AuthGate& gate)
{
    QString failure;
    const auto principal = gate.authenticateSocket(*socket, true, &failure);
    if (!principal) {
        Json data;
        protocol::to_json(data, protocol::VoiceErrorPayload{QLatin1String(protocol::VoiceError::Unauthorized),
                                                            failure.isEmpty() ? QStringLiteral("a valid token is required")
                                                                              : failure});
        Json envelope;
        protocol::to_json(envelope, protocol::VoiceEnvelope::make(QLatin1String(protocol::VoiceType::Error), QString(),
                                                                  data, QDateTime::currentDateTimeUtc()));
        envelope.erase("session_id"); // there is no session
        socket->sendTextMessage(QString::fromUtf8(protocol::toBytes(envelope)));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        QWebSocket* released = socket.release();
        QObject::connect(released, &QWebSocket::disconnected, released, &QObject::deleteLater);
        return nullptr;
    }
    QString language = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("language"));
    if (language.isEmpty())
        language = m_config.defaultLanguage;
    warmUp();
    return new VoiceSocket(std::move(socket), messageLimit, *this, *principal, language);
}

void VoiceService::warmUp()
{
    if (m_warm || !m_engines.stt || m_engines.stt != m_sphinx.get())
        return;
    m_warm = true;
    PocketSphinxRecognizer* sphinx = m_sphinx.get();
    const QString language = m_config.defaultLanguage;
    m_pool.start([sphinx, language] { sphinx->warmUp(language); });
}

std::shared_ptr<LiveTurn> VoiceService::openTurn(TurnInput input, TurnOutput output,
                                                 std::shared_ptr<std::atomic_bool> cancel)
{
    {
        std::lock_guard lock(m_cancelsMutex);
        std::erase_if(m_cancels, [](const std::weak_ptr<std::atomic_bool>& flag) { return flag.expired(); });
        m_cancels.push_back(cancel);
    }
    return LiveTurn::create(std::move(input), m_engines, std::move(output), std::move(cancel), m_pool);
}

void VoiceService::shutdown()
{
    {
        std::lock_guard lock(m_cancelsMutex);
        for (const auto& weak : m_cancels)
            if (auto flag = weak.lock())
                flag->store(true);
        m_cancels.clear();
    }
    m_pool.waitForDone();
}

} // namespace cidadao::voice
