// SPDX-License-Identifier: GPL-3.0-or-later
#include "voicetestsupport.h"

#include "protocol/voice.h"
#include "voice/espeaksynthesizer.h"

#include <vector>

namespace cidadao::testing {

using protocol::Json;

Json voiceMessage(const char* type, const Json& data)
{
    Json message{{"type", type}};
    if (!data.is_null())
        message["data"] = data;
    return message;
}

voice::Samples speak(const QString& text, const QString& language, int paddingMs)
{
    voice::EspeakSynthesizer tts;
    const std::atomic_bool never{false};
    const voice::Samples speech = tts.synthesize(text, language, never);
    const auto padding = std::size_t(16 * paddingMs);
    voice::Samples out(padding, 0);
    out.insert(out.end(), speech.begin(), speech.end());
    out.insert(out.end(), padding, 0);
    return out;
}

QStringList audioChunks(const voice::Samples& samples)
{
    const QByteArray bytes = voice::bytesFromSamples(samples);
    QStringList out;
    for (qsizetype offset = 0; offset < bytes.size(); offset += protocol::VoiceAudio::ChunkBytes)
        out.append(QString::fromLatin1(bytes.mid(offset, protocol::VoiceAudio::ChunkBytes).toBase64()));
    return out;
}

WordErrors wordErrors(const QString& reference, const QString& hypothesis)
{
    const QStringList ref = reference.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList hyp = hypothesis.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto n = std::size_t(ref.size()), m = std::size_t(hyp.size());
    // cost[i][j]: edits turning ref[0..i) into hyp[0..j); op remembers which edit got there.
    std::vector<std::vector<int>> cost(n + 1, std::vector<int>(m + 1, 0));
    std::vector<std::vector<char>> op(n + 1, std::vector<char>(m + 1, ' '));
    for (std::size_t i = 1; i <= n; ++i) {
        cost[i][0] = int(i);
        op[i][0] = 'D';
    }
    for (std::size_t j = 1; j <= m; ++j) {
        cost[0][j] = int(j);
        op[0][j] = 'I';
    }
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            const bool same = ref[qsizetype(i - 1)] == hyp[qsizetype(j - 1)];
            int best = cost[i - 1][j - 1] + (same ? 0 : 1);
            char how = same ? '=' : 'S';
            if (cost[i - 1][j] + 1 < best) {
                best = cost[i - 1][j] + 1;
                how = 'D';
            }
            if (cost[i][j - 1] + 1 < best) {
                best = cost[i][j - 1] + 1;
                how = 'I';
            }
            cost[i][j] = best;
            op[i][j] = how;
        }
    WordErrors errors;
    errors.referenceWords = int(n);
    for (std::size_t i = n, j = m; i > 0 || j > 0;) {
        switch (op[i][j]) {
        case 'S': ++errors.substitutions; [[fallthrough]];
        case '=': --i; --j; break;
        case 'D': ++errors.deletions; --i; break;
        default: ++errors.insertions; --j; break;
        }
    }
    return errors;
}

} // namespace cidadao::testing
