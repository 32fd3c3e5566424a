// SPDX-License-Identifier: GPL-3.0-or-later
#include "svgicon.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace cidadao::ui {
namespace {

class SvgIconEngine : public QIconEngine
{
public:
    SvgIconEngine(QByteArray svg, bool themed)
        : m_svg(std::move(svg))
        , m_themed(themed)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // `size` is already in device pixels (QIcon multiplies by the scale before calling).
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(), pixmap.size()), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QIconEngine* clone() const override { return new SvgIconEngine(m_svg, m_themed); }
    QString key() const override { return QStringLiteral("cidadao-svg"); }

private:
    QByteArray coloured(QIcon::Mode mode) const
    {
        if (!m_themed)
            return m_svg;
        // Read at paint time: a switch between light and dark palettes recolours every icon.
        const QPalette palette = QApplication::palette();
        const QColor colour = mode == QIcon::Disabled ? palette.color(QPalette::Disabled, QPalette::WindowText)
                              : mode == QIcon::Selected ? palette.color(QPalette::HighlightedText)
                                                        : palette.color(QPalette::WindowText);
        QByteArray svg = m_svg;
        return svg.replace("currentColor", colour.name().toLatin1());
    }

    QByteArray m_svg;
    bool m_themed;
};

QByteArray readResource(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QIcon svgIcon(const QString& name)
{
    const QByteArray svg = readResource(QStringLiteral(":/cidadao/icons/%1.svg").arg(name));
    if (svg.isEmpty())
        return {};
    return QIcon(new SvgIconEngine(svg, true));
}

QIcon agentAvatar(const QString& agentId)
{
    QByteArray svg = readResource(QStringLiteral(":/cidadao/avatars/%1.svg").arg(agentId));
    if (svg.isEmpty())
        svg = readResource(QStringLiteral(":/cidadao/avatars/generic.svg"));
    return svg.isEmpty() ? QIcon() : QIcon(new SvgIconEngine(svg, false));
}

} // namespace cidadao::ui
