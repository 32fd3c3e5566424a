// SPDX-License-Identifier: GPL-3.0-or-later
#include "domaingrammar.h"

#include <QRegularExpression>
#include <QSet>

namespace cidadao::voice {

namespace {

// Splits at the '|' of the top level only: "a [b | c]|d" is two alternatives.
QStringList splitAlternatives(const char* text)
{
    const QString all = QString::fromUtf8(text);
    QStringList out;
    int depth = 0;
    QString current;
    for (const QChar c : all) {
        if (c == QLatin1Char('[') || c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(']') || c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char('|') && depth == 0) {
            out.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

// The literal words of an expansion (rule references, brackets and operators removed).
QStringList literalWords(const QString& expansion)
{
    static const QRegularExpression strip(QStringLiteral("<[^>]+>|[\\[\\]()|*+]"));
    QString text = expansion;
    text.replace(strip, QStringLiteral(" "));
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

DomainGrammar DomainGrammar::forLanguage(const QString& language)
{
    DomainGrammar grammar;
    const QString primary = language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    auto add = [&grammar](const char* name, const char* alternatives, bool isPublic = false) {
        grammar.m_rules.append({QString::fromUtf8(name), splitAlternatives(alternatives), isPublic});
    };
    if (primary == QLatin1String("en")) {
        add("command", "<investigate>|<search>|<status>|<explain>|<report>|<agent>|<chat>", true);
        add("investigate", "<check> [the] <source> [<of> [the] <organ>] [<lookingfor>]|<check> [the] <organ> [<source>] "
                           "[<lookingfor>]");
        add("check", "investigate|audit|check|examine|analyze|look into");
        add("search", "<find> [the | all] <source> [<of> [the] <organ>]|<find> [the] <organ> <source>");
        add("find", "search [for]|find|show [me]|list");
        add("of", "of|from|at|in|for|by|signed by|paid by");
        add("lookingfor", "(looking for|with|for) <anomaly> (anomalies|problems|irregularities)");
        add("status", "[what is] [the] status of [the | my] investigation|how is [the | my] investigation going");
        add("explain", "explain [the | this] anomaly|why is this suspicious");
        add("report", "(generate|write|make) [a | the] report [<of> [the] <organ>]");
        add("agent", "(talk to|ask) <agentname>");
        add("chat", "hello|hi|good morning|thank you|thanks|help|what can you do|who are you");
        add("source", "contracts|expenses|agreements|biddings|servants|payments|sanctions|suppliers");
        add("anomaly", "price|vendor|temporal|payment|duplicate|pattern|overpricing");
        add("agentname", "zumbi|anita|tiradentes|machado|dandara|drummond|abaporu");
        add("organ", "ministry of (health|education|defense|justice|agriculture|finance|economy|transport|"
                     "infrastructure|environment|science and technology|foreign affairs|labor|mines and energy|"
                     "culture|tourism|communications|cities)|federal police|federal revenue|national treasury|"
                     "presidency [of the republic]|supreme court|central bank|petrobras");
        // Stock cmudict lacks these Brazilian names; CMU phones spelled from the Portuguese.
        grammar.m_extraWords = {{QStringLiteral("zumbi"), QStringLiteral("Z UW M B IY")},
                                {QStringLiteral("tiradentes"), QStringLiteral("T IH R AH D EH N T S")},
                                {QStringLiteral("dandara"), QStringLiteral("D AE N D AA R AH")},
                                {QStringLiteral("abaporu"), QStringLiteral("AA B AH P AO R UW")},
                                {QStringLiteral("biddings"), QStringLiteral("B IH D IH NG Z")},
                                // Alternative pronunciations: how English speakers (and espeak-ng) say them.
                                {QStringLiteral("zumbi(2)"), QStringLiteral("Z AH M B IY")},
                                {QStringLiteral("zumbi(3)"), QStringLiteral("Z AH M B AY")},
                                {QStringLiteral("tiradentes(2)"), QStringLiteral("T IH R AH D EH N T IY Z")},
                                {QStringLiteral("dandara(2)"), QStringLiteral("D AE N D EH R AH")},
                                {QStringLiteral("abaporu(2)"), QStringLiteral("AE B AH P AO R UW")}};
    } else if (primary == QLatin1String("pt")) {
        add("command", "<investigar>|<buscar>|<status>|<explicar>|<relatorio>|<agente>|<conversa>", true);
        add("investigar", "<verbo> [os | as | o | a] <fonte> [<de> <orgao>] [<procurando>]|<verbo> [o | a] <orgao>");
        add("verbo", "investigue|investigar|investiga|analise|analisar|audite|verifique");
        add("buscar", "(busque|buscar|procure|procurar|mostre|liste) [os | as | todos os] <fonte> [<de> <orgao>]");
        add("de", "de|do|da|dos|das|no|na|pelo|pela");
        add("procurando", "(procurando|com) anomalias de <anomalia>");
        add("status", "[qual é o] status da [minha] investigação|como está a [minha] investigação");
        add("explicar", "explique [a | esta | essa] anomalia|por que isso é suspeito");
        add("relatorio", "(gere|gerar|faça|escreva) [um | o] relatório [<de> <orgao>]");
        add("agente", "(falar com|pergunte ao|pergunte à) <nomeagente>");
        add("conversa", "olá|oi|bom dia|boa tarde|obrigado|obrigada|ajuda|o que você faz|quem é você");
        add("fonte", "contratos|despesas|convênios|licitações|servidores|pagamentos|sanções|fornecedores");
        add("anomalia", "preço|fornecedor|tempo|pagamento|duplicidade|padrão|superfaturamento");
        add("nomeagente", "zumbi|anita|tiradentes|machado|dandara|drummond|abaporu");
        add("orgao", "ministério (da saúde|da educação|da defesa|da justiça|da agricultura|da fazenda|da economia|"
                     "dos transportes|da infraestrutura|do meio ambiente|da ciência e tecnologia|das relações exteriores|"
                     "do trabalho|de minas e energia|da cultura|do turismo|das comunicações|das cidades)|polícia federal|"
                     "receita federal|tesouro nacional|presidência da república|supremo tribunal federal|banco central|"
                     "petrobras");
    }
    return grammar;
}

QStringList DomainGrammar::words() const
{
    QSet<QString> seen;
    QStringList out;
    for (const Rule& rule : m_rules)
        for (const QString& alternative : rule.alternatives)
            for (const QString& word : literalWords(alternative))
                if (!seen.contains(word)) {
                    seen.insert(word);
                    out.append(word);
                }
    return out;
}

QString DomainGrammar::jsgf(const std::function<bool(const QString& word)>& known) const
{
    if (m_rules.isEmpty())
        return {};
    // Drop unpronounceable alternatives, then rules left empty, then alternatives referring to
    // dropped rules, until nothing changes (a rule may only vanish once).
    QList<Rule> rules = m_rules;
    for (Rule& rule : rules) {
        QStringList kept;
        for (const QString& alternative : std::as_const(rule.alternatives)) {
            const QStringList words = literalWords(alternative);
            if (std::all_of(words.begin(), words.end(), known))
                kept.append(alternative);
        }
        rule.alternatives = kept;
    }
    bool changed = true;
    while (changed) {
        changed = false;
        QSet<QString> empty;
        for (const Rule& rule : std::as_const(rules))
            if (rule.alternatives.isEmpty())
                empty.insert(rule.name);
        for (Rule& rule : rules) {
            QStringList kept;
            for (const QString& alternative : std::as_const(rule.alternatives)) {
                const bool dangling = std::any_of(empty.begin(), empty.end(), [&alternative](const QString& name) {
                    return alternative.contains(QString(QLatin1Char('<') + name + QLatin1Char('>')));
                });
                if (!dangling)
                    kept.append(alternative);
            }
            if (kept.size() != rule.alternatives.size()) {
                rule.alternatives = kept;
                changed = true;
            }
        }
    }
    QString text = QStringLiteral("#JSGF V1.0;\ngrammar cidadao;\n");
    for (const Rule& rule : std::as_const(rules)) {
        if (rule.alternatives.isEmpty())
            continue;
        text += (rule.isPublic ? QStringLiteral("public <") : QStringLiteral("<")) + rule.name + QStringLiteral("> = ") +
                rule.alternatives.join(QStringLiteral(" | ")) + QStringLiteral(";\n");
    }
    return text;
}

} // namespace cidadao::voice
