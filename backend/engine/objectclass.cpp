// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/objectclass.h"

#include "engine/textfold.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <cstring>
#include <thread>

namespace cidadao::engine {

namespace {
struct ClassDef
{
    const char* id;
    const char* namePt;
    const char* nameEn;
    bool works;
    bool renovation;
    std::vector<std::vector<const char*>> patterns;   // stems, folded and singular
};

// Order matters: the first class with a matching pattern wins.
const std::vector<ClassDef>& classTable()
{
    static const std::vector<ClassDef> table = {
        {"locacao_imoveis", "locação de imóveis", "property rental", false, false,
         {{"locacao", "imovel"}, {"aluguel", "imovel"}, {"locacao", "predio"}, {"locacao", "sala"}}},
        {"locacao_veiculos", "locação de veículos", "vehicle rental", false, false,
         {{"locacao", "veiculo"}, {"aluguel", "veiculo"}, {"locacao", "automovel"}, {"locacao", "onibus"}}},
        {"manutencao_veiculos", "manutenção de veículos", "vehicle maintenance", true, false,
         {{"manutencao", "veiculo"}, {"manutencao", "frota"}, {"manutencao", "automovel"}}},
        {"mao_de_obra", "locação de mão de obra", "outsourced labour", false, false,
         {{"mao", "obra"}, {"terceirizacao"}, {"apoio", "administrativo"}, {"recepcao"}}},
        {"material_construcao", "material de construção", "building materials", false, false,
         {{"material", "construcao"}, {"cimento"}, {"tijolo"}}},
        {"material_limpeza", "material de limpeza", "cleaning supplies", false, false,
         {{"material", "limpeza"}, {"produto", "limpeza"}, {"saneante"}, {"detergente"}}},
        {"climatizacao", "climatização (ar condicionado)", "air conditioning", false, false,
         {{"ar", "condicionado"}, {"climatizacao"}, {"refrigeracao"}}},
        {"manutencao_elevadores", "manutenção de elevadores", "lift maintenance", false, false,
         {{"elevador"}, {"escada", "rolante"}}},
        {"manutencao_equipamentos", "manutenção de equipamentos", "equipment maintenance", false, false,
         {{"manutencao", "equipamento"}, {"manutencao", "aparelho"}}},
        {"reforma", "reforma predial", "building renovation", true, true,
         {{"reforma"}, {"restauracao"}, {"revitalizacao"}}},
        {"manutencao_predial", "manutenção predial", "building maintenance", true, false,
         {{"manutencao", "predial"}, {"manutencao", "edificio"}, {"manutencao", "instalacao"}}},
        {"obras", "obras de engenharia", "works and engineering", true, false,
         {{"obra"}, {"construcao"}, {"pavimentacao"}, {"engenharia"}, {"edificacao"}, {"drenagem"},
          {"recapeamento"}, {"ampliacao"}, {"asfaltico"}, {"terraplenagem"}}},
        {"combustivel", "combustíveis", "fuel", false, false,
         {{"combustivel"}, {"gasolina"}, {"diesel"}, {"etanol"}, {"lubrificante"}}},
        {"veiculos", "aquisição de veículos", "vehicles", false, false,
         {{"veiculo"}, {"automovel"}, {"caminhonete"}, {"onibus"}, {"ambulancia"}, {"caminhao"}, {"motocicleta"}}},
        {"limpeza", "serviços de limpeza", "cleaning services", false, false,
         {{"limpeza"}, {"conservacao"}, {"higienizacao"}, {"asseio"}, {"jardinagem"}}},
        {"vigilancia", "vigilância e segurança", "security services", false, false,
         {{"vigilancia"}, {"vigilante"}, {"seguranca", "patrimonial"}, {"monitoramento", "eletronico"}}},
        {"material_escritorio", "material de escritório", "office supplies", false, false,
         {{"escritorio"}, {"expediente"}, {"papel"}, {"caneta"}, {"toner"}, {"papelaria"}, {"grampeador"},
          {"cartucho"}}},
        {"medicamentos", "medicamentos", "medicines", false, false,
         {{"medicamento"}, {"farmaco"}, {"remedio"}, {"farmaceutico"}, {"vacina"}, {"insulina"}}},
        {"material_hospitalar", "material hospitalar", "medical supplies", false, false,
         {{"hospitalar"}, {"cirurgico"}, {"odontologico"}, {"seringa"}, {"luva"}}},
        {"reagentes", "reagentes de laboratório", "laboratory reagents", false, false,
         {{"reagente"}, {"laboratorial", "insumo"}}},
        {"servicos_ti", "serviços de tecnologia da informação", "IT services", false, false,
         {{"tecnologia", "informacao"}, {"sistema", "informacao"}, {"desenvolvimento", "sistema"}, {"nuvem"}}},
        {"software", "licenciamento de software", "software licensing", false, false,
         {{"licenciamento"}, {"software"}, {"licenca", "uso"}}},
        {"informatica", "equipamentos de informática", "IT equipment", false, false,
         {{"computador"}, {"microcomputador"}, {"notebook"}, {"informatica"}, {"impressora"}, {"monitor"},
          {"tablet"}}},
        {"telecom", "telecomunicações", "telecommunications", false, false,
         {{"telefonia"}, {"internet"}, {"telecomunicacao"}, {"link", "dado"}, {"telefone"}}},
        {"alimentacao", "alimentação", "food", false, false,
         {{"alimentacao"}, {"refeicao"}, {"alimenticio"}, {"merenda"}, {"lanche"}, {"alimento"}}},
        {"consultoria", "consultoria e assessoria", "consulting", false, false,
         {{"consultoria"}, {"assessoria"}, {"auditoria"}}},
        {"capacitacao", "capacitação e treinamento", "training", false, false,
         {{"treinamento"}, {"capacitacao"}, {"curso"}}},
        {"eventos", "eventos", "events", false, false, {{"evento"}, {"cerimonial"}}},
        {"passagens", "passagens e viagens", "travel", false, false,
         {{"passagem"}, {"viagem"}, {"hospedagem"}}},
        {"material_didatico", "livros e material didático", "books and teaching material", false, false,
         {{"livro"}, {"didatico"}, {"pedagogico"}}},
        {"mobiliario", "mobiliário", "furniture", false, false,
         {{"mobiliario"}, {"movel"}, {"cadeira"}, {"armario"}, {"mesa"}}},
        {"publicidade", "publicidade", "advertising", false, false,
         {{"publicidade"}, {"propaganda"}, {"divulgacao"}}},
        {"uniformes", "uniformes e vestuário", "uniforms", false, false,
         {{"uniforme"}, {"vestuario"}, {"fardamento"}}},
        {"energia_agua", "energia e saneamento", "utilities", false, false,
         {{"energia", "eletrica"}, {"agua", "esgoto"}, {"fornecimento", "agua"}}},
        {"grafica", "serviços gráficos", "printing services", false, false,
         {{"grafico"}, {"impressao"}}},
        {"seguros", "seguros", "insurance", false, false, {{"seguro"}}},
        {"equipamentos", "máquinas e equipamentos", "machines and equipment", false, false,
         {{"equipamento"}, {"maquina"}}},
    };
    return table;
}

// Function words and the procurement boilerplate every object text shares.
const QSet<QString>& stopWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char* w :
             {"a", "o", "e", "de", "da", "do", "das", "dos", "em", "no", "na", "nos", "nas", "para", "pra",
              "com", "por", "pelo", "pela", "ao", "aos", "um", "uma", "ou", "que", "sob", "sobre", "se",
              "conforme", "visando", "atender", "atendimento", "demanda", "necessidade", "aquisicao",
              "contratacao", "prestacao", "servico", "fornecimento", "empresa", "especializada",
              "especializado", "compra", "unidade", "item", "lote", "registro", "preco", "ata", "eventual",
              "futura", "objeto", "referente", "execucao", "termo", "referencia", "processo", "pregao",
              "contrato", "orgao", "secretaria", "municipal", "federal", "estadual", "ministerio",
              "exercicio", "diverso", "tipo", "destinado", "destinada", "utilizacao", "uso", "geral",
              "material", "continuado", "comum", "nao", "sem", "mediante", "incluindo", "inclusive",
              "sede", "regional", "nacional", "brasil", "ano", "mes", "quantidade", "global",
              "total", "parcial", "etc", "respectivo", "correlato"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}
} // namespace

QString stemWord(QStringView w)
{
    const qsizetype n = w.size();
    if (n <= 3 || !w.back().isLetter())
        return w.toString();
    if (w.endsWith(u"oes") || w.endsWith(u"aes"))
        return QString(w.chopped(3) + u"ao");
    if (w.endsWith(u"ais"))
        return QString(w.chopped(3) + u"al");
    if (w.endsWith(u"eis"))
        return QString(w.chopped(3) + u"el");
    if (w.endsWith(u"res") || w.endsWith(u"zes"))
        return w.chopped(2).toString();
    if (w.endsWith(u"ns"))
        return QString(w.chopped(2) + u"m");
    if (w.endsWith(u"s") && !w.endsWith(u"ss") && !w.endsWith(u"us") && !w.endsWith(u"is"))
        return w.chopped(1).toString();
    return w.toString();
}

bool isStopWord(QStringView stem)
{
    return stopWords().contains(stem.toString());
}

ObjectClassifier::ObjectClassifier()
{
    for (const ClassDef& def : classTable()) {
        m_byId.insert(QString::fromLatin1(def.id), int(m_classes.size()));
        m_classes.push_back({QString::fromLatin1(def.id), QString::fromUtf8(def.namePt),
                             QString::fromUtf8(def.nameEn), def.works, def.renovation});
    }
    m_byId.insert(QStringLiteral("outros"), int(m_classes.size()));
    m_classes.push_back({QStringLiteral("outros"), QStringLiteral("outros"), QStringLiteral("other"), false, false});
}

namespace {
struct PatternIndex
{
    struct Ref
    {
        std::uint16_t classIndex;
        std::uint16_t pattern;   // global pattern number
        std::uint8_t bit;
    };
    QHash<QString, std::vector<Ref>> byWord;
    std::vector<std::uint8_t> fullMask;   // per pattern
};

const PatternIndex& patternIndex()
{
    static const PatternIndex index = [] {
        PatternIndex idx;
        std::uint16_t classIndex = 0;
        for (const ClassDef& def : classTable()) {
            for (const auto& pattern : def.patterns) {
                const auto p = std::uint16_t(idx.fullMask.size());
                std::uint8_t full = 0;
                for (std::size_t i = 0; i < pattern.size(); ++i) {
                    const auto bit = std::uint8_t(1u << i);
                    full |= bit;
                    idx.byWord[QString::fromLatin1(pattern[i])].push_back({classIndex, p, bit});
                }
                idx.fullMask.push_back(full);
            }
            ++classIndex;
        }
        return idx;
    }();
    return index;
}
} // namespace

namespace {
// A 64-bit hash of the text's UTF-8 bytes with each run of ASCII digits collapsed to one marker byte
// (0xFF, never part of UTF-8; in UTF-8 a byte '0'..'9' is always the digit itself): texts that differ
// only in their numbers ("lote 3, item 17" / "lote 12, item 5") share one cache entry, since words
// with digits never decide a class (see classifyUncached). The marker keeps "4x4" apart from "x":
// dropping the digits outright made those one key though their words differ.
// This runs on every object text of a run, so it reads eight bytes at a time and streams: the squeezed
// bytes go through a 64-bit register and each full eight is mixed at once, so the hash depends on the
// squeezed bytes only (not on where a digit run shifted them) without a second pass over a buffer.
std::uint64_t hashIgnoringNumbers(std::string_view text)
{
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::uint64_t word) {
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    };
    std::uint64_t pending = 0;   // squeezed bytes not mixed yet, the first in the low byte
    unsigned pendingBytes = 0;   // 0..7
    const auto pushWord = [&](std::uint64_t word) {   // eight squeezed bytes
        if (pendingBytes == 0) {
            mix(word);
            return;
        }
        mix(pending | (word << (8 * pendingBytes)));
        pending = word >> (64 - 8 * pendingBytes);
    };
    const auto pushByte = [&](unsigned char c) {
        pending |= std::uint64_t(c) << (8 * pendingBytes);
        if (++pendingBytes == 8) {
            mix(pending);
            pending = 0;
            pendingBytes = 0;
        }
    };
    // hasDigit: a byte in '0'..'9' (bytes ≥ 0x80, UTF-8 sequences, are never digits); the
    // "has between" test of Sean Anderson's Bit Twiddling Hacks with m = '0' − 1, n = '9' + 1.
    constexpr std::uint64_t ones = ~std::uint64_t(0) / 255;
    const auto hasDigit = [](std::uint64_t x) {
        return ((ones * (127 + ('9' + 1)) - (x & ones * 127)) & ~x & ((x & ones * 127) + ones * (127 - ('0' - 1)))
                & ones * 128) != 0;
    };
    bool inDigits = false;
    const auto squeeze = [&](char c) {
        const bool digit = c >= '0' && c <= '9';
        if (!(digit && inDigits))
            pushByte(digit ? 0xFF : static_cast<unsigned char>(c));
        inDigits = digit;
    };
    const char* p = text.data();
    const char* const end = p + text.size();
    for (; end - p >= 8; p += 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (!hasDigit(word)) {
            pushWord(word);   // most of an object text
            inDigits = false;
        } else {
            for (int k = 0; k < 8; ++k)
                squeeze(p[k]);
        }
    }
    for (; p != end; ++p)
        squeeze(*p);
    // The count of bytes left says where the text ends ("ab" is not "ab\0").
    mix(pending ^ (std::uint64_t(pendingBytes + 1) << 59));
    return h;
}
} // namespace

