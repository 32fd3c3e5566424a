// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalymodel.h"

#include "core/serverlanguage.h"

#include <algorithm>
#include <climits>
#include <numeric>

namespace cidadao::client {

int AnomalyModel::severityRank(const QString& severity)
{
    static const QStringList order = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                      QStringLiteral("critical")};
    return int(order.indexOf(severity));
}

int AnomalyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int AnomalyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::AnomalyResult& a = at(index.row());
    switch (role) {
    case IdRole:
        return a.anomalyId;
    case SeverityRankRole:
        return severityRank(a.severity);
    case ExplanationRole:
        return a.explanation;
    case DetectorRole:
        return QString::fromStdString(a.metadata.value("detector", std::string()));
    case Qt::ToolTipRole:
        return a.explanation;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            return a.type;
        case SeverityColumn:
            return a.severity;
        case ConfidenceColumn:
            return a.confidence;
        case DescriptionColumn:
            return a.description;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case SeverityColumn:
        return tr("Severity");
    case ConfidenceColumn:
        return tr("Confidence");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

bool AnomalyModel::before(int a, int b) const
{
    // One comparison at a time (a streamed row finding its place); sorting everything goes through
    // sortOrderVector's contiguous keys instead.
    if (m_sortColumn < 0)
        return a < b; // unsorted: arrival order, whichever the direction
    if (m_sortOrder == Qt::DescendingOrder)
        std::swap(a, b);
    const protocol::AnomalyResult& x = m_anomalies.at(a);
    const protocol::AnomalyResult& y = m_anomalies.at(b);
    switch (m_sortColumn) {
    case TypeColumn:
        return x.type < y.type;
    case SeverityColumn:
        return m_ranks[size_t(a)] < m_ranks[size_t(b)];
    case ConfidenceColumn:
        return x.confidence < y.confidence;
    case DescriptionColumn:
        return x.description < y.description;
    default:
        return false;
    }
}

namespace {

// Stable-sorts `order` (stored row numbers, as shown) by key(stored). The keys are copied next to the
// row numbers first: comparing through the anomalies themselves (~200 bytes apart, in no order) was
// cache misses all the way (1.8 s for a million confidences).
template<typename Key, typename KeyOf, typename Less>
void sortByKey(std::vector<int>& order, Qt::SortOrder direction, KeyOf keyOf, Less less)
{
    std::vector<std::pair<Key, int>> keyed;
    keyed.reserve(order.size());
    for (const int stored : order)
        keyed.emplace_back(keyOf(stored), stored);
    if (direction == Qt::AscendingOrder)
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) { return less(a, b); });
    else
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) { return less(b, a); });
    for (size_t row = 0; row < order.size(); ++row)
        order[row] = keyed[row].second;
}

