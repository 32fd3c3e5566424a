// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushtotalkwidget.h"

#include "voice/voicesession.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace cidadao::ui {

PushToTalkWidget::PushToTalkWidget(client::VoiceSession& session, QWidget* parent, Shape shape)
    : QWidget(parent)
    , m_session(session)
{
    m_talk = new QPushButton(this);
    m_talk->setObjectName(QStringLiteral("pushToTalk"));
    m_talk->setMinimumHeight(48);
    m_level = new QProgressBar(this);
    m_level->setRange(0, 100);
    m_level->setTextVisible(false);
    m_level->setMaximumHeight(10);
    auto* form = new QFormLayout;
    m_inputs = new QComboBox(this);
    m_outputs = new QComboBox(this);
    form->addRow(tr("Microphone"), m_inputs);
    form->addRow(tr("Speaker"), m_outputs);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("voiceStatus"));
    m_offline = new QLabel(this);
    m_offline->setWordWrap(true);
    m_offline->setObjectName(QStringLiteral("voiceOffline"));
    auto* texts = new QVBoxLayout;
    texts->addWidget(m_status);
    texts->addWidget(m_offline);
    auto* button = new QVBoxLayout;
    button->addWidget(m_talk);
    button->addWidget(m_level);
    if (shape == Shape::Strip) {
        // One row under the chat composer: button | devices | what is going on.
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_talk->setMinimumWidth(220);
        button->addStretch();
        layout->addLayout(button);
        layout->addLayout(form);
        layout->addLayout(texts, 1);
    } else {
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(button);
        layout->addLayout(form);
        layout->addLayout(texts);
        layout->addStretch();
    }

    connect(m_talk, &QPushButton::pressed, &m_session.pushToTalk(), &client::PushToTalk::press);
    connect(m_talk, &QPushButton::released, &m_session.pushToTalk(), &client::PushToTalk::release);
    connect(&m_session, &client::VoiceSession::level, this, [this](double rms) {
        // A dB-like scale: speech at -30 dBFS shows half way.
        const double db = rms > 0.0 ? 20.0 * std::log10(rms) : -60.0;
        m_level->setValue(int(qBound(0.0, (db + 60.0) / 60.0 * 100.0, 100.0)));
    });
    connect(&m_session, &client::VoiceSession::availabilityChanged, this, &PushToTalkWidget::refresh);
    connect(&m_session, &client::VoiceSession::talkingChanged, this, &PushToTalkWidget::refresh);
    connect(&m_session, &client::VoiceSession::botSpeakingChanged, this, &PushToTalkWidget::refresh);
    connect(&m_session, &client::VoiceSession::ready, this, &PushToTalkWidget::refresh);
    connect(&m_session, &client::VoiceSession::languageChanged, this, &PushToTalkWidget::refresh);
    connect(&m_session, &client::VoiceSession::problem, this, [this](const QString&, const QString& message) {
        m_status->setText(message);
    });
    connect(m_inputs, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < m_session.devices().inputs.size())
            m_session.setInputDevice(m_session.devices().inputs.at(index));
    });
    connect(m_outputs, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < m_session.devices().outputs.size())
            m_session.setOutputDevice(m_session.devices().outputs.at(index));
    });
    qApp->installEventFilter(this);
    fillDevices();
    refresh();
}

PushToTalkWidget::~PushToTalkWidget()
{
    qApp->removeEventFilter(this);
}

void PushToTalkWidget::fillDevices()
{
    const QSignalBlocker blockInputs(m_inputs);
    const QSignalBlocker blockOutputs(m_outputs);
    m_inputs->clear();
    m_outputs->clear();
    for (const QAudioDevice& device : m_session.devices().inputs) {
        m_inputs->addItem(device.description());
        if (device == m_session.capture().device())
            m_inputs->setCurrentIndex(m_inputs->count() - 1);
    }
    for (const QAudioDevice& device : m_session.devices().outputs) {
        m_outputs->addItem(device.description());
        if (device == m_session.playback().device())
            m_outputs->setCurrentIndex(m_outputs->count() - 1);
    }
}

QString PushToTalkWidget::statusText() const
{
    return m_status->text();
}

QString PushToTalkWidget::offlineText() const
{
    return m_offline->text();
}

void PushToTalkWidget::refresh()
{
    const bool available = m_session.isAvailable();
    m_talk->setEnabled(available);
    m_talk->setToolTip(available ? tr("Hold to talk (or hold %1). Press while the answer plays to interrupt it.")
                                       .arg(m_holdKey.toString(QKeySequence::NativeText))
                                 : tr("Push-to-talk is off: %1").arg(m_session.unavailableReason()));
    const bool talking = m_session.pushToTalk().isTalking();
    m_talk->setText(talking ? tr("Listening… release to send")
                            : tr("Hold to talk (%1)").arg(m_holdKey.toString(QKeySequence::NativeText)));
    if (!available)
        m_status->setText(tr("Push-to-talk is off: %1").arg(m_session.unavailableReason()));
    else if (m_session.playback().isPlaying())
        m_status->setText(tr("Speaking — press to interrupt."));
    else
        m_status->setText(talking ? tr("Listening…") : tr("Ready."));
    const QStringList offline = m_session.offlineLanguages();
    const bool portugueseHeard = m_session.language().startsWith(QLatin1String("pt"), Qt::CaseInsensitive);
    if (m_session.portugueseWanted() && !portugueseHeard) {
        // Said plainly, whether connected or not: Debian has no Portuguese model for PocketSphinx.
        m_offline->setText(tr("No offline Portuguese speech recognition model ships with Debian, so voice commands "
                              "are understood in English only here. A Portuguese model or a transcription server "
                              "can be configured on the server."));
    } else if (m_session.client().sessionId().isEmpty())
        m_offline->setText(tr("Not connected to the voice service."));
    else if (!m_session.portugueseOffline())
        m_offline->setText(tr("Offline speech recognition: %1. No offline Portuguese model is installed, so speak "
                              "English, or configure a Portuguese model or a transcription server on the server.")
                               .arg(offline.isEmpty() ? tr("none") : offline.join(QStringLiteral(", "))));
    else
        m_offline->setText(tr("Offline speech recognition: %1.").arg(offline.join(QStringLiteral(", "))));
}

bool PushToTalkWidget::eventFilter(QObject* watched, QEvent* event)
{
    if ((event->type() == QEvent::KeyPress || event->type() == QEvent::KeyRelease) && !m_holdKey.isEmpty()) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->keyCombination() == m_holdKey[0] && !key->isAutoRepeat()) {
            // One key event reaches several objects (window, focus widget): count it once.
            const bool down = event->type() == QEvent::KeyPress;
            if (down != m_keyHeld && m_session.isAvailable()) {
                m_keyHeld = down;
                m_session.pushToTalk().setPressed(down);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PushToTalkWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
