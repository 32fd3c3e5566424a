// SPDX-License-Identifier: GPL-3.0-or-later
// Where the bundled cidadao-server is: next to the app once installed (both in bin/), or in the
// build tree when run from there.
#pragma once

#include <QString>

namespace cidadao::desktop {

QString locateServer(const QString& explicitPath = {});

} // namespace cidadao::desktop
