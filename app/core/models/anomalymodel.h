// SPDX-License-Identifier: GPL-3.0-or-later
// The anomalies of one investigation as a table (type, severity, confidence, description), sorted by
// the model itself, and a proxy that only filters (minimum severity, types, text).
#pragma once

#include "protocol/investigation.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

namespace cidadao::client {

// Sorting lives here rather than in a QSortFilterProxyModel because an investigation can find a
// million anomalies: the proxy compares QVariants through data() ~20 million times, while this model
// stable-sorts a permutation of row numbers on typed keys (severity rank, confidence as a double).
// Rows keep arrival order in storage; `m_order` maps a shown row to it, so streamed anomalies and
// persistent indexes survive a sort. Ties keep the order they had before the sort (as Qt's proxy does),
// so sorting by one column and then another gives a two-key order.
class AnomalyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TypeColumn, SeverityColumn, ConfidenceColumn, DescriptionColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SeverityRankRole, ExplanationRole, DetectorRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Severity sorts by rank (low < medium < high < critical), not alphabetically; text columns by
    // QString::compare, as the proxy's default did. Column -1 restores arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setAnomalies(QList<protocol::AnomalyResult> anomalies);
    // Streamed anomalies (SSE `anomaly` events) arrive one by one; a repeated id replaces its row.
    // While sorted, a new row goes to its sorted place (after its equals).
    void append(const protocol::AnomalyResult& anomaly);
    // The anomaly shown at `row` (in the current sort order).
    const protocol::AnomalyResult& at(int row) const { return m_anomalies.at(m_order.at(size_t(row))); }

    // low 0, medium 1, high 2, critical 3; unknown -1.
    static int severityRank(const QString& severity);

    // The server words an anomaly in pt-BR (description, explanation, suggested_actions) and puts the
    // English beside it in metadata (*_en). English shows the latter where the server sent them (for
    // an en or fr interface: the agents write no French); Portuguese puts the former back.
    enum class TextLanguage { Portuguese, English };
    void setTextLanguage(TextLanguage language);
    TextLanguage textLanguage() const { return m_textLanguage; }
    // The same for one anomaly (the detail pane's copy). The pt-BR texts are kept in metadata (*_pt).
    static void localize(protocol::AnomalyResult& anomaly, TextLanguage language);
    // Portuguese for a Portuguese interface, English for any other.
    static TextLanguage textLanguageFor(const QLocale& locale);

private:
    // Whether stored anomaly `a` goes before stored anomaly `b` in the current sort (strictly).
    bool before(int a, int b) const;
    void sortOrderVector();
    void rebuildIds();
    int typeId(const QString& type);

    QList<protocol::AnomalyResult> m_anomalies; // arrival order
    std::vector<int> m_order;                   // shown row -> index in m_anomalies
    std::vector<qint8> m_ranks;                 // severity rank per stored anomaly, for sorting
    std::vector<int> m_typeIds;                 // index in m_typeWords per stored anomaly
    QStringList m_typeWords;                    // the distinct types, in order of arrival
    QHash<QString, int> m_rowById;              // anomaly id -> index in m_anomalies
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    TextLanguage m_textLanguage = TextLanguage::Portuguese;
};

// Filters only; sort() is handed to the AnomalyModel underneath (see there why). With any other source
// model it sorts as a QSortFilterProxyModel would.
class AnomalyFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AnomalyFilterProxy(QObject* parent = nullptr);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setMinimumSeverity(const QString& severity);
    void setTypes(const QSet<QString>& types); // empty: all
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_minimumRank = -1;
    QSet<QString> m_types;
    QString m_text;
};

} // namespace cidadao::client
