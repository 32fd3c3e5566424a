// SPDX-License-Identifier: GPL-3.0-or-later
// What the view tests share: switching the UI language the way the app does (a QTranslator from the
// translations built into cidadao_ui, plus the default QLocale for numbers and dates), and saving
// QWidget::grab() screenshots as test artifacts in the build directory.
#pragma once

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QWidget>

namespace cidadao::testing {

class UiLanguage
{
public:
    ~UiLanguage() { QApplication::removeTranslator(&m_translator); }

    // "en", "pt_BR" or "fr"; returns whether a translation was loaded (en needs none: sources are English).
    bool use(const QString& locale)
    {
        QApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale(locale));
        bool ok = true;
        if (locale != QLatin1String("en")) {
            ok = m_translator.load(QStringLiteral(":/cidadao/i18n/cidadao_%1.qm").arg(locale));
            if (ok)
                QApplication::installTranslator(&m_translator);
        }
        // QApplication posts QEvent::LanguageChange to the windows; deliver it now so that every
        // widget has retranslated itself when this returns.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        return ok;
    }

private:
    QTranslator m_translator;
};

// QTest::keyClicks() takes ASCII only; Portuguese needs ç, ã, é: those go as key events with text.
inline void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 128) {
            QTest::keyClick(widget, char(ch.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

inline QString screenshotPath(const QString& name)
{
    const QString dir = QStringLiteral(CIDADAO_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name + QStringLiteral(".png"));
}

// Lets pending layouts and paints happen, then grabs the widget into <build>/.../screenshots/name.png.
inline bool saveScreenshot(QWidget* widget, const QString& name)
{
    QTest::qWait(50);
    QApplication::processEvents();
    const QPixmap shot = widget->grab();
    return !shot.isNull() && shot.save(screenshotPath(name));
}

} // namespace cidadao::testing
