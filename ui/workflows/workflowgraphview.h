// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a WorkflowGraphModel: one column per layer, one box per node coloured by its state
// (pending, running, retrying, completed, failed, cancelled), arrows from dependencies. Repaints
// as node_completed events fill the model in.
#pragma once

#include <QPointer>
#include <QWidget>

namespace cidadao::client {
class WorkflowGraphModel;
}

namespace cidadao::ui {

class WorkflowGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit WorkflowGraphView(QWidget* parent = nullptr);
    void setModel(client::WorkflowGraphModel* model);
    QSize sizeHint() const override;
    // The box of a node in widget coordinates (empty when unknown); for tests and tooltips.
    QRectF nodeRect(const QString& nodeId) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QHash<QString, QRectF> layout() const;

    QPointer<client::WorkflowGraphModel> m_model;
};

} // namespace cidadao::ui
