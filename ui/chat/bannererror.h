// SPDX-License-Identifier: GPL-3.0-or-later
// Shows a failed request in a page's MessageBanner: the sentence from client::UserError (never the raw
// error text) and the button of the next step that fits. In local mode an unreachable server is our
// own child process, so its fix is a restart of the local server rather than a retry.
#pragma once

#include "protocol/apierror.h"

#include <functional>

namespace cidadao::ui {

class MessageBanner;

struct BannerSteps
{
    std::function<void()> retry;
    std::function<void()> signIn;
    std::function<void()> restartServer;
};

void showApiError(MessageBanner* banner, const protocol::ApiError& error, bool localBackend, const BannerSteps& steps);

} // namespace cidadao::ui
