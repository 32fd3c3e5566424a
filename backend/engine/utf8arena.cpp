// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/utf8arena.h"

#include <algorithm>
#include <cstring>

namespace cidadao::engine {

namespace {
// 4 MiB: large enough that the block list stays short (a few hundred blocks for a million contracts),
// small enough that the last, partly used block wastes little.
constexpr std::size_t kBlockSize = std::size_t(4) << 20;

std::size_t varintSize(std::size_t n)
{
    std::size_t bytes = 1;
    while (n >= 0x80) {
        n >>= 7;
        ++bytes;
    }
    return bytes;
}
} // namespace

Utf8Arena::Utf8Arena(const Utf8Arena& other)
{
    *this = other;
}

Utf8Arena& Utf8Arena::operator=(const Utf8Arena& other)
{
    if (this == &other)
        return *this;
    m_blocks.clear();
    m_blocks.reserve(other.m_blocks.size());
    for (const Block& b : other.m_blocks) {
        Block copy;
        copy.capacity = b.capacity;
        copy.size = b.size;
        copy.data.reset(new char[b.capacity]);
        std::memcpy(copy.data.get(), b.data.get(), b.size);
        m_blocks.push_back(std::move(copy));
    }
    return *this;
}

Utf8Arena::Ref Utf8Arena::append(std::string_view bytes)
{
    const std::size_t need = varintSize(bytes.size()) + bytes.size();
    if (m_blocks.empty() || m_blocks.back().capacity - m_blocks.back().size < need) {
        Block b;
        b.capacity = std::max(kBlockSize, need);   // an oversized text gets a block of its own
        b.data.reset(new char[b.capacity]);
        m_blocks.push_back(std::move(b));
    }
    Block& block = m_blocks.back();
    const Ref ref = (Ref(m_blocks.size() - 1) << 32) | Ref(block.size);
    char* p = block.data.get() + block.size;
    std::size_t n = bytes.size();
    while (n >= 0x80) {
        *p++ = char(0x80 | (n & 0x7F));
        n >>= 7;
    }
    *p++ = char(n);
    if (!bytes.empty())
        std::memcpy(p, bytes.data(), bytes.size());
    block.size += need;
    return ref;
}

std::size_t Utf8Arena::capacityBytes() const
{
    std::size_t total = m_blocks.capacity() * sizeof(Block);
    for (const Block& b : m_blocks)
        total += b.capacity;
    return total;
}

bool isValidUtf8(std::string_view bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        // Eight ASCII bytes at a time: the loader checks every text cell it interns, and most are ASCII.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t code = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code = c & 0x07;
            minimum = 0x10000;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

void TextColumn::push_back(QStringView text)
{
    if (text.isEmpty()) {
        m_refs.push_back(kEmpty);
        return;
    }
    const QByteArray bytes = text.toUtf8();
    m_refs.push_back(m_arena.append(std::string_view(bytes.constData(), std::size_t(bytes.size()))));
}

void TextColumn::pushUtf8(std::string_view bytes)
{
    if (bytes.empty()) {
        m_refs.push_back(kEmpty);
        return;
    }
    if (!isValidUtf8(bytes)) {
        // Stored as it reads back, so the bytes a detector scans and the text shown agree.
        push_back(QString::fromUtf8(bytes.data(), qsizetype(bytes.size())));
        return;
    }
    m_refs.push_back(m_arena.append(bytes));
}

} // namespace cidadao::engine