// A stable sort of texts, eight characters at a time (most significant first): each pass sorts
// contiguous numbers made of the next eight UTF-16 units (missing ones count as 0, before any
// character, so the numbers order as QString's operator< does), and only the groups still equal go
// on to the next eight. Comparing whole QStrings instead read two scattered strings per comparison,
// ~20 million times for a million rows (6 s for descriptions sharing their first words).
template<typename TextOf>
void sortTexts(std::vector<int>& order, Qt::SortOrder direction, TextOf textOf)
{
    constexpr qsizetype Units = 8;
    struct Item
    {
        quint64 high;      // units 0-3 of the pass
        quint64 low;       // units 4-7
        const QChar* text; // the row's own string, alive for the whole sort
        int size;
        int stored;
    };
    std::vector<Item> items;
    items.reserve(order.size());
    for (const int stored : order) {
        const QString& text = textOf(stored);
        items.push_back({0, 0, text.constData(), int(std::min<qsizetype>(text.size(), INT_MAX)), stored});
    }
    const bool ascending = direction == Qt::AscendingOrder;
    const auto less = [ascending](const Item& a, const Item& b) {
        if (a.high != b.high)
            return ascending ? a.high < b.high : b.high < a.high;
        return ascending ? a.low < b.low : b.low < a.low;
    };
    const auto same = [](const Item& a, const Item& b) { return a.high == b.high && a.low == b.low; };
    struct Range
    {
        size_t begin;
        size_t end;
        qsizetype offset;
    };
    std::vector<Range> work{{0, items.size(), 0}};
    while (!work.empty()) {
        const Range range = work.back();
        work.pop_back();
        const auto first = items.begin() + qsizetype(range.begin);
        const auto last = items.begin() + qsizetype(range.end);
        bool allSame = true;
        for (auto it = first; it != last; ++it) {
            const QChar* text = it->text;
            quint64 key[2] = {0, 0};
            for (qsizetype i = 0; i < Units; ++i) {
                const qsizetype at = range.offset + i;
                key[i / 4] = (key[i / 4] << 16) | (at < it->size ? quint64(text[at].unicode()) : 0u);
            }
            it->high = key[0];
            it->low = key[1];
            allSame = allSame && same(*it, *first);
        }
        if (!allSame) // a shared beginning (the same first words) needs no sorting
            std::stable_sort(first, last, less);
        for (size_t begin = range.begin; begin < range.end;) {
            size_t end = begin + 1;
            bool longer = items[begin].size > range.offset + Units;
            while (end < range.end && same(items[end], items[begin])) {
                longer = longer || items[end].size > range.offset + Units;
                ++end;
            }
            if (end - begin > 1) {
                if (longer) {
                    work.push_back({begin, end, range.offset + Units});
                } else {
                    // Equal up to the end of the longest: only a trailing U+0000 can tell them apart,
                    // and then the shorter text comes first, as in QString's order.
                    std::stable_sort(items.begin() + qsizetype(begin), items.begin() + qsizetype(end),
                                     [ascending](const Item& a, const Item& b) {
                                         return ascending ? a.size < b.size : b.size < a.size;
                                     });
                }
            }
            begin = end;
        }
    }
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = items[i].stored;
}

} // namespace

void AnomalyModel::sortOrderVector()
{
    // Stable over the current order: equal keys stay as they were shown.
    const auto byKey = [](const auto& a, const auto& b) { return a.first < b.first; };
    switch (m_sortColumn) {
    case TypeColumn: {
        // Few distinct words, numbered as they arrived: rank the words, then sort the numbers.
        QList<int> byWord(m_typeWords.size());
        std::iota(byWord.begin(), byWord.end(), 0);
        std::sort(byWord.begin(), byWord.end(), [this](int a, int b) { return m_typeWords.at(a) < m_typeWords.at(b); });
        std::vector<int> rank(size_t(m_typeWords.size()));
        for (qsizetype i = 0; i < byWord.size(); ++i)
            rank[size_t(byWord.at(i))] = int(i);
        sortByKey<int>(m_order, m_sortOrder, [&](int stored) { return rank[size_t(m_typeIds[size_t(stored)])]; },
                       byKey);
        break;
    }
    case SeverityColumn:
        sortByKey<int>(m_order, m_sortOrder, [this](int stored) { return int(m_ranks[size_t(stored)]); }, byKey);
        break;
    case ConfidenceColumn:
        sortByKey<double>(m_order, m_sortOrder, [this](int stored) { return m_anomalies.at(stored).confidence; },
                          byKey);
        break;
    case DescriptionColumn:
        sortTexts(m_order, m_sortOrder, [this](int stored) -> const QString& { return m_anomalies.at(stored).description; });
        break;
    default:
        std::sort(m_order.begin(), m_order.end()); // arrival order
        break;
    }
}

void AnomalyModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = (column >= 0 && column < ColumnCount) ? column : -1;
    m_sortOrder = order;
    if (m_order.size() < 2)
        return;
    const QList<QPersistentModelIndex> parents;
    Q_EMIT layoutAboutToBeChanged(parents, QAbstractItemModel::VerticalSortHint);
    // Read after the signal: listeners (proxies, views) make their persistent indexes in it.
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> stored;
    stored.reserve(size_t(persistent.size()));
    for (const QModelIndex& index : persistent)
        stored.push_back(m_order[size_t(index.row())]);

    sortOrderVector();

    if (!persistent.isEmpty()) {
        std::vector<int> rowOf(m_order.size());
        for (size_t row = 0; row < m_order.size(); ++row)
            rowOf[size_t(m_order[row])] = int(row);
        QModelIndexList moved;
        moved.reserve(persistent.size());
        for (qsizetype i = 0; i < persistent.size(); ++i)
            moved.append(index(rowOf[size_t(stored[size_t(i)])], persistent.at(i).column()));
        changePersistentIndexList(persistent, moved);
    }
    Q_EMIT layoutChanged(parents, QAbstractItemModel::VerticalSortHint);
}

