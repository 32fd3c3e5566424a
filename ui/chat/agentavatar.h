// SPDX-License-Identifier: GPL-3.0-or-later
// The round avatar of each agent (and of the user): a colour of its own and the initials of its
// name, painted at any size, so that who is speaking is recognisable at a glance in the message list.
#pragma once

#include <QColor>
#include <QRect>
#include <QString>

class QPainter;

namespace cidadao::ui {

struct AgentAvatar
{
    static QColor colorFor(const QString& agentId);
    // "Zumbi dos Palmares" → "ZP", "Abaporu" → "A": capitals of the words that are not particles.
    static QString initialsOf(const QString& name);
    // The name of a known agent id ("zumbi" → "Zumbi dos Palmares"); the id itself otherwise.
    static QString displayName(const QString& agentId);
    static void paint(QPainter* painter, const QRect& rect, const QString& agentId, const QString& name);
};

} // namespace cidadao::ui
