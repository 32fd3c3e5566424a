// SPDX-License-Identifier: GPL-3.0-or-later
#include "voicecontroller.h"

#include "agents/orchestrator.h"
#include "protocol/apierror.h"
#include "voice/voicesocket.h"

#include <QFile>

// The page is compiled into cidadao_voice (a static library): register its resources here.
static void initVoiceResources()
{
    Q_INIT_RESOURCE(cidadao_voice_page);
}

namespace cidadao::server {

namespace {

// A spoken command takes the chat path: intent → agent → answer, with the same tools.
class OrchestratorBrain : public voice::VoiceBrain
{
public:
    explicit OrchestratorBrain(agents::Orchestrator& orchestrator)
        : m_orchestrator(orchestrator)
    {
    }

    voice::BrainReply answer(const QString& utterance, const http::Principal& caller,
                             const std::optional<QString>& investigationId, const voice::BrainCallbacks& callbacks,
                             const std::atomic_bool& cancel) override
    {
        agents::TurnRequest request;
        request.message = utterance;
        request.principal = caller;
        request.investigationId = investigationId;
        request.context = protocol::Json{{"channel", "voice"}};
        const agents::EventSink sink = [&callbacks](const protocol::ChatStreamEvent& event) {
            if (const auto* intent = std::get_if<protocol::StreamIntent>(&event); intent && callbacks.intent)
                callbacks.intent(intent->intent, intent->confidence);
        };
        agents::Answer answer;
        try {
            answer = m_orchestrator.handle(request, sink, cancel);
        } catch (const protocol::ApiException& error) {
            throw voice::BrainError(error.error().message.toStdString());
        }
        voice::BrainReply reply;
        reply.intent = answer.intent;
        reply.confidence = answer.confidence;
        reply.agentId = answer.agentId;
        reply.agentName = answer.agentName;
        reply.text = answer.text;
        reply.language = answer.language;
        reply.investigationId = answer.investigationId;
        for (const agents::ToolCall& call : std::as_const(answer.toolCalls))
            reply.toolCalls.append({call.tool, call.parameters});
        return reply;
    }

private:
    agents::Orchestrator& m_orchestrator;
};

QString readKey(const QString& path)
{
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read --stt-key-file");
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

voice::VoiceConfig VoiceController::configFrom(const ServerOptions& options)
{
    voice::VoiceConfig config;
    for (const QString& entry : options.sttModelDirs)
        config.modelDirectories.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    if (!options.sttUrl.isEmpty())
        config.sttUrl = QUrl(options.sttUrl);
    if (!options.sttModel.isEmpty())
        config.sttModel = options.sttModel;
    config.sttApiKey = readKey(options.sttKeyFile);
    config.ttsDataPath = options.ttsDataDir;
    config.defaultLanguage = options.voiceLanguage.isEmpty() ? QStringLiteral("en-US") : options.voiceLanguage;
    return config;
}

VoiceController::VoiceController(const ServerOptions& options, agents::Orchestrator* orchestrator)
    : m_service(std::make_unique<voice::VoiceService>(configFrom(options)))
{
    if (orchestrator) {
        m_brain = std::make_unique<OrchestratorBrain>(*orchestrator);
        m_service->setBrain(m_brain.get());
    }
    initVoiceResources();
    QFile page(QStringLiteral(":/voice/test.html"));
    if (page.open(QIODevice::ReadOnly))
        m_page = page.readAll();
}

VoiceController::~VoiceController()
{
    shutdown();
}

void VoiceController::shutdown()
{
    if (m_service)
        m_service->shutdown();
}

QStringList VoiceController::features() const
{
    QStringList out{QStringLiteral("voice")};
    const protocol::Json description = m_service->describe();
    for (const auto& language : description["stt"]["offline_languages"])
        out.append(QStringLiteral("voice-stt-offline:") + QString::fromStdString(language.get<std::string>()));
    if (m_service->summary()["remote_transcription"].get<bool>())
        out.append(QStringLiteral("voice-stt-remote")); // any language, through --stt-url
    for (const auto& language : description["tts"]["languages"])
        out.append(QStringLiteral("voice-tts:") + QString::fromStdString(language.get<std::string>()));
    return out;
}

void VoiceController::registerRoutes(http::HttpServer& server, const http::AuthGate& gate)
{
    using namespace std::placeholders;
    server.router().add("GET", QStringLiteral("/test"), std::bind(&VoiceController::testPage, this, _1, _2));
    server.router().add("GET", QStringLiteral("/api/v1/voice"), std::bind(&VoiceController::describe, this, _1, _2));
    const qint64 limit = server.limits().maxWebSocketMessageBytes;
    voice::VoiceService* service = m_service.get();
    const http::AuthGate* authGate = &gate;
    server.addWebSocketEndpoint(QStringLiteral("/ws/voice-chat"),
                                [service, authGate, limit](std::unique_ptr<QWebSocket> socket, const QHash<QString, QString>&) {
                                    return service->accept(std::move(socket), limit, *authGate);
                                });
}

void VoiceController::testPage(http::Request&, http::Responder& responder) const
{
    if (m_page.isEmpty()) {
        responder.error(protocol::notFound(QStringLiteral("the voice test page is not built in")));
        return;
    }
    // The page captures the microphone and opens a socket to this origin only.
    responder.send(200, "text/html; charset=utf-8", m_page,
                   {{"Content-Security-Policy",
                     "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self' ws: wss:"},
                    {"Cache-Control", "no-store"}});
}

void VoiceController::describe(http::Request&, http::Responder& responder) const
{
    responder.json(200, m_service->describe());
}

} // namespace cidadao::server
