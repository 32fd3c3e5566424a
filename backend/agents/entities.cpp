// SPDX-License-Identifier: GPL-3.0-or-later
#include "entities.h"

#include "text.h"

#include "engine/documents.h"
#include "protocol/vocabulary.h"

#include <QRegularExpression>

#include <algorithm>

namespace cidadao::agents {

namespace {

QRegularExpression re(const char* pattern, QRegularExpression::PatternOptions options = {})
{
    return QRegularExpression(QString::fromUtf8(pattern), options | QRegularExpression::UseUnicodePropertiesOption);
}

int monthNumber(const QString& folded)
{
    static const QStringList pt = {QStringLiteral("janeiro"), QStringLiteral("fevereiro"), QStringLiteral("marco"),
                                   QStringLiteral("abril"),   QStringLiteral("maio"),      QStringLiteral("junho"),
                                   QStringLiteral("julho"),   QStringLiteral("agosto"),    QStringLiteral("setembro"),
                                   QStringLiteral("outubro"), QStringLiteral("novembro"),  QStringLiteral("dezembro")};
    static const QStringList en = {QStringLiteral("january"), QStringLiteral("february"), QStringLiteral("march"),
                                   QStringLiteral("april"),   QStringLiteral("may"),      QStringLiteral("june"),
                                   QStringLiteral("july"),    QStringLiteral("august"),   QStringLiteral("september"),
                                   QStringLiteral("october"), QStringLiteral("november"), QStringLiteral("december")};
    const auto p = pt.indexOf(folded);
    if (p >= 0)
        return int(p) + 1;
    const auto e = en.indexOf(folded);
    return e >= 0 ? int(e) + 1 : 0;
}

engine::Day lastDayOfMonth(int year, int month)
{
    return month == 12 ? engine::toDay(year, 12, 31) : engine::toDay(year, month + 1, 1) - 1;
}

const char kMonths[] = "(janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
                       "january|february|march|april|may|june|july|august|september|october|november|december)";

void extractPeriod(const QString& folded, Entities& out)
{
    // dd/mm/yyyy .. dd/mm/yyyy
    static const QRegularExpression dates = re(R"(\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b)");
    std::vector<engine::Day> explicitDays;
    for (auto it = dates.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const int d = m.captured(1).toInt();
        const int mo = m.captured(2).toInt();
        if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12)
            explicitDays.push_back(engine::toDay(m.captured(3).toInt(), mo, d));
    }
    if (!explicitDays.empty()) {
        out.from = *std::min_element(explicitDays.cbegin(), explicitDays.cend());
        out.to = explicitDays.size() > 1 ? *std::max_element(explicitDays.cbegin(), explicitDays.cend())
                                         : engine::kNoDate;
        if (explicitDays.size() == 1 && re(R"(\b(ate|before|antes|until)\b)").match(folded).hasMatch())
            std::swap(out.from, out.to);
        out.periodLabel = QStringLiteral("dates");
        return;
    }
    // "entre janeiro e junho de 2023", "from march to may 2024"
    static const QRegularExpression monthRange = re(
        (QStringLiteral(R"(\b(?:entre|de|from|between)\s+)") + QLatin1String(kMonths)
         + QStringLiteral(R"((?:\s+de\s+((?:19|20)\d{2}))?\s+(?:e|a|ate|to|and|-)\s+)") + QLatin1String(kMonths)
         + QStringLiteral(R"((?:\s+de|,)?\s+((?:19|20)\d{2}))"))
            .toUtf8()
            .constData());
    if (const auto m = monthRange.match(folded); m.hasMatch()) {
        const int endYear = m.captured(4).toInt();
        const int startYear = m.captured(2).isEmpty() ? endYear : m.captured(2).toInt();
        const int m1 = monthNumber(m.captured(1));
        const int m2 = monthNumber(m.captured(3));
        out.from = engine::toDay(startYear, m1, 1);
        out.to = lastDayOfMonth(endYear, m2);
        out.periodLabel = QStringLiteral("%1/%2–%3/%4").arg(m1, 2, 10, QLatin1Char('0')).arg(startYear)
                              .arg(m2, 2, 10, QLatin1Char('0')).arg(endYear);
        return;
    }
    // "março de 2023", "march 2023"
    static const QRegularExpression monthYear =
        re((QLatin1String(kMonths) + QStringLiteral(R"((?:\s+de|,)?\s+((?:19|20)\d{2}))")).toUtf8().constData());
    if (const auto m = monthYear.match(folded); m.hasMatch()) {
        const int month = monthNumber(m.captured(1));
        const int year = m.captured(2).toInt();
        out.from = engine::toDay(year, month, 1);
        out.to = lastDayOfMonth(year, month);
        out.periodLabel = QStringLiteral("%1/%2").arg(month, 2, 10, QLatin1Char('0')).arg(year);
        return;
    }
    // Years: "de 2021 a 2023", "2022", "between 2020 and 2022". A year is 19xx/20xx standing alone.
    static const QRegularExpression year = re(R"((?<![\d.,/])((?:19|20)\d{2})(?![\d.,/]))");
    std::vector<int> years;
    for (auto it = year.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        // "14.133" or "2023 mil" are not years; "lei 2023" rarely matters.
        const int y = m.captured(1).toInt();
        if (y >= 1990 && y <= 2100)
            years.push_back(y);
    }
    if (!years.empty()) {
        const int first = *std::min_element(years.cbegin(), years.cend());
        const int last = *std::max_element(years.cbegin(), years.cend());
        out.from = engine::toDay(first, 1, 1);
        out.to = engine::toDay(last, 12, 31);
        out.periodLabel = first == last ? QString::number(first) : QStringLiteral("%1–%2").arg(first).arg(last);
    }
}

// A number in pt-BR or en writing ("1.234,56", "1,234.56", "1.5", "30") as a double.
double parseNumber(QString text)
{
    const qsizetype comma = text.lastIndexOf(u',');
    const qsizetype dot = text.lastIndexOf(u'.');
    if (comma >= 0 && dot >= 0) {
        if (comma > dot) { // pt: 1.234,56
            text.remove(u'.');
            text.replace(u',', u'.');
        } else { // en: 1,234.56
            text.remove(u',');
        }
    } else if (comma >= 0) {
        // "1,5" (pt decimal) vs "1,000" (en thousands): three digits after means thousands.
        if (text.size() - comma - 1 == 3)
            text.remove(u',');
        else
            text.replace(u',', u'.');
    } else if (dot >= 0) {
        if (text.size() - dot - 1 == 3 && text.count(u'.') >= 1 && text.left(dot).size() <= 3)
            text.remove(u'.'); // "100.000" is a hundred thousand in pt-BR
    }
    return text.toDouble();
}

void extractValues(const QString& folded, Entities& out)
{
    static const QRegularExpression amount = re(
        R"((?:(acima de|mais de|maior(?:es)? que|superior(?:es)? a|a partir de|over|above|more than|greater than|at least|exceeding|abaixo de|menos de|menor(?:es)? que|inferior(?:es)? a|ate|under|below|less than|up to|at most)\s+)?(r\$\s*)?(\d[\d.,]*)\s*(milhoes|milhao|millions|million|mil\b|mi\b|m\b|bilhoes|bilhao|billions|billion|bi\b|thousand|k\b)?)");
    for (auto it = amount.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const QString bound = m.captured(1);
        const bool money = !m.captured(2).isEmpty();
        const QString scale = m.captured(4);
        if (!money && scale.isEmpty() && bound.isEmpty())
            continue; // a bare number: a year, a code, a count
        double value = parseNumber(m.captured(3));
        // "mil" (thousand) before the "mi…" of milhão/million.
        if (scale == QLatin1String("mil") || scale == QLatin1String("thousand") || scale == QLatin1String("k"))
            value *= 1e3;
        else if (scale.startsWith(QLatin1String("mi")) || scale == QLatin1String("m"))
            value *= 1e6;
        else if (scale.startsWith(QLatin1String("bi")))
            value *= 1e9;
        if (!money && scale.isEmpty() && value >= 1990 && value <= 2100)
            continue; // "até 2023" is a year
        if (value <= 0)
            continue;
        out.values.push_back(value);
        static const QRegularExpression lower =
            re(R"(^(acima|mais|maior|superior|a partir|over|above|more|greater|at least|exceeding))");
        if (!bound.isEmpty()) {
            if (lower.match(bound).hasMatch())
                out.minValue = value;
            else
                out.maxValue = value;
        }
    }
}

void extractSource(const QString& folded, Entities& out)
{
    struct Word
    {
        const char* pattern;
        const char* source;
    };
    static const std::vector<std::pair<QRegularExpression, const char*>> words = {
        {re(R"(\b(servidor\w*|salari\w*|remunera\w*|folha|payroll|servants?|salar(y|ies)|wages?)\b)"),
         protocol::DataSource::Servants},
        {re(R"(\b(licitac\w*|biddings?|tenders?|pregao|pregoes|auctions?)\b)"), protocol::DataSource::Biddings},
        {re(R"(\b(convenios?|agreements?|transferencias?|transfers?|repasses?)\b)"), protocol::DataSource::Agreements},
        {re(R"(\b(despesas?|pagamentos?|gastos?|expenses?|payments?|spending)\b)"), protocol::DataSource::Expenses},
        {re(R"(\b(contratos?|contracts?|contratac\w*)\b)"), protocol::DataSource::Contracts},
    };
    // The most specific word wins: "contratos" appears in many questions about other things.
    for (const auto& [pattern, source] : words) {
        if (pattern.match(folded).hasMatch()) {
            out.dataSource = QLatin1String(source);
            return;
        }
    }
}

void extractAnomalyTypes(const QString& folded, Entities& out)
{
    static const std::vector<std::pair<QRegularExpression, const char*>> types = {
        {re(R"(\b(preco\w*|sobrepreco|superfatur\w*|price\w*|overpric\w*)\b)"), protocol::AnomalyType::Price},
        {re(R"(\b(concentracao|concentration|fornecedor dominante|dominant (vendor|supplier)|vendor)\b)"),
         protocol::AnomalyType::Vendor},
        {re(R"(\b(temporal|pico\w*|spikes?|dezembro|december|sazonal\w*|seasonal)\b)"), protocol::AnomalyType::Temporal},
        {re(R"(\b(pagamentos? acima|overpay\w*|payments? (above|over)|acima do teto|above the (ceiling|cap))\b)"),
         protocol::AnomalyType::Payment},
        {re(R"(\b(duplicad\w*|duplicat\w*|repetid\w*|repeated)\b)"), protocol::AnomalyType::Duplicate},
        {re(R"(\b(fracionamento|splitting|split|benford|padrao suspeito|suspicious pattern)\b)"),
         protocol::AnomalyType::Pattern},
    };
    for (const auto& [pattern, type] : types) {
        if (pattern.match(folded).hasMatch())
            out.anomalyTypes.append(QLatin1String(type));
    }
}

void extractOrgans(const QString& folded, Entities& out)
{
    // One compiled pattern per organ (its aliases as alternatives), built once for every message.
    static const std::vector<QRegularExpression> patterns = [] {
        std::vector<QRegularExpression> compiled;
        for (const OrganEntry& entry : organDirectory())
            compiled.emplace_back(QStringLiteral("\\b(%1)\\b").arg(entry.aliases.join(u'|')));
        return compiled;
    }();
    for (std::size_t i = 0; i < organDirectory().size(); ++i) {
        if (patterns[i].match(folded).hasMatch())
            out.organs.push_back({organDirectory()[i].code, organDirectory()[i].name});
    }
    // SIAFI codes: five digits after "órgão/organ/siafi/código/code/ug", or any code of the directory.
    static const QRegularExpression code = re(R"(\b(?:orgao|organ|siafi|codigo|code|ug|unidade)\s*(?:n[o.]?\s*)?(\d{5,6})\b)");
    for (auto it = code.globalMatch(folded); it.hasNext();) {
        const QString digits = it.next().captured(1);
        const auto known = std::find_if(organDirectory().cbegin(), organDirectory().cend(),
                                        [&](const OrganEntry& e) { return e.code == digits; });
        const bool seen = std::any_of(out.organs.cbegin(), out.organs.cend(),
                                      [&](const OrganMention& o) { return o.code == digits; });
        if (!seen)
            out.organs.push_back({digits, known != organDirectory().cend() ? known->name : QString()});
    }
}

void extractSupplier(const QString& message, const QString& folded, Entities& out)
{
    static const QRegularExpression cnpj = re(R"((?<![\d])(\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2})(?![\d]))");
    for (auto it = cnpj.globalMatch(folded); it.hasNext();) {
        const QString normalised = engine::normaliseDocument(it.next().captured(1));
        if (normalised.size() != 14)
            continue;
        (engine::isValidCnpj(normalised) ? out.cnpjs : out.invalidCnpjs).append(normalised);
    }
    // A quoted name, or capitalised words after "empresa/fornecedor/company/supplier".
    static const QRegularExpression quoted = re(R"(["“'«]([^"”'»]{3,80})["”'»])");
    if (const auto m = quoted.match(message); m.hasMatch()) {
        out.supplierName = m.captured(1).trimmed();
        return;
    }
    static const QRegularExpression named = re(
        R"(\b(?:empresa|fornecedor(?:a)?|firma|contratada|company|supplier|vendor|contractor)\s+((?:[A-ZÀ-Ý0-9][\w&.\-]*)(?:\s+(?:[A-ZÀ-Ý0-9&][\w&.\-]*|de|da|do|e|and|of))*))",
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = named.match(message); m.hasMatch()) {
        QString name = m.captured(1).trimmed();
        // Lower-case messages: keep the words up to the first verb-ish/stop word.
        static const QRegularExpression stop = re(
            R"(\s+(recebeu|tem|possui|esta|e|foi|has|have|is|was|received|got|com|with|no|na|em|in|do|da|de|of|the|o|a)\b.*$)",
            QRegularExpression::CaseInsensitiveOption);
        name.remove(stop);
        static const QRegularExpression digitsOnly = re(R"(^[\d./\-]+$)");
        if (name.size() >= 3 && !digitsOnly.match(name).hasMatch())
            out.supplierName = name;
    }
}

} // namespace

