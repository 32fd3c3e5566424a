// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the voice socket tests, the end-to-end test and the benchmark: voice envelopes and
// speech made with espeak-ng, cut into audio_chunk pieces as a client sends them.
#pragma once

#include "protocol/jsonqt.h"
#include "voice/pcm.h"

#include <QStringList>

namespace cidadao::testing {

protocol::Json voiceMessage(const char* type, const protocol::Json& data = protocol::Json());
// espeak-ng speech of `text` at 16 kHz, with `paddingMs` of silence before and after.
voice::Samples speak(const QString& text, const QString& language = QStringLiteral("en"), int paddingMs = 300);
// Base64 pieces of at most 4096 bytes.
QStringList audioChunks(const voice::Samples& samples);

// Word error rate: word-level Levenshtein distance / number of reference words.
struct WordErrors
{
    int substitutions = 0, deletions = 0, insertions = 0, referenceWords = 0;
    int distance() const { return substitutions + deletions + insertions; }
};
WordErrors wordErrors(const QString& reference, const QString& hypothesis);

} // namespace cidadao::testing
