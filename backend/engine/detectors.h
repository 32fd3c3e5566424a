// SPDX-License-Identifier: GPL-3.0-or-later
// The anomaly engine's entry point: every detector of DETECTORS.md as a pure function of a Dataset.
// No I/O and no wall clock: "today" comes from RunControl so results are reproducible; the run is
// cancellable and reports progress; independent detectors run on worker threads over const data.
#pragma once

#include "engine/columns.h"
#include "engine/finding.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace cidadao::engine {

struct RunControl                                        // injected clock, progress, cancellation
{
    std::function<Day()> today;                          // "now" for rules that need it (empty = no such rules)
    std::function<void(double fraction, const QString& phase)> progress;   // may be empty; called from the
                                                         // calling thread only, fraction non-decreasing, ends at 1.0
    const std::atomic_bool* cancel = nullptr;            // checked often; cancelled run returns what it has

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// Thresholds with the defaults of DETECTORS.md. Every field is documented where the detector uses it.
struct DetectorOptions
{
    QSet<QString> enabled;                   // detector names to run; empty = all
    int threads = 0;                         // worker threads; 0 = std::thread::hardware_concurrency()

    // price_outlier: robust z of log(value) within object class × modalidade × órgão.
    double priceRobustZ = 3.5;               // |z| > this (Iglewicz-Hoaglin)
    int pricePeerMinimum = 10;               // peer groups smaller than this are not evaluated
    double priceMinimumRatio = 2.0;          // and value ≥ this × median (a lead must be material)

    // vendor_concentration: per UG and year.
    double vendorShare = 0.70;               // a supplier's share of the UG-year's value above this
    double vendorHhi = 2500.0;               // or HHI (0..10000) above this ...
    int vendorHhiMinimumSuppliers = 5;       // ... with at least this many suppliers
    int vendorMinimumContracts = 10;         // UG-years with fewer contracts are not evaluated
    int vendorMinimumSuppliers = 3;          // share rule needs a real market: at least this many suppliers

    // splitting (fracionamento) and near_threshold: dispensas against the legal table.
    int splittingWindowDays = 30;            // window variant: ≥ 2 dispensas within this many days
    bool splittingByObjectClass = true;      // also aggregate by object class ("same nature"), not only supplier
    double nearThresholdFraction = 0.90;     // dispensas at [fraction, 1] × limit ...
    int nearThresholdMinimumCount = 3;       // ... at least this many in one UG-year

    // amendment_excess
    double amendmentCap = 0.25;              // Valor Final / Valor Inicial − 1 above this
    double amendmentRenovationCap = 0.50;    // for building/equipment renovation objects

    // duplicate
    double duplicateJaccard = 0.85;          // token Jaccard of the object above this ...
    double duplicateValueTolerance = 0.01;   // ... and values within 1 % ...
    int duplicateWindowDays = 30;            // ... within 30 days (same supplier)

    // temporal_spike: monthly count/value per UG.
    double temporalRobustZ = 3.5;
    int temporalMinimumMonths = 12;          // UGs with fewer active months are not evaluated
    double temporalMinimumRatio = 3.0;       // and the month must be ≥ this × the UG's monthly median
    double temporalPoissonP = 1e-5;          // and that count must be this unlikely for a Poisson month

    // date_logic
    int paymentGraceDays = 0;                // a payment this many days after the validity end is still fine

    // benford: first-digit MAD per UG or supplier.
    int benfordMinimumN = 300;
    double benfordMad = 0.015;               // Nigrini "nonconformity"
    double benfordChiSquareP = 1e-4;         // and a chi-square test this significant (strong evidence only)
    double benfordMinimumValue = 10.0;       // values below R$ 10 are left out (Nigrini)
    bool benfordPayments = false;            // also test payments per UG/payee (installments of one contract
                                             // repeat its digits, so payments are off by default)

    // pay_over_ceiling
    double payRobustZ = 3.5;                 // secondary: robust z of net pay within the same cargo
    int payPeerMinimum = 10;
};

// The 13 detector names of DETECTORS.md in their documented order.
QStringList detectorNames();
// The API type of a detector ("price", "vendor", ...); empty for an unknown name.
QString detectorType(const QString& detector);
// Whether the detector reads the shared preparation (object classes, dispensa limits), which a run
// computes once before the detectors when one of them does.
bool detectorUsesPreparation(const QString& detector);

// Runs the enabled detectors and returns their findings ordered by detector (documented order), then
// by severity (critical first), then by first row. Thread-safe for concurrent calls on the same const data.
std::vector<Finding> runDetectors(const Dataset& data, const DetectorOptions& options, const RunControl& control);

} // namespace cidadao::engine
