// SPDX-License-Identifier: GPL-3.0-or-later
// Paints one chat message (model/delegate: no widget per message): the speaker's avatar and name,
// the text rendered from Markdown with QTextDocument, a streaming/stopped/failed note, the answer's
// confidence and the contract cards of the stream's `contract` events. Laid-out documents are
// cached per message and width, so scrolling does not parse Markdown again.
#pragma once

#include "protocol/chatstream.h"

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextDocument>

namespace cidadao::ui {

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Shown contract cards per message; the rest is summarised in one line.
    static constexpr int MaxCards = 5;

private:
    struct Layout
    {
        bool fromUser = false;
        QRect avatar;
        QRect header;
        QRect bubble;
        QRect text;
        QRect footer;
        QList<QRect> cards;
        QRect moreCards;
        int height = 0;
    };
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index, QTextDocument* document) const;
    QTextDocument* documentFor(const QModelIndex& index, const QFont& font) const;
    QString footerText(const QModelIndex& index) const;
    void paintCard(QPainter* painter, const QRect& rect, const protocol::ContractData& contract,
                   const QStyleOptionViewItem& option) const;

    mutable QCache<QString, QTextDocument> m_documents;
};

} // namespace cidadao::ui
