// SPDX-License-Identifier: GPL-3.0-or-later
// The composition root of cidadao-desktop: builds the long-lived client objects (settings, secret
// store, cache, connection, local backend host), the main window and its pages, and wires them.
// main() only parses options and runs this; UI tests construct it the same way with a temporary
// settings file, a temporary data directory and the in-memory secret store.
#pragma once

#include "core/clientcontext.h"
#include "core/connectionprofile.h"
#include "desktop/desktopoptions.h"

#include <QObject>
#include <QSettings>

#include <memory>

namespace cidadao::client {
class BackendHost;
class Connection;
class LocalCache;
class ProfileStore;
class SecretStore;
class WorkflowsService;
} // namespace cidadao::client

namespace cidadao::ui {
class MainWindow;
class ChatView;
class DataPage;
class InvestigationsView;
class WorkflowsView;
} // namespace cidadao::ui

namespace cidadao::desktop {

class LanguageManager;

class DesktopApp : public QObject
{
    Q_OBJECT
public:
    explicit DesktopApp(DesktopOptions options, QObject* parent = nullptr);
    ~DesktopApp() override;

    // Builds the window, shows it and starts connecting (local backend or remote profile).
    void start();

    ui::MainWindow& window() { return *m_window; }
    client::Connection& connection() { return *m_connection; }
    client::BackendHost* backend() { return m_backend.get(); }
    client::ClientContext& context() { return *m_context; }
    LanguageManager& language() { return *m_language; }
    QSettings& settings() { return *m_settings; }
    ui::DataPage* dataPage() { return m_dataPage; }
    ui::ChatView* chatView() { return m_chatView; }
    ui::InvestigationsView* investigationsView() { return m_investigationsView; }
    ui::WorkflowsView* workflowsView() { return m_workflowsView; }
    QString dataDir() const { return m_dataDir; }

    // Milliseconds from construction to the first Connected state (-1 until then).
    qint64 readyAfterMs() const { return m_readyAfterMs; }

Q_SIGNALS:
    void ready(); // first time the connection is usable

private:
    void createPages();
    void wireConnection();
    void connectProfile(const client::ConnectionProfile& profile);
    void ensureBackend();
    void openConnectionDialog();
    void openSettingsDialog();

    DesktopOptions m_options;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<client::SecretStore> m_secrets;
    std::unique_ptr<client::LocalCache> m_cache;
    std::unique_ptr<client::Connection> m_connection;
    std::unique_ptr<client::BackendHost> m_backend;
    std::unique_ptr<client::ProfileStore> m_profiles;
    std::unique_ptr<client::ClientContext> m_context;
    std::unique_ptr<LanguageManager> m_language;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ChatView* m_chatView = nullptr;
    ui::InvestigationsView* m_investigationsView = nullptr;
    client::WorkflowsService* m_workflows = nullptr; // owned by this object (QObject parent)
    ui::WorkflowsView* m_workflowsView = nullptr;
    ui::DataPage* m_dataPage = nullptr;
    qint64 m_readyAfterMs = -1;
    qint64 m_startedAtMs = 0;
};

} // namespace cidadao::desktop
