// SPDX-License-Identifier: GPL-3.0-or-later
// One investigation's dashboard: progress while it runs, then summary tiles, the charts, the
// anomalies table (sort, filter by severity and type, search) with the detail pane of the selected
// anomaly, and export of the report (PDF, CSV, Markdown, JSON) through a save dialog.
#pragma once

#include <QWidget>

class QComboBox;
class QFileDialog;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace cidadao::client {
class InvestigationsService;
}
namespace cidadao::protocol {
struct InvestigationStatus;
}

namespace cidadao::ui {

class AnomalyDetail;
class AnomalyTableProxy;
class DashboardCharts;

class InvestigationDashboard : public QWidget
{
    Q_OBJECT
public:
    explicit InvestigationDashboard(client::InvestigationsService* service, QWidget* parent = nullptr);

    QTableView* anomalyTable() const { return m_table; }
    AnomalyTableProxy* proxy() const { return m_proxy; }
    AnomalyDetail* detail() const { return m_detail; }
    DashboardCharts* charts() const { return m_charts; }
    QProgressBar* progressBar() const { return m_progress; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* severityFilter() const { return m_severity; }
    QComboBox* typeFilter() const { return m_type; }
    QComboBox* exportFormat() const { return m_format; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    // The save dialog while it is open (non-native, so that it is a real widget tests can drive).
    QFileDialog* exportDialog() const { return m_dialog; }
    QString tileText(const QString& name) const;

    // Opens the export dialog for the chosen format; the download starts when a file is accepted.
    void startExport();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onProgress(const protocol::InvestigationStatus& status);
    void onResults();
    void showCurrent();
    void applyFilters();
    void onSelection();
    QLabel* addTile(const QString& name);

    client::InvestigationsService* m_service;
    QLabel* m_title;
    QLabel* m_state;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QWidget* m_tiles;
    QList<QLabel*> m_tileLabels;
    DashboardCharts* m_charts;
    QLineEdit* m_search;
    QComboBox* m_severity;
    QComboBox* m_type;
    QTableView* m_table;
    AnomalyTableProxy* m_proxy;
    AnomalyDetail* m_detail;
    QComboBox* m_format;
    QPushButton* m_export;
    QLabel* m_exportState;
    QFileDialog* m_dialog = nullptr;
};

} // namespace cidadao::ui
