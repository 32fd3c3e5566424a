// SPDX-License-Identifier: GPL-3.0-or-later
// What the composition root (app/desktop) hands to each view and service: references to the
// long-lived client objects. Nothing here is a singleton; tests build one around their own objects.
#pragma once

class QSettings;

namespace cidadao::client {

class Connection;
class LocalCache;

struct ClientContext
{
    Connection& connection; // api(), auth(), channels(), capabilities(); signal connected()
    LocalCache& cache;      // last known sessions, messages and investigations
    QSettings& settings;    // non-secret preferences
};

} // namespace cidadao::client
