// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistview.h"

#include "messagedelegate.h"

#include "core/models/messagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

namespace cidadao::ui {

MessageListView::MessageListView(QWidget* parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
{
    setObjectName(QStringLiteral("messageList"));
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setResizeMode(QListView::Adjust);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageListView::onScroll);
    // A growing reply changes the row's height: only the view's relayout makes room for it.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_follow)
            scrollToBottom();
    });
}

void MessageListView::setModel(QAbstractItemModel* model)
{
    if (QAbstractItemModel* old = this->model())
        old->disconnect(this);
    QListView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    Q_EMIT m_delegate->sizeHintChanged(this->model()->index(row, 0));
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first > 0 && m_follow)
            QTimer::singleShot(0, this, [this] { scrollToBottom(); });
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_follow = true;
        QTimer::singleShot(0, this, [this] { scrollToBottom(); });
    });
}

bool MessageListView::isAtBottom() const
{
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void MessageListView::onScroll(int value)
{
    const bool movedUp = value < m_lastValue;
    m_lastValue = value;
    m_follow = isAtBottom();
    // Only a move towards the top asks for more: a reset that passes through 0 does not.
    if (movedUp && value == verticalScrollBar()->minimum())
        Q_EMIT olderWanted();
}

void MessageListView::keepPlaceAfterPrepend(int rows)
{
    if (rows <= 0 || !model() || rows >= model()->rowCount())
        return;
    m_follow = false;
    const QModelIndex anchor = model()->index(rows, 0);
    // After the layout pass that gives the new rows their heights.
    QTimer::singleShot(0, this, [this, anchor = QPersistentModelIndex(anchor)] {
        if (anchor.isValid())
            scrollTo(anchor, QAbstractItemView::PositionAtTop);
    });
}

void MessageListView::resizeEvent(QResizeEvent* event)
{
    const bool follow = m_follow;
    QListView::resizeEvent(event);
    if (follow)
        scrollToBottom();
}

QString MessageListView::selectedText() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList parts;
    for (const QModelIndex& index : std::as_const(rows))
        parts << index.data(client::MessageModel::ContentRole).toString();
    return parts.join(QStringLiteral("\n\n"));
}

void MessageListView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void MessageListView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageListView::contextMenuEvent(QContextMenuEvent* event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid() && !selectionModel()->isSelected(index))
        selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("Copy"), this, &MessageListView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!selectedText().isEmpty());
    menu.exec(event->globalPos());
}

} // namespace cidadao::ui
