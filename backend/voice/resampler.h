// SPDX-License-Identifier: GPL-3.0-or-later
// Sample-rate conversion of mono PCM16 (espeak-ng speaks at 22050 Hz; the wire is 16 kHz). A
// windowed-sinc interpolator whose cut-off follows the lower of the two rates, so that going down
// does not fold the synthesiser's high band back into the speech band as aliasing.
#pragma once

#include "pcm.h"

namespace cidadao::voice {

Samples resample(std::span<const std::int16_t> input, int fromRate, int toRate);

} // namespace cidadao::voice
