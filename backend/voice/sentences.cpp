// SPDX-License-Identifier: GPL-3.0-or-later
#include "sentences.h"

namespace cidadao::voice {

namespace {

bool endsSentence(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QLatin1Char(';')
           || c == QLatin1Char(':') || c == QChar(0x2026);
}

} // namespace

QStringList splitSentences(const QString& text)
{
    QStringList out;
    qsizetype start = 0;
    const auto cut = [&](qsizetype end) {
        const QString sentence = text.mid(start, end - start).trimmed();
        if (!sentence.isEmpty())
            out.append(sentence);
        start = end;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            cut(i + 1);
        } else if (endsSentence(c) && (i + 1 == text.size() || text.at(i + 1).isSpace())) {
            cut(i + 1);
        }
    }
    cut(text.size());
    return out;
}

} // namespace cidadao::voice
