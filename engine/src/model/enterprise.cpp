#include "chaingap/model/enterprise.hpp"

#include <cmath>

namespace chaingap {

std::optional<int> label_bit(std::string_view name) {
    for (std::size_t i = 0; i < kLabelNames.size(); ++i)
        if (kLabelNames[i] == name) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<RelationType> relation_type(std::string_view name) {
    for (std::size_t i = 0; i < kRelationTypeNames.size(); ++i)
        if (kRelationTypeNames[i] == name) return static_cast<RelationType>(i);
    return std::nullopt;
}

bool EnterpriseTable::has_revenue(EnterpriseId e) const { return !std::isnan(revenue[e]); }

void EnterpriseTable::push(std::string id_, std::string name_, RegionId region_, double revenue_,
                           double employees_, int founded_, std::uint32_t labels_, bool aggregate_) {
    id.push_back(std::move(id_));
    name.push_back(std::move(name_));
    region.push_back(region_);
    revenue.push_back(revenue_);
    employees.push_back(employees_);
    founded.push_back(founded_);
    labels.push_back(labels_);
    aggregate.push_back(aggregate_ ? 1 : 0);
}

}  // namespace chaingap
