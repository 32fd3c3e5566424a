// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include "svgicon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cidadao::ui {

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_buttons = new QHBoxLayout;
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(svgIcon(QStringLiteral("close")));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::clear);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text, const QList<Action>& actions, const QString& details)
{
    for (const auto& [button, trigger] : std::as_const(m_actions))
        button->deleteLater();
    m_actions.clear();
    m_kind = kind;
    m_text->setText(text);
    m_text->setToolTip(details);
    for (const Action& action : actions) {
        auto* button = new QPushButton(action.text, this);
        m_buttons->addWidget(button);
        m_actions.append({button, action.trigger});
        connect(button, &QPushButton::clicked, this, [this, text = action.text] { trigger(text); });
    }
    const char* iconName = kind == Kind::Error     ? "error"
                           : kind == Kind::Warning  ? "warning"
                           : kind == Kind::Positive ? "ok"
                                                    : "info";
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(svgIcon(QLatin1String(iconName)).pixmap(QSize(size, size), devicePixelRatioF()));
    applyPalette();
    show();
}

void MessageBanner::clear()
{
    for (const auto& [button, trigger] : std::as_const(m_actions))
        button->deleteLater();
    m_actions.clear();
    m_text->clear();
    hide();
    Q_EMIT cleared();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QStringList MessageBanner::actionTexts() const
{
    QStringList texts;
    for (const auto& [button, trigger] : m_actions)
        texts.append(button->text());
    return texts;
}

bool MessageBanner::trigger(const QString& actionText)
{
    for (const auto& [button, action] : std::as_const(m_actions)) {
        if (button->text() != actionText)
            continue;
        const auto run = action; // the action may replace this banner's message (and m_actions)
        clear();
        if (run)
            run();
        return true;
    }
    return false;
}

void MessageBanner::applyPalette()
{
    // Tinted from the current palette so that the banner reads well in light and dark themes.
    const QColor base = palette().color(QPalette::Window);
    const bool dark = base.lightness() < 128;
    QColor tint = m_kind == Kind::Error     ? QColor(0xd3, 0x2f, 0x2f)
                  : m_kind == Kind::Warning  ? QColor(0xf5, 0x9e, 0x0b)
                  : m_kind == Kind::Positive ? QColor(0x2e, 0x7d, 0x32)
                                             : QColor(0x19, 0x76, 0xd2);
    const qreal alpha = dark ? 0.35 : 0.18;
    const QColor mixed = QColor::fromRgbF(base.redF() * (1 - alpha) + tint.redF() * alpha,
                                          base.greenF() * (1 - alpha) + tint.greenF() * alpha,
                                          base.blueF() * (1 - alpha) + tint.blueF() * alpha);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, mixed);
    setPalette(pal);
}

} // namespace cidadao::ui
