#include "chaingap/model/id_index.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include "chaingap/core/memory.hpp"

namespace chaingap {

void IdIndex::build(const std::vector<std::string>& ids) {
    std::size_t cap = 16;
    while (cap < 2 * ids.size()) cap <<= 1;
    slots_.clear();
    resize_huge(slots_, cap);  // huge pages: a 10M-id table is 768 MB of random writes
    mask_ = cap - 1;
    constexpr std::size_t kGroup = 256, kDistance = 16;  // hashes first, slots prefetched ahead
    std::size_t hashes[kGroup];
    for (std::size_t g = 0; g < ids.size(); g += kGroup) {
        const std::size_t m = std::min(kGroup, ids.size() - g);
        for (std::size_t j = 0; j < m; ++j) hashes[j] = std::hash<std::string_view>{}(ids[g + j]);
        for (std::size_t j = 0; j < std::min(m, kDistance); ++j) __builtin_prefetch(&slots_[hashes[j] & mask_], 1);
        for (std::size_t j = 0; j < m; ++j) {
            if (j + kDistance < m) __builtin_prefetch(&slots_[hashes[j + kDistance] & mask_], 1);
            const std::size_t i = g + j;
            const std::size_t h = hashes[j];
            const auto tag = static_cast<std::uint32_t>(h >> 32);
            for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
                Slot& slot = slots_[s];
                if (slot.index < 0) {
                    slot.tag = tag;
                    slot.index = static_cast<std::int32_t>(i);
                    if (ids[i].size() <= kInline) {
                        slot.length = static_cast<std::uint8_t>(ids[i].size());
                        std::memcpy(slot.key, ids[i].data(), ids[i].size());
                    } else {
                        slot.length = kInline + 1;
                    }
                    break;
                }
                if (slot.tag == tag && matches(slot, ids[i], ids)) break;  // repeat: keep the first
            }
        }
    }
}

std::int32_t IdIndex::probe(std::size_t h, std::string_view id, const std::vector<std::string>& ids) const {
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
        const Slot& slot = slots_[s];
        if (slot.index < 0) return -1;
        if (slot.tag == tag && matches(slot, id, ids)) return slot.index;
    }
}

std::optional<std::int32_t> IdIndex::find(std::string_view id, const std::vector<std::string>& ids) const {
    if (slots_.empty()) return std::nullopt;
    const std::int32_t i = probe(std::hash<std::string_view>{}(id), id, ids);
    if (i < 0) return std::nullopt;
    return i;
}

void IdIndex::find_many(const std::string_view* ids, std::size_t n, std::int32_t* out, const std::vector<std::string>& names) const {
    if (slots_.empty()) {
        std::fill(out, out + n, -1);
        return;
    }
    // Hashes first, then probes with the slot kDistance look-ups ahead already requested: enough
    // misses in flight to cover DRAM latency, few enough to stay in the line-fill buffers.
    constexpr std::size_t kGroup = 256, kDistance = 16;
    std::size_t hashes[kGroup];
    for (std::size_t g = 0; g < n; g += kGroup) {
        const std::size_t m = std::min(kGroup, n - g);
        for (std::size_t i = 0; i < m; ++i) hashes[i] = std::hash<std::string_view>{}(ids[g + i]);
        for (std::size_t i = 0; i < std::min(m, kDistance); ++i) __builtin_prefetch(&slots_[hashes[i] & mask_]);
        for (std::size_t i = 0; i < m; ++i) {
            if (i + kDistance < m) __builtin_prefetch(&slots_[hashes[i + kDistance] & mask_]);
            out[g + i] = probe(hashes[i], ids[g + i], names);
        }
    }
}

bool IdIndex::matches(const Slot& slot, std::string_view id, const std::vector<std::string>& ids) {
    if (slot.length <= kInline) {
        if (id.size() != slot.length) return false;
        const std::size_t n = id.size();
        if (n >= 8) {  // two overlapping 8-byte words instead of a memcmp call
            std::uint64_t a, b, c, d;
            std::memcpy(&a, slot.key, 8);
            std::memcpy(&b, id.data(), 8);
            std::memcpy(&c, slot.key + n - 8, 8);
            std::memcpy(&d, id.data() + n - 8, 8);
            return a == b && c == d;
        }
        for (std::size_t i = 0; i < n; ++i)
            if (slot.key[i] != id[i]) return false;
        return true;
    }
    return id.size() > kInline && ids[slot.index] == id;
}

}  // namespace chaingap
