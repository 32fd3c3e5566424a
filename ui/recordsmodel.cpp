// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsmodel.h"

#include "recordcolumns.h"

#include <QLocale>

#include <algorithm>

namespace cidadao::ui {

int RecordsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant RecordsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::Json& row = m_rows.at(size_t(index.row()));
    const auto it = row.find(m_fields.at(index.column()).toStdString());
    if (it == row.end() || it->is_null())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (it->is_string())
            return it->get<QString>();
        if (it->is_number_integer())
            return role == Qt::DisplayRole ? QVariant(it->get<qint64>()) : QVariant(QString::number(it->get<qint64>()));
        if (it->is_number())
            return role == Qt::DisplayRole ? QLocale().toString(it->get<double>(), 'f', 2)
                                           : QString::number(it->get<double>(), 'f', 2);
        if (it->is_boolean())
            return it->get<bool>();
        return QString::fromStdString(it->dump());
    }
    if (role == Qt::TextAlignmentRole && it->is_number())
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_fields.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return RecordColumns::title(m_fields.at(section));
    if (role == Qt::ToolTipRole)
        return m_fields.at(section); // the API's name, for whoever scripts against it
    return QAbstractTableModel::headerData(section, orientation, role);
}

void RecordsModel::retranslate()
{
    if (!m_fields.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_fields.size()) - 1);
}

void RecordsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_fields.clear();
    endResetModel();
}

void RecordsModel::appendPage(const protocol::Json& items)
{
    if (!items.is_array() || items.empty())
        return;
    QStringList newFields;
    for (const auto& item : items) {
        if (!item.is_object())
            continue;
        for (auto it = item.begin(); it != item.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            if (!m_fields.contains(key) && !newFields.contains(key))
                newFields.append(key);
        }
    }
    if (!newFields.isEmpty()) {
        std::stable_sort(newFields.begin(), newFields.end(), [](const QString& a, const QString& b) {
            return RecordColumns::rank(a) < RecordColumns::rank(b);
        });
        beginInsertColumns({}, int(m_fields.size()), int(m_fields.size() + newFields.size()) - 1);
        m_fields += newFields;
        endInsertColumns();
    }
    int count = 0;
    for (const auto& item : items)
        count += item.is_object() ? 1 : 0;
    if (count == 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()) + count - 1);
    for (const auto& item : items)
        if (item.is_object())
            m_rows.push_back(item);
    endInsertRows();
}

} // namespace cidadao::ui
