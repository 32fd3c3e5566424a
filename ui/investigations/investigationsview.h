// SPDX-License-Identifier: GPL-3.0-or-later
// The investigations page: the inline error banner, the form and the list of the user's
// investigations with live progress bars on the left, the selected investigation's dashboard on
// the right. It only talks to InvestigationsService and DataLookup.
#pragma once

#include "protocol/apierror.h"

#include <QWidget>

class QListView;
class QPushButton;
class QScrollArea;

namespace cidadao::client {
class DataLookup;
class InvestigationsService;
struct ClientContext;
}

namespace cidadao::ui {

class MessageBanner;
class InvestigationDashboard;
class InvestigationForm;

class InvestigationsView : public QWidget
{
    Q_OBJECT
public:
    InvestigationsView(client::InvestigationsService* service, client::DataLookup* lookup, QWidget* parent = nullptr);
    // The page as the app composes it: its own InvestigationsService and DataLookup on the context's
    // connection, local mode taken from the profile, and a reload each time the connection (re)connects.
    explicit InvestigationsView(client::ClientContext& context, QWidget* parent = nullptr);

    void setLocalBackend(bool local);
    // Reads the list (call once signed in).
    void activate();
    // Selects and opens one investigation.
    void openInvestigation(const QString& id);

    client::InvestigationsService* service() const { return m_service; }
    MessageBanner* banner() const { return m_banner; }
    InvestigationForm* form() const { return m_form; }
    QScrollArea* formScrollArea() const { return m_formScroll; }
    QListView* list() const { return m_list; }
    InvestigationDashboard* dashboard() const { return m_dashboard; }

Q_SIGNALS:
    void loginRequested();
    void restartServerRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void fitFormPane();
    void showError(const protocol::ApiError& error);

    client::InvestigationsService* m_service;
    MessageBanner* m_banner;
    bool m_localBackend = true;
    InvestigationForm* m_form;
    QScrollArea* m_formScroll;
    QListView* m_list;
    QPushButton* m_refresh;
    InvestigationDashboard* m_dashboard;
};

} // namespace cidadao::ui
