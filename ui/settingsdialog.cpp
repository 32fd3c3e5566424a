// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cidadao::ui {

using client::ConnectionProfile;

SettingsDialog::SettingsDialog(Values values, client::ProfileStore& profiles, QWidget* parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_values(std::move(values))
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // General: language.
    auto* general = new QWidget(m_tabs);
    auto* generalForm = new QFormLayout(general);
    m_languageLabel = new QLabel(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("language"));
    // Each language is named in itself, so that anyone finds their own.
    m_language->addItem(QStringLiteral("Português (Brasil)"), QStringLiteral("pt_BR"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_values.language)));
    m_languageLabel->setBuddy(m_language);
    m_languageNote = new QLabel(general);
    m_languageNote->setWordWrap(true);
    generalForm->addRow(m_languageLabel, m_language);
    generalForm->addRow(m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT languageSelected(m_language->currentData().toString()); });
    m_tabs->addTab(general, QString());

    // Connections: profiles.
    auto* connections = new QWidget(m_tabs);
    auto* connectionsLayout = new QVBoxLayout(connections);
    m_profileList = new QListWidget(connections);
    m_profileList->setObjectName(QStringLiteral("profiles"));
    connectionsLayout->addWidget(m_profileList);
    auto* addRow = new QHBoxLayout;
    m_newProfileUrl = new QLineEdit(connections);
    m_newProfileUrl->setObjectName(QStringLiteral("newProfileUrl"));
    m_addProfile = new QPushButton(connections);
    addRow->addWidget(m_newProfileUrl, 1);
    addRow->addWidget(m_addProfile);
    connectionsLayout->addLayout(addRow);
    auto* profileButtons = new QHBoxLayout;
    m_removeProfile = new QPushButton(connections);
    m_useProfile = new QPushButton(connections);
    profileButtons->addWidget(m_removeProfile);
    profileButtons->addStretch();
    profileButtons->addWidget(m_useProfile);
    connectionsLayout->addLayout(profileButtons);
    connect(m_addProfile, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_useProfile, &QPushButton::clicked, this, &SettingsDialog::activateProfile);
    connect(m_profileList, &QListWidget::itemDoubleClicked, this, &SettingsDialog::activateProfile);
    connect(m_profileList, &QListWidget::currentRowChanged, this, [this] {
        const auto item = m_profileList->currentItem();
        m_removeProfile->setEnabled(item && item->data(Qt::UserRole).toString() != ConnectionProfile::local().id);
    });
    m_tabs->addTab(connections, QString());

    // Agents: the optional LLM endpoint.
    auto* agents = new QWidget(m_tabs);
    auto* agentsForm = new QFormLayout(agents);
    m_llmLabel = new QLabel(agents);
    m_llmEndpoint = new QLineEdit(m_values.llmEndpoint, agents);
    m_llmEndpoint->setObjectName(QStringLiteral("llmEndpoint"));
    m_llmEndpoint->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080/v1"));
    m_llmModelLabel = new QLabel(agents);
    m_llmModel = new QLineEdit(m_values.llmModel, agents);
    m_llmNote = new QLabel(agents);
    m_llmNote->setWordWrap(true);
    m_llmLabel->setBuddy(m_llmEndpoint);
    m_llmModelLabel->setBuddy(m_llmModel);
    agentsForm->addRow(m_llmLabel, m_llmEndpoint);
    agentsForm->addRow(m_llmModelLabel, m_llmModel);
    agentsForm->addRow(m_llmNote);
    m_tabs->addTab(agents, QString());

    // Storage: the data directory.
    auto* storage = new QWidget(m_tabs);
    auto* storageForm = new QFormLayout(storage);
    m_dataDirLabel = new QLabel(storage);
    auto* dirRow = new QHBoxLayout;
    m_dataDir = new QLineEdit(m_values.dataDir, storage);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    m_browse = new QPushButton(storage);
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(m_browse);
    m_dataDirNote = new QLabel(storage);
    m_dataDirNote->setWordWrap(true);
    storageForm->addRow(m_dataDirLabel, dirRow);
    storageForm->addRow(m_dataDirNote);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data directory"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    m_tabs->addTab(storage, QString());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reloadProfiles();
    retranslate();
}

SettingsDialog::Values SettingsDialog::values() const
{
    Values values;
    values.language = m_language->currentData().toString();
    values.dataDir = m_dataDir->text().trimmed();
    values.llmEndpoint = m_llmEndpoint->text().trimmed();
    values.llmModel = m_llmModel->text().trimmed();
    return values;
}

void SettingsDialog::selectLanguage(const QString& language)
{
    const int index = m_language->findData(language);
    if (index >= 0)
        m_language->setCurrentIndex(index);
}

void SettingsDialog::reloadProfiles()
{
    m_profileList->clear();
    const QString current = m_profiles.current().id;
    const auto profiles = m_profiles.profiles();
    for (const ConnectionProfile& profile : profiles) {
        const QString label = profile.kind == ConnectionProfile::Kind::Local
                                  ? tr("This computer (local server)")
                                  : QStringLiteral("%1 — %2").arg(profile.name, profile.url.toString());
        auto* item = new QListWidgetItem(profile.id == current ? tr("%1 (in use)").arg(label) : label, m_profileList);
        item->setData(Qt::UserRole, profile.id);
    }
}

void SettingsDialog::addProfile()
{
    const QUrl url = QUrl::fromUserInput(m_newProfileUrl->text().trimmed());
    if (!url.isValid() || url.host().isEmpty())
        return;
    m_profiles.save(ConnectionProfile::remote(url.host(), url));
    m_newProfileUrl->clear();
    reloadProfiles();
}

void SettingsDialog::removeProfile()
{
    const auto item = m_profileList->currentItem();
    if (!item || item->data(Qt::UserRole).toString() == ConnectionProfile::local().id)
        return;
    m_profiles.remove(item->data(Qt::UserRole).toString());
    reloadProfiles();
}

void SettingsDialog::activateProfile()
{
    const auto item = m_profileList->currentItem();
    if (!item)
        return;
    if (const auto profile = m_profiles.profile(item->data(Qt::UserRole).toString())) {
        Q_EMIT profileActivated(*profile);
        reloadProfiles();
    }
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_tabs->setTabText(0, tr("General"));
    m_tabs->setTabText(1, tr("Connections"));
    m_tabs->setTabText(2, tr("Agents"));
    m_tabs->setTabText(3, tr("Storage"));
    m_languageLabel->setText(tr("&Language:"));
    m_languageNote->setText(tr("The new language applies at once."));
    m_newProfileUrl->setPlaceholderText(tr("Address of a Cidadão.AI server, e.g. https://cidadao.example.org"));
    m_addProfile->setText(tr("&Add"));
    m_removeProfile->setText(tr("&Remove"));
    m_useProfile->setText(tr("&Use this connection"));
    m_llmLabel->setText(tr("LLM &endpoint:"));
    m_llmModelLabel->setText(tr("&Model:"));
    m_llmNote->setText(tr("Optional. An OpenAI-compatible chat-completions server (llama.cpp, Ollama, …) that the "
                          "agents use to phrase their answers. Without it, answers are composed offline. "
                          "Applies when the local server next starts."));
    m_dataDirLabel->setText(tr("&Data directory:"));
    m_browse->setText(tr("&Browse…"));
    m_dataDirNote->setText(tr("Where the local server keeps its database and the app its cache. A new directory "
                              "is used from the next start."));
    // Qt words them itself only when its own translations (qtbase_*.qm) are installed; often they
    // are not, and the dialog ended in English buttons under Portuguese text.
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    reloadProfiles();
}

} // namespace cidadao::ui
