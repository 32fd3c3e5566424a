// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorsources.h"

#include "data/generatorcalendar.h"
#include "data/generatorcatalog.h"
#include "data/generatorcontracts.h"
#include "data/generatordocuments.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace cidadao::data::generator {

namespace {
double cents(double value)
{
    return std::round(value * 100.0) / 100.0;
}

// Exactly round(rate × n) distinct indices (partial Fisher-Yates): a rate, not a coin per row, so
// that small data sets have the same share of anomalies as large ones.
std::vector<std::size_t> pickExactly(GeneratorRandom& random, std::size_t n, double rate)
{
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    const auto k = std::min(n, std::size_t(std::llround(double(n) * rate)));
    for (std::size_t i = 0; i < k; ++i)
        std::swap(order[i], order[i + random.below(n - i)]);
    order.resize(k);
    std::sort(order.begin(), order.end());
    return order;
}
} // namespace

void numberContracts(World& world)
{
    std::stable_sort(world.contracts.begin(), world.contracts.end(),
                     [](const Contract& a, const Contract& b) { return a.signedOn < b.signedOn; });
    for (std::size_t i = 0; i < world.contracts.size(); ++i)
        world.contracts[i].number = std::uint32_t(i + 1);
}

void buildBiddings(World& world, GeneratorRandom& random, double singleBidderRate)
{
    const ZipfTable zipf(world.cleanSuppliers, 1.0);
    for (std::uint32_t i = 0; i < world.contracts.size(); ++i) {
        Contract& c = world.contracts[i];
        if ((c.modality != Modality::Pregao && c.modality != Modality::Concorrencia) || c.quirk == Quirk::NoBidding)
            continue;
        Bidding b;
        b.unit = c.unit;
        b.contract = i;
        b.number = std::uint32_t(world.biddings.size() + 1);
        if (c.quirk == Quirk::SignedBeforeResult) {
            b.resultDate = c.signedOn + random.between(3, 25);
            b.openDate = c.signedOn - random.between(20, 60);
        } else {
            b.resultDate = c.signedOn - random.between(2, 15);
            b.openDate = b.resultDate - random.between(15, 55);
        }
        b.value = cents(c.initialValue * random.uniform(1.0, 1.12));
        b.participants.push_back(c.supplier);
        const int others = random.between(1, 4);
        while (int(b.participants.size()) < others + 1) {
            const auto s = std::uint32_t(zipf.sample(random));
            if (std::find(b.participants.begin(), b.participants.end(), s) == b.participants.end())
                b.participants.push_back(s);
        }
        c.bidding = std::int32_t(world.biddings.size());
        world.biddings.push_back(std::move(b));
    }
    for (std::size_t i : pickExactly(random, world.biddings.size(), singleBidderRate)) {
        // An open bidding that drew a single bidder (OCP red flag R018).
        world.biddings[i].participants.resize(1);
        world.biddings[i].labels |= bit(Detector::SingleBidder);
    }
}

void buildPayments(World& world, GeneratorRandom& random)
{
    std::uint32_t sequence = 0;
    for (std::uint32_t i = 0; i < world.contracts.size(); ++i) {
        const Contract& c = world.contracts[i];
        const Day last = std::min(c.end, lastDay());
        if (c.paidFactor <= 0 || c.start > last)
            continue;
        const int installments = random.between(1, 3);
        double weights[3] = {};
        double total = 0;
        for (int k = 0; k < installments; ++k)
            total += weights[k] = random.uniform(0.5, 1.5);
        const double paid = c.finalValue * c.paidFactor;
        std::vector<Day> days;
        for (int k = 0; k < installments; ++k)
            days.push_back(c.start + Day(random.below(std::uint64_t(last - c.start + 1))));
        std::sort(days.begin(), days.end());
        for (int k = 0; k < installments; ++k) {
            Payment p;
            p.contract = i;
            p.date = days[std::size_t(k)];
            // Rounded down so that clean payments never add up to more than the contract.
            p.value = std::floor(paid * weights[k] / total * 100.0) / 100.0;
            p.sequence = ++sequence;
            world.payments.push_back(p);
        }
    }
}

