// SPDX-License-Identifier: GPL-3.0-or-later
// What every report format says, decided once: the texts in the chosen language, and each finding's
// evidence as a table (columns chosen from what its records carry). The Markdown and HTML writers
// only lay this out.
#pragma once

#include "report.h"

#include <QList>
#include <QStringList>

namespace cidadao::reports {

struct EvidenceTable
{
    QStringList headers;
    QList<QStringList> rows;
    qint64 totalRecords = 0; // may exceed rows.size(): the report shows the first ones
};

struct FindingSection
{
    QString title;       // "1. Preço fora do padrão — alta"
    QString description;
    QString explanation;
    QStringList facts;   // "Confiança: 87%", "Detector: price_outlier", ...
    QStringList actions;
    EvidenceTable evidence;
};

struct ReportContent
{
    QString title;
    QString subtitle;        // the query
    QString summaryHeading;
    QStringList summary;     // paragraphs
    QString methodHeading;
    QStringList method;
    QString findingsHeading;
    QString noFindings;
    QList<FindingSection> findings;
    QString evidenceHeading;
    QString actionsHeading;
    QString caveatHeading;
    QString caveat;
    QString moreRecords;     // "%1 of %2 records shown" pattern with %1 %2
    QString footer;
};

ReportContent buildContent(const protocol::InvestigationResponse& investigation, Language language);

} // namespace cidadao::reports
