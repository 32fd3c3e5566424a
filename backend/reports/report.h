// SPDX-License-Identifier: GPL-3.0-or-later
// Tiradentes, the reporter: an investigation's results as a document a citizen can read and check —
// summary, method, each finding with its evidence table, and the caveat that an anomaly is a lead,
// not proof of wrongdoing. Markdown, HTML and PDF (QTextDocument on QPdfWriter, so the PDF has real
// tables), plus CSV and JSON for spreadsheets and tools. pt-BR by default, English on request.
// Rendering is a pure function of its input; the PDF needs a QGuiApplication (offscreen is enough).
#pragma once

#include "protocol/investigation.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cidadao::reports {

enum class Format { Pdf, Html, Markdown, Csv, Json };
enum class Language { PtBr, En };

// "pdf" | "html" | "md" (also "markdown") | "csv" | "json"
std::optional<Format> formatFromName(const QString& name);
// "pt-BR" (also "pt", "pt_BR", empty) | "en" (also "en-US", ...)
std::optional<Language> languageFromName(const QString& name);

struct RenderedReport
{
    QByteArray bytes;
    QByteArray contentType; // e.g. "application/pdf"
    QString fileName;       // e.g. "investigacao-<id>.pdf"
};

RenderedReport render(const protocol::InvestigationResponse& investigation, Format format, Language language);

QString markdownReport(const protocol::InvestigationResponse& investigation, Language language);
QString htmlReport(const protocol::InvestigationResponse& investigation, Language language);
QByteArray pdfReport(const protocol::InvestigationResponse& investigation, Language language);
QByteArray csvReport(const protocol::InvestigationResponse& investigation);

} // namespace cidadao::reports
