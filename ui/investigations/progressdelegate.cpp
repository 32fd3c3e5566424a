// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressdelegate.h"

#include "core/models/investigationlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace cidadao::ui {

using client::InvestigationListModel;

QString ProgressDelegate::statusLabel(const QString& status)
{
    if (status == QLatin1String("started"))
        return tr("Started");
    if (status == QLatin1String("processing"))
        return tr("Running");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    return status;
}

QString ProgressDelegate::phaseLabel(const QString& phase)
{
    if (phase == QLatin1String("data_retrieval"))
        return tr("reading the data");
    if (phase == QLatin1String("anomaly_detection"))
        return tr("looking for anomalies");
    if (phase == QLatin1String("pattern_analysis"))
        return tr("analysing patterns");
    if (phase == QLatin1String("report_generation"))
        return tr("writing the report");
    if (phase == QLatin1String("completed"))
        return {};
    return phase;
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics metrics(option.font);
    return {200, 3 * metrics.height() + 22};
}

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QFontMetrics metrics(opt.font);
    const QRect area = opt.rect.adjusted(8, 4, -8, -4);
    const int line = metrics.height();
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString query = index.data(InvestigationListModel::QueryRole).toString();
    painter->drawText(QRect(area.left(), area.top(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(query.isEmpty() ? tr("(no question)") : query, Qt::ElideRight,
                                                    area.width()));
    painter->setFont(opt.font);
    const QString status = index.data(InvestigationListModel::StatusRole).toString();
    QStringList parts{statusLabel(status)};
    const QString phase = phaseLabel(index.data(InvestigationListModel::PhaseRole).toString());
    if (!phase.isEmpty() && !index.data(InvestigationListModel::FinishedRole).toBool())
        parts << phase;
    parts << tr("%n anomaly(ies)", nullptr, index.data(InvestigationListModel::AnomaliesRole).toInt());
    painter->drawText(QRect(area.left(), area.top() + line + 2, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(parts.join(QStringLiteral(" · ")), Qt::ElideRight, area.width()));

    QStyleOptionProgressBar bar;
    bar.rect = QRect(area.left(), area.top() + 2 * line + 6, area.width(), line);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qBound(0, qRound(index.data(InvestigationListModel::ProgressRole).toDouble() * 100.0), 100);
    bar.text = QStringLiteral("%1%").arg(bar.progress);
    bar.textVisible = true;
    bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
    bar.palette = opt.palette;
    bar.fontMetrics = metrics;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, opt.widget);
    painter->restore();
}

} // namespace cidadao::ui
