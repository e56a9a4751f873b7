// Regions and their containment tree. Without regions.csv, 6-digit GB/T 2260 codes nest by prefix
// (county PPCCDD ⊂ city PPCC00 ⊂ province PP0000); any other id is a top-level region.
#pragma once
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chaingap/model/ids.hpp"

namespace chaingap {

class RegionTable {
public:
    // Adds a region (or returns the existing one). Parent must already exist or be kNone.
    RegionId add(const std::string& id, const std::string& name, RegionId parent, double weight);
    // Adds `id` and, for a 6-digit GB/T 2260 code, its implied city and province.
    RegionId add_with_implied_ancestors(const std::string& id);

    std::optional<RegionId> find(std::string_view id) const;
    std::size_t size() const { return ids_.size(); }
    const std::string& id(RegionId r) const { return ids_[r]; }
    const std::string& name(RegionId r) const { return names_[r]; }
    // "重庆市 (500000)", or the id alone when the region has no name.
    std::string label(RegionId r) const { return names_[r].empty() ? ids_[r] : names_[r] + " (" + ids_[r] + ")"; }
    RegionId parent(RegionId r) const { return parents_[r]; }
    double weight(RegionId r) const { return weights_[r]; }  // NaN when not given
    bool has_weight(RegionId r) const { return !std::isnan(weights_[r]); }
    int depth(RegionId r) const;
    // True when `r` is `ancestor` or lies inside it.
    bool within(RegionId r, RegionId ancestor) const;
    void set_name(RegionId r, const std::string& name) { names_[r] = name; }
    void set_parent(RegionId r, RegionId parent) { parents_[r] = parent; }
    void set_weight(RegionId r, double w) { weights_[r] = w; }

    // The implied parent code of a 6-digit GB/T 2260 code, or "" for a top-level id.
    static std::string implied_parent(const std::string& id);

private:
    std::vector<std::string> ids_;
    std::vector<std::string> names_;
    std::vector<RegionId> parents_;
    std::vector<double> weights_;
    std::unordered_map<std::string, RegionId> index_;
};

}  // namespace chaingap
