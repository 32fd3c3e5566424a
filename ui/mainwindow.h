// SPDX-License-Identifier: GPL-3.0-or-later
// The application window: a navigation bar on the left (one entry per page, each with a shortcut
// Ctrl+1..9), the pages in a stack, one inline banner above them for window-wide problems, and a
// status bar with mode, server, user and connection state. It knows no page: the composition root
// (app/desktop) constructs the pages and hands them in with addPage(). Geometry and the last page
// are kept in the QSettings object passed in.
//
// Pages must retranslate themselves on QEvent::LanguageChange (the language changes at once, without
// a restart) and report their own problems in their own MessageBanner (ui/messagebanner.h).
#pragma once

#include <QIcon>
#include <QKeySequence>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QMenu;
class QSettings;
class QStackedWidget;
class QToolBar;

namespace cidadao::ui {

class ConnectionStatus;
class MessageBanner;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Appends a page; the window takes ownership. `title` must already be translated (empty: the
    // page's windowTitle()). To follow a language switch, the page sets its windowTitle() when it
    // retranslates (the entry follows windowTitleChanged), or the owner calls setPageTitle().
    // An empty shortcut gives Ctrl+<position>. Returns the page's index.
    int addPage(QWidget* page, const QString& title, const QIcon& icon, const QKeySequence& shortcut = {});
    void setPageTitle(QWidget* page, const QString& title);
    void showPage(QWidget* page);
    QWidget* currentPage() const;
    int pageCount() const;
    QWidget* page(int index) const;

    MessageBanner* banner() const { return m_banner; }
    ConnectionStatus* connectionStatus() const { return m_status; }

    // Restores geometry, window state and the last page (call after the pages were added).
    void restoreState();

Q_SIGNALS:
    void settingsRequested();
    void connectRequested();
    void currentPageChanged(QWidget* page);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void saveState();

    QSettings& m_settings;
    QToolBar* m_navigation = nullptr;
    QActionGroup* m_pageActions = nullptr;
    QStackedWidget* m_stack = nullptr;
    MessageBanner* m_banner = nullptr;
    ConnectionStatus* m_status = nullptr;
    QAction* m_connectAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace cidadao::ui
