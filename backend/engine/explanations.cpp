// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/explanations.h"

#include <algorithm>
#include <cmath>

namespace cidadao::engine {

namespace {
// Digits written backwards into a small buffer: explanations format a dozen numbers per finding and
// tens of thousands of findings per run, where QString::number and arg() allocated for every piece.
QString fixed(double value, int decimals, QChar thousands, QChar point)
{
    if (!std::isfinite(value))
        return value > 0 ? QStringLiteral("∞") : value < 0 ? QStringLiteral("-∞") : QStringLiteral("—");
    static constexpr long long kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    decimals = std::clamp(decimals, 0, 6);
    const double magnitude = std::fabs(value) * double(kScale[decimals]);
    if (!(magnitude < 9.0e18))
        return QString::number(value, 'f', decimals);   // beyond long long: no grouping, never a money value
    const long long scaled = std::llround(magnitude);
    long long whole = scaled / kScale[decimals];
    long long fraction = scaled % kScale[decimals];
    char16_t buffer[48];
    int at = 48;
    for (int i = 0; i < decimals; ++i) {
        buffer[--at] = char16_t(u'0' + fraction % 10);
        fraction /= 10;
    }
    if (decimals > 0)
        buffer[--at] = point.unicode();
    int inGroup = 0;
    do {
        if (inGroup == 3) {
            buffer[--at] = thousands.unicode();
            inGroup = 0;
        }
        buffer[--at] = char16_t(u'0' + whole % 10);
        whole /= 10;
        ++inGroup;
    } while (whole > 0);
    if (value < 0 && scaled != 0)
        buffer[--at] = u'-';
    return QString(reinterpret_cast<const QChar*>(buffer + at), 48 - at);
}

const char16_t* monthPt(int m)
{
    static const char16_t* names[] = {u"janeiro", u"fevereiro", u"março", u"abril", u"maio", u"junho",
                                      u"julho", u"agosto", u"setembro", u"outubro", u"novembro", u"dezembro"};
    return names[(m - 1) % 12];
}
const char16_t* monthEn(int m)
{
    static const char16_t* names[] = {u"January", u"February", u"March", u"April", u"May", u"June",
                                      u"July", u"August", u"September", u"October", u"November", u"December"};
    return names[(m - 1) % 12];
}

QString nPt(double v, int d) { return formatNumber(v, d, Language::Pt); }
QString nEn(double v, int d) { return formatNumber(v, d, Language::En); }
QString mPt(double v) { return formatMoney(v, Language::Pt); }
QString mEn(double v) { return formatMoney(v, Language::En); }
} // namespace

QString formatMoney(double value, Language language)
{
    const bool negative = value < 0 && std::llround(std::fabs(value) * 100.0) != 0;
    const QString body = language == Language::Pt ? fixed(std::fabs(value), 2, u'.', u',')
                                                  : fixed(std::fabs(value), 2, u',', u'.');
    const QString sign = negative ? QStringLiteral("-") : QString();
    return language == Language::Pt ? QString(sign + u"R$ " + body) : QString(sign + u"R$" + body);
}

QString formatNumber(double value, int decimals, Language language)
{
    return language == Language::Pt ? fixed(value, decimals, u'.', u',') : fixed(value, decimals, u',', u'.');
}

QString formatPercent(double fraction, int decimals, Language language)
{
    return formatNumber(fraction * 100.0, decimals, language) + u'%';
}

QString formatDate(Day day, Language language)
{
    if (day == kNoDate)
        return QStringLiteral("—");
    const CivilDate c = toCivil(day);
    if (language == Language::Pt)
        return QStringLiteral("%1/%2/%3").arg(c.day, 2, 10, QLatin1Char('0')).arg(c.month, 2, 10, QLatin1Char('0')).arg(c.year, 4, 10, QLatin1Char('0'));
    return QStringLiteral("%1-%2-%3").arg(c.year, 4, 10, QLatin1Char('0')).arg(c.month, 2, 10, QLatin1Char('0')).arg(c.day, 2, 10, QLatin1Char('0'));
}

QString formatCount(long long n, Language language)
{
    return formatNumber(double(n), 0, language);
}

Explanation explainPriceOutlier(double value, double median, int peers, const QString& peerPt, const QString& peerEn,
                                double z, double zThreshold)
{
    const double ratio = median > 0 ? value / median : 0.0;
    return {QString(mPt(value) + u" é " + nPt(ratio, 1) + u"× a mediana (" + mPt(median) + u") de " + QString::number(peers)
                    + u" contratos comparáveis (" + peerPt + u") (z robusto " + nPt(z, 1) + u" > " + nPt(zThreshold, 1) + u")."),
            QString(mEn(value) + u" is " + nEn(ratio, 1) + u"× the median (" + mEn(median) + u") of " + QString::number(peers)
                    + u" comparable contracts (" + peerEn + u") (robust z " + nEn(z, 1) + u" > " + nEn(zThreshold, 1) + u").")};
}

Explanation explainVendorConcentration(const QString& supplier, double share, double hhi, double supplierValue,
                                       double total, int suppliers, const QString& unit, int year,
                                       double shareThreshold, double hhiThreshold, bool byShare)
{
    const QString y = QString::number(year);
    const QString rulePt = byShare ? QString(u"participação " + formatPercent(share, 1, Language::Pt) + u" > "
                                             + formatPercent(shareThreshold, 0, Language::Pt))
                                   : QString(u"HHI " + nPt(hhi, 0) + u" > " + nPt(hhiThreshold, 0));
    const QString ruleEn = byShare ? QString(u"share " + formatPercent(share, 1, Language::En) + u" > "
                                             + formatPercent(shareThreshold, 0, Language::En))
                                   : QString(u"HHI " + nEn(hhi, 0) + u" > " + nEn(hhiThreshold, 0));
    return {QString(supplier + u" recebeu " + mPt(supplierValue) + u" de " + mPt(total) + u" ("
                    + formatPercent(share, 1, Language::Pt) + u") contratados pela UG " + unit + u" em " + y + u", entre "
                    + QString::number(suppliers) + u" fornecedores (" + rulePt + u")."),
            QString(supplier + u" received " + mEn(supplierValue) + u" of " + mEn(total) + u" ("
                    + formatPercent(share, 1, Language::En) + u") contracted by UG " + unit + u" in " + y + u", among "
                    + QString::number(suppliers) + u" suppliers (" + ruleEn + u").")};
}

Explanation explainSplitting(int count, double sum, double limit, const QString& unit, const QString& groupPt,
                             const QString& groupEn, const QString& period, const QString& article)
{
    return {QString(QString::number(count) + u" dispensas da UG " + unit + u" (" + groupPt + u", " + period + u") somam "
                    + mPt(sum) + u", acima do limite de dispensa de " + mPt(limit) + u" (" + article
                    + u"); cada uma ficou abaixo do limite: possível fracionamento."),
            QString(QString::number(count) + u" direct awards (dispensas) by UG " + unit + u" (" + groupEn + u", " + period
                    + u") add up to " + mEn(sum) + u", above the " + mEn(limit) + u" limit (" + article
                    + u"); each stayed under it: possible contract splitting.")};
}

Explanation explainNearThreshold(int count, double fraction, double limit, const QString& unit, int year,
                                 const QString& article)
{
    const QString y = QString::number(year);
    return {QString(u"A UG " + unit + u" fez " + QString::number(count) + u" dispensas em " + y + u" entre "
                    + formatPercent(fraction, 0, Language::Pt) + u" e 100% do limite de " + mPt(limit) + u" (" + article + u")."),
            QString(u"UG " + unit + u" made " + QString::number(count) + u" direct awards in " + y + u" between "
                    + formatPercent(fraction, 0, Language::En) + u" and 100% of the " + mEn(limit) + u" limit (" + article + u").")};
}

Explanation explainAmendment(double initial, double final, double increase, double cap)
{
    return {QString(u"O valor final " + mPt(final) + u" é " + formatPercent(increase, 2, Language::Pt)
                    + u" maior que o inicial " + mPt(initial) + u", acima do limite legal de aditivos de "
                    + formatPercent(cap, 0, Language::Pt) + u"."),
            QString(u"The final value " + mEn(final) + u" is " + formatPercent(increase, 2, Language::En)
                    + u" above the initial " + mEn(initial) + u", beyond the legal amendment cap of "
                    + formatPercent(cap, 0, Language::En) + u".")};
}

Explanation explainOverpayment(double finalValue, double paid, int payments)
{
    return {QString(QString::number(payments) + u" pagamentos somam " + mPt(paid) + u", mais que o valor final do contrato ("
                    + mPt(finalValue) + u"): " + mPt(paid - finalValue) + u" a mais."),
            QString(QString::number(payments) + u" payments add up to " + mEn(paid) + u", more than the contract's final value ("
                    + mEn(finalValue) + u"): " + mEn(paid - finalValue) + u" over.")};
}

Explanation explainDuplicate(int records, bool exact, double value, const QString& supplier, double similarity)
{
    if (exact)
        return {QString(QString::number(records) + u" registros idênticos: mesmo fornecedor (" + supplier + u"), mesmo valor ("
                        + mPt(value) + u") e mesma data (ou mesmo número de documento)."),
                QString(QString::number(records) + u" identical records: same supplier (" + supplier + u"), same value ("
                        + mEn(value) + u") and same date (or the same document number).")};
    return {QString(QString::number(records) + u" registros quase iguais do fornecedor " + supplier + u": valores a menos de 1% de "
                    + mPt(value) + u", em até 30 dias, objeto " + formatPercent(similarity, 0, Language::Pt) + u" semelhante."),
            QString(QString::number(records) + u" near-identical records of supplier " + supplier + u": values within 1% of "
                    + mEn(value) + u", within 30 days, object " + formatPercent(similarity, 0, Language::En) + u" similar.")};
}

Explanation explainTemporalSpike(const QString& unit, int year, int month, int count, double expected, double z,
                                 double threshold, bool december)
{
    const QString y = QString::number(year);
    return {QString(u"A UG " + unit + u" assinou " + QString::number(count) + u" contratos em " + QString::fromUtf16(monthPt(month))
                    + u" de " + y + u", " + nPt(expected > 0 ? count / expected : 0.0, 1) + u"× o esperado (" + nPt(expected, 1)
                    + u" por mês" + (december ? QStringLiteral(", já contando a corrida de fim de ano") : QString())
                    + u"; z robusto " + nPt(z, 1) + u" > " + nPt(threshold, 1) + u")."),
            QString(u"UG " + unit + u" signed " + QString::number(count) + u" contracts in " + QString::fromUtf16(monthEn(month))
                    + u" " + y + u", " + nEn(expected > 0 ? count / expected : 0.0, 1) + u"× the expected (" + nEn(expected, 1)
                    + u" a month" + (december ? QStringLiteral(", already allowing for the year-end rush") : QString())
                    + u"; robust z " + nEn(z, 1) + u" > " + nEn(threshold, 1) + u").")};
}

Explanation explainDateLogic(const QString& rulePt, const QString& ruleEn, Day first, Day second)
{
    return {QString(rulePt + u" (" + formatDate(first, Language::Pt) + u" e " + formatDate(second, Language::Pt) + u")."),
            QString(ruleEn + u" (" + formatDate(first, Language::En) + u" and " + formatDate(second, Language::En) + u").")};
}

Explanation explainReleasedOverAgreed(double released, double agreed)
{
    return {QString(u"Valor liberado " + mPt(released) + u" maior que o valor do convênio " + mPt(agreed) + u"."),
            QString(u"Released amount " + mEn(released) + u" exceeds the agreement's value " + mEn(agreed) + u".")};
}

Explanation explainBenford(const QString& groupPt, const QString& groupEn, int n, double mad, double threshold,
                           double chiSquare, double pValue)
{
    return {QString(u"Os primeiros dígitos de " + QString::number(n) + u" valores (" + groupPt + u") fogem da lei de Benford: MAD "
                    + nPt(mad, 4) + u" > " + nPt(threshold, 3) + u" (Nigrini), qui-quadrado " + nPt(chiSquare, 1) + u" (p = "
                    + QString::number(pValue, 'g', 2).replace(u'.', u',') + u")."),
            QString(u"The first digits of " + QString::number(n) + u" values (" + groupEn + u") depart from Benford's law: MAD "
                    + nEn(mad, 4) + u" > " + nEn(threshold, 3) + u" (Nigrini), chi-square " + nEn(chiSquare, 1) + u" (p = "
                    + QString::number(pValue, 'g', 2) + u").")};
}

Explanation explainInvalidDocument(const QString& document, bool cnpj, int contracts)
{
    const QString kind = cnpj ? QStringLiteral("CNPJ") : QStringLiteral("CPF");
    return {QString(u"O " + kind + u" " + document + u" tem dígitos verificadores inválidos (" + QString::number(contracts)
                    + u" contrato(s))."),
            QString(u"The " + kind + u" " + document + u" has invalid check digits (" + QString::number(contracts)
                    + u" contract(s)).")};
}

Explanation explainSanctioned(const QString& supplier, const QString& registry, Day sanctionStart, Day sanctionEnd,
                              Day signedOn, double value)
{
    const QString endPt = sanctionEnd == kNoDate ? QStringLiteral("sem data final") : formatDate(sanctionEnd, Language::Pt);
    const QString endEn = sanctionEnd == kNoDate ? QStringLiteral("open-ended") : formatDate(sanctionEnd, Language::En);
    return {QString(u"Contrato de " + mPt(value) + u" assinado em " + formatDate(signedOn, Language::Pt) + u" com " + supplier
                    + u", sancionado no " + registry + u" de " + formatDate(sanctionStart, Language::Pt) + u" a " + endPt + u"."),
            QString(u"Contract of " + mEn(value) + u" signed on " + formatDate(signedOn, Language::En) + u" with " + supplier
                    + u", sanctioned in " + registry + u" from " + formatDate(sanctionStart, Language::En) + u" to " + endEn + u".")};
}

Explanation explainSingleBidder(const QString& bidding, const QString& participant, double value)
{
    return {QString(u"A licitação " + bidding + u" (" + mPt(value) + u") teve um único participante: " + participant + u"."),
            QString(u"Bidding " + bidding + u" (" + mEn(value) + u") had a single participant: " + participant + u".")};
}

Explanation explainPayOverCeiling(const QString& name, int year, int month, double netPay, double ceiling)
{
    const QString period = QStringLiteral("%1/%2").arg(month, 2, 10, QLatin1Char('0')).arg(year);
    return {QString(name + u" recebeu " + mPt(netPay) + u" líquidos em " + period + u", acima do teto de " + mPt(ceiling)
                    + u", sem abate-teto (excesso de " + mPt(netPay - ceiling) + u")."),
            QString(name + u" was paid " + mEn(netPay) + u" net in " + period + u", above the " + mEn(ceiling)
                    + u" ceiling, with no ceiling cut (excess " + mEn(netPay - ceiling) + u").")};
}

} // namespace cidadao::engine
