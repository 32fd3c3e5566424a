// SPDX-License-Identifier: GPL-3.0-or-later
// The "new investigation" form: the question, the data source, filters (a period with date
// pickers, órgão and supplier with completion from the user's own imported data, value range, UF)
// and the anomaly types. It builds a valid InvestigationRequest or says, inline, what to fix.
#pragma once

#include "protocol/investigation.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;

namespace cidadao::client {
class DataLookup;
}

namespace cidadao::ui {

class InvestigationForm : public QWidget
{
    Q_OBJECT
public:
    explicit InvestigationForm(client::DataLookup* lookup, QWidget* parent = nullptr);

    // The request as filled in, or nullopt with the problem shown under the form.
    std::optional<protocol::InvestigationRequest> request();
    // Fills the form from a request (used to repeat an investigation, and by tests).
    void setRequest(const protocol::InvestigationRequest& request);

    client::DataLookup* lookup() const { return m_lookup; }
    QLineEdit* queryEdit() const { return m_query; }
    QComboBox* sourceBox() const { return m_source; }
    QCheckBox* periodBox() const { return m_period; }
    QDateEdit* startDateEdit() const { return m_start; }
    QDateEdit* endDateEdit() const { return m_end; }
    QLineEdit* organizationEdit() const { return m_organization; }
    QLineEdit* vendorEdit() const { return m_vendor; }
    QCompleter* organizationCompleter() const { return m_organizationCompleter; }
    QCompleter* vendorCompleter() const { return m_vendorCompleter; }
    QPushButton* startButton() const { return m_startButton; }
    QCheckBox* typeBox(const QString& type) const;
    QString problem() const;

Q_SIGNALS:
    void startRequested(const cidadao::protocol::InvestigationRequest& request);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showProblem(const QString& text);

    client::DataLookup* m_lookup;
    QLabel* m_queryLabel;
    QLineEdit* m_query;
    QLabel* m_sourceLabel;
    QComboBox* m_source;
    QCheckBox* m_period;
    QDateEdit* m_start;
    QDateEdit* m_end;
    QLabel* m_organizationLabel;
    QLineEdit* m_organization;
    QStringListModel* m_organizationNames;
    QCompleter* m_organizationCompleter;
    QLabel* m_vendorLabel;
    QLineEdit* m_vendor;
    QStringListModel* m_vendorNames;
    QCompleter* m_vendorCompleter;
    QLabel* m_valueLabel;
    QDoubleSpinBox* m_minValue;
    QDoubleSpinBox* m_maxValue;
    QLabel* m_ufLabel;
    QComboBox* m_uf;
    QLabel* m_typesLabel;
    QList<QCheckBox*> m_types;
    QLabel* m_problem;
    QPushButton* m_startButton;
};

} // namespace cidadao::ui
