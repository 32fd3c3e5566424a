// SPDX-License-Identifier: GPL-3.0-or-later
#include "channel.h"

#include "chat.h"
#include "validation.h"

namespace cidadao::protocol {

QString Channel::toString() const
{
    return QString(kind + QLatin1Char(':') + id);
}

std::optional<Channel> parseChannel(QStringView name)
{
    const qsizetype colon = name.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    Channel channel{name.first(colon).toString(), name.sliced(colon + 1).toString()};
    if (!isOneOf(channel.kind, ChannelKind::All) || channel.id.isEmpty() || channel.id.size() > IdMaxLength)
        return std::nullopt;
    for (const QChar c : std::as_const(channel.id)) {
        // Ids are UUIDs or slugs: refusing control characters and spaces keeps channel names loggable.
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return std::nullopt;
    }
    return channel;
}

} // namespace cidadao::protocol
