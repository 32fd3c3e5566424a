// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include "desktop/desktopoptions.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace cidadao::desktop {
namespace {
constexpr char LanguageKey[] = "ui/language";
} // namespace

LanguageManager::LanguageManager(QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
}

LanguageManager::~LanguageManager()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QString LanguageManager::languageForLocale(const QString& localeName)
{
    if (localeName.startsWith(QLatin1String("pt")))
        return QStringLiteral("pt_BR");
    if (localeName.startsWith(QLatin1String("fr")))
        return QStringLiteral("fr");
    return QStringLiteral("en");
}

QString LanguageManager::preferredLanguage() const
{
    const QString saved = m_settings.value(QLatin1String(LanguageKey)).toString();
    if (DesktopOptions::supportedLanguages().contains(saved))
        return saved;
    return languageForLocale(QLocale::system().name());
}

bool LanguageManager::apply(const QString& language, bool persist)
{
    if (!DesktopOptions::supportedLanguages().contains(language))
        return false;
    if (persist)
        m_settings.setValue(QLatin1String(LanguageKey), language);
    if (language == m_current)
        return true;
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/cidadao/i18n/cidadao_%1.qm").arg(language)))
        return false;
    // Qt's own strings (standard dialog buttons, shortcuts); absent for English, which is fine.
    auto qt = std::make_unique<QTranslator>();
    const bool haveQt = qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                                 QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app = std::move(app);
    m_qt = haveQt ? std::move(qt) : nullptr;
    // Before the translators: what the widgets do on LanguageChange (format numbers, ask the server
    // for words in the new language) must already see the new locale.
    QLocale::setDefault(QLocale(language));
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    QCoreApplication::installTranslator(m_app.get()); // sends LanguageChange to every widget
    m_current = language;
    Q_EMIT languageChanged(language);
    return true;
}

} // namespace cidadao::desktop
