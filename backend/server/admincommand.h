// SPDX-License-Identifier: GPL-3.0-or-later
// `cidadao-server --create-admin EMAIL`: the only way to make the first administrator.
#pragma once

#include "serveroptions.h"

namespace cidadao::server {

// Reads the password from standard input when it is not a terminal and has one; otherwise
// generates one and prints it once. Prints one JSON line; returns the process exit code.
int runCreateAdmin(const ServerOptions& options);

} // namespace cidadao::server
