// SPDX-License-Identifier: GPL-3.0-or-later
// Inside the PocketSphinx recogniser (not for other code): one loaded decoder, shared by the pool
// in pocketsphinxrecognizer.cpp and the incremental stream in pocketsphinxstream.cpp.
#pragma once

#include "pocketsphinxrecognizer.h"

#include <pocketsphinx.h>

namespace cidadao::voice {

inline constexpr char kGrammarSearch[] = "cidadao_grammar";
// Whole-span decoding reads audio in pieces so that a raised cancel flag stops it within ~100 ms
// of audio.
inline constexpr std::size_t kFeedSamples = 1600;

struct PocketSphinxRecognizer::Decoder
{
    ps_decoder_t* ps = nullptr;
    cmd_ln_t* config = nullptr;
    QByteArray dictationSearch;
    bool hasGrammar = false;
    bool primed = false;

    ~Decoder()
    {
        if (ps)
            ps_free(ps);
        if (config)
            cmd_ln_free_r(config);
    }
};

} // namespace cidadao::voice
