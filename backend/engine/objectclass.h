// SPDX-License-Identifier: GPL-3.0-or-later
// Object classes: the "same nature" of art. 75 §1º and the peer groups of price_outlier. An object text
// ("Contratação de empresa especializada em serviços de limpeza e conservação") is folded (lower case,
// no accents), split into words, light-stemmed (plural → singular: "locações" → "locacao",
// "veículos" → "veiculo", "móveis" → "movel"), stop-words dropped, and matched against an ordered
// keyword table: a class matches when all the words of one of its patterns occur. The pattern that is
// completed EARLIEST in the text wins (the head of an object text comes first; what follows — "da
// Divisão de Manutenção", "da frota oficial" — must not move it to another class); among patterns
// completed by the same word the first class in table order wins, so specific classes ("locação de
// veículos", "material de construção") precede general ones ("veículos", "obras de engenharia"). Texts matching no class get a class of their
// own first meaningful word ("outros: parafuso"), so unrelated leftovers are not peers of each other.
// Words containing digits are ignored (quantities, lots, items), so texts that differ only in their
// numbers share one cache entry (a 64-bit hash of the text without digits): on a million object
// texts most classifications are a hash and a lookup.
//
// The table (id: patterns; I = inciso I of art. 75, works and engineering / vehicle maintenance):
//   locacao_imoveis: locacao+imovel, aluguel+imovel        locacao_veiculos: locacao+veiculo, aluguel+veiculo
//   manutencao_veiculos (I): manutencao+veiculo, manutencao+frota   mao_de_obra: mao+obra, terceirizacao
//   material_construcao: material+construcao               material_limpeza: material+limpeza, produto+limpeza
//   reforma (I, renovation): reforma, restauracao, revitalizacao
//   climatizacao: ar+condicionado  manutencao_elevadores: elevador  manutencao_equipamentos: manutencao+equipamento
//   manutencao_predial (I): manutencao+predial, manutencao+edificio, manutencao+instalacao
//   obras (I): obra, construcao, pavimentacao, engenharia, edificacao, drenagem, recapeamento, ampliacao
//   combustivel, veiculos, limpeza, vigilancia, material_escritorio, medicamentos, material_hospitalar,
//   reagentes, servicos_ti, software, informatica, telecom, alimentacao, consultoria, capacitacao, eventos, passagens,
//   material_didatico, mobiliario, publicidade, uniformes, energia_agua, grafica, seguros, equipamentos (see the .cpp).
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include "engine/flatmap.h"
#include "engine/utf8arena.h"

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cidadao::engine {

struct ObjectClassInfo
{
    QString id;            // "limpeza", "outros:parafuso", "outros"
    QString namePt;        // "serviços de limpeza"
    QString nameEn;        // "cleaning services"
    bool works = false;    // art. 75 I (obras, serviços de engenharia, manutenção de veículos)
    bool renovation = false; // reforma de edifício ou equipamento: 50 % amendment cap
};

// Classifies texts, caching by text (its runs of digits collapsed: numbers never decide a class). Not thread-safe: use one per thread (classifyAll does).
class ObjectClassifier
{
public:
    ObjectClassifier();
    // The class index for text (an index into classes(); fixed classes first, then dynamic ones).
    int classify(QStringView text);
    // Same, from UTF-8 bytes: a cached text costs one pass over its bytes and no QString.
    int classifyUtf8(std::string_view text);
    const ObjectClassInfo& info(int index) const { return m_classes[std::size_t(index)]; }
    const std::vector<ObjectClassInfo>& classes() const { return m_classes; }
    int indexOf(const QString& id) const { return m_byId.value(id, -1); }
    // Texts classified once and cached: texts that differ only in their numbers count once.
    std::size_t cachedTexts() const { return m_cache.size(); }

private:
    int classifyUncached(QStringView text);
    int dynamicClass(const QString& word);

    std::vector<ObjectClassInfo> m_classes;
    QHash<QString, int> m_byId;
    FlatMap<std::uint64_t, int> m_cache;   // text hash (numbers collapsed) → class index
};

// Light Portuguese stemmer used by the classifier (folded input): plural to singular.
QString stemWord(QStringView folded);
// Words that carry no class information ("de", "aquisicao", "servico", "empresa", ...).
bool isStopWord(QStringView stem);

// The class id of one text (convenience; builds a classifier).
QString objectClassId(QStringView text);

// Classifies every text with `threads` workers (each with its own cache), returning per-text indices
// into `classes` (filled with the merged class table). Stops early (rest = 0) when cancel is set.
std::vector<std::uint32_t> classifyAll(const TextColumn& texts, int threads, std::vector<ObjectClassInfo>& classes,
                                       const std::atomic_bool* cancel = nullptr);

} // namespace cidadao::engine
