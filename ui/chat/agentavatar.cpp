// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentavatar.h"

#include "protocol/agent.h"

#include <QHash>
#include <QPainter>
#include <QStringList>

namespace cidadao::ui {

QColor AgentAvatar::colorFor(const QString& agentId)
{
    // Fixed colours keep an agent recognisable across sessions and screenshots.
    static const QHash<QString, QColor> colors = {
        {QStringLiteral("abaporu"), QColor(0x2e, 0x7d, 0x32)},    {QStringLiteral("zumbi"), QColor(0xc6, 0x28, 0x28)},
        {QStringLiteral("anita"), QColor(0x6a, 0x1b, 0x9a)},      {QStringLiteral("tiradentes"), QColor(0x1e, 0x56, 0xa0)},
        {QStringLiteral("machado"), QColor(0x45, 0x5a, 0x64)},    {QStringLiteral("dandara"), QColor(0xef, 0x6c, 0x00)},
        {QStringLiteral("drummond"), QColor(0x00, 0x83, 0x8f)},   {QStringLiteral("user"), QColor(0x37, 0x47, 0x4f)}};
    const auto it = colors.constFind(agentId);
    if (it != colors.constEnd())
        return *it;
    return QColor::fromHsv(int(qHash(agentId) % 360), 140, 170);
}

QString AgentAvatar::initialsOf(const QString& name)
{
    static const QStringList particles = {QStringLiteral("de"), QStringLiteral("da"), QStringLiteral("do"),
                                          QStringLiteral("dos"), QStringLiteral("das"), QStringLiteral("e")};
    QString initials;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        if (particles.contains(word.toLower()))
            continue;
        initials += word.at(0).toUpper();
        if (initials.size() == 2)
            break;
    }
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

QString AgentAvatar::displayName(const QString& agentId)
{
    if (const auto agent = protocol::findAgent(agentId))
        return agent->name;
    return agentId;
}

void AgentAvatar::paint(QPainter* painter, const QRect& rect, const QString& agentId, const QString& name)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorFor(agentId));
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(qMax(8, rect.height() * 2 / 5));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initialsOf(name.isEmpty() ? displayName(agentId) : name));
    painter->restore();
}

} // namespace cidadao::ui