const std::vector<OrganEntry>& organDirectory()
{
    // Superior organs (SIAFI "órgão superior") of the federal executive, with the folded words people
    // use for them in pt-BR and en. Codes as the Portal publishes them.
    static const std::vector<OrganEntry> directory = {
        {QStringLiteral("36000"), QStringLiteral("Ministério da Saúde"),
         {QStringLiteral("saude"), QStringLiteral("health"), QStringLiteral("sus")}},
        {QStringLiteral("26000"), QStringLiteral("Ministério da Educação"),
         {QStringLiteral("educacao"), QStringLiteral("education"), QStringLiteral("mec")}},
        {QStringLiteral("52000"), QStringLiteral("Ministério da Defesa"),
         {QStringLiteral("defesa"), QStringLiteral("defen[cs]e"), QStringLiteral("exercito"), QStringLiteral("army")}},
        {QStringLiteral("30000"), QStringLiteral("Ministério da Justiça e Segurança Pública"),
         {QStringLiteral("justica"), QStringLiteral("justice"), QStringLiteral("seguranca publica"),
          QStringLiteral("public security")}},
        {QStringLiteral("25000"), QStringLiteral("Ministério da Fazenda"),
         {QStringLiteral("fazenda"), QStringLiteral("finance"), QStringLiteral("treasury")}},
        {QStringLiteral("22000"), QStringLiteral("Ministério da Agricultura e Pecuária"),
         {QStringLiteral("agricultura"), QStringLiteral("agriculture"), QStringLiteral("pecuaria")}},
        {QStringLiteral("24000"), QStringLiteral("Ministério da Ciência, Tecnologia e Inovação"),
         {QStringLiteral("ciencia"), QStringLiteral("science"), QStringLiteral("mcti")}},
        {QStringLiteral("39000"), QStringLiteral("Ministério dos Transportes"),
         {QStringLiteral("transportes?"), QStringLiteral("dnit")}},
        {QStringLiteral("44000"), QStringLiteral("Ministério do Meio Ambiente e Mudança do Clima"),
         {QStringLiteral("meio ambiente"), QStringLiteral("environment"), QStringLiteral("ibama")}},
        {QStringLiteral("40000"), QStringLiteral("Ministério do Trabalho e Emprego"),
         {QStringLiteral("trabalho"), QStringLiteral("labou?r"), QStringLiteral("employment")}},
        {QStringLiteral("53000"), QStringLiteral("Ministério da Integração e do Desenvolvimento Regional"),
         {QStringLiteral("integracao"), QStringLiteral("regional development"), QStringLiteral("integration")}},
        {QStringLiteral("42000"), QStringLiteral("Ministério da Cultura"),
         {QStringLiteral("cultura"), QStringLiteral("culture"), QStringLiteral("iphan")}},
    };
    return directory;
}

