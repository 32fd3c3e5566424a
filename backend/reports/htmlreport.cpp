// SPDX-License-Identifier: GPL-3.0-or-later
// HTML kept to what QTextDocument renders (the PDF is this HTML laid out by QTextDocument):
// tables with border/cellpadding attributes, no CSS grid or flex.
#include "report.h"
#include "reportcontent.h"

namespace cidadao::reports {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString htmlReport(const protocol::InvestigationResponse& investigation, Language language)
{
    const ReportContent c = buildContent(investigation, language);
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>"
                          "<style>body{font-family:sans-serif;font-size:10pt} h1{font-size:16pt} h2{font-size:13pt} "
                          "h3{font-size:11pt} th{background-color:#e8e8e8;text-align:left} "
                          ".caveat{background-color:#fff4d6;padding:6px} .footer{color:#666666;font-size:8pt}"
                          "</style></head><body>\n")
               .arg(language == Language::PtBr ? QStringLiteral("pt-BR") : QStringLiteral("en"), esc(c.title));
    out += QStringLiteral("<h1>%1</h1>\n<p><b>%2</b></p>\n").arg(esc(c.title), esc(c.subtitle));
    out += QStringLiteral("<h2>%1</h2>\n").arg(esc(c.summaryHeading));
    for (const QString& paragraph : c.summary)
        out += QStringLiteral("<p>%1</p>\n").arg(esc(paragraph));
    out += QStringLiteral("<table class=\"caveat\" width=\"100%\" cellpadding=\"6\"><tr><td><b>%1:</b> %2</td></tr></table>\n")
               .arg(esc(c.caveatHeading), esc(c.caveat));
    out += QStringLiteral("<h2>%1</h2>\n").arg(esc(c.methodHeading));
    for (const QString& paragraph : c.method)
        out += QStringLiteral("<p>%1</p>\n").arg(esc(paragraph));
    out += QStringLiteral("<h2>%1</h2>\n").arg(esc(c.findingsHeading));
    if (c.findings.isEmpty())
        out += QStringLiteral("<p>%1</p>\n").arg(esc(c.noFindings));
    for (const FindingSection& f : c.findings) {
        out += QStringLiteral("<h3>%1</h3>\n").arg(esc(f.title));
        if (!f.description.isEmpty())
            out += QStringLiteral("<p>%1</p>\n").arg(esc(f.description));
        if (!f.explanation.isEmpty())
            out += QStringLiteral("<p>%1</p>\n").arg(esc(f.explanation));
        out += QStringLiteral("<ul>\n");
        for (const QString& fact : f.facts)
            out += QStringLiteral("<li>%1</li>\n").arg(esc(fact));
        out += QStringLiteral("</ul>\n");
        if (!f.evidence.headers.isEmpty() && !f.evidence.rows.isEmpty()) {
            out += QStringLiteral("<p><b>%1</b></p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n<tr>")
                       .arg(esc(c.evidenceHeading));
            for (const QString& h : f.evidence.headers)
                out += QStringLiteral("<th>%1</th>").arg(esc(h));
            out += QStringLiteral("</tr>\n");
            for (const QStringList& row : f.evidence.rows) {
                out += QStringLiteral("<tr>");
                for (const QString& value : row)
                    out += QStringLiteral("<td>%1</td>").arg(esc(value));
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</table>\n");
            if (f.evidence.totalRecords > f.evidence.rows.size())
                out += QStringLiteral("<p><i>%1</i></p>\n")
                           .arg(esc(c.moreRecords.arg(f.evidence.rows.size()).arg(f.evidence.totalRecords)));
        }
        if (!f.actions.isEmpty()) {
            out += QStringLiteral("<p><b>%1</b></p>\n<ul>\n").arg(esc(c.actionsHeading));
            for (const QString& action : f.actions)
                out += QStringLiteral("<li>%1</li>\n").arg(esc(action));
            out += QStringLiteral("</ul>\n");
        }
    }
    out += QStringLiteral("<hr><p class=\"footer\">%1</p>\n</body></html>\n").arg(esc(c.footer));
    return out;
}

} // namespace cidadao::reports
