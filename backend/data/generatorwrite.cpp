// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorwrite.h"

#include "data/generatorcalendar.h"
#include "data/generatorcatalog.h"
#include "data/generatorcsv.h"

#include <QDir>

#include <stdexcept>

namespace cidadao::data::generator {

namespace {

void appendNumber(std::string& out, std::uint64_t value, int width)
{
    std::string digits = std::to_string(value);
    if (int(digits.size()) < width)
        out.append(std::size_t(width) - digits.size(), '0');
    out += digits;
}

std::string_view modalityName(Modality m)
{
    switch (m) {
    case Modality::Pregao: return "Pregão";
    case Modality::Concorrencia: return "Concorrência";
    case Modality::Dispensa: return "Dispensa de Licitação";
    case Modality::Inexigibilidade: return "Inexigibilidade de Licitação";
    }
    return {};
}

std::string_view modalityCode(Modality m)
{
    switch (m) {
    case Modality::Pregao: return "05";
    case Modality::Concorrencia: return "03";
    case Modality::Dispensa: return "06";
    case Modality::Inexigibilidade: return "07";
    }
    return {};
}

std::string_view legalBasis(const Contract& c)
{
    const bool works = objectClasses()[c.objectClass].kind == Procurement::Works;
    const bool newLaw = civilFromDay(c.signedOn).year >= 2024;
    switch (c.modality) {
    case Modality::Dispensa:
        return works ? "Lei nº 14.133/2021, Art. 75, I" : "Lei nº 14.133/2021, Art. 75, II";
    case Modality::Inexigibilidade:
        return c.objectSeed % 2 ? "Lei nº 14.133/2021, Art. 74, III" : "Lei nº 14.133/2021, Art. 74, I";
    case Modality::Pregao:
        return newLaw ? "Lei nº 14.133/2021, Art. 28, I" : "Lei nº 10.520/2002";
    case Modality::Concorrencia:
        return newLaw ? "Lei nº 14.133/2021, Art. 28, II" : "Lei nº 8.666/1993, Art. 22, I";
    }
    return {};
}

std::string objectText(const Contract& c)
{
    const auto dest = destinations();
    const auto qualifiers = objectQualifiers();
    const std::uint64_t seed = mixBits(c.objectSeed);
    std::string text(objectClasses()[c.objectClass].phrase);
    text += ' ';
    text += dest[seed % dest.size()];
    text += ", ";
    text += qualifiers[(seed >> 12) % qualifiers.size()];
    text += " (lote ";
    text += std::to_string(1 + (seed >> 24) % 40);
    text += ", item ";
    text += std::to_string(1 + (seed >> 32) % 200);
    text += ')';
    return text;
}

std::string unitName(const World& world, const Unit& unit)
{
    const SuperiorOrganEntry& superior = superiorOrgans()[std::size_t(world.organs[std::size_t(unit.organ)].superior)];
    const PlaceEntry& place = places()[std::size_t(unit.place)];
    std::string name(superior.unitKind);
    name += ' ';
    name += std::to_string(unit.serial);
    name += " - ";
    name += place.name;
    name += '/';
    name += place.uf;
    return name;
}

const OrganEntry& organEntry(const World& world, int organ)
{
    const Organ& o = world.organs[std::size_t(organ)];
    return superiorOrgans()[std::size_t(o.superior)].organs[std::size_t(o.entry)];
}

const SuperiorOrganEntry& superiorEntry(const World& world, int organ)
{
    return superiorOrgans()[std::size_t(world.organs[std::size_t(organ)].superior)];
}

std::string processNumber(std::uint64_t seed, int year)
{
    std::string out;
    appendNumber(out, 23000 + seed % 1000, 5);
    out += '.';
    appendNumber(out, (seed >> 10) % 1000000, 6);
    out += '/';
    out += std::to_string(year);
    out += '-';
    appendNumber(out, (seed >> 30) % 100, 2);
    return out;
}

std::string contractNumber(const Contract& c)
{
    std::string out;
    appendNumber(out, c.number, 6);
    out += std::to_string(civilFromDay(c.signedOn).year);
    return out;
}

std::string biddingNumber(const World& world, const Bidding& b)
{
    std::string out;
    appendNumber(out, b.number, 5);
    out += std::to_string(civilFromDay(world.contracts[b.contract].signedOn).year);
    return out;
}

std::string paymentCode(const World& world, const Payment& p)
{
    const Contract& c = world.contracts[p.contract];
    std::string out = std::to_string(world.units[c.unit].code);
    out += "00001";
    out += std::to_string(civilFromDay(p.date).year);
    out += "OB";
    appendNumber(out, p.sequence, 6);
    return out;
}

std::string_view expenseElement(const Contract& c, const World& world)
{
    if (world.suppliers[c.supplier].person)
        return "36 - Outros Serviços de Terceiros - Pessoa Física";
    switch (objectClasses()[c.objectClass].kind) {
    case Procurement::Goods: return "30 - Material de Consumo";
    case Procurement::Works: return "51 - Obras e Instalações";
    case Procurement::Services: break;
    }
    return "39 - Outros Serviços de Terceiros - Pessoa Jurídica";
}

class LabelWriter
{
public:
    LabelWriter(const QString& path, WriteResult& result)
        : m_file(path)
        , m_result(result)
    {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write " + path.toStdString());
        m_buffer = "source;record_key;detector\n";
    }
    void add(std::string_view source, const std::string& key, LabelMask labels)
    {
        if (!labels)
            return;
        ++m_result.labelledRecordsPerSource[std::string(source)];
        for (int d = 0; d < kDetectorCount; ++d) {
            if (!(labels & bit(Detector(d))))
                continue;
            const std::string_view name = detectorName(Detector(d));
            ++m_result.labelsPerDetector[std::string(name)];
            m_buffer.append(source).append(";").append(key).append(";").append(name).append("\n");
            ++m_rows;
        }
    }
    std::int64_t close()
    {
        if (m_file.write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size()))
            throw std::runtime_error("write failed: labels");
        m_file.close();
        return m_rows;
    }

private:
    QFile m_file;
    WriteResult& m_result;
    std::string m_buffer;
    std::int64_t m_rows = 0;
};

} // namespace

