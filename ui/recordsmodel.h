// SPDX-License-Identifier: GPL-3.0-or-later
// The records of one data source as a table, page after page (cursor pagination): the columns are
// the fields the server sends (a source with new columns needs no change here), titled and ordered
// by RecordColumns; the field's own name is the header's tooltip.
#pragma once

#include "protocol/jsonqt.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace cidadao::ui {

class RecordsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();
    // Appends one page (an array of record objects); new fields become new columns.
    void appendPage(const protocol::Json& items);
    const protocol::Json& record(int row) const { return m_rows.at(row); }
    QStringList fields() const { return m_fields; }
    // The titles follow the language: call on QEvent::LanguageChange.
    void retranslate();

private:
    QStringList m_fields;
    std::vector<protocol::Json> m_rows;
};

} // namespace cidadao::ui
