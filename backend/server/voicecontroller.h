// SPDX-License-Identifier: GPL-3.0-or-later
// Voice on this server (spec/API.md §8): the /ws/voice-chat socket, GET /test (the browser test
// page), GET /api/v1/voice (which languages work offline), and the bridge that sends every spoken
// command through the same orchestrator as chat.
#pragma once

#include "serveroptions.h"

#include "http/authgate.h"
#include "http/httpserver.h"
#include "voice/voiceservice.h"

#include <memory>

namespace cidadao::agents {
class Orchestrator;
}

namespace cidadao::server {

class VoiceController
{
public:
    // orchestrator may be null (then turns end with dialogflow_error). Throws on an unreadable key file.
    VoiceController(const ServerOptions& options, agents::Orchestrator* orchestrator);
    ~VoiceController();

    static voice::VoiceConfig configFrom(const ServerOptions& options);

    void registerRoutes(http::HttpServer& server, const http::AuthGate& gate);
    // Feature words for /api/v1/info: "voice", "voice-stt-offline:<lang>" per offline language,
    // "voice-tts:<lang>" per synthesis language.
    QStringList features() const;
    // The "voice" member of /api/v1/info: offline recognition and synthesis languages.
    protocol::Json info() const { return m_service->summary(); }
    // Cancels running turns and waits for them; call before the orchestrator goes.
    void shutdown();

private:
    void testPage(http::Request& request, http::Responder& responder) const;
    void describe(http::Request& request, http::Responder& responder) const;

    std::unique_ptr<voice::VoiceBrain> m_brain;
    std::unique_ptr<voice::VoiceService> m_service;
    QByteArray m_page;
};

} // namespace cidadao::server
