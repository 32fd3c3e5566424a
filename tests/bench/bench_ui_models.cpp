// SPDX-License-Identifier: GPL-3.0-or-later
// The client models at the sizes the issue names, each next to a reference measured in the same
// run: 10,000 messages appended to MessageModel (one by one as they arrive, with a view attached,
// and at once as history) vs the same rows appended to a QStandardItemModel; 1,000,000 anomaly
// rows sorted by severity through AnomalyFilterProxy vs std::stable_sort of the ranks alone.
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
    QElapsedTimer timer;
    timer.start();
    proxy.sort(client::AnomalyModel::SeverityColumn, Qt::DescendingOrder);
    const double sortSeverityMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    proxy.sort(client::AnomalyModel::ConfidenceColumn, Qt::AscendingOrder);
    const double sortConfidenceMs = timer.nsecsElapsed() / 1e6;
    const bool firstIsCritical = [&] {
        proxy.sort(client::AnomalyModel::SeverityColumn, Qt::DescendingOrder);
        return proxy.index(0, client::AnomalyModel::SeverityColumn).data().toString() == QLatin1String("critical");
    }();
    const double referenceSortMs = bestOfMs(1, [&] {
        std::vector<int> order(ranks.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ranks[size_t(a)] > ranks[size_t(b)]; });
    });

    std::printf("{\"messages\":%d,\"append_one_by_one_ms\":%.1f,\"set_history_ms\":%.1f,"
                "\"reference_qstandarditemmodel_append_ms\":%.1f,\"append_ratio\":%.2f,"
                "\"anomalies\":%d,\"proxy_sort_severity_ms\":%.1f,\"proxy_sort_confidence_ms\":%.1f,"
                "\"reference_std_stable_sort_ms\":%.1f,\"sort_ratio\":%.1f,\"sorted_ok\":%s}\n",
                messages, appendMs, historyMs, referenceAppendMs, appendMs / referenceAppendMs, anomalies,
                sortSeverityMs, sortConfidenceMs, referenceSortMs, sortSeverityMs / referenceSortMs,
                firstIsCritical ? "true" : "false");
    return firstIsCritical ? 0 : 1;
}
