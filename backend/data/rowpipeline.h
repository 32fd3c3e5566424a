// SPDX-License-Identifier: GPL-3.0-or-later
// The import's two halves on the machine's two cores: a thread of its own reads and converts records
// (CSV split, decoding, numbers, dates, search text) into batches while the caller's thread, the one
// that owns the database connection, inserts the previous batch. A bounded queue of a few batches keeps
// memory flat whatever the file's size; rows keep the file's order.
#pragma once

#include "data/tablewriter.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace cidadao::data {

class CsvReader;

class RowPipeline
{
public:
    // Starts reading at once. reader and writer must outlive the pipeline; until it is destroyed, only
    // the pipeline's thread uses the reader and TableWriter::convert.
    RowPipeline(CsvReader& reader, TableWriter& writer, std::size_t maxErrors);
    // Stops the reading thread (a cancelled or failed import) and waits for it.
    ~RowPipeline();
    RowPipeline(const RowPipeline&) = delete;
    RowPipeline& operator=(const RowPipeline&) = delete;

    // The next batch, in file order; nullptr once the file is read. The batch stays valid until the next
    // call. Rethrows what the reading thread threw (a CsvError), after the batches read before it.
    const RowBatch* next();

private:
    static constexpr std::size_t kBatchRows = 4096;
    static constexpr std::size_t kBatchBytes = 8u << 20;
    static constexpr std::size_t kBatches = 3; // one being filled, one waiting, one being inserted

    void run();
    std::unique_ptr<RowBatch> takeFree();
    void publish(std::unique_ptr<RowBatch> batch);

    CsvReader& m_reader;
    TableWriter& m_writer;
    std::size_t m_maxErrors;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<RowBatch>> m_full;
    std::vector<std::unique_ptr<RowBatch>> m_free;
    std::unique_ptr<RowBatch> m_current; // handed to the caller by next()
    bool m_done = false;
    bool m_stop = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

} // namespace cidadao::data