int ObjectClassifier::classify(QStringView text)
{
    const QByteArray bytes = text.toUtf8();
    return classifyUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

int ObjectClassifier::classifyUtf8(std::string_view text)
{
    const std::uint64_t key = hashIgnoringNumbers(text);
    if (const int* cached = m_cache.find(key))
        return *cached;
    const int cls = classifyUncached(fromUtf8(text));
    m_cache.emplace(key, cls);
    return cls;
}

int ObjectClassifier::classifyUncached(QStringView text)
{
    const PatternIndex& idx = patternIndex();
    std::vector<std::uint8_t> masks(idx.fullMask.size(), 0);
    int best = INT32_MAX;
    QString firstContent;
    const QString folded = foldText(text);
    forEachWord(folded, [&](QStringView word) {
        if (best != INT32_MAX)
            return;   // the earliest completed pattern wins: the object's head noun comes first
        for (QChar ch : word)
            if (ch.isDigit())
                return;   // quantities, lots, items and years never decide a class
        const QString stem = stemWord(word);
        const auto hit = idx.byWord.constFind(stem);
        if (hit != idx.byWord.constEnd()) {
            for (const auto& ref : *hit) {
                masks[ref.pattern] |= ref.bit;
                if (masks[ref.pattern] == idx.fullMask[ref.pattern])
                    best = std::min(best, int(ref.classIndex));
            }
        }
        if (firstContent.isEmpty() && stem.size() >= 3 && !isStopWord(stem))
            firstContent = stem;
    });
    if (best != INT32_MAX)
        return best;
    if (firstContent.isEmpty())
        return m_byId.value(QStringLiteral("outros"));
    return dynamicClass(firstContent);
}

int ObjectClassifier::dynamicClass(const QString& word)
{
    const QString id = QStringLiteral("outros:") + word;
    const auto it = m_byId.constFind(id);
    if (it != m_byId.constEnd())
        return *it;
    const int index = int(m_classes.size());
    m_classes.push_back({id, QStringLiteral("outros (") + word + u')', QStringLiteral("other (") + word + u')',
                         false, false});
    m_byId.insert(id, index);
    return index;
}

QString objectClassId(QStringView text)
{
    ObjectClassifier classifier;
    return classifier.info(classifier.classify(text)).id;
}

std::vector<std::uint32_t> classifyAll(const TextColumn& texts, int threads, std::vector<ObjectClassInfo>& classes,
                                       const std::atomic_bool* cancel)
{
    const std::size_t n = texts.size();
    std::vector<std::uint32_t> out(n, 0);
    threads = std::max(1, std::min<int>(threads, int(n / 20000) + 1));
    std::vector<ObjectClassifier> classifiers(static_cast<std::size_t>(threads));
    auto work = [&](int t) {
        const std::size_t begin = n * std::size_t(t) / std::size_t(threads);
        const std::size_t end = n * std::size_t(t + 1) / std::size_t(threads);
        ObjectClassifier& c = classifiers[std::size_t(t)];
        for (std::size_t i = begin; i < end; ++i) {
            if ((i & 0xFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return;
            out[i] = std::uint32_t(c.classifyUtf8(texts.utf8(i)));
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool)
        th.join();

    // Merge: the first classifier's table is the base; others' dynamic classes are remapped by id.
    classes = classifiers[0].classes();
    QHash<QString, int> byId;
    for (std::size_t i = 0; i < classes.size(); ++i)
        byId.insert(classes[i].id, int(i));
    for (int t = 1; t < threads; ++t) {
        const auto& local = classifiers[std::size_t(t)].classes();
        std::vector<std::uint32_t> remap(local.size());
        for (std::size_t i = 0; i < local.size(); ++i) {
            auto it = byId.constFind(local[i].id);
            if (it == byId.constEnd()) {
                it = byId.insert(local[i].id, int(classes.size()));
                classes.push_back(local[i]);
            }
            remap[i] = std::uint32_t(*it);
        }
        const std::size_t begin = n * std::size_t(t) / std::size_t(threads);
        const std::size_t end = n * std::size_t(t + 1) / std::size_t(threads);
        for (std::size_t i = begin; i < end; ++i)
            out[i] = remap[out[i]];
    }
    return out;
}

} // namespace cidadao::engine
