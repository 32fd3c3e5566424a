// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that turns a failed request into words for the user: a sentence per error code
// (never the raw message of an exception), and which next step fits.
#pragma once

#include "protocol/apierror.h"

#include <QString>

namespace cidadao::ui {

enum class NextStep { Retry, SignInAgain, RestartServer, FixInput, None };

QString userMessage(const protocol::ApiError& error);
NextStep nextStep(const protocol::ApiError& error);

} // namespace cidadao::ui
