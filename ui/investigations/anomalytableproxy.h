// SPDX-License-Identifier: GPL-3.0-or-later
// The anomalies table as the user reads it: AnomalyFilterProxy's filtering (sorting is done by the
// AnomalyModel underneath, which sort() is forwarded to), with the API's words (price, high) shown
// translated and confidence shown as a percentage.
#pragma once

#include "core/models/anomalymodel.h"

namespace cidadao::ui {

class AnomalyTableProxy : public client::AnomalyFilterProxy
{
    Q_OBJECT
public:
    using client::AnomalyFilterProxy::AnomalyFilterProxy;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

} // namespace cidadao::ui
