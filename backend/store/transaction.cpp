// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/transaction.h"

#include "store/database.h"

#include <QtGlobal>

#include <sqlite3.h>

namespace cidadao::store {

namespace {
// One fixed name is enough: savepoints nest like a stack and ROLLBACK TO / RELEASE act on the innermost one.
constexpr std::string_view kSavepoint = "cidadao_nested";
} // namespace

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_nested(db.inTransaction())
{
    if (m_nested)
        m_db.exec(std::string("SAVEPOINT ") + std::string(kSavepoint));
    else
        m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_finished)
        return;
    try {
        rollback();
    } catch (const std::exception& e) {
        // A destructor must not throw; SQLite rolls back by itself when a rollback fails on I/O.
        qWarning("cidadao.store: rollback failed: %s", e.what());
    }
}

void Transaction::commit()
{
    if (m_finished)
        throw StoreError("commit() on a finished Transaction", SQLITE_MISUSE);
    if (m_nested)
        m_db.exec(std::string("RELEASE ") + std::string(kSavepoint));
    else
        m_db.exec("COMMIT");
    m_finished = true;
}

void Transaction::rollback()
{
    if (m_finished)
        return;
    m_finished = true;
    // SQLite may have rolled the whole transaction back already: an interrupted statement (a cancelled
    // CREATE INDEX), a full disk or an I/O error end it by themselves.
    if (!m_db.inTransaction())
        return;
    if (m_nested) {
        m_db.exec(std::string("ROLLBACK TO ") + std::string(kSavepoint) + "; RELEASE " + std::string(kSavepoint));
    } else {
        m_db.exec("ROLLBACK");
    }
}

} // namespace cidadao::store
