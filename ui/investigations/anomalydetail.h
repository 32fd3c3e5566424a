// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane of one anomaly: its description, the explanation a citizen can read, the
// detector and its numbers, the suggested next steps and the affected records as a table. The texts
// are made from the anomaly each time the language changes, not only when it is shown: a pane built
// once in English stayed English after switching to Portuguese.
#pragma once

#include "protocol/investigation.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStandardItemModel;
class QTableView;
class QTextBrowser;

namespace cidadao::ui {

class AnomalyDetail : public QWidget
{
    Q_OBJECT
public:
    explicit AnomalyDetail(QWidget* parent = nullptr);

    void showAnomaly(const protocol::AnomalyResult& anomaly);
    void clear();
    QString explanationText() const;
    QString headingText() const;
    QString recordsLabelText() const;
    QTableView* recordsTable() const { return m_records; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    std::optional<protocol::AnomalyResult> m_anomaly;
    QLabel* m_heading;
    QTextBrowser* m_explanation;
    QLabel* m_recordsLabel;
    QTableView* m_records;
    QStandardItemModel* m_recordsModel;
};

} // namespace cidadao::ui