std::string contractKey(const World& world, const Contract& contract)
{
    return std::to_string(world.units[contract.unit].code) + '/' + contractNumber(contract);
}

std::string biddingKey(const World& world, const Bidding& bidding)
{
    return std::to_string(world.units[bidding.unit].code) + '/' + biddingNumber(world, bidding);
}

std::string agreementKey(const Agreement& agreement)
{
    return std::to_string(agreement.number);
}

std::string paymentKey(const World& world, const Payment& payment)
{
    return paymentCode(world, payment);
}

std::string payKey(const World& world, const PayRow& row)
{
    return std::to_string(world.servants[row.servant].id) + '/' + std::to_string(row.year) + '/'
        + std::to_string(row.month);
}

namespace {

void writeContracts(const World& world, CsvWriter& w, LabelWriter& labels)
{
    w.header({"Número do Contrato", "Objeto", "Fundamento Legal", "Modalidade Compra", "Situação Contrato",
              "Código Órgão Superior", "Nome Órgão Superior", "Código Órgão", "Nome Órgão", "Código UG", "Nome UG",
              "Data Assinatura Contrato", "Data Publicação DOU", "Data Início Vigência", "Data Fim Vigência",
              "Código Contratado", "Nome Contratado", "Valor Inicial Compra", "Valor Final Compra",
              "Número Licitação", "Código UG Licitação", "Nome UG Licitação", "Código Modalidade Compra Licitação",
              "Modalidade Compra Licitação"});
    for (const Contract& c : world.contracts) {
        const Unit& unit = world.units[c.unit];
        const std::string name = unitName(world, unit);
        const Supplier& supplier = world.suppliers[c.supplier];
        w.text(contractNumber(c)).text(objectText(c)).text(legalBasis(c)).text(modalityName(c.modality));
        w.text(c.end < lastDay() ? "Encerrado" : "Ativo");
        w.integer(superiorEntry(world, unit.organ).code).text(superiorEntry(world, unit.organ).name);
        w.integer(organEntry(world, unit.organ).code).text(organEntry(world, unit.organ).name);
        w.integer(unit.code).text(name);
        w.date(c.signedOn).date(c.published).date(c.start).date(c.end);
        w.text(supplier.document).text(supplier.name).money(c.initialValue).money(c.finalValue);
        if (c.bidding >= 0) {
            const Bidding& b = world.biddings[std::size_t(c.bidding)];
            w.text(biddingNumber(world, b)).integer(unit.code).text(name);
            w.text(modalityCode(c.modality)).text(modalityName(c.modality));
        } else {
            w.empty().empty().empty().empty().empty();
        }
        w.endRow();
        labels.add("contracts", contractKey(world, c), c.labels);
    }
}

void writeBiddings(const World& world, CsvWriter& w, CsvWriter& p, LabelWriter& labels)
{
    w.header({"Número Licitação", "Código UG", "Nome UG", "Código Modalidade Compra", "Modalidade Compra",
              "Número Processo", "Objeto", "Situação Licitação", "Código Órgão Superior", "Nome Órgão Superior",
              "Código Órgão", "Nome Órgão", "UF", "Município", "Data Resultado Compra", "Data Abertura",
              "Valor Licitação"});
    p.header({"Número Licitação", "Código UG", "Nome UG", "Código Modalidade Compra", "Modalidade Compra",
              "Número Processo", "Código Item Compra", "Descrição Item Compra", "Código Participante",
              "Nome Participante", "Flag Vencedor"});
    for (const Bidding& b : world.biddings) {
        const Contract& c = world.contracts[b.contract];
        const Unit& unit = world.units[b.unit];
        const std::string name = unitName(world, unit);
        const std::string number = biddingNumber(world, b);
        const std::string process = processNumber(c.objectSeed, civilFromDay(b.openDate).year);
        const PlaceEntry& place = places()[std::size_t(unit.place)];
        w.text(number).integer(unit.code).text(name).text(modalityCode(c.modality)).text(modalityName(c.modality));
        w.text(process).text(objectText(c)).text("Encerrado");
        w.integer(superiorEntry(world, unit.organ).code).text(superiorEntry(world, unit.organ).name);
        w.integer(organEntry(world, unit.organ).code).text(organEntry(world, unit.organ).name);
        w.text(place.uf).text(place.name).date(b.resultDate).date(b.openDate).money(b.value);
        w.endRow();
        labels.add("biddings", biddingKey(world, b), b.labels);
        std::string item = std::to_string(unit.code);
        item += std::to_string(b.number);
        for (std::size_t k = 0; k < b.participants.size(); ++k) {
            const Supplier& s = world.suppliers[b.participants[k]];
            p.text(number).integer(unit.code).text(name).text(modalityCode(c.modality)).text(modalityName(c.modality));
            p.text(process).text(item).text(objectClasses()[c.objectClass].phrase);
            p.text(s.document).text(s.name).text(k == 0 ? "SIM" : "NÃO");
            p.endRow();
        }
    }
}

void writeAgreements(const World& world, CsvWriter& w, LabelWriter& labels)
{
    w.header({"NÚMERO CONVÊNIO", "UF", "CÓDIGO SIAFI MUNICÍPIO", "NOME MUNICÍPIO", "SITUAÇÃO CONVÊNIO",
              "NÚMERO ORIGINAL", "NÚMERO PROCESSO DO CONVÊNIO", "OBJETO DO CONVÊNIO", "CÓDIGO ÓRGÃO SUPERIOR",
              "NOME ÓRGÃO SUPERIOR", "CÓDIGO ÓRGÃO CONCEDENTE", "NOME ÓRGÃO CONCEDENTE", "CÓDIGO UG CONCEDENTE",
              "NOME UG CONCEDENTE", "CÓDIGO CONVENENTE", "TIPO CONVENENTE", "NOME CONVENENTE",
              "TIPO ENTE CONVENENTE", "TIPO INSTRUMENTO", "VALOR CONVÊNIO", "VALOR LIBERADO", "DATA PUBLICAÇÃO",
              "DATA INÍCIO VIGÊNCIA", "DATA FINAL VIGÊNCIA", "VALOR CONTRAPARTIDA", "DATA ÚLTIMA LIBERAÇÃO",
              "VALOR ÚLTIMA LIBERAÇÃO"});
    for (const Agreement& a : world.agreements) {
        const Unit& unit = world.units[a.unit];
        const PlaceEntry& place = places()[std::size_t(a.place)];
        w.integer(a.number).text(place.uf).integer(place.siafiCode).text(place.name);
        w.text(a.end < lastDay() ? "CONCLUÍDO" : "EM EXECUÇÃO");
        w.text(std::to_string(700000 + a.number % 100000)).text(processNumber(a.number, civilFromDay(a.start).year));
        w.text(agreementObjects()[std::size_t(a.object)]);
        w.integer(superiorEntry(world, unit.organ).code).text(superiorEntry(world, unit.organ).name);
        w.integer(organEntry(world, unit.organ).code).text(organEntry(world, unit.organ).name);
        w.integer(unit.code).text(unitName(world, unit));
        w.text(a.granteeDocument).text("Administração Pública Municipal").text(a.granteeName).text("Municipal");
        w.text("Convênio").money(a.value).money(a.released).date(a.published).date(a.start).date(a.end);
        w.money(a.counterpart).date(a.lastRelease).money(a.lastReleaseValue);
        w.endRow();
        labels.add("agreements", agreementKey(a), a.labels);
    }
}

void writePayments(const World& world, CsvWriter& w, LabelWriter& labels)
{
    w.header({"Código Pagamento", "Data Emissão", "Código Favorecido", "Favorecido", "Código Órgão",
              "Código Unidade Gestora", "Elemento de Despesa", "Processo", "Observação",
              "Valor Original do Pagamento", "Valor do Pagamento Convertido pra R$"});
    for (const Payment& p : world.payments) {
        const Contract& c = world.contracts[p.contract];
        const Supplier& s = world.suppliers[c.supplier];
        const std::string number = contractNumber(c);
        w.text(paymentCode(world, p)).date(p.date).text(s.document).text(s.name);
        w.integer(organEntry(world, world.units[c.unit].organ).code).integer(world.units[c.unit].code);
        w.text(expenseElement(c, world)).text(number).text("Pagamento referente ao contrato " + number);
        w.money(p.value).money(p.value);
        w.endRow();
        labels.add("expenses", paymentKey(world, p), p.labels);
    }
}

void writeServants(const World& world, CsvWriter& pay, CsvWriter& registry, LabelWriter& labels)
{
    pay.header({"ANO", "MES", "Id_SERVIDOR_PORTAL", "CPF", "NOME", "REMUNERAÇÃO BÁSICA BRUTA (R$)",
                "REMUNERAÇÃO BÁSICA BRUTA (U$)", "ABATE-TETO (R$)", "ABATE-TETO (U$)", "GRATIFICAÇÃO NATALINA (R$)",
                "GRATIFICAÇÃO NATALINA (U$)", "FÉRIAS (R$)", "FÉRIAS (U$)", "OUTRAS REMUNERAÇÕES EVENTUAIS (R$)",
                "OUTRAS REMUNERAÇÕES EVENTUAIS (U$)", "IRRF (R$)", "IRRF (U$)", "PSS/RPGS (R$)", "PSS/RPGS (U$)",
                "DEMAIS DEDUÇÕES (R$)", "DEMAIS DEDUÇÕES (U$)", "REMUNERAÇÃO APÓS DEDUÇÕES OBRIGATÓRIAS (R$)",
                "REMUNERAÇÃO APÓS DEDUÇÕES OBRIGATÓRIAS (U$)", "TOTAL DE VERBAS INDENIZATÓRIAS (R$)(*)",
                "TOTAL DE VERBAS INDENIZATÓRIAS (U$)(*)"});
    for (const PayRow& r : world.pay) {
        const Servant& s = world.servants[r.servant];
        pay.integer(r.year).integer(r.month).integer(s.id).text(s.maskedCpf).text(s.name);
        pay.money(r.gross).money(0).money(r.ceilingCut).money(0).money(0).money(0).money(0).money(0);
        pay.money(r.eventual).money(0).money(-r.irrf).money(0).money(-r.pss).money(0).money(0).money(0);
        pay.money(r.net + r.eventual).money(0).money(0).money(0);
        pay.endRow();
        labels.add("servants", payKey(world, r), r.labels);
    }
    registry.header({"Id_SERVIDOR_PORTAL", "NOME", "CPF", "MATRICULA", "DESCRICAO_CARGO", "ORG_EXERCICIO",
                     "SITUACAO_VINCULO", "DATA_INGRESSO_ORGAO"});
    for (const Servant& s : world.servants) {
        registry.integer(s.id).text(s.name).text(s.maskedCpf).text(s.registration);
        registry.text(roles()[std::size_t(s.role)].name).text(organEntry(world, s.organ).name);
        registry.text("ATIVO PERMANENTE").date(s.joined);
        registry.endRow();
    }
}

void writeSanctions(const World& world, CsvWriter& ceis, CsvWriter& cnep)
{
    for (CsvWriter* w : {&ceis, &cnep}) {
        const bool withFine = w == &cnep;
        std::vector<std::string_view> names = {
            "CADASTRO", "CÓDIGO DA SANÇÃO", "TIPO DE PESSOA", "CPF OU CNPJ DO SANCIONADO", "NOME DO SANCIONADO",
            "NOME INFORMADO PELO ÓRGÃO SANCIONADOR", "RAZÃO SOCIAL - CADASTRO RECEITA",
            "NOME FANTASIA - CADASTRO RECEITA", "NÚMERO DO PROCESSO"};
        if (withFine)
            names.push_back("VALOR DA MULTA");
        for (std::string_view n : {"CATEGORIA DA SANÇÃO", "DATA INÍCIO SANÇÃO", "DATA FINAL SANÇÃO",
                                   "DATA PUBLICAÇÃO", "PUBLICAÇÃO", "DETALHAMENTO", "DATA DO TRÂNSITO EM JULGADO",
                                   "ABRAGÊNCIA DA SANÇÃO", "ÓRGÃO SANCIONADOR", "UF ÓRGÃO SANCIONADOR",
                                   "ESFERA ÓRGÃO SANCIONADOR", "FUNDAMENTAÇÃO LEGAL", "DATA ORIGEM INFORMAÇÃO",
                                   "ORIGEM INFORMAÇÕES", "OBSERVAÇÕES"})
            names.push_back(n);
        for (std::string_view n : names)
            w->text(n);
        w->endRow();
    }
    // endRow counted the header rows; writers report data rows only.
    for (const Sanction& s : world.sanctions) {
        CsvWriter& w = s.cnep ? cnep : ceis;
        const SuperiorOrganEntry& organ = superiorOrgans()[std::size_t(s.organ)];
        w.text(s.cnep ? "CNEP" : "CEIS").integer(s.code).text(s.person ? "F" : "J").text(s.document).text(s.name);
        w.text(s.name).text(s.person ? std::string() : s.name).empty().text(processNumber(s.code, civilFromDay(s.start).year));
        if (s.cnep)
            w.money(s.fine);
        w.text(sanctionCategories()[std::size_t(s.category)]).date(s.start).date(s.end).date(s.start + 3);
        w.text("Diário Oficial da União").empty().empty().text("Todas as esferas em todo o território nacional");
        w.text(organ.name).text("DF").text("FEDERAL");
        w.text(sanctionLegalGrounds()[std::size_t(s.category) % sanctionLegalGrounds().size()]);
        w.date(s.start + 5).text("Cadastro Nacional de Empresas Inidôneas e Suspensas").empty();
        w.endRow();
    }
}

} // namespace

