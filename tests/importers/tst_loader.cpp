// SPDX-License-Identifier: GPL-3.0-or-later
// The loader fills the engine's columns from imported records: every table, one shared string pool
// (a supplier has one code across contracts, participants, payments and sanctions), and the filters.
#include "data/importer.h"
#include "data/loader.h"
#include "data/values.h"
#include "importtestutil.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cidadao;
using namespace cidadao::data;
using namespace cidadao::testsupport;

class TestLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    void importAll()
    {
        Importer importer(*m_db);
        for (const char* name : {"contracts_202401.csv", "contracts_2019_old_header.csv", "biddings_202401_Licitacao.csv",
                                 "biddings_202401_ParticipantesLicitacao.csv", "agreements_convenios.csv",
                                 "expenses_20240115_Despesas_Pagamento.csv", "sanctions_20240101_CEIS.csv",
                                 "sanctions_20240101_CNEP.csv"})
            QCOMPARE(importer.importFile(portalFile(name)).status, ImportReport::Status::Imported);
        ImportOptions servants;
        servants.servantRegistryFile = portalFile("servants_202401_Cadastro.csv");
        QCOMPARE(importer.importFile(portalFile("servants_202401_Remuneracao.csv"), servants).status,
                 ImportReport::Status::Imported);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = openMigrated(m_dir);
        importAll();
    }

    void fillsEveryTable()
    {
        const engine::Dataset data = loadDataset(*m_db);
        const auto& s = data.strings;
        QCOMPARE(data.contracts.size(), std::size_t(5));
        QCOMPARE(data.biddings.size(), std::size_t(2));
        QCOMPARE(data.participants.size(), std::size_t(2));
        QCOMPARE(data.agreements.size(), std::size_t(1));
        QCOMPARE(data.expenses.size(), std::size_t(2));
        QCOMPARE(data.servants.size(), std::size_t(2));
        QCOMPARE(data.sanctions.size(), std::size_t(3));

        // Every column of a table has the table's length.
        const auto& c = data.contracts;
        for (const std::size_t n : {c.number.size(), c.object.size(), c.legalBasis.size(), c.modality.size(),
                                    c.status.size(), c.superiorOrgan.size(), c.organ.size(), c.organName.size(),
                                    c.unit.size(), c.unitName.size(), c.supplierDoc.size(), c.supplierName.size(),
                                    c.biddingNumber.size(), c.signed_.size(), c.published.size(), c.start.size(),
                                    c.end.size(), c.initialValue.size(), c.finalValue.size(), c.rowId.size()})
            QCOMPARE(n, c.size());

        QCOMPARE(s.at(c.number[0]), QStringLiteral("000012024"));
        QCOMPARE(s.at(c.key[0]), QStringLiteral("153080/000012024"));
        QCOMPARE(c.object[0], QStringLiteral("Aquisição de \"papel A4\"; resmas de 500 folhas"));
        QCOMPARE(s.at(c.modality[1]), QStringLiteral("Dispensa de Licitação"));
        QCOMPARE(c.signed_[0], daysFromCivil(2024, 1, 15));
        QCOMPARE(c.finalValue[0], 10665589.33);
        QCOMPARE(s.at(c.organ[0]), QStringLiteral("26246"));
        QVERIFY(c.rowId[0] > 0);
        // Missing values: NaN and code 0.
        const std::size_t mesas = 4; // 000022019, no initial value
        QCOMPARE(s.at(c.number[mesas]), QStringLiteral("000022019"));
        QVERIFY(std::isnan(c.initialValue[mesas]));

        const auto& p = data.participants;
        QCOMPARE(p.winner[0], std::uint8_t(1));
        QCOMPARE(p.winner[1], std::uint8_t(0));
        QCOMPARE(data.agreements.value[0], 1500000.0);
        QCOMPARE(data.agreements.lastRelease[0], daysFromCivil(2024, 6, 30));
        QCOMPARE(data.expenses.value[0], 12000.5);
        QCOMPARE(data.expenses.note[0], QStringLiteral("Pagamento referente ao contrato 000012024"));
        QCOMPARE(data.servants.year[0], std::int16_t(2024));
        QCOMPARE(data.servants.month[0], std::int8_t(1));
        QCOMPARE(s.at(data.servants.role[0]), QStringLiteral("PROFESSOR DO MAGISTÉRIO SUPERIOR"));
        QCOMPARE(data.servants.ceilingCut[0], -3000.0);
        const auto& sanctions = data.sanctions;
        QCOMPARE(s.at(sanctions.registry[2]), QStringLiteral("CNEP"));
        QCOMPARE(sanctions.end[1], engine::kNoDate);
        QCOMPARE(sanctions.fine[2], 1500000.0);
        QVERIFY(std::isnan(sanctions.fine[0]));
    }

    void oneStringPoolAcrossTables()
    {
        const engine::Dataset data = loadDataset(*m_db);
        const engine::Code supplier = data.strings.find(QStringLiteral("03560714000142"));
        QVERIFY(supplier != UINT32_MAX);
        QCOMPARE(data.contracts.supplierDoc[0], supplier);
        QCOMPARE(data.participants.participantDoc[0], supplier);
        QCOMPARE(data.expenses.payeeDoc[0], supplier);
        QCOMPARE(data.sanctions.sanctionedDoc[0], supplier);
        QCOMPARE(data.contracts.unit[0], data.biddings.unit[0]);
        QCOMPARE(data.strings.at(0), QString());
    }

    // Two threads load half of the tables each, the other half into a pool of its own that is merged
    // after: every code must come out as one thread gives it, so that a supplier keeps one code.
    void twoThreadsLoadWhatOneLoads()
    {
        LoadFilter january;
        january.from = daysFromCivil(2024, 1, 1);
        january.to = daysFromCivil(2024, 1, 31);
        for (const LoadFilter& filter : {LoadFilter(), january}) {
            const engine::Dataset one = loadDataset(*m_db, filter, 1);
            const engine::Dataset two = loadDataset(*m_db, filter, 2);
            QCOMPARE(two.strings.size(), one.strings.size());
            for (engine::Code code = 0; code < one.strings.size(); ++code)
                QCOMPARE(two.strings.utf8(code), one.strings.utf8(code));
            int compared = 0;
            const auto same = [&compared](const auto& a, const auto& b) {
                ++compared;
                QVERIFY2(a == b, qPrintable(QStringLiteral("column %1 of the list differs").arg(compared)));
            };
            same(two.contracts.key, one.contracts.key);
            same(two.contracts.supplierDoc, one.contracts.supplierDoc);
            same(two.expenses.payeeDoc, one.expenses.payeeDoc);
            const auto& b1 = one.biddings;
            const auto& b2 = two.biddings;
            for (const auto column : {&engine::BiddingTable::number, &engine::BiddingTable::unit,
                                      &engine::BiddingTable::modality, &engine::BiddingTable::status,
                                      &engine::BiddingTable::organ, &engine::BiddingTable::uf,
                                      &engine::BiddingTable::municipality})
                same(b2.*column, b1.*column);
            same(b2.key, b1.key);
            same(b2.rowId, b1.rowId);
            // Values: equal, or both missing (NaN).
            QVERIFY(std::equal(b2.value.begin(), b2.value.end(), b1.value.begin(), b1.value.end(),
                               [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }));
            for (const auto column : {&engine::ParticipantTable::biddingNumber,
                                      &engine::ParticipantTable::unit, &engine::ParticipantTable::participantDoc,
                                      &engine::ParticipantTable::participantName})
                same(two.participants.*column, one.participants.*column);
            same(two.participants.key, one.participants.key);
            same(two.participants.winner, one.participants.winner);
            same(two.agreements.key, one.agreements.key);
            same(two.servants.key, one.servants.key);
            same(two.sanctions.key, one.sanctions.key);
            for (const auto column : {&engine::AgreementTable::number,
                                      &engine::AgreementTable::granteeDoc, &engine::AgreementTable::grantorUnit})
                same(two.agreements.*column, one.agreements.*column);
            for (const auto column : {&engine::ServantPayTable::servantId,
                                      &engine::ServantPayTable::name, &engine::ServantPayTable::role,
                                      &engine::ServantPayTable::organ})
                same(two.servants.*column, one.servants.*column);
            for (const auto column : {&engine::SanctionTable::registry,
                                      &engine::SanctionTable::sanctionedDoc, &engine::SanctionTable::sanctionedName,
                                      &engine::SanctionTable::category, &engine::SanctionTable::sanctioningOrgan})
                same(two.sanctions.*column, one.sanctions.*column);
            // The supplier of the first contract is the first participant's and the first sanction's.
            QCOMPARE(two.participants.participantDoc[0], two.contracts.supplierDoc[0]);
            QCOMPARE(two.sanctions.sanctionedDoc[0], two.contracts.supplierDoc[0]);
        }
    }

    void filters()
    {
        LoadFilter filter;
        filter.from = daysFromCivil(2024, 1, 1);
        filter.to = daysFromCivil(2024, 1, 31);
        engine::Dataset data = loadDataset(*m_db, filter);
        QCOMPARE(data.contracts.size(), std::size_t(1)); // only 000012024 was signed in January 2024
        QCOMPARE(data.biddings.size(), std::size_t(1));  // opened 10/01/2024
        QCOMPARE(data.participants.size(), std::size_t(2)); // of that bidding
        QCOMPARE(data.agreements.size(), std::size_t(1));
        QCOMPARE(data.expenses.size(), std::size_t(2));
        QCOMPARE(data.servants.size(), std::size_t(2));
        QCOMPARE(data.sanctions.size(), std::size_t(3)); // never filtered by date

        LoadFilter organs;
        organs.organs = {QStringLiteral("99999")};
        data = loadDataset(*m_db, organs);
        QCOMPARE(data.contracts.size(), std::size_t(0));
        QCOMPARE(data.expenses.size(), std::size_t(0));

        LoadFilter units;
        units.units = {QStringLiteral("153080")};
        units.sanctions = false;
        units.servants = false;
        data = loadDataset(*m_db, units);
        QCOMPARE(data.contracts.size(), std::size_t(5));
        QCOMPARE(data.sanctions.size(), std::size_t(0));
        QCOMPARE(data.servants.size(), std::size_t(0));

        LoadFilter firstImport;
        firstImport.importIds = {scalar(*m_db, "SELECT min(id) FROM imports")};
        data = loadDataset(*m_db, firstImport);
        QCOMPARE(data.contracts.size(), std::size_t(3));
        QCOMPARE(data.biddings.size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