void AnomalyModel::localize(protocol::AnomalyResult& anomaly, TextLanguage language)
{
    protocol::Json& meta = anomaly.metadata;
    if (!meta.is_object() || !meta.contains("description_en"))
        return; // a server that sends one language only
    if (!meta.contains("description_pt")) {
        if (language == TextLanguage::Portuguese)
            return; // never switched: the fields hold the pt-BR already
        meta["description_pt"] = anomaly.description;
        meta["explanation_pt"] = anomaly.explanation;
        meta["suggested_actions_pt"] = anomaly.suggestedActions;
    }
    const bool english = language == TextLanguage::English;
    const auto text = [&meta](const char* key, QString& field) {
        const auto it = meta.find(key);
        if (it != meta.end() && it->is_string())
            field = it->get<QString>();
    };
    text(english ? "description_en" : "description_pt", anomaly.description);
    text(english ? "explanation_en" : "explanation_pt", anomaly.explanation);
    const auto actions = meta.find(english ? "suggested_actions_en" : "suggested_actions_pt");
    if (actions != meta.end() && actions->is_array()) {
        QStringList list;
        for (const protocol::Json& action : *actions)
            if (action.is_string())
                list.append(action.get<QString>());
        anomaly.suggestedActions = list;
    }
}

AnomalyModel::TextLanguage AnomalyModel::textLanguageFor(const QLocale& locale)
{
    return serverLanguage(locale) == QLatin1String("en") ? TextLanguage::English : TextLanguage::Portuguese;
}

void AnomalyModel::setTextLanguage(TextLanguage language)
{
    if (language == m_textLanguage)
        return;
    m_textLanguage = language;
    for (protocol::AnomalyResult& anomaly : m_anomalies)
        localize(anomaly, language);
    if (m_anomalies.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    if (m_sortColumn == DescriptionColumn)
        sort(m_sortColumn, m_sortOrder); // the order of the new words
}

void AnomalyModel::rebuildIds()
{
    m_rowById.clear();
    m_rowById.reserve(m_anomalies.size());
    for (qsizetype i = 0; i < m_anomalies.size(); ++i)
        m_rowById.insert(m_anomalies.at(i).anomalyId, int(i));
}

int AnomalyModel::typeId(const QString& type)
{
    // A handful of words (the detectors' types): a linear search beats hashing every row's string.
    const qsizetype known = m_typeWords.indexOf(type);
    if (known >= 0)
        return int(known);
    m_typeWords.append(type);
    return int(m_typeWords.size() - 1);
}

void AnomalyModel::setAnomalies(QList<protocol::AnomalyResult> anomalies)
{
    beginResetModel();
    m_anomalies = std::move(anomalies);
    if (m_textLanguage != TextLanguage::Portuguese) {
        for (protocol::AnomalyResult& anomaly : m_anomalies)
            localize(anomaly, m_textLanguage);
    }
    m_ranks.resize(size_t(m_anomalies.size()));
    m_typeWords.clear();
    m_typeIds.resize(size_t(m_anomalies.size()));
    for (qsizetype i = 0; i < m_anomalies.size(); ++i) {
        m_ranks[size_t(i)] = qint8(severityRank(m_anomalies.at(i).severity));
        m_typeIds[size_t(i)] = typeId(m_anomalies.at(i).type);
    }
    m_order.resize(size_t(m_anomalies.size()));
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_sortColumn >= 0)
        sortOrderVector();
    rebuildIds();
    endResetModel();
}