WriteResult writeWorld(const World& world, const QString& directory)
{
    if (!QDir().mkpath(directory))
        throw std::runtime_error("cannot create " + directory.toStdString());
    const QDir dir(directory);
    WriteResult result;
    LabelWriter labels(dir.filePath(QStringLiteral("labels.csv")), result);
    auto path = [&](const char* name) { return dir.filePath(QString::fromLatin1(name)); };
    auto done = [&](CsvWriter& writer, const char* source, const char* name, std::int64_t headerRows = 0) {
        writer.close();
        result.files.push_back({QString::fromLatin1(source), QString::fromLatin1(name), writer.rows() - headerRows});
    };
    {
        CsvWriter w(path("202512_Compras.csv"));
        writeContracts(world, w, labels);
        done(w, "contracts", "202512_Compras.csv");
    }
    {
        CsvWriter w(path("202512_Licitacao.csv"));
        CsvWriter p(path("202512_ParticipantesLicitacao.csv"));
        writeBiddings(world, w, p, labels);
        done(w, "biddings", "202512_Licitacao.csv");
        done(p, "participants", "202512_ParticipantesLicitacao.csv");
    }
    {
        CsvWriter w(path("20251231_Convenios.csv"));
        writeAgreements(world, w, labels);
        done(w, "agreements", "20251231_Convenios.csv");
    }
    {
        CsvWriter w(path("20251231_Despesas_Pagamento.csv"));
        writePayments(world, w, labels);
        done(w, "expenses", "20251231_Despesas_Pagamento.csv");
    }
    {
        CsvWriter pay(path("202512_Remuneracao.csv"));
        CsvWriter registry(path("202512_Cadastro.csv"));
        writeServants(world, pay, registry, labels);
        done(pay, "servants", "202512_Remuneracao.csv");
        done(registry, "servant_registry", "202512_Cadastro.csv");
    }
    {
        CsvWriter ceis(path("20251231_CEIS.csv"));
        CsvWriter cnep(path("20251231_CNEP.csv"));
        writeSanctions(world, ceis, cnep);
        done(ceis, "sanctions", "20251231_CEIS.csv", 1);
        done(cnep, "sanctions", "20251231_CNEP.csv", 1);
    }
    const std::int64_t labelRows = labels.close();
    result.files.push_back({QStringLiteral("labels"), QStringLiteral("labels.csv"), labelRows});
    return result;
}

} // namespace cidadao::data::generator
