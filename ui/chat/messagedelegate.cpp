// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include "agentavatar.h"

#include "core/models/messagemodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace cidadao::ui {

using client::MessageModel;

namespace {

constexpr int Margin = 8;
constexpr int AvatarSize = 32;
constexpr int Gap = 8;
constexpr int Pad = 10;
constexpr int MaxBubbleWidth = 760;
constexpr int CardSpacing = 6;

QFont smallFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(qMax(6.0, base.pointSizeF() * 0.85));
    return font;
}

QString speakerName(const QModelIndex& index)
{
    if (index.data(MessageModel::RoleRole).toString() == QLatin1String("user"))
        return MessageDelegate::tr("You");
    QString name = index.data(MessageModel::AgentNameRole).toString();
    if (name.isEmpty())
        name = AgentAvatar::displayName(index.data(MessageModel::AgentIdRole).toString());
    return name.isEmpty() ? QStringLiteral("Cidadão.AI") : name;
}

QString money(const protocol::ContractData& contract)
{
    if (contract.valorFormatado && !contract.valorFormatado->isEmpty())
        return *contract.valorFormatado;
    if (contract.valor)
        return QLocale().toCurrencyString(*contract.valor, QStringLiteral("R$"));
    return {};
}

} // namespace

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_documents(400)
{
}

QTextDocument* MessageDelegate::documentFor(const QModelIndex& index, const QFont& font) const
{
    const QString content = index.data(MessageModel::ContentRole).toString();
    // Keyed by the content itself (via its hash and length): a streamed chunk makes a new entry.
    const QString key = index.data(MessageModel::LocalIdRole).toString() + QLatin1Char(':')
                        + QString::number(qHash(content)) + QLatin1Char(':') + QString::number(content.size())
                        + QLatin1Char(':') + font.key();
    if (QTextDocument* cached = m_documents.object(key))
        return cached;
    auto* document = new QTextDocument;
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    if (index.data(MessageModel::RoleRole).toString() == QLatin1String("user"))
        document->setPlainText(content); // what the user typed is shown as typed
    else
        document->setMarkdown(content, QTextDocument::MarkdownDialectGitHub);
    m_documents.insert(key, document);
    return document;
}

