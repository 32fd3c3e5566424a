// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationform.h"

#include "dashboardcharts.h"

#include "core/services/datalookup.h"
#include "protocol/vocabulary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>

#include <algorithm>

namespace cidadao::ui {

using client::DataLookup;

namespace {

QCompleter* makeCompleter(QStringListModel* model, QLineEdit* edit)
{
    auto* completer = new QCompleter(model, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    edit->setCompleter(completer);
    return completer;
}

} // namespace

InvestigationForm::InvestigationForm(DataLookup* lookup, QWidget* parent)
    : QWidget(parent)
    , m_lookup(lookup)
    , m_queryLabel(new QLabel(this))
    , m_query(new QLineEdit(this))
    , m_sourceLabel(new QLabel(this))
    , m_source(new QComboBox(this))
    , m_period(new QCheckBox(this))
    , m_start(new QDateEdit(this))
    , m_end(new QDateEdit(this))
    , m_organizationLabel(new QLabel(this))
    , m_organization(new QLineEdit(this))
    , m_organizationNames(new QStringListModel(this))
    , m_organizationCompleter(makeCompleter(m_organizationNames, m_organization))
    , m_vendorLabel(new QLabel(this))
    , m_vendor(new QLineEdit(this))
    , m_vendorNames(new QStringListModel(this))
    , m_vendorCompleter(makeCompleter(m_vendorNames, m_vendor))
    , m_valueLabel(new QLabel(this))
    , m_minValue(new QDoubleSpinBox(this))
    , m_maxValue(new QDoubleSpinBox(this))
    , m_ufLabel(new QLabel(this))
    , m_uf(new QComboBox(this))
    , m_typesLabel(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_startButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("investigationForm"));
    m_query->setObjectName(QStringLiteral("queryEdit"));
    m_query->setMaxLength(protocol::InvestigationQueryMaxLength);
    m_source->setObjectName(QStringLiteral("sourceBox"));
    for (const char* source : protocol::DataSource::All)
        m_source->addItem(QString(), QLatin1String(source));
    m_period->setObjectName(QStringLiteral("periodBox"));
    for (QDateEdit* edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        edit->setEnabled(false);
    }
    m_start->setObjectName(QStringLiteral("startDate"));
    m_end->setObjectName(QStringLiteral("endDate"));
    const QDate today = QDate::currentDate();
    m_start->setDate(QDate(today.year() - 1, 1, 1));
    m_end->setDate(today);
    m_organization->setObjectName(QStringLiteral("organizationEdit"));
    m_vendor->setObjectName(QStringLiteral("vendorEdit"));
    for (QDoubleSpinBox* box : {m_minValue, m_maxValue}) {
        box->setRange(0, 1e12);
        box->setDecimals(2);
        box->setGroupSeparatorShown(true);
        box->setPrefix(QStringLiteral("R$ "));
    }
    m_uf->setObjectName(QStringLiteral("ufBox"));
    m_uf->addItem(QString(), QString());
    for (const char* uf : protocol::Uf::All)
        m_uf->addItem(QLatin1String(uf), QLatin1String(uf));
    auto* types = new QWidget(this);
    auto* typesLayout = new QGridLayout(types);
    typesLayout->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (const char* type : protocol::AnomalyType::All) {
        auto* box = new QCheckBox(types);
        box->setObjectName(QStringLiteral("type_%1").arg(QLatin1String(type)));
        box->setProperty("anomalyType", QLatin1String(type));
        box->setChecked(std::find_if(protocol::AnomalyType::Default.begin(), protocol::AnomalyType::Default.end(),
                                     [type](const char* d) { return qstrcmp(d, type) == 0; })
                        != protocol::AnomalyType::Default.end());
        // Two columns: three did not fit the left pane at the default window size in pt-BR and fr.
        typesLayout->addWidget(box, i / 2, i % 2);
        m_types << box;
        ++i;
    }
    m_problem->setObjectName(QStringLiteral("formProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_startButton->setObjectName(QStringLiteral("startInvestigation"));

    auto* period = new QHBoxLayout;
    period->addWidget(m_period);
    period->addWidget(m_start);
    period->addWidget(m_end);
    auto* values = new QHBoxLayout;
    values->addWidget(m_minValue);
    values->addWidget(m_maxValue);
    auto* form = new QFormLayout(this);
    // In a narrow pane a field goes under its label instead of being cut off at the right.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(m_queryLabel, m_query);
    form->addRow(m_sourceLabel, m_source);
    form->addRow(period);
    form->addRow(m_organizationLabel, m_organization);
    form->addRow(m_vendorLabel, m_vendor);
    form->addRow(m_valueLabel, values);
    form->addRow(m_ufLabel, m_uf);
    form->addRow(m_typesLabel, types);
    form->addRow(m_problem);
    form->addRow(m_startButton);

    connect(m_period, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
    connect(m_period, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    connect(m_organization, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_lookup)
            m_lookup->complete(DataLookup::Field::Organization, text, m_source->currentData().toString());
    });
    connect(m_vendor, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_lookup)
            m_lookup->complete(DataLookup::Field::Supplier, text, m_source->currentData().toString());
    });
    if (m_lookup) {
        connect(m_lookup, &DataLookup::completionsReady, this,
                [this](DataLookup::Field field, const QString&, const QStringList& names) {
                    QLineEdit* edit = field == DataLookup::Field::Organization ? m_organization : m_vendor;
                    QStringListModel* model =
                        field == DataLookup::Field::Organization ? m_organizationNames : m_vendorNames;
                    model->setStringList(names);
                    if (edit->hasFocus() && !names.isEmpty())
                        edit->completer()->complete();
                });
    }
    connect(m_query, &QLineEdit::returnPressed, m_startButton, &QPushButton::click);
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (const auto built = request())
            Q_EMIT startRequested(*built);
    });
    retranslate();
}

