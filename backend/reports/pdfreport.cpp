// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF is the HTML report laid out by QTextDocument on a QPdfWriter: real text (searchable,
// copyable) and real tables, A4 with margins. Needs a QGuiApplication for fonts.
#include "report.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <stdexcept>

namespace cidadao::reports {

QByteArray pdfReport(const protocol::InvestigationResponse& investigation, Language language)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        throw std::runtime_error("PDF reports need a QGuiApplication");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(investigation.query);
        writer.setCreator(QStringLiteral("Cidadão.AI — Tiradentes"));
        QTextDocument document;
        document.setHtml(htmlReport(investigation, language));
        document.print(&writer);
    }
    buffer.close();
    return bytes;
}

} // namespace cidadao::reports
