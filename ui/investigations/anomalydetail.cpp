// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalydetail.h"

#include "dashboardcharts.h"

#include "core/models/anomalymodel.h"
#include "ui/recordcolumns.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace cidadao::ui {

namespace {

QString cellText(const protocol::Json& value)
{
    if (value.is_string())
        return value.get<QString>();
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_number())
        return QLocale().toString(value.get<double>(), 'f', 2);
    if (value.is_boolean())
        return value.get<bool>() ? AnomalyDetail::tr("yes") : AnomalyDetail::tr("no");
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

} // namespace

AnomalyDetail::AnomalyDetail(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_explanation(new QTextBrowser(this))
    , m_recordsLabel(new QLabel(this))
    , m_records(new QTableView(this))
    , m_recordsModel(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("anomalyDetail"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_explanation->setObjectName(QStringLiteral("anomalyExplanation"));
    m_explanation->setOpenExternalLinks(false);
    m_records->setObjectName(QStringLiteral("affectedRecords"));
    m_records->setModel(m_recordsModel);
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->horizontalHeader()->setStretchLastSection(true);
    m_records->verticalHeader()->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_explanation, 2);
    layout->addWidget(m_recordsLabel);
    layout->addWidget(m_records, 3);
    clear();
}

void AnomalyDetail::clear()
{
    m_anomaly.reset();
    m_heading->setText(tr("Select an anomaly to see why it was flagged."));
    m_explanation->clear();
    m_recordsLabel->clear();
    m_recordsModel->clear();
}

QString AnomalyDetail::explanationText() const
{
    return m_explanation->toPlainText();
}

QString AnomalyDetail::headingText() const
{
    return m_heading->text();
}

QString AnomalyDetail::recordsLabelText() const
{
    return m_recordsLabel->text();
}

void AnomalyDetail::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (m_anomaly)
            render();
        else
            clear();
    }
    QWidget::changeEvent(event);
}

void AnomalyDetail::showAnomaly(const protocol::AnomalyResult& anomaly)
{
    m_anomaly = anomaly;
    render();
}

void AnomalyDetail::render()
{
    client::AnomalyModel::localize(*m_anomaly, client::AnomalyModel::textLanguageFor(QLocale()));
    const protocol::AnomalyResult& anomaly = *m_anomaly;
    m_heading->setText(QStringLiteral("%1 · %2 · %3")
                           .arg(DashboardCharts::typeLabel(anomaly.type), DashboardCharts::severityLabel(anomaly.severity),
                                tr("confidence %1%").arg(QLocale().toString(anomaly.confidence * 100.0, 'f', 0))));
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(anomaly.description.toHtmlEscaped());
    // The server's description is the explanation's first sentence: show the rest only, or the same
    // sentence appears twice in a row.
    QString rest = anomaly.explanation.trimmed();
    const QString description = anomaly.description.trimmed();
    if (!description.isEmpty() && rest.startsWith(description))
        rest = rest.mid(description.size()).trimmed();
    if (!rest.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(rest.toHtmlEscaped());
    const auto detector = anomaly.metadata.find("detector");
    if (detector != anomaly.metadata.end() && detector->is_string())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Detector: %1").arg(detector->get<QString>()).toHtmlEscaped());
    if (!anomaly.suggestedActions.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Next steps").toHtmlEscaped());
        for (const QString& action : anomaly.suggestedActions)
            html += QStringLiteral("<li>%1</li>").arg(action.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_explanation->setHtml(html);

    // Columns: the union of the records' members, titled and ordered as on the Data page.
    m_recordsModel->clear();
    QStringList columns;
    if (anomaly.affectedRecords.is_array()) {
        for (const protocol::Json& record : anomaly.affectedRecords)
            if (record.is_object())
                for (auto it = record.begin(); it != record.end(); ++it)
                    if (!columns.contains(QString::fromStdString(it.key())))
                        columns << QString::fromStdString(it.key());
        std::stable_sort(columns.begin(), columns.end(), [](const QString& a, const QString& b) {
            return RecordColumns::rank(a) < RecordColumns::rank(b);
        });
        QStringList titles;
        for (const QString& column : std::as_const(columns))
            titles << RecordColumns::title(column);
        m_recordsModel->setHorizontalHeaderLabels(titles);
        for (int i = 0; i < columns.size(); ++i)
            m_recordsModel->setHeaderData(i, Qt::Horizontal, columns.at(i), Qt::ToolTipRole);
        for (const protocol::Json& record : anomaly.affectedRecords) {
            QList<QStandardItem*> row;
            for (const QString& column : std::as_const(columns)) {
                const auto it = record.is_object() ? record.find(column.toStdString()) : record.end();
                row << new QStandardItem(it != record.end() ? cellText(*it) : QString());
            }
            if (!record.is_object())
                row = {new QStandardItem(cellText(record))};
            m_recordsModel->appendRow(row);
        }
    }
    m_recordsLabel->setText(tr("Affected records: %n", nullptr, m_recordsModel->rowCount()));
    m_records->resizeColumnsToContents();
}

} // namespace cidadao::ui