QCheckBox* InvestigationForm::typeBox(const QString& type) const
{
    for (QCheckBox* box : m_types)
        if (box->property("anomalyType").toString() == type)
            return box;
    return nullptr;
}

QString InvestigationForm::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void InvestigationForm::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

std::optional<protocol::InvestigationRequest> InvestigationForm::request()
{
    protocol::InvestigationRequest request;
    request.query = m_query->text().trimmed();
    if (request.query.isEmpty()) {
        showProblem(tr("Write what you want to investigate."));
        m_query->setFocus();
        return std::nullopt;
    }
    request.dataSource = m_source->currentData().toString();
    request.anomalyTypes.clear();
    for (QCheckBox* box : m_types)
        if (box->isChecked())
            request.anomalyTypes << box->property("anomalyType").toString();
    if (request.anomalyTypes.isEmpty()) {
        showProblem(tr("Choose at least one kind of anomaly."));
        return std::nullopt;
    }
    if (m_period->isChecked()) {
        if (m_start->date() > m_end->date()) {
            showProblem(tr("The period starts after it ends."));
            return std::nullopt;
        }
        request.filters.startDate = m_start->date();
        request.filters.endDate = m_end->date();
    }
    if (!m_organization->text().trimmed().isEmpty())
        request.filters.organization = m_organization->text().trimmed();
    if (!m_vendor->text().trimmed().isEmpty())
        request.filters.vendor = m_vendor->text().trimmed();
    if (m_minValue->value() > 0)
        request.filters.minValue = m_minValue->value();
    if (m_maxValue->value() > 0)
        request.filters.maxValue = m_maxValue->value();
    if (request.filters.minValue && request.filters.maxValue && *request.filters.minValue > *request.filters.maxValue) {
        showProblem(tr("The minimum value is above the maximum."));
        return std::nullopt;
    }
    if (!m_uf->currentData().toString().isEmpty())
        request.filters.uf = m_uf->currentData().toString();
    showProblem({});
    return request;
}

void InvestigationForm::setRequest(const protocol::InvestigationRequest& request)
{
    m_query->setText(request.query);
    m_source->setCurrentIndex(qMax(0, m_source->findData(request.dataSource)));
    m_period->setChecked(request.filters.startDate || request.filters.endDate);
    if (request.filters.startDate)
        m_start->setDate(*request.filters.startDate);
    if (request.filters.endDate)
        m_end->setDate(*request.filters.endDate);
    m_organization->setText(request.filters.organization.value_or(QString()));
    m_vendor->setText(request.filters.vendor.value_or(QString()));
    m_minValue->setValue(request.filters.minValue.value_or(0.0));
    m_maxValue->setValue(request.filters.maxValue.value_or(0.0));
    m_uf->setCurrentIndex(qMax(0, m_uf->findData(request.filters.uf.value_or(QString()))));
    for (QCheckBox* box : std::as_const(m_types))
        box->setChecked(request.anomalyTypes.contains(box->property("anomalyType").toString()));
}

void InvestigationForm::retranslate()
{
    m_queryLabel->setText(tr("Question"));
    m_query->setPlaceholderText(tr("e.g. contracts of the Ministry of Health with unusual prices"));
    m_sourceLabel->setText(tr("Data source"));
    const QStringList sources = {tr("Contracts"), tr("Expenses"), tr("Agreements"), tr("Biddings"), tr("Public servants")};
    for (int i = 0; i < m_source->count() && i < sources.size(); ++i)
        m_source->setItemText(i, sources.at(i));
    m_period->setText(tr("Period"));
    m_start->setToolTip(tr("From"));
    m_end->setToolTip(tr("To"));
    m_organizationLabel->setText(tr("Órgão"));
    m_organization->setPlaceholderText(tr("Start typing: names come from your imported data"));
    m_vendorLabel->setText(tr("Supplier"));
    m_vendor->setPlaceholderText(tr("Name or CNPJ"));
    m_valueLabel->setText(tr("Value from / to"));
    m_minValue->setSpecialValueText(tr("any"));
    m_maxValue->setSpecialValueText(tr("any"));
    m_ufLabel->setText(tr("State"));
    m_uf->setItemText(0, tr("Any state"));
    m_typesLabel->setText(tr("Look for"));
    for (QCheckBox* box : std::as_const(m_types))
        box->setText(DashboardCharts::typeLabel(box->property("anomalyType").toString()));
    m_startButton->setText(tr("Start investigation"));
}

void InvestigationForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
