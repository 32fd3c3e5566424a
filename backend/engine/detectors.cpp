// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/detectors.h"

#include "engine/detectioncontext.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace cidadao::engine {

namespace {
using DetectorFn = std::vector<Finding> (*)(const DetectionContext&);

struct DetectorEntry
{
    const char16_t* name;
    const char16_t* type;
    DetectorFn fn;
    double weight;   // rough relative cost, for progress and to start the slow ones first
    bool usesFacts;  // reads ContractFacts (object classes, dispensa limits): computed only if one does
};

// Weights: tenths of a CPU second of each detector alone at a million contracts, without the shared
// preparation (tests/bench/run_bench.sh, 2026-12), so the slowest start first and progress moves with
// the work done.
const DetectorEntry kDetectors[] = {
    {u"price_outlier", u"price", &detectPriceOutliers, 1.2, true},
    {u"vendor_concentration", u"vendor", &detectVendorConcentration, 0.7, false},
    {u"splitting", u"pattern", &detectSplitting, 1.2, true},
    {u"near_threshold", u"pattern", &detectNearThreshold, 0.1, true},
    {u"amendment_excess", u"payment", &detectAmendmentExcess, 0.7, true},
    {u"duplicate", u"duplicate", &detectDuplicates, 7.3, true},
    {u"temporal_spike", u"temporal", &detectTemporalSpikes, 1.4, false},
    {u"date_logic", u"temporal", &detectDateLogic, 1.1, false},
    {u"benford", u"pattern", &detectBenford, 0.7, false},
    {u"invalid_document", u"vendor", &detectInvalidDocuments, 1.0, false},
    {u"sanctioned_supplier", u"vendor", &detectSanctionedSuppliers, 1.3, false},
    {u"single_bidder", u"pattern", &detectSingleBidders, 1.7, false},
    {u"pay_over_ceiling", u"payment", &detectPayOverCeiling, 0.2, false},
};
// Progress fraction given to the shared precomputation: at a million contracts it is 0.10 s of the
// 1.7 s of CPU a run of all detectors takes (bench, 2026-12).
constexpr double kPrepareShare = 0.06;

int detectorOrder(const QString& name)
{
    for (int i = 0; i < int(std::size(kDetectors)); ++i)
        if (name == QStringView(kDetectors[i].name))
            return i;
    return int(std::size(kDetectors));
}
} // namespace

QStringList detectorNames()
{
    QStringList names;
    for (const auto& d : kDetectors)
        names.append(QString::fromUtf16(d.name));
    return names;
}

QString detectorType(const QString& detector)
{
    for (const auto& d : kDetectors)
        if (detector == QStringView(d.name))
            return QString::fromUtf16(d.type);
    return {};
}

bool detectorUsesPreparation(const QString& detector)
{
    for (const auto& d : kDetectors)
        if (detector == QStringView(d.name))
            return d.usesFacts;
    return false;
}

std::vector<Finding> runDetectors(const Dataset& data, const DetectorOptions& options, const RunControl& control)
{
    auto report = [&](double fraction, const QString& phase) {
        if (control.progress)
            control.progress(std::clamp(fraction, 0.0, 1.0), phase);
    };
    const int threads = std::max(1, options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()));

    std::vector<const DetectorEntry*> selected;
    for (const auto& d : kDetectors)
        if (options.enabled.isEmpty() || options.enabled.contains(QString::fromUtf16(d.name)))
            selected.push_back(&d);

    report(0.0, QStringLiteral("prepare"));
    // Classifying a million object texts is the run's largest shared cost: skipped when no selected
    // detector reads its result (vendor_concentration alone, say).
    const bool needFacts = std::any_of(selected.begin(), selected.end(), [](auto d) { return d->usesFacts; });
    const ContractFacts facts = needFacts ? computeContractFacts(data, threads, control) : ContractFacts{};
    if (control.cancelled())
        return {};
    report(kPrepareShare, QStringLiteral("prepare"));

    const SharedIndexes shared(data);
    const DetectionContext ctx{data, options, control, facts, shared};
    // Slowest first, so two workers finish together.
    std::vector<const DetectorEntry*> queue = selected;
    std::stable_sort(queue.begin(), queue.end(), [](auto a, auto b) { return a->weight > b->weight; });
    double totalWeight = 0.0;
    for (auto d : queue)
        totalWeight += d->weight;

    std::vector<std::vector<Finding>> results(queue.size());
    std::mutex mutex;
    std::condition_variable done;
    std::size_t next = 0;
    std::vector<std::size_t> finished;   // indices into queue, in completion order
    auto worker = [&] {
        for (;;) {
            std::size_t mine;
            {
                std::lock_guard lock(mutex);
                if (next >= queue.size())
                    return;
                mine = next++;
            }
            if (!control.cancelled())
                results[mine] = queue[mine]->fn(ctx);   // each task writes only its own slot
            {
                std::lock_guard lock(mutex);
                finished.push_back(mine);
            }
            done.notify_one();
        }
    };
    std::vector<std::thread> pool;
    const int workers = std::min<int>(threads, int(queue.size()));
    for (int t = 0; t < workers; ++t)
        pool.emplace_back(worker);

    // The calling thread only reports progress, so callbacks never run on a worker thread.
    double doneWeight = 0.0;
    std::size_t reported = 0;
    while (reported < queue.size()) {
        std::vector<std::size_t> batch;
        {
            std::unique_lock lock(mutex);
            done.wait(lock, [&] { return finished.size() > reported; });
            batch.assign(finished.begin() + std::ptrdiff_t(reported), finished.end());
        }
        for (std::size_t index : batch) {
            ++reported;
            doneWeight += queue[index]->weight;
            if (!control.cancelled())
                report(kPrepareShare + (1.0 - kPrepareShare) * doneWeight / std::max(totalWeight, 1e-9),
                       QString::fromUtf16(queue[index]->name));
        }
    }
    for (auto& th : pool)
        th.join();

    std::vector<Finding> all;
    for (auto& r : results)
        for (auto& f : r)
            all.push_back(std::move(f));
    std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
        const int oa = detectorOrder(a.detector), ob = detectorOrder(b.detector);
        if (oa != ob)
            return oa < ob;
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        const auto ra = a.rows.empty() ? UINT32_MAX : a.rows.front();
        const auto rb = b.rows.empty() ? UINT32_MAX : b.rows.front();
        return ra < rb;
    });
    if (!control.cancelled())
        report(1.0, QStringLiteral("done"));
    return all;
}

} // namespace cidadao::engine
