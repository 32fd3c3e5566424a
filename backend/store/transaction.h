// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cidadao::store {

class Database;

// RAII transaction: rolls back in the destructor unless commit() succeeded, so an exception anywhere in between
// leaves the database as it was. The outermost Transaction is BEGIN IMMEDIATE (takes the write lock at once, so
// it never fails half-way with SQLITE_BUSY on upgrade); a Transaction opened while another is active becomes a
// SAVEPOINT, so functions that need atomicity can open one whether or not their caller already did.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();   // throws StoreError; the destructor then rolls back
    void rollback(); // explicit early rollback; no-op after commit() or rollback()

private:
    Database& m_db;
    bool m_nested;
    bool m_finished = false;
};

} // namespace cidadao::store
