// SPDX-License-Identifier: GPL-3.0-or-later
// The client models at the sizes the issue names, each next to a reference measured in the same
// run: 10,000 messages appended to MessageModel (one by one as they arrive, with a view attached,
// and at once as history) vs the same rows appended to a QStandardItemModel; 1,000,000 anomaly
// rows sorted on every column as the dashboard does it (AnomalyFilterProxy with a QTableView
// attached; the proxy forwards sort() to AnomalyModel, which sorts a permutation on typed keys) vs
// std::stable_sort of the severity ranks alone.
// Prints one JSON object. Not a test: timings on a shared machine are not pass/fail.
#include "core/models/anomalymodel.h"
#include "core/models/messagemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QStandardItemModel>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace cidadao;

namespace {

template<typename F>
double bestOfMs(int runs, F&& body)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        body();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int messages = 10000;
    const int anomalies = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // --- 10,000 messages ------------------------------------------------------------------
    const double appendMs = bestOfMs(3, [&] {
        client::MessageModel model;
        QListView view; // a view attached, as in the chat page: it reacts to every insert
        view.setModel(&model);
        view.setUniformItemSizes(true);
        for (int i = 0; i < messages; ++i)
            model.addPendingUserMessage(QStringLiteral("message %1").arg(i), now);
    });
    QList<protocol::HistoryMessage> history;
    history.reserve(messages);
    for (int i = 0; i < messages; ++i)
        history.append({QStringLiteral("m%1").arg(i), i % 2 ? QStringLiteral("assistant") : QStringLiteral("user"),
                         QStringLiteral("message %1").arg(i), now, std::nullopt});
    const double historyMs = bestOfMs(3, [&] {
        client::MessageModel model;
        QListView view;
        view.setModel(&model);
        model.setHistory(history);
    });
    const double referenceAppendMs = bestOfMs(3, [&] {
        QStandardItemModel model;
        QListView view;
        view.setModel(&model);
        view.setUniformItemSizes(true);
        for (int i = 0; i < messages; ++i)
            model.appendRow(new QStandardItem(QStringLiteral("message %1").arg(i)));
    });

    // --- 1,000,000 anomalies sorted by severity -------------------------------------------
    const QStringList severities{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                 QStringLiteral("critical")};
    const QStringList types{QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("temporal"),
                            QStringLiteral("payment"), QStringLiteral("duplicate"), QStringLiteral("pattern")};
    std::mt19937 random(7);
    QList<protocol::AnomalyResult> rows;
    rows.reserve(anomalies);
    std::vector<int> ranks;
    ranks.reserve(size_t(anomalies));
    for (int i = 0; i < anomalies; ++i) {
        protocol::AnomalyResult anomaly;
        anomaly.anomalyId = QString::number(i);
        anomaly.type = types.at(int(random() % types.size()));
        anomaly.severity = severities.at(int(random() % severities.size()));
        anomaly.confidence = double(random() % 1000) / 1000.0;
        anomaly.description = QStringLiteral("anomaly %1").arg(i);
        ranks.push_back(client::AnomalyModel::severityRank(anomaly.severity));
        rows.append(std::move(anomaly));
    }
    client::AnomalyModel model;
    model.setAnomalies(rows);
    client::AnomalyFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView table;
    table.setModel(&proxy);
    // Each sort starts from the order the one before left, as clicking header after header does.
    const auto timedSort = [&](int column, Qt::SortOrder order) {
        QElapsedTimer timer;
        timer.start();
        proxy.sort(column, order);
        return timer.nsecsElapsed() / 1e6;
    };
    const double sortSeverityMs = timedSort(client::AnomalyModel::SeverityColumn, Qt::DescendingOrder);
    const double sortConfidenceMs = timedSort(client::AnomalyModel::ConfidenceColumn, Qt::AscendingOrder);
    const double sortTypeMs = timedSort(client::AnomalyModel::TypeColumn, Qt::AscendingOrder);
    const double sortDescriptionMs = timedSort(client::AnomalyModel::DescriptionColumn, Qt::DescendingOrder);
    const double sortSeverityAgainMs = timedSort(client::AnomalyModel::SeverityColumn, Qt::DescendingOrder);
    const bool firstIsCritical =
        proxy.index(0, client::AnomalyModel::SeverityColumn).data().toString() == QLatin1String("critical")
        && proxy.index(anomalies - 1, client::AnomalyModel::SeverityColumn).data().toString() == QLatin1String("low");
    // The same severity sort in the model alone, no proxy or view listening.
    client::AnomalyModel bare;
    bare.setAnomalies(rows);
    QElapsedTimer bareTimer;
    bareTimer.start();
    bare.sort(client::AnomalyModel::SeverityColumn, Qt::DescendingOrder);
    const double modelOnlySeverityMs = bareTimer.nsecsElapsed() / 1e6;
    const double referenceSortMs = bestOfMs(1, [&] {
        std::vector<int> order(ranks.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ranks[size_t(a)] > ranks[size_t(b)]; });
    });

    const double worstMs = std::max({sortSeverityMs, sortConfidenceMs, sortTypeMs, sortDescriptionMs,
                                     sortSeverityAgainMs});
    std::printf("{\"messages\":%d,\"append_one_by_one_ms\":%.1f,\"set_history_ms\":%.1f,"
                "\"reference_qstandarditemmodel_append_ms\":%.1f,\"append_ratio\":%.2f,"
                "\"anomalies\":%d,\"sort_severity_ms\":%.1f,\"sort_confidence_ms\":%.1f,\"sort_type_ms\":%.1f,"
                "\"sort_description_ms\":%.1f,\"sort_severity_again_ms\":%.1f,\"model_only_sort_severity_ms\":%.1f,"
                "\"worst_sort_ms\":%.1f,\"reference_std_stable_sort_ms\":%.1f,\"sort_ratio\":%.1f,\"sorted_ok\":%s}\n",
                messages, appendMs, historyMs, referenceAppendMs, appendMs / referenceAppendMs, anomalies,
                sortSeverityMs, sortConfidenceMs, sortTypeMs, sortDescriptionMs, sortSeverityAgainMs,
                modelOnlySeverityMs, worstMs, referenceSortMs, sortSeverityMs / referenceSortMs,
                firstIsCritical ? "true" : "false");
    return firstIsCritical ? 0 : 1;
}
