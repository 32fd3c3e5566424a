// SPDX-License-Identifier: GPL-3.0-or-later
// One row of the investigations list: the question, the status and phase in words, the anomalies
// found so far and a live progress bar drawn by the style (no widget per row).
#pragma once

#include <QStyledItemDelegate>

namespace cidadao::ui {

class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QString statusLabel(const QString& status);
    static QString phaseLabel(const QString& phase);
};

} // namespace cidadao::ui
