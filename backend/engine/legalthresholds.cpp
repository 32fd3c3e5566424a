// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/legalthresholds.h"

#include "engine/textfold.h"

#include <iterator>

namespace cidadao::engine {

namespace {
struct LimitRow
{
    Day from;
    double works;
    double goods;
    const char* source;
};

// Lei 14.133/2021 art. 75 I/II, updated yearly by decree (art. 182).
const LimitRow kLei14133[] = {
    {toDay(2021, 4, 1), 100000.00, 50000.00, "Lei 14.133/2021"},
    {toDay(2022, 1, 1), 108040.82, 54020.41, "Decreto 10.922/2021"},
    {toDay(2023, 1, 1), 114416.65, 57208.33, "Decreto 11.317/2022"},
    {toDay(2024, 1, 1), 119812.02, 59906.02, "Decreto 11.871/2023"},
    {toDay(2025, 1, 1), 125451.15, 62725.59, "Decreto 12.343/2024"},
    {toDay(2026, 1, 1), 130984.20, 65492.11, "Decreto 12.807/2025"},
};

// Lei 8.666/1993 art. 24 I/II (10 % of the convite limits of art. 23).
const LimitRow kLei8666[] = {
    {toDay(1998, 5, 28), 15000.00, 8000.00, "Lei 8.666/1993 (redação da Lei 9.648/1998)"},
    {toDay(2018, 7, 19), 33000.00, 17600.00, "Decreto 9.412/2018"},
};

struct CeilingRow
{
    Day from;
    double value;
    const char* source;
};
// Subsídio of an STF minister (CF art. 37 XI).
const CeilingRow kCeiling[] = {
    {toDay(2016, 1, 1), 33763.00, "Lei 13.091/2015"},
    {toDay(2019, 1, 1), 39293.32, "Lei 13.752/2018"},
    {toDay(2023, 4, 1), 41650.92, "Lei 14.520/2023"},
    {toDay(2024, 2, 1), 44008.52, "Lei 14.520/2023"},
    {toDay(2025, 2, 1), 46366.19, "Lei 14.520/2023"},
};

template<typename Row, std::size_t N>
const Row* rowFor(const Row (&rows)[N], Day date)
{
    const Row* found = nullptr;
    for (const Row& row : rows)
        if (row.from <= date)
            found = &row;
    return found;
}

bool isRoman(QStringView word)
{
    if (word.isEmpty() || word.size() > 6)
        return false;
    for (QChar c : word)
        if (c != u'i' && c != u'v' && c != u'x' && c != u'l')
            return false;
    return true;
}

// Finds "art. 75" / "artigo 24" / "art 75" in folded text; returns the position after the number.
qsizetype findArticle(QStringView folded, QStringView number)
{
    for (qsizetype at = folded.indexOf(u"art"); at >= 0; at = folded.indexOf(u"art", at + 3)) {
        if (at > 0 && folded[at - 1].isLetter())
            continue;   // "part", "quarta"
        qsizetype i = at + 3;
        if (folded.mid(i).startsWith(u"igo"))
            i += 3;
        while (i < folded.size() && (folded[i] == u'.' || folded[i].isSpace()))
            ++i;
        if (folded.mid(i).startsWith(number)) {
            const qsizetype end = i + number.size();
            if (end == folded.size() || !folded[end].isDigit())
                return end;
        }
    }
    return -1;
}

// The inciso named right after the article ("art. 75, II", "art. 75, inciso I", "art. 24 inc. II").
QString incisoAfter(QStringView folded, qsizetype from)
{
    QString found;
    int seen = 0;
    forEachWord(folded.mid(from, 40), [&](QStringView word) {
        if (!found.isEmpty() || seen > 3)
            return;
        ++seen;
        if (word == u"inciso" || word == u"inc" || word == u"caput" || word == u"da" || word == u"lei")
            return;
        if (isRoman(word))
            found = word.toString();
        else
            seen = 99;   // something else (a paragraph, another law): stop looking
    });
    return found;
}
} // namespace

ProcurementLaw effectiveLaw(ProcurementLaw cited, Day date)
{
    if (cited != ProcurementLaw::Unknown)
        return cited;
    if (date == kNoDate)
        return ProcurementLaw::Unknown;
    return date < kLei14133Start ? ProcurementLaw::Lei8666 : ProcurementLaw::Lei14133;
}

std::optional<LegalValue> dispensaLimit(Day date, ProcurementLaw law, DispensaItem item)
{
    law = effectiveLaw(law, date);
    if (date == kNoDate || law == ProcurementLaw::Unknown)
        return std::nullopt;
    const bool works = item == DispensaItem::Works;
    const LimitRow* row = law == ProcurementLaw::Lei14133 ? rowFor(kLei14133, date) : rowFor(kLei8666, date);
    if (!row)
        return std::nullopt;
    LegalValue out;
    out.value = works ? row->works : row->goods;
    out.inForceFrom = row->from;
    if (law == ProcurementLaw::Lei14133)
        out.article = works ? QStringLiteral("Lei 14.133/2021, art. 75, I") : QStringLiteral("Lei 14.133/2021, art. 75, II");
    else
        out.article = works ? QStringLiteral("Lei 8.666/1993, art. 24, I") : QStringLiteral("Lei 8.666/1993, art. 24, II");
    out.source = QString::fromUtf8(row->source);
    return out;
}

LegalValue amendmentCap(bool renovation)
{
    LegalValue out;
    out.value = renovation ? 0.50 : 0.25;
    out.article = renovation ? QStringLiteral("Lei 14.133/2021, art. 125 (reforma: 50%); Lei 8.666/1993, art. 65, §1º")
                             : QStringLiteral("Lei 14.133/2021, art. 125 (25%); Lei 8.666/1993, art. 65, §1º");
    out.source = QStringLiteral("Lei 14.133/2021; Lei 8.666/1993");
    return out;
}

std::optional<LegalValue> payCeiling(Day date)
{
    if (date == kNoDate)
        return std::nullopt;
    const CeilingRow* row = rowFor(kCeiling, date);
    if (!row)
        return std::nullopt;
    return LegalValue{row->value, row->from, QStringLiteral("Constituição Federal, art. 37, XI"),
                      QString::fromUtf8(row->source)};
}

DispensaReading readDispensa(QStringView modality, QStringView legalBasis)
{
    DispensaReading out;
    const QString mod = foldText(modality);
    const QString basis = foldText(legalBasis);
    if (mod.contains(u"inexigib") || (basis.contains(u"inexigib") && !mod.contains(u"dispensa")))
        return out;

    if (basis.contains(u"14.133") || basis.contains(u"14133"))
        out.law = ProcurementLaw::Lei14133;
    else if (basis.contains(u"8.666") || basis.contains(u"8666"))
        out.law = ProcurementLaw::Lei8666;

    qsizetype after = -1;
    if (out.law != ProcurementLaw::Lei8666)
        after = findArticle(basis, u"75");
    if (after >= 0) {
        out.law = ProcurementLaw::Lei14133;
    } else if (out.law != ProcurementLaw::Lei14133) {
        after = findArticle(basis, u"24");
        if (after >= 0)
            out.law = ProcurementLaw::Lei8666;
    }

    const bool modalityDispensa = mod.contains(u"dispensa");
    if (after < 0 && !modalityDispensa)
        return out;

    if (after >= 0) {
        const QString inciso = incisoAfter(basis, after);
        if (inciso == u"i")
            out.item = DispensaItem::Works;
        else if (inciso == u"ii")
            out.item = DispensaItem::GoodsAndServices;
        else if (!inciso.isEmpty())
            return out;   // another inciso: emergency, strategic goods, ... not governed by value
    }
    out.dispensaByValue = true;
    return out;
}

} // namespace cidadao::engine