Entities extractEntities(const QString& message)
{
    Entities out;
    const QString folded = foldMessage(message);
    extractSupplier(message, folded, out);
    extractOrgans(folded, out);
    extractPeriod(folded, out);
    extractValues(folded, out);
    extractSource(folded, out);
    extractAnomalyTypes(folded, out);
    static const QRegularExpression uuid =
        re(R"(\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b)", QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression anomalyWord = re(R"(\b(anomalia|anomaly|alerta|alert|achado|finding)\b)");
    if (const auto m = uuid.match(message); m.hasMatch()) {
        const QString id = m.captured(1).toLower();
        if (anomalyWord.match(folded).hasMatch() && !folded.contains(QLatin1String("investig")))
            out.anomalyId = id;
        else
            out.investigationId = id;
    }
    return out;
}

protocol::Json toJson(const Entities& e)
{
    using protocol::Json;
    Json out = Json::object();
    if (!e.organs.empty()) {
        Json organs = Json::array();
        for (const OrganMention& organ : e.organs)
            organs.push_back(Json{{"code", organ.code}, {"name", organ.name}});
        out["organs"] = organs;
    }
    if (!e.cnpjs.isEmpty())
        out["cnpjs"] = e.cnpjs;
    if (!e.invalidCnpjs.isEmpty())
        out["invalid_cnpjs"] = e.invalidCnpjs;
    if (e.supplierName)
        out["supplier_name"] = *e.supplierName;
    auto date = [](engine::Day day) {
        const auto c = engine::toCivil(day);
        return QStringLiteral("%1-%2-%3").arg(c.year, 4, 10, QLatin1Char('0')).arg(c.month, 2, 10, QLatin1Char('0'))
            .arg(c.day, 2, 10, QLatin1Char('0'));
    };
    if (e.from != engine::kNoDate)
        out["start_date"] = date(e.from);
    if (e.to != engine::kNoDate)
        out["end_date"] = date(e.to);
    if (e.minValue)
        out["min_value"] = *e.minValue;
    if (e.maxValue)
        out["max_value"] = *e.maxValue;
    if (!e.values.empty())
        out["values"] = e.values;
    if (e.dataSource)
        out["data_source"] = *e.dataSource;
    if (!e.anomalyTypes.isEmpty())
        out["anomaly_types"] = e.anomalyTypes;
    if (e.investigationId)
        out["investigation_id"] = *e.investigationId;
    if (e.anomalyId)
        out["anomaly_id"] = *e.anomalyId;
    return out;
}

} // namespace cidadao::agents
