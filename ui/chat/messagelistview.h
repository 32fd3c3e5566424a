// SPDX-License-Identifier: GPL-3.0-or-later
// The list of messages of one conversation: a QListView over MessageModel with MessageDelegate.
// It follows a streaming reply when the reader is at the bottom (and leaves them alone when they
// scrolled up to read), asks for older history when scrolled to the top, keeps the reader's place
// when older rows come in above, and copies selected messages (Ctrl+C or the context menu).
#pragma once

#include <QListView>

namespace cidadao::ui {

class MessageDelegate;

class MessageListView : public QListView
{
    Q_OBJECT
public:
    explicit MessageListView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    // The text of the selected messages, oldest first, blank line between them.
    QString selectedText() const;
    void copySelection();
    bool isAtBottom() const;
    // After `rows` older messages were put above: keep the first previously shown one at the top.
    void keepPlaceAfterPrepend(int rows);

Q_SIGNALS:
    void olderWanted();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void onScroll(int value);

    MessageDelegate* m_delegate;
    bool m_follow = true;
    int m_lastValue = 0;
};

} // namespace cidadao::ui
