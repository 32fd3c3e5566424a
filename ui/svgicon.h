// SPDX-License-Identifier: GPL-3.0-or-later
// Icons from the SVG files under :/cidadao/icons/ (resources/icons/). They are drawn in
// `currentColor`, which is replaced by the palette's text colour when the icon is rendered, so one
// file serves light and dark themes; rendering happens at the requested device pixel ratio, so
// they stay sharp on high-DPI screens.
#pragma once

#include <QIcon>
#include <QString>

namespace cidadao::ui {

// name: file name without ".svg" under icons/ ("chat", "data", "settings", ...).
QIcon svgIcon(const QString& name);
// An agent's avatar from avatars/<agentId>.svg (full colour), or a generic one.
QIcon agentAvatar(const QString& agentId);

} // namespace cidadao::ui
