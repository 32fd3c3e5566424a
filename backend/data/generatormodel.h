// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic world before it is written: units, suppliers and every record of every source, held
// in memory so that injections can look at the clean background (peer medians, UG-years, months)
// and so that labels follow the records whatever order they are written in.
#pragma once

#include "data/generatorrandom.h"
#include "engine/columns.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cidadao::data::generator {

using engine::Day;

// The detectors of DETECTORS.md, in their documented order; a record's labels are a bit mask.
enum class Detector : std::uint8_t {
    PriceOutlier, VendorConcentration, Splitting, NearThreshold, AmendmentExcess, Duplicate, TemporalSpike,
    DateLogic, Benford, InvalidDocument, SanctionedSupplier, SingleBidder, PayOverCeiling, Count
};
using LabelMask = std::uint16_t;
inline constexpr int kDetectorCount = int(Detector::Count);
inline constexpr LabelMask bit(Detector d) { return LabelMask(1u << unsigned(d)); }
std::string_view detectorName(Detector detector);

enum class Modality : std::uint8_t { Pregao, Concorrencia, Dispensa, Inexigibilidade };

// How an injected contract departs from the rules when it is written out with its related records.
enum class Quirk : std::uint8_t {
    None,
    SignedBeforeResult,   // its bidding's result date comes after the signature (date_logic)
    NoBidding,            // keep it out of biddings and payments (its supplier is the anomaly)
};

struct Organ
{
    int superior = 0;          // index into superiorOrgans()
    int entry = 0;             // index into that superior organ's organs
    double priceLevel = 1.0;   // regional price level: peer groups are per órgão
};

struct Unit
{
    int code = 0;              // Código UG (6 digits)
    int organ = 0;             // index into World::organs
    int place = 0;             // index into places()
    int serial = 0;
    double weight = 1.0;       // relative number of contracts per month
    double bandLow = 0;        // the classes this UG buys: medians within [bandLow, 12 × bandLow]
    std::vector<int> classes;
};

struct Supplier
{
    std::string document;      // 14 CNPJ digits, or a masked CPF
    std::string name;
    bool person = false;
};

struct Contract
{
    std::uint32_t unit = 0;
    std::uint16_t objectClass = 0;
    Modality modality = Modality::Pregao;
    bool special = false;      // injected or reserved: clean-data guards leave it alone
    Quirk quirk = Quirk::None;
    std::uint32_t supplier = 0;
    Day signedOn = 0, published = 0, start = 0, end = 0;
    double initialValue = 0, finalValue = 0;
    std::uint64_t objectSeed = 0;   // the object text is derived from it (duplicates share it)
    std::int32_t bidding = -1;      // index into World::biddings
    double paidFactor = 0;          // payments total = paidFactor × final value (0 = no payments)
    LabelMask labels = 0;
    std::uint32_t number = 0;       // assigned once all contracts exist (date order)
};

struct Bidding
{
    std::uint32_t unit = 0;
    std::uint32_t contract = 0;
    std::uint32_t number = 0;
    Day openDate = 0, resultDate = 0;
    double value = 0;
    std::vector<std::uint32_t> participants;   // suppliers; the first one is the winner
    LabelMask labels = 0;
};

struct Agreement
{
    std::uint32_t number = 0;
    int place = 0;
    std::uint32_t unit = 0;
    int object = 0;
    std::string granteeDocument;
    std::string granteeName;
    double value = 0, released = 0, counterpart = 0;
    Day published = 0, start = 0, end = 0, lastRelease = 0;
    double lastReleaseValue = 0;
    LabelMask labels = 0;
};

struct Payment
{
    std::uint32_t contract = 0;
    Day date = 0;
    double value = 0;
    std::uint32_t sequence = 0;
    LabelMask labels = 0;
};

struct Servant
{
    std::uint32_t id = 0;          // Id_SERVIDOR_PORTAL
    std::string maskedCpf;
    std::string name;
    int role = 0;
    int organ = 0;
    std::string registration;      // MATRICULA
    Day joined = 0;
    double level = 1.0;            // position within the role's pay range
};

struct PayRow
{
    std::uint32_t servant = 0;
    int year = 0, month = 0;
    double gross = 0, ceilingCut = 0, eventual = 0, irrf = 0, pss = 0, net = 0;
    LabelMask labels = 0;
};

struct Sanction
{
    bool cnep = false;
    std::uint32_t code = 0;
    std::string document;
    std::string name;
    bool person = false;
    int category = 0;
    Day start = 0, end = engine::kNoDate;
    int organ = 0;
    double fine = 0;
};

struct World
{
    std::vector<Organ> organs;
    std::vector<Unit> units;
    std::vector<Supplier> suppliers;
    std::size_t cleanSuppliers = 0;     // suppliers [0, cleanSuppliers) are drawn by Zipf
    std::vector<Contract> contracts;
    std::vector<Bidding> biddings;
    std::vector<Agreement> agreements;
    std::vector<Payment> payments;
    std::vector<Servant> servants;
    std::vector<PayRow> pay;
    std::vector<Sanction> sanctions;
    std::unordered_set<std::string> usedMaskedIds;
};

// Benford's first-digit probabilities, index 1..9 (index 0 unused).
extern const std::array<double, 10> kBenford;
int firstDigit(double value);

} // namespace cidadao::data::generator
