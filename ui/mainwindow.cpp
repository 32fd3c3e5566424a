// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "connectionstatus.h"
#include "messagebanner.h"
#include "svgicon.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace cidadao::ui {
namespace {
constexpr char GeometryKey[] = "window/geometry";
constexpr char StateKey[] = "window/state";
constexpr char PageKey[] = "window/page";
} // namespace

MainWindow::MainWindow(QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(svgIcon(QStringLiteral("cidadao")));

    m_navigation = new QToolBar(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMovable(false);
    m_navigation->setFloatable(false);
    m_navigation->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_navigation->setIconSize(QSize(28, 28));
    addToolBar(Qt::LeftToolBarArea, m_navigation);
    m_pageActions = new QActionGroup(this);
    m_pageActions->setExclusive(true);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new MessageBanner(central);
    m_banner->setObjectName(QStringLiteral("windowBanner"));
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int index) {
        if (QAction* action = m_pageActions->actions().value(index))
            action->setChecked(true);
        Q_EMIT currentPageChanged(m_stack->widget(index));
    });

    m_status = new ConnectionStatus(this);
    statusBar()->addPermanentWidget(m_status);

    m_connectAction = new QAction(svgIcon(QStringLiteral("connect")), QString(), this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectRequested);
    m_settingsAction = new QAction(svgIcon(QStringLiteral("settings")), QString(), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcuts({QKeySequence(QKeySequence::Preferences), QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
    m_quitAction = new QAction(svgIcon(QStringLiteral("quit")), QString(), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_connectAction);
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_viewMenu = menuBar()->addMenu(QString());

    // Settings sits at the bottom of the navigation bar, apart from the pages.
    auto* spacer = new QWidget(m_navigation);
    spacer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_navigation->addWidget(spacer);
    m_navigation->addAction(m_settingsAction);

    retranslate();
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

int MainWindow::addPage(QWidget* page, const QString& title, const QIcon& icon, const QKeySequence& shortcut)
{
    const int index = m_stack->addWidget(page);
    auto* action = new QAction(icon, title.isEmpty() ? page->windowTitle() : title, m_pageActions);
    // A page that sets its window title when it retranslates keeps its navigation entry current.
    connect(page, &QWidget::windowTitleChanged, this, [this, page](const QString& newTitle) {
        setPageTitle(page, newTitle);
    });
    action->setCheckable(true);
    action->setData(QVariant::fromValue(page));
    action->setObjectName(QStringLiteral("page_%1").arg(page->objectName().isEmpty() ? QString::number(index)
                                                                                      : page->objectName()));
    action->setShortcut(shortcut.isEmpty() && index < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index))
                                                        : shortcut);
    setPageTitle(page, action->text());
    connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
    // Pages go above the spacer that keeps Settings at the bottom.
    m_navigation->insertAction(m_navigation->actions().value(m_navigation->actions().size() - 2), action);
    m_viewMenu->addAction(action);
    if (index == 0)
        action->setChecked(true);
    return index;
}

void MainWindow::setPageTitle(QWidget* page, const QString& title)
{
    const auto actions = m_pageActions->actions();
    for (QAction* action : actions) {
        if (action->data().value<QWidget*>() != page)
            continue;
        action->setText(title);
        action->setToolTip(action->shortcut().isEmpty()
                               ? title
                               : QStringLiteral("%1 (%2)").arg(title, action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::showPage(QWidget* page)
{
    if (m_stack->indexOf(page) >= 0)
        m_stack->setCurrentWidget(page);
}

QWidget* MainWindow::currentPage() const
{
    return m_stack->currentWidget();
}

int MainWindow::pageCount() const
{
    return m_stack->count();
}

QWidget* MainWindow::page(int index) const
{
    return m_stack->widget(index);
}

void MainWindow::restoreState()
{
    restoreGeometry(m_settings.value(QLatin1String(GeometryKey)).toByteArray());
    QMainWindow::restoreState(m_settings.value(QLatin1String(StateKey)).toByteArray());
    const int page = m_settings.value(QLatin1String(PageKey), 0).toInt();
    if (page >= 0 && page < m_stack->count())
        m_stack->setCurrentIndex(page);
}

void MainWindow::saveState()
{
    m_settings.setValue(QLatin1String(GeometryKey), saveGeometry());
    m_settings.setValue(QLatin1String(StateKey), QMainWindow::saveState());
    m_settings.setValue(QLatin1String(PageKey), m_stack->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Cidadão.AI"));
    m_navigation->setWindowTitle(tr("Navigation"));
    m_connectAction->setText(tr("&Connection…"));
    m_connectAction->setToolTip(tr("Choose the server and sign in"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
}

} // namespace cidadao::ui
