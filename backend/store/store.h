// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything of the store in one include.
#include "store/database.h"
#include "store/migrations.h"
#include "store/readerpool.h"
#include "store/settings.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"
#include "store/writer.h"
