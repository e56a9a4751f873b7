#include "chaingap/model/id_index.hpp"

#include <functional>

namespace chaingap {

void IdIndex::build(const std::vector<std::string>& ids) {
    std::size_t cap = 16;
    while (cap < 2 * ids.size()) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::size_t h = std::hash<std::string_view>{}(ids[i]);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            if (slots_[s].index < 0) {
                slots_[s] = {tag, static_cast<std::int32_t>(i)};
                break;
            }
            if (slots_[s].tag == tag && ids[slots_[s].index] == ids[i]) break;  // repeat: keep the first
        }
    }
}

std::optional<std::int32_t> IdIndex::find(std::string_view id, const std::vector<std::string>& ids) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t h = std::hash<std::string_view>{}(id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
        const Slot& slot = slots_[s];
        if (slot.index < 0) return std::nullopt;
        if (slot.tag == tag && ids[slot.index] == id) return slot.index;
    }
}

}  // namespace chaingap