QString MessageDelegate::footerText(const QModelIndex& index) const
{
    QStringList parts;
    const auto state = index.data(MessageModel::StateRole).value<MessageModel::State>();
    const bool fromUser = index.data(MessageModel::RoleRole).toString() == QLatin1String("user");
    if (state == MessageModel::State::Streaming)
        parts << tr("Writing…");
    else if (state == MessageModel::State::Pending)
        parts << tr("Sending…");
    else if (state == MessageModel::State::Failed)
        parts << (fromUser ? tr("Not delivered") : tr("The answer could not be completed"));
    if (index.data(MessageModel::StoppedRole).toBool())
        parts << tr("Stopped");
    const double confidence = index.data(MessageModel::ConfidenceRole).toDouble();
    if (!fromUser && confidence >= 0.0 && state == MessageModel::State::Complete)
        parts << tr("Confidence %1%").arg(QLocale().toString(confidence * 100.0, 'f', 0));
    const QDateTime when = index.data(MessageModel::TimestampRole).toDateTime();
    if (when.isValid())
        parts << QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
    return parts.join(QStringLiteral(" · "));
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index,
                                                   QTextDocument* document) const
{
    Layout l;
    l.fromUser = index.data(MessageModel::RoleRole).toString() == QLatin1String("user");
    const QRect area = option.rect;
    const int available = qMax(160, area.width() - 2 * Margin - AvatarSize - Gap);
    const int maxBubble = qMin(available, MaxBubbleWidth);
    const QFontMetrics metrics(option.font);
    const QFontMetrics small(smallFont(option.font));

    document->setTextWidth(maxBubble - 2 * Pad);
    const int textWidth = qMin(maxBubble - 2 * Pad, qMax(int(document->idealWidth()) + 1, 40));
    document->setTextWidth(textWidth);
    const int textHeight = qMax(metrics.height(), int(std::ceil(document->size().height())));

    const auto contracts = index.data(MessageModel::ContractsRole).value<QList<protocol::ContractData>>();
    const int cardCount = int(qMin<qsizetype>(contracts.size(), MaxCards));
    const int cardHeight = 3 * small.height() + 2 * 6;
    const bool hasCards = cardCount > 0;
    const int bubbleWidth = hasCards ? maxBubble : qMax(textWidth + 2 * Pad, 120);

    int y = area.top() + Margin;
    const int bubbleLeft = l.fromUser ? area.right() - Margin - AvatarSize - Gap - bubbleWidth + 1
                                      : area.left() + Margin + AvatarSize + Gap;
    l.avatar = QRect(l.fromUser ? area.right() - Margin - AvatarSize + 1 : area.left() + Margin, y, AvatarSize,
                     AvatarSize);
    l.header = QRect(bubbleLeft, y, bubbleWidth, metrics.height());
    y += metrics.height() + 2;
    int inner = y + Pad;
    l.text = QRect(bubbleLeft + Pad, inner, textWidth, textHeight);
    inner += textHeight;
    for (int i = 0; i < cardCount; ++i) {
        inner += CardSpacing;
        l.cards.append(QRect(bubbleLeft + Pad, inner, bubbleWidth - 2 * Pad, cardHeight));
        inner += cardHeight;
    }
    if (contracts.size() > cardCount) {
        inner += CardSpacing;
        l.moreCards = QRect(bubbleLeft + Pad, inner, bubbleWidth - 2 * Pad, small.height());
        inner += small.height();
    }
    inner += Pad;
    l.bubble = QRect(bubbleLeft, y, bubbleWidth, inner - y);
    y = inner + 2;
    l.footer = QRect(bubbleLeft, y, bubbleWidth, small.height());
    y += small.height();
    l.height = qMax(y, l.avatar.bottom()) - area.top() + Margin;
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect = QRect(0, 0, option.rect.width() > 0 ? option.rect.width() : 600, 0);
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        opt.rect.setWidth(view->viewport()->width());
    const Layout l = layoutFor(opt, index, documentFor(index, opt.font));
    return {opt.rect.width(), l.height};
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument* document = documentFor(index, opt.font);
    const Layout l = layoutFor(opt, index, document);
    const QPalette& palette = opt.palette;
    const auto state = index.data(MessageModel::StateRole).value<MessageModel::State>();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QString name = speakerName(index);
    AgentAvatar::paint(painter, l.avatar,
                       l.fromUser ? QStringLiteral("user") : index.data(MessageModel::AgentIdRole).toString(),
                       l.fromUser ? name : index.data(MessageModel::AgentNameRole).toString());

    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(l.header, (l.fromUser ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, name);

    QColor fill = l.fromUser ? QColor(0xe3, 0xf2, 0xfd) : palette.color(QPalette::AlternateBase);
    if (state == MessageModel::State::Failed)
        fill = QColor(0xfd, 0xec, 0xea);
    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(l.bubble), 8, 8);
    painter->fillPath(bubble, fill);
    if (opt.state & QStyle::State_Selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->drawPath(bubble);
    }

    painter->save();
    painter->translate(l.text.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(QPalette::Text, QColor(0x21, 0x21, 0x21));
    context.clip = QRectF(0, 0, l.text.width(), l.text.height());
    if (document->isEmpty() && state == MessageModel::State::Streaming) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QRect(QPoint(0, 0), l.text.size()), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("…"));
    } else {
        document->documentLayout()->draw(painter, context);
    }
    painter->restore();

    const auto contracts = index.data(MessageModel::ContractsRole).value<QList<protocol::ContractData>>();
    for (int i = 0; i < l.cards.size(); ++i)
        paintCard(painter, l.cards.at(i), contracts.at(i), opt);
    painter->setFont(smallFont(opt.font));
    painter->setPen(palette.color(QPalette::PlaceholderText));
    if (!l.moreCards.isNull())
        painter->drawText(l.moreCards, Qt::AlignLeft | Qt::AlignVCenter,
                          tr("and %n more contract(s)", nullptr, int(contracts.size() - l.cards.size())));
    painter->drawText(l.footer, (l.fromUser ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, footerText(index));
    painter->restore();
}

void MessageDelegate::paintCard(QPainter* painter, const QRect& rect, const protocol::ContractData& contract,
                                const QStyleOptionViewItem& option) const
{
    painter->save();
    QPainterPath card;
    card.addRoundedRect(QRectF(rect), 6, 6);
    painter->fillPath(card, option.palette.color(QPalette::Base));
    painter->setPen(QPen(QColor(0xcf, 0xd8, 0xdc), 1));
    painter->drawPath(card);
    painter->fillRect(QRect(rect.left(), rect.top() + 4, 3, rect.height() - 8), QColor(0x1e, 0x56, 0xa0));

    const QFont small = smallFont(option.font);
    const QFontMetrics metrics(small);
    const QRect inner = rect.adjusted(10, 6, -8, -6);
    const int line = metrics.height();
    QFont title = small;
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(QColor(0x21, 0x21, 0x21));
    const QString heading = contract.objeto.value_or(tr("Contract %1").arg(contract.numero.value_or(contract.id)));
    painter->drawText(QRect(inner.left(), inner.top(), inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(title).elidedText(heading, Qt::ElideRight, inner.width()));
    painter->setFont(small);
    const QString second = QStringList{contract.fornecedor.value_or(QString()), money(contract)}.join(QStringLiteral(" · "));
    painter->drawText(QRect(inner.left(), inner.top() + line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(second, Qt::ElideRight, inner.width()));
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    QStringList third;
    if (contract.orgao)
        third << *contract.orgao;
    if (contract.dataAssinatura)
        third << tr("signed %1").arg(*contract.dataAssinatura);
    if (contract.numero)
        third << tr("no. %1").arg(*contract.numero);
    painter->drawText(QRect(inner.left(), inner.top() + 2 * line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(third.join(QStringLiteral(" · ")), Qt::ElideRight, inner.width()));
    painter->restore();
}

} // namespace cidadao::ui
