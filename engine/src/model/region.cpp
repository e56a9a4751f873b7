#include "chaingap/model/region.hpp"

#include <cctype>
#include <limits>

namespace chaingap {

RegionId RegionTable::add(const std::string& id, const std::string& name, RegionId parent, double weight) {
    if (auto it = index_.find(id); it != index_.end()) return it->second;
    RegionId r = static_cast<RegionId>(ids_.size());
    ids_.push_back(id);
    names_.push_back(name);
    parents_.push_back(parent);
    weights_.push_back(weight);
    index_.emplace(id, r);
    return r;
}

std::string RegionTable::implied_parent(const std::string& id) {
    if (id.size() != 6) return "";
    for (char c : id)
        if (!std::isdigit(static_cast<unsigned char>(c))) return "";
    if (id.compare(2, 4, "0000") == 0) return "";               // province
    if (id.compare(4, 2, "00") == 0) return id.substr(0, 2) + "0000";  // city → province
    return id.substr(0, 4) + "00";                               // county → city
}

RegionId RegionTable::add_with_implied_ancestors(const std::string& id) {
    if (auto found = find(id)) return *found;
    std::string parent_code = implied_parent(id);
    RegionId parent = parent_code.empty() ? kNone : add_with_implied_ancestors(parent_code);
    return add(id, "", parent, std::numeric_limits<double>::quiet_NaN());
}

std::optional<RegionId> RegionTable::find(std::string_view id) const {
    auto it = index_.find(std::string(id));
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

int RegionTable::depth(RegionId r) const {
    int d = 0;
    for (RegionId p = parents_[r]; p != kNone; p = parents_[p]) ++d;
    return d;
}

bool RegionTable::within(RegionId r, RegionId ancestor) const {
    for (RegionId x = r; x != kNone; x = parents_[x])
        if (x == ancestor) return true;
    return false;
}

}  // namespace chaingap
