// SPDX-License-Identifier: GPL-3.0-or-later
// Routes registered only with --dev: an SSE stream of ticks and a WebSocket echo. They exercise
// the generic SSE writer and WebSocket plumbing end to end, independently of any feature, so
// that the tests of that plumbing do not depend on chat or voice.
#pragma once

#include "http/httpserver.h"

namespace cidadao::server {

void registerDiagnostics(http::HttpServer& server);

} // namespace cidadao::server
