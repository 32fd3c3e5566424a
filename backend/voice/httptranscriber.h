// SPDX-License-Identifier: GPL-3.0-or-later
// Speech-to-text through any OpenAI-compatible POST /v1/audio/transcriptions endpoint (a
// whisper.cpp server, faster-whisper, a hosted service): multipart WAV upload, {"text": ...} back.
// Runs its own event loop on the calling worker thread.
#pragma once

#include "speechtotext.h"

#include <QUrl>

namespace cidadao::voice {

struct HttpTranscriberOptions
{
    QUrl url;              // the endpoint; a bare server URL gets /v1/audio/transcriptions appended
    QString apiKey;        // sent as Bearer when set
    QString model = QStringLiteral("whisper-1");
    int timeoutMs = 30000;
};

class HttpTranscriber : public SpeechToText
{
public:
    explicit HttpTranscriber(HttpTranscriberOptions options);

    Transcript transcribe(const Samples& pcm, const QString& language, const std::atomic_bool& cancel) override;
    QStringList offlineLanguages() const override;
    QStringList languages() const override { return {QStringLiteral("*")}; }
    QString name() const override { return QStringLiteral("http"); }
    QUrl endpoint() const { return m_endpoint; }

private:
    HttpTranscriberOptions m_options;
    QUrl m_endpoint;
};

} // namespace cidadao::voice
