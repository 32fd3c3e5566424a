// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/rowpipeline.h"

#include "data/csvreader.h"

namespace cidadao::data {

RowPipeline::RowPipeline(CsvReader& reader, TableWriter& writer, std::size_t maxErrors)
    : m_reader(reader)
    , m_writer(writer)
    , m_maxErrors(maxErrors)
{
    for (std::size_t i = 0; i < kBatches; ++i)
        m_free.push_back(std::make_unique<RowBatch>());
    m_thread = std::thread([this] { run(); });
}

RowPipeline::~RowPipeline()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

std::unique_ptr<RowBatch> RowPipeline::takeFree()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
    if (m_stop)
        return nullptr;
    std::unique_ptr<RowBatch> batch = std::move(m_free.back());
    m_free.pop_back();
    batch->clear();
    return batch;
}

void RowPipeline::publish(std::unique_ptr<RowBatch> batch)
{
    {
        const std::lock_guard lock(m_mutex);
        m_full.push_back(std::move(batch));
    }
    m_changed.notify_all();
}

void RowPipeline::run()
{
    try {
        std::unique_ptr<RowBatch> batch = takeFree();
        RowError error;
        while (batch && m_reader.next()) {
            ++batch->rowsRead;
            if (!m_writer.convert(m_reader, *batch, error)) {
                ++batch->rowsRejected;
                if (batch->errors.size() < m_maxErrors)
                    batch->errors.push_back(error);
            }
            if (batch->rowsRead >= qint64(kBatchRows) || batch->arena.size() >= kBatchBytes) {
                batch->bytesConsumed = m_reader.bytesConsumed();
                publish(std::move(batch));
                batch = takeFree();
            }
        }
        if (batch) {
            batch->bytesConsumed = m_reader.bytesConsumed();
            publish(std::move(batch));
        }
    } catch (...) {
        const std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
    }
    {
        const std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_changed.notify_all();
}

const RowBatch* RowPipeline::next()
{
    std::unique_lock lock(m_mutex);
    if (m_current) {
        m_free.push_back(std::move(m_current));
        m_changed.notify_all();
    }
    m_changed.wait(lock, [this] { return !m_full.empty() || m_done; });
    if (!m_full.empty()) {
        m_current = std::move(m_full.front());
        m_full.pop_front();
        return m_current.get();
    }
    if (m_error)
        std::rethrow_exception(m_error);
    return nullptr;
}

} // namespace cidadao::data
