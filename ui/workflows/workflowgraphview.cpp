// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowgraphview.h"

#include "core/workflows/workflowgraphmodel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace cidadao::ui {

using client::WorkflowGraphModel;
using NodeState = WorkflowGraphModel::NodeState;

namespace {

constexpr qreal kBoxWidth = 150;
constexpr qreal kBoxHeight = 48;
constexpr qreal kColumnGap = 60;
constexpr qreal kRowGap = 18;
constexpr qreal kMargin = 16;

QColor fill(NodeState state, const QPalette& palette)
{
    switch (state) {
    case NodeState::Running:
        return QColor(0x1e, 0x88, 0xe5);
    case NodeState::Retrying:
        return QColor(0xf9, 0xa8, 0x25);
    case NodeState::Completed:
        return QColor(0x43, 0xa0, 0x47);
    case NodeState::Failed:
        return QColor(0xe5, 0x39, 0x35);
    case NodeState::Cancelled:
        return palette.color(QPalette::Disabled, QPalette::Window);
    case NodeState::Pending:
        break;
    }
    return palette.color(QPalette::Base);
}

QString stateText(NodeState state)
{
    switch (state) {
    case NodeState::Pending:
        return WorkflowGraphView::tr("pending");
    case NodeState::Running:
        return WorkflowGraphView::tr("running");
    case NodeState::Retrying:
        return WorkflowGraphView::tr("retrying");
    case NodeState::Completed:
        return WorkflowGraphView::tr("done");
    case NodeState::Failed:
        return WorkflowGraphView::tr("failed");
    case NodeState::Cancelled:
        return WorkflowGraphView::tr("cancelled");
    }
    return {};
}

} // namespace

WorkflowGraphView::WorkflowGraphView(QWidget* parent)
    : QWidget(parent)
{
    setMinimumHeight(int(kBoxHeight + 2 * kMargin));
    setAccessibleName(tr("Workflow graph"));
}

void WorkflowGraphView::setModel(WorkflowGraphModel* model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            updateGeometry();
            update();
        });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { update(); });
    }
    updateGeometry();
    update();
}

QHash<QString, QRectF> WorkflowGraphView::layout() const
{
    QHash<QString, QRectF> boxes;
    if (!m_model)
        return boxes;
    QHash<int, int> rowsInLayer;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const int layer = index.data(WorkflowGraphModel::LayerRole).toInt();
        const int slot = rowsInLayer[layer]++;
        boxes.insert(index.data(WorkflowGraphModel::IdRole).toString(),
                     QRectF(kMargin + layer * (kBoxWidth + kColumnGap), kMargin + slot * (kBoxHeight + kRowGap), kBoxWidth,
                            kBoxHeight));
    }
    return boxes;
}

QSize WorkflowGraphView::sizeHint() const
{
    QRectF bounds;
    for (const QRectF& box : layout())
        bounds |= box;
    return QSize(int(bounds.right() + kMargin), int(qMax(bounds.bottom() + kMargin, kBoxHeight + 2 * kMargin)));
}

QRectF WorkflowGraphView::nodeRect(const QString& nodeId) const
{
    return layout().value(nodeId);
}

void WorkflowGraphView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_model || m_model->rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Choose a workflow to see its steps"));
        return;
    }
    const QHash<QString, QRectF> boxes = layout();
    // Edges first, so that boxes cover their ends.
    painter.setPen(QPen(palette().color(QPalette::Mid), 1.5));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const QRectF to = boxes.value(index.data(WorkflowGraphModel::IdRole).toString());
        const QStringList deps = index.data(WorkflowGraphModel::DependsOnRole).toStringList();
        for (const QString& dependency : deps) {
            const QRectF from = boxes.value(dependency);
            const QPointF start(from.right(), from.center().y());
            const QPointF end(to.left(), to.center().y());
            QPainterPath path(start);
            path.cubicTo(start + QPointF(kColumnGap / 2, 0), end - QPointF(kColumnGap / 2, 0), end);
            painter.drawPath(path);
            painter.drawLine(end, end + QPointF(-6, -4));
            painter.drawLine(end, end + QPointF(-6, 4));
        }
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const QRectF box = boxes.value(index.data(WorkflowGraphModel::IdRole).toString());
        const auto state = index.data(WorkflowGraphModel::StateRole).value<NodeState>();
        const QColor colour = fill(state, palette());
        painter.setBrush(colour);
        painter.setPen(QPen(palette().color(QPalette::Dark), 1));
        painter.drawRoundedRect(box, 6, 6);
        const bool dark = colour.lightnessF() < 0.55;
        painter.setPen(dark ? Qt::white : palette().color(QPalette::Text));
        QString detail = stateText(state);
        if (state == NodeState::Completed)
            detail = tr("done in %1 ms").arg(index.data(WorkflowGraphModel::DurationRole).toDouble(), 0, 'f', 0);
        painter.drawText(box.adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignTop, index.data(Qt::DisplayRole).toString());
        painter.drawText(box.adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignBottom, detail);
    }
}

bool WorkflowGraphView::event(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Workflow graph"));
        update(); // the node states are painted in the current language
    }
    if (event->type() == QEvent::ToolTip && m_model) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QHash<QString, QRectF> boxes = layout();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row);
            if (boxes.value(index.data(WorkflowGraphModel::IdRole).toString()).contains(help->pos())) {
                const QString error = index.data(WorkflowGraphModel::ErrorRole).toString();
                const QString output = index.data(WorkflowGraphModel::OutputRole).toString();
                QToolTip::showText(help->globalPos(), error.isEmpty() ? output.left(500) : error, this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace cidadao::ui
