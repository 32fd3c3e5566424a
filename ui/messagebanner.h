// SPDX-License-Identifier: GPL-3.0-or-later
// An inline message above a page's content (KeePassXC's MessageWidget): an error, warning or
// information in plain words with one or more next steps as buttons ("Retry", "Sign in again",
// "Restart the local server"). It never shows raw exception text: callers pass a sentence written
// for the user; a technical detail may go in `details`, shown as a tooltip only.
#pragma once

#include <QFrame>
#include <QList>

#include <functional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace cidadao::ui {

class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    struct Action
    {
        QString text; // translated
        std::function<void()> trigger;
    };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text, const QList<Action>& actions = {}, const QString& details = {});
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;
    QStringList actionTexts() const;
    // Presses the action button with this text (also what a click does); false if there is none.
    bool trigger(const QString& actionText);

Q_SIGNALS:
    void cleared();

private:
    void applyPalette();

    Kind m_kind = Kind::Information;
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QHBoxLayout* m_buttons = nullptr;
    QToolButton* m_close = nullptr;
    QList<QPair<QPushButton*, std::function<void()>>> m_actions;
};

} // namespace cidadao::ui
