// SPDX-License-Identifier: GPL-3.0-or-later
// The interface language: pt_BR, en or fr, from the command line, the saved choice or the system
// (a Portuguese system gets pt_BR, a French one fr, anything else en). Switching installs the new
// translators at once, and every widget retranslates on the LanguageChange event that follows.
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>

class QSettings;

namespace cidadao::desktop {

class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QSettings& settings, QObject* parent = nullptr);
    ~LanguageManager() override;

    // The language for a system locale name such as "pt_PT", "fr_CA" or "de_DE".
    static QString languageForLocale(const QString& localeName);
    // Saved choice, else the system's.
    QString preferredLanguage() const;
    // Installs the translators; `persist` saves the choice. False if the language is unknown.
    bool apply(const QString& language, bool persist = false);
    QString current() const { return m_current; }

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    QSettings& m_settings;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current;
};

} // namespace cidadao::desktop
