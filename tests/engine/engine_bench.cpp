// SPDX-License-Identifier: GPL-3.0-or-later
// Times a full detection run over N synthetic contracts (default 1,000,000) built in memory:
// realistic shapes (object texts from a phrase × destination × qualifier vocabulary, Zipf-like
// suppliers, log-normal values per class, dispensas), not realistic anomalies. Not a test: run it by
// hand, e.g. `engine_bench 1000000 2`, and read the printed timings.
#include "engine/detectors.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <random>

using namespace cidadao::engine;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.size() > 1 ? args[1].toInt() : 1000000;
    const int threads = args.size() > 2 ? args[2].toInt() : 0;

    const QStringList phrases = {
        QStringLiteral("Aquisição de material de expediente"), QStringLiteral("Aquisição de medicamentos"),
        QStringLiteral("Prestação de serviços de limpeza e conservação predial"), QStringLiteral("Aquisição de gêneros alimentícios"),
        QStringLiteral("Locação de veículos com motorista"), QStringLiteral("Reforma de edificação pública"),
        QStringLiteral("Contratação de serviços de tecnologia da informação"), QStringLiteral("Aquisição de mobiliário corporativo"),
        QStringLiteral("Fornecimento de combustíveis automotivos"), QStringLiteral("Manutenção de elevadores"),
        QStringLiteral("Consultoria técnica especializada"), QStringLiteral("Pavimentação asfáltica de vias")};
    const QStringList destinations = {QStringLiteral("da Coordenação-Geral de Logística"), QStringLiteral("do Hospital Universitário"),
                                      QStringLiteral("da Superintendência Regional"), QStringLiteral("do Almoxarifado Central"),
                                      QStringLiteral("da sede administrativa"), QStringLiteral("do campus avançado"),
                                      QStringLiteral("da frota oficial"), QStringLiteral("do Laboratório Central")};
    const QStringList qualifiers = {QStringLiteral("conforme termo de referência"), QStringLiteral("nos termos do projeto básico"),
                                    QStringLiteral("mediante sistema de registro de preços"), QStringLiteral("com entrega parcelada"),
                                    QStringLiteral("para o exercício corrente")};
    const QStringList modalities = {QStringLiteral("Pregão"), QStringLiteral("Concorrência"), QStringLiteral("Dispensa de Licitação"),
                                    QStringLiteral("Inexigibilidade")};

    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::normal_distribution<double> normal(0.0, 1.0);
    Dataset d;
    ContractTable& c = d.contracts;
    std::vector<QString> texts;
    for (const auto& p : phrases)
        for (const auto& ds : destinations)
            for (const auto& q : qualifiers)
                texts.push_back(p + u' ' + ds + u' ' + q);
    QElapsedTimer build;
    build.start();
    for (int i = 0; i < n; ++i) {
        const int cls = int(uni(rng) * phrases.size());
        const int unit = int(uni(rng) * 500);
        const int supplier = int(std::pow(uni(rng), 3.0) * 20000);   // skewed towards low ids
        const int mod = uni(rng) < 0.6 ? 0 : uni(rng) < 0.5 ? 2 : uni(rng) < 0.7 ? 1 : 3;
        const double median = 5000.0 * std::pow(3.0, cls % 6);
        const double value = mod == 2 ? 1000.0 + uni(rng) * 40000.0 : median * std::exp(0.4 * normal(rng));
        const Day signedOn = toDay(2021, 1, 1) + Day(uni(rng) * 1800);
        c.key.push_back(d.strings.intern(QStringLiteral("C%1").arg(i)));
        c.rowId.push_back(i + 1);
        c.number.push_back(d.strings.intern(QStringLiteral("%1/%2").arg(i % 5000).arg(unit)));
        c.object.push_back(texts[std::size_t(cls) * destinations.size() * qualifiers.size()
                                 + std::size_t(uni(rng) * destinations.size() * qualifiers.size())]);
        c.legalBasis.push_back(0);
        c.modality.push_back(d.strings.intern(modalities[mod]));
        c.status.push_back(0);
        c.superiorOrgan.push_back(0);
        c.organ.push_back(d.strings.intern(QString::number(20000 + unit % 30)));
        c.organName.push_back(0);
        c.unit.push_back(d.strings.intern(QString::number(150000 + unit)));
        c.unitName.push_back(0);
        c.supplierDoc.push_back(d.strings.intern(QStringLiteral("S%1").arg(supplier)));
        c.supplierName.push_back(0);
        c.biddingNumber.push_back(0);
        c.signed_.push_back(signedOn);
        c.published.push_back(signedOn);
        c.start.push_back(signedOn);
        c.end.push_back(signedOn + 365);
        c.initialValue.push_back(value);
        c.finalValue.push_back(value * (uni(rng) < 0.9 ? 1.0 : 1.1));
    }
    std::printf("built %d contracts in %lld ms\n", n, (long long)build.elapsed());

    for (int run = 0; run < 1; ++run) {
        DetectorOptions options;
        options.threads = threads;
        RunControl control;
        control.today = [] { return toDay(2026, 6, 1); };
        QElapsedTimer t;
        t.start();
        qint64 last = 0;
        control.progress = [&](double f, const QString& phase) {
            const qint64 now = t.elapsed();
            std::printf("  %5.1f%% %-22s +%lld ms\n", f * 100.0, qPrintable(phase), (long long)(now - last));
            last = now;
        };
        const auto findings = runDetectors(d, options, control);
        std::printf("run %d: %zu findings in %lld ms (threads %d)\n", run, findings.size(), (long long)t.elapsed(), threads);
        std::map<QString, int> perDetector;
        for (const auto& f : findings)
            ++perDetector[f.detector];
        for (const auto& [name, count] : perDetector)
            std::printf("    %-22s %d\n", qPrintable(name), count);
    }
    // CPU time per detector (one at a time, one thread): insensitive to other load on the machine.
    for (const QString& name : detectorNames()) {
        DetectorOptions options;
        options.threads = 1;
        options.enabled = {name};
        const std::clock_t begin = std::clock();
        const auto findings = runDetectors(d, options, RunControl{});
        std::printf("  cpu %-22s %7.0f ms (incl. prepare), %zu findings\n", qPrintable(name),
                    1000.0 * double(std::clock() - begin) / CLOCKS_PER_SEC, findings.size());
    }
    {
        DetectorOptions options;
        const std::clock_t begin = std::clock();
        QElapsedTimer t;
        t.start();
        runDetectors(d, options, RunControl{});
        std::printf("  all detectors: cpu %.0f ms, wall %lld ms\n", 1000.0 * double(std::clock() - begin) / CLOCKS_PER_SEC,
                    (long long)t.elapsed());
    }
    return 0;
}
