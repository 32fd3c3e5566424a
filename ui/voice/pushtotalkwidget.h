// SPDX-License-Identifier: GPL-3.0-or-later
// The voice panel: a hold-to-talk button and key, an input level meter, device choice, and the
// plain reasons voice may not work (no audio device; no offline Portuguese recognition). It only
// drives a client::VoiceSession; the chat view shows what was said through the session's signals.
#pragma once

#include <QKeySequence>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace cidadao::client {
class VoiceSession;
}

namespace cidadao::ui {

class PushToTalkWidget : public QWidget
{
    Q_OBJECT
public:
    // Panel: a column (a side panel or a window of its own); Strip: one row, under a composer.
    enum class Shape { Panel, Strip };
    explicit PushToTalkWidget(client::VoiceSession& session, QWidget* parent = nullptr, Shape shape = Shape::Panel);
    ~PushToTalkWidget() override;

    // The hold-to-talk key, watched application-wide (default: F9). Auto-repeat is ignored.
    void setHoldKey(const QKeySequence& key) { m_holdKey = key; }
    QKeySequence holdKey() const { return m_holdKey; }
    QString statusText() const;
    QPushButton* talkButton() const { return m_talk; }
    QString offlineText() const;
    client::VoiceSession& session() const { return m_session; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void fillDevices();

    client::VoiceSession& m_session;
    QPushButton* m_talk = nullptr;
    QProgressBar* m_level = nullptr;
    QComboBox* m_inputs = nullptr;
    QComboBox* m_outputs = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_offline = nullptr;
    QKeySequence m_holdKey = QKeySequence(Qt::Key_F9);
    bool m_keyHeld = false;
};

} // namespace cidadao::ui
