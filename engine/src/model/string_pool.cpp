#include "chaingap/model/string_pool.hpp"

#include <limits>
#include <stdexcept>

namespace chaingap {

StringPool::StringPool() {
    strings_.emplace_back();
    rebuild_index();
}

StringPool::StringPool(const StringPool& other) : strings_(other.strings_) { rebuild_index(); }

StringPool& StringPool::operator=(const StringPool& other) {
    if (this != &other) {
        strings_ = other.strings_;
        rebuild_index();
    }
    return *this;
}

void StringPool::rebuild_index() {
    index_.clear();
    index_.reserve(strings_.size());
    for (std::size_t i = 0; i < strings_.size(); ++i) index_.emplace(strings_[i], static_cast<std::uint32_t>(i));
}

std::uint32_t StringPool::intern(std::string_view s) {
    if (auto it = index_.find(s); it != index_.end()) return it->second;
    if (strings_.size() >= std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("string pool: more than 2^32 - 1 distinct strings");
    const auto i = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(s);
    index_.emplace(strings_.back(), i);
    return i;
}

}  // namespace chaingap
