// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

namespace cidadao::reports {

std::optional<Format> formatFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    if (n == QLatin1String("html"))
        return Format::Html;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return Format::Markdown;
    if (n == QLatin1String("csv"))
        return Format::Csv;
    if (n == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

std::optional<Language> languageFromName(const QString& name)
{
    const QString n = name.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (n.isEmpty() || n == QLatin1String("pt") || n == QLatin1String("pt-br"))
        return Language::PtBr;
    if (n == QLatin1String("en") || n.startsWith(QLatin1String("en-")))
        return Language::En;
    return std::nullopt;
}

RenderedReport render(const protocol::InvestigationResponse& investigation, Format format, Language language)
{
    RenderedReport out;
    const QString stem = language == Language::PtBr ? QStringLiteral("investigacao-%1").arg(investigation.investigationId)
                                                    : QStringLiteral("investigation-%1").arg(investigation.investigationId);
    switch (format) {
    case Format::Pdf:
        out.bytes = pdfReport(investigation, language);
        out.contentType = "application/pdf";
        out.fileName = stem + QStringLiteral(".pdf");
        break;
    case Format::Html:
        out.bytes = htmlReport(investigation, language).toUtf8();
        out.contentType = "text/html; charset=utf-8";
        out.fileName = stem + QStringLiteral(".html");
        break;
    case Format::Markdown:
        out.bytes = markdownReport(investigation, language).toUtf8();
        out.contentType = "text/markdown; charset=utf-8";
        out.fileName = stem + QStringLiteral(".md");
        break;
    case Format::Csv:
        out.bytes = csvReport(investigation);
        out.contentType = "text/csv; charset=utf-8";
        out.fileName = stem + QStringLiteral(".csv");
        break;
    case Format::Json: {
        protocol::Json json;
        protocol::to_json(json, investigation);
        out.bytes = protocol::toBytes(json);
        out.contentType = "application/json";
        out.fileName = stem + QStringLiteral(".json");
        break;
    }
    }
    return out;
}

} // namespace cidadao::reports
