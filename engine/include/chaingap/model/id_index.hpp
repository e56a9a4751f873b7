// Lookup of dense ids by their string id, for millions of ids: open addressing with linear probing
// over a flat array of (hash tag, index) slots, at most half full. A lookup is one probe sequence in
// one array plus one string compare, instead of a node-based map's chain of pointers (loading 1M
// enterprises and 15M references made std::unordered_map's find half the load time).
// Build O(n), lookup O(1) expected. The ids themselves stay in the caller's vector.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chaingap {

class IdIndex {
public:
    // Indexes ids[0..n); when an id repeats, the first index wins (callers report duplicates).
    void build(const std::vector<std::string>& ids);
    std::optional<std::int32_t> find(std::string_view id, const std::vector<std::string>& ids) const;
    // Looks up ids[0..n) at once, out[i] = index or -1: every id is hashed and its slot prefetched
    // before the first probe, so the cache misses of a table far larger than cache overlap instead of
    // queueing one after another (the loader resolves millions of relation ends this way).
    void find_many(const std::string_view* ids, std::size_t n, std::int32_t* out, const std::vector<std::string>& names) const;

private:
    // Ids up to kInline bytes are kept in the slot itself, so a lookup touches one cache line
    // instead of also fetching ids[index] (half the misses when the table is far larger than cache).
    static constexpr std::size_t kInline = 15;
    struct Slot {
        std::uint32_t tag = 0;     // upper hash bits, to skip most string compares
        std::int32_t index = -1;   // -1: empty
        std::uint8_t length = 0;   // inline length, or kInline + 1 when the id is longer
        char key[kInline] = {};
    };
    static bool matches(const Slot& slot, std::string_view id, const std::vector<std::string>& ids);
    std::int32_t probe(std::size_t h, std::string_view id, const std::vector<std::string>& ids) const;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

}  // namespace chaingap
