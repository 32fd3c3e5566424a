// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"
#include "reportcontent.h"

namespace cidadao::reports {

namespace {

// Pipes and line breaks would break a Markdown table row.
QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

QString markdownReport(const protocol::InvestigationResponse& investigation, Language language)
{
    const ReportContent c = buildContent(investigation, language);
    QString out;
    out += QStringLiteral("# %1\n\n**%2**\n\n").arg(c.title, c.subtitle);
    out += QStringLiteral("## %1\n\n").arg(c.summaryHeading);
    for (const QString& paragraph : c.summary)
        out += paragraph + QStringLiteral("\n\n");
    out += QStringLiteral("> **%1:** %2\n\n").arg(c.caveatHeading, c.caveat);
    out += QStringLiteral("## %1\n\n").arg(c.methodHeading);
    for (const QString& paragraph : c.method)
        out += paragraph + QStringLiteral("\n\n");
    out += QStringLiteral("## %1\n\n").arg(c.findingsHeading);
    if (c.findings.isEmpty())
        out += c.noFindings + QStringLiteral("\n\n");
    for (const FindingSection& f : c.findings) {
        out += QStringLiteral("### %1\n\n").arg(f.title);
        if (!f.description.isEmpty())
            out += f.description + QStringLiteral("\n\n");
        if (!f.explanation.isEmpty())
            out += f.explanation + QStringLiteral("\n\n");
        for (const QString& fact : f.facts)
            out += QStringLiteral("- %1\n").arg(fact);
        out += QLatin1Char('\n');
        if (!f.evidence.headers.isEmpty() && !f.evidence.rows.isEmpty()) {
            out += QStringLiteral("**%1**\n\n").arg(c.evidenceHeading);
            QStringList header;
            QStringList rule;
            for (const QString& h : f.evidence.headers) {
                header.append(cell(h));
                rule.append(QStringLiteral("---"));
            }
            out += QStringLiteral("| %1 |\n| %2 |\n").arg(header.join(QStringLiteral(" | ")), rule.join(QStringLiteral(" | ")));
            for (const QStringList& row : f.evidence.rows) {
                QStringList cells;
                for (const QString& value : row)
                    cells.append(cell(value));
                out += QStringLiteral("| %1 |\n").arg(cells.join(QStringLiteral(" | ")));
            }
            out += QLatin1Char('\n');
            if (f.evidence.totalRecords > f.evidence.rows.size())
                out += c.moreRecords.arg(f.evidence.rows.size()).arg(f.evidence.totalRecords) + QStringLiteral("\n\n");
        }
        if (!f.actions.isEmpty()) {
            out += QStringLiteral("**%1**\n\n").arg(c.actionsHeading);
            for (const QString& action : f.actions)
                out += QStringLiteral("- %1\n").arg(action);
            out += QLatin1Char('\n');
        }
    }
    out += QStringLiteral("---\n\n*%1*\n").arg(c.footer);
    return out;
}

} // namespace cidadao::reports
