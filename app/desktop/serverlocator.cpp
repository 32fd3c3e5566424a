// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlocator.h"

#include "core/backendhost.h"

#include <QFileInfo>

namespace cidadao::desktop {

QString locateServer(const QString& explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString beside = client::BackendHost::defaultServerPath();
    if (QFileInfo(beside).isExecutable())
        return beside;
#ifdef CIDADAO_BUILD_TREE_SERVER
    const QString built = QStringLiteral(CIDADAO_BUILD_TREE_SERVER);
    if (QFileInfo(built).isExecutable())
        return built;
#endif
    return beside; // reported as "cannot start" with this path
}

} // namespace cidadao::desktop