void AnomalyModel::append(const protocol::AnomalyResult& arrived)
{
    protocol::AnomalyResult anomaly = arrived;
    if (m_textLanguage != TextLanguage::Portuguese)
        localize(anomaly, m_textLanguage);
    const auto known = m_rowById.constFind(anomaly.anomalyId);
    if (known != m_rowById.cend()) {
        const int stored = known.value();
        m_anomalies[stored] = anomaly;
        m_ranks[size_t(stored)] = qint8(severityRank(anomaly.severity));
        m_typeIds[size_t(stored)] = typeId(anomaly.type);
        const auto at = std::find(m_order.begin(), m_order.end(), stored);
        const int from = int(at - m_order.begin());
        if (m_sortColumn >= 0) {
            // Its key may have changed: find its place among the others.
            m_order.erase(at);
            const int to = int(std::upper_bound(m_order.begin(), m_order.end(), stored,
                                                [this](int a, int b) { return before(a, b); })
                               - m_order.begin());
            m_order.insert(m_order.begin() + from, stored);
            if (to != from) {
                // Qt counts the destination in the list before the move.
                beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
                m_order.erase(m_order.begin() + from);
                m_order.insert(m_order.begin() + to, stored);
                endMoveRows();
                Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
                return;
            }
        }
        Q_EMIT dataChanged(index(from, 0), index(from, ColumnCount - 1));
        return;
    }
    const int stored = int(m_anomalies.size());
    m_anomalies.append(anomaly);
    m_ranks.push_back(qint8(severityRank(anomaly.severity)));
    m_typeIds.push_back(typeId(anomaly.type));
    m_rowById.insert(anomaly.anomalyId, stored);
    const int row = m_sortColumn >= 0 ? int(std::upper_bound(m_order.begin(), m_order.end(), stored,
                                                              [this](int a, int b) { return before(a, b); })
                                            - m_order.begin())
                                      : int(m_order.size());
    beginInsertRows({}, row, row);
    m_order.insert(m_order.begin() + row, stored);
    endInsertRows();
}

AnomalyFilterProxy::AnomalyFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void AnomalyFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (auto* anomalies = qobject_cast<AnomalyModel*>(sourceModel())) {
        // The proxy keeps the source's order (its own sort column stays -1) and only filters.
        anomalies->sort(column, order);
        return;
    }
    QSortFilterProxyModel::sort(column, order);
}

void AnomalyFilterProxy::setMinimumSeverity(const QString& severity)
{
    m_minimumRank = severity.isEmpty() ? -1 : AnomalyModel::severityRank(severity);
    invalidateFilter();
}

void AnomalyFilterProxy::setTypes(const QSet<QString>& types)
{
    m_types = types;
    invalidateFilter();
}

void AnomalyFilterProxy::setText(const QString& text)
{
    m_text = text;
    invalidateFilter();
}

bool AnomalyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    // After every sort the proxy filters all rows again: with no filter set that must cost nothing.
    if (m_minimumRank < 0 && m_types.isEmpty() && m_text.isEmpty())
        return true;
    QString type;
    QString description;
    QString explanation;
    int rank = -1;
    if (const auto* anomalies = qobject_cast<const AnomalyModel*>(sourceModel())) {
        const protocol::AnomalyResult& a = anomalies->at(sourceRow);
        type = a.type;
        description = a.description;
        explanation = a.explanation;
        rank = AnomalyModel::severityRank(a.severity);
    } else {
        const QAbstractItemModel* source = sourceModel();
        const QModelIndex first = source->index(sourceRow, AnomalyModel::TypeColumn, sourceParent);
        type = source->data(first).toString();
        description = source->data(source->index(sourceRow, AnomalyModel::DescriptionColumn, sourceParent)).toString();
        explanation = source->data(first, AnomalyModel::ExplanationRole).toString();
        rank = source->data(first, AnomalyModel::SeverityRankRole).toInt();
    }
    if (rank < m_minimumRank)
        return false;
    if (!m_types.isEmpty() && !m_types.contains(type))
        return false;
    if (!m_text.isEmpty() && !description.contains(m_text, Qt::CaseInsensitive)
        && !explanation.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace cidadao::client
