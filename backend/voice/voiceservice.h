// SPDX-License-Identifier: GPL-3.0-or-later
// The voice feature of one server: its configuration, the speech engines (built once, shared by
// every session), the worker pool turns run on, and the /ws/voice-chat connection factory.
#pragma once

#include "energyvad.h"
#include "voiceturn.h"

#include "http/authgate.h"
#include "protocol/decoding.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QUrl>

#include <memory>

namespace cidadao::voice {

class EspeakSynthesizer;
class LiveTurn;
class PocketSphinxRecognizer;
class VoiceSocket;

struct VoiceConfig
{
    // Offline recognition: language → PocketSphinx model directory. The Debian en-US model is added
    // when present and not overridden.
    QHash<QString, QString> modelDirectories;
    // Remote recognition: an OpenAI-compatible /v1/audio/transcriptions endpoint; set, it is used
    // for every language.
    QUrl sttUrl;
    QString sttApiKey;
    QString sttModel = QStringLiteral("whisper-1");
    QString ttsDataPath;                         // espeak-ng data; empty = the library's default
    QString defaultLanguage = QStringLiteral("en-US");
    int maxChunks = 100;
    double paceFactor = 4.0;                     // reply audio goes out at most this much faster than real time
    int workerThreads = 4;                       // recognition runs while audio arrives: more turns at once
    VadOptions vad;
};

class VoiceService : public QObject
{
    Q_OBJECT
public:
    // brain may be null until one is attached (then turns end with dialogflow_error).
    explicit VoiceService(VoiceConfig config, QObject* parent = nullptr);
    ~VoiceService() override;

    void setBrain(VoiceBrain* brain) { m_engines.brain = brain; }
    const VoiceConfig& config() const { return m_config; }

    // The languages recognised offline, with a Portuguese note: what GET /api/v1/voice and the UI show.
    protocol::Json describe() const;
    QStringList offlineSttLanguages() const;
    // The "voice" member of GET /api/v1/info: {offline_languages, synthesis_languages,
    // remote_transcription, portuguese_offline, note?}.
    protocol::Json summary() const;

    // Authenticates the upgrade (?token= or Authorization; anonymous only with --allow-anonymous)
    // and opens a session, or sends error{unauthorized}, closes with 1008 and returns nullptr.
    VoiceSocket* accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, const http::AuthGate& gate);

    // A turn whose audio is fed while it arrives; its work runs on the pool (never on the caller's
    // thread). input.pcm is not used.
    std::shared_ptr<LiveTurn> openTurn(TurnInput input, TurnOutput output, std::shared_ptr<std::atomic_bool> cancel);
    // Loads the recogniser for the default language in the background.
    void warmUp();
    // Cancels every running turn and waits for the workers.
    void shutdown();

private:
    VoiceConfig m_config;
    std::unique_ptr<PocketSphinxRecognizer> m_sphinx;
    std::unique_ptr<SpeechToText> m_http;
    std::unique_ptr<EspeakSynthesizer> m_espeak;
    TurnEngines m_engines;
    QThreadPool m_pool;
    std::mutex m_cancelsMutex;
    std::vector<std::weak_ptr<std::atomic_bool>> m_cancels;
    bool m_warm = false;
};

} // namespace cidadao::voice
