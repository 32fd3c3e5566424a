// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences: the interface language (applied at once, while the dialog is open), the connection
// profiles, the optional LLM endpoint that phrases the agents' answers, and the data directory.
#pragma once

#include "core/connectionprofile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace cidadao::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Values
    {
        QString language;
        QString dataDir;
        QString llmEndpoint;
        QString llmModel;
    };

    SettingsDialog(Values values, client::ProfileStore& profiles, QWidget* parent = nullptr);

    Values values() const;
    void selectLanguage(const QString& language);

Q_SIGNALS:
    void languageSelected(const QString& language);
    void profileActivated(const cidadao::client::ConnectionProfile& profile);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void reloadProfiles();
    void addProfile();
    void removeProfile();
    void activateProfile();

    client::ProfileStore& m_profiles;
    Values m_values;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QListWidget* m_profileList = nullptr;
    QLineEdit* m_newProfileUrl = nullptr;
    QPushButton* m_addProfile = nullptr;
    QPushButton* m_removeProfile = nullptr;
    QPushButton* m_useProfile = nullptr;
    QLabel* m_llmLabel = nullptr;
    QLineEdit* m_llmEndpoint = nullptr;
    QLabel* m_llmModelLabel = nullptr;
    QLineEdit* m_llmModel = nullptr;
    QLabel* m_llmNote = nullptr;
    QLabel* m_dataDirLabel = nullptr;
    QLineEdit* m_dataDir = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_dataDirNote = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cidadao::ui
