// SPDX-License-Identifier: GPL-3.0-or-later
// The Workflows page (issue #10 item 6): the definitions, a JSON input and Run, the live node graph
// of the run being watched, and the history (double-click to watch a past or running execution).
// Everything goes through WorkflowsService; the view owns no network code.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace cidadao::client {
class WorkflowsService;
}

namespace cidadao::ui {

class WorkflowGraphView;

class WorkflowsView : public QWidget
{
    Q_OBJECT
public:
    explicit WorkflowsView(client::WorkflowsService& service, QWidget* parent = nullptr);

    // Fetches definitions and history (call when the page is first shown or after signing in).
    void refresh();
    QString selectedWorkflow() const;

    QListWidget* definitionsList() const { return m_definitions; }
    QPlainTextEdit* inputEditor() const { return m_input; }
    QPushButton* runButton() const { return m_run; }
    QTableWidget* historyTable() const { return m_history; }
    WorkflowGraphView* graphView() const { return m_graph; }
    QString statusText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void run();
    void showDefinitions();
    void showHistory();
    void selectionChanged();
    void setStatus(const QString& text);

    client::WorkflowsService& m_service;
    QListWidget* m_definitions;
    QPlainTextEdit* m_input;
    QPushButton* m_run;
    QPushButton* m_cancel;
    WorkflowGraphView* m_graph;
    QTableWidget* m_history;
    QLabel* m_status;
    QLabel* m_definitionsTitle;
    QLabel* m_inputTitle;
};

} // namespace cidadao::ui