void buildAgreements(World& world, GeneratorRandom& random, std::int64_t count, double releasedOverRate)
{
    const auto objects = agreementObjects();
    for (std::int64_t i = 0; i < count; ++i) {
        Agreement a;
        a.number = std::uint32_t(900000 + i);
        a.place = int(random.below(places().size()));
        a.unit = std::uint32_t(random.below(world.units.size()));
        a.object = int(random.below(objects.size()));
        // One prefeitura per município, with its own CNPJ.
        a.granteeDocument = companyCnpj(std::uint32_t(50000000 + a.place));
        const std::string town(places()[std::size_t(a.place)].name);
        a.granteeName = QString(QStringLiteral("MUNICÍPIO DE ") + QString::fromUtf8(town.data(), qsizetype(town.size())))
                            .toUpper()
                            .toStdString();
        a.value = cents(random.logUniform(100000, 3000000));
        a.counterpart = cents(a.value * random.uniform(0.01, 0.10));
        a.start = firstDay() + Day(random.below(std::uint64_t(lastDay() - firstDay() - 60)));
        a.published = a.start - random.between(1, 10);
        a.end = a.start + random.between(365, 1095);
        a.lastRelease = a.start + Day(random.below(std::uint64_t(std::min(a.end, lastDay()) - a.start + 1)));
        a.released = cents(a.value * random.uniform(0.3, 1.0));
        a.lastReleaseValue = cents(a.released * random.uniform(0.1, 0.5));
        world.agreements.push_back(std::move(a));
    }
    for (std::size_t i : pickExactly(random, world.agreements.size(), releasedOverRate)) {
        // More released than agreed.
        Agreement& a = world.agreements[i];
        a.released = cents(a.value * random.uniform(1.05, 1.5));
        a.lastReleaseValue = cents(a.released * random.uniform(0.1, 0.5));
        a.labels |= bit(Detector::DateLogic);
    }
}

void buildServants(World& world, GeneratorRandom& random, std::int64_t count, double overCeilingRate)
{
    const auto roleList = roles();
    for (std::int64_t i = 0; i < count; ++i) {
        Servant s;
        s.id = std::uint32_t(1200000 + i * 7);
        s.maskedCpf = maskCpf(makeCpf(std::uint32_t(random.below(1000000000))));
        s.name = makePersonName(random.next());
        s.role = int(random.below(roleList.size()));
        s.organ = int(random.below(world.organs.size()));
        s.registration = std::to_string(1000000 + random.below(8999999));
        s.joined = dayFromCivil(1995, 1, 1) + Day(random.below(9000));
        s.level = std::exp(0.12 * random.truncatedNormal(2.0));
        world.servants.push_back(std::move(s));
    }
    for (int year = 2023; year <= kLastYear; ++year) {
        for (int month = year == 2023 ? 4 : 1; month <= 12; ++month) {
            for (std::uint32_t i = 0; i < world.servants.size(); ++i) {
                const Servant& s = world.servants[i];
                PayRow row;
                row.servant = i;
                row.year = year;
                row.month = month;
                row.gross = cents(roleList[std::size_t(s.role)].medianGross * s.level);
                row.eventual = random.chance(0.05) ? cents(row.gross * random.uniform(0.05, 0.2)) : 0.0;
                world.pay.push_back(row);
            }
        }
    }
    for (std::size_t i : pickExactly(random, world.pay.size(), overCeilingRate)) {
        // Pay far above the teto and no abate-teto deduction.
        PayRow& row = world.pay[i];
        row.gross = cents(payCeiling(row.year, row.month) * random.uniform(1.65, 2.2));
        row.eventual = 0;
        row.labels |= bit(Detector::PayOverCeiling);
    }
    for (PayRow& row : world.pay) {
        row.irrf = cents(std::max(0.0, 0.275 * row.gross - 896.0));
        row.pss = cents(0.12 * row.gross);
        row.net = cents(row.gross + row.ceilingCut - row.irrf - row.pss);
    }
}

void buildCleanSanctions(World& world, GeneratorRandom& random, std::int64_t count)
{
    const auto superiors = superiorOrgans();
    for (std::int64_t i = 0; i < count; ++i) {
        Sanction s;
        s.cnep = random.chance(0.25);
        s.category = int(random.below(sanctionCategories().size()));
        s.organ = int(random.below(superiors.size()));
        if (random.chance(0.15)) {
            // A supplier of ours whose sanction ended before the data begins: listed, not relevant.
            const auto supplier = std::uint32_t(random.below(world.cleanSuppliers));
            s.document = world.suppliers[supplier].document;
            s.name = world.suppliers[supplier].name;
            s.person = world.suppliers[supplier].person;
            s.start = dayFromCivil(2016, 1, 1) + Day(random.below(1200));
            s.end = std::min(s.start + random.between(180, 720), dayFromCivil(2020, 6, 30));
        } else {
            // An entity that never contracts in the synthetic data.
            s.person = random.chance(0.2);
            if (s.person) {
                s.document = uniqueMaskedCpf(world, random);
                s.name = makePersonName(random.next());
            } else {
                s.document = companyCnpj(std::uint32_t(60000000 + i));
                s.name = makeCompanyName(random.next());
            }
            s.start = dayFromCivil(2017, 1, 1) + Day(random.below(3000));
            s.end = random.chance(0.2) ? engine::kNoDate : s.start + random.between(180, 1800);
        }
        s.fine = s.cnep ? cents(random.logUniform(10000, 5000000)) : 0.0;
        world.sanctions.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < world.sanctions.size(); ++i)
        world.sanctions[i].code = std::uint32_t(100000 + i);
}

} // namespace cidadao::data::generator
