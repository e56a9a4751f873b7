// A deduplicated pool of strings addressed by 32-bit indices, for text columns whose values repeat
// across many rows (an attachment's evidence and rule, an enterprise's region_source): a row stores
// 4 bytes instead of a std::string. Index 0 is always the empty string.
//
// intern() is O(|s|) expected (hash lookup); at() is O(1). Strings live in a std::deque, whose
// elements never move, so the lookup index can hold views into them; a copy rebuilds its own index.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chaingap {

class StringPool {
public:
    StringPool();
    StringPool(const StringPool& other);
    StringPool& operator=(const StringPool& other);
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    // Index of `s`, adding it when new.
    std::uint32_t intern(std::string_view s);
    std::string_view at(std::uint32_t i) const { return strings_[i]; }
    std::size_t size() const { return strings_.size(); }  // distinct strings, "" included

private:
    void rebuild_index();
    std::deque<std::string> strings_;
    std::unordered_map<std::string_view, std::uint32_t> index_;
};

}  // namespace chaingap
