// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-run: the engine scored on the synthetic generator's labelled data (the data area's
// runEvaluateCommand: generate → import → load → detect → score). Same arguments as
// `cidadao-server evaluate`: --seed N --records N [--json] [--keep DIR].
#include "data/evaluate.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    args.removeFirst();
    return cidadao::data::runEvaluateCommand(args);
}
