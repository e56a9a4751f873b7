#include "chaingap/model/enterprise.hpp"

#include <cmath>
#include <type_traits>

#include "chaingap/core/error.hpp"
#include "chaingap/core/memory.hpp"

namespace chaingap {

std::optional<int> label_bit(std::string_view name) {
    for (std::size_t i = 0; i < kLabelNames.size(); ++i)
        if (kLabelNames[i] == name) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<EnterpriseStatus> enterprise_status(std::string_view name) {
    for (std::size_t i = 0; i < kEnterpriseStatusNames.size(); ++i)
        if (kEnterpriseStatusNames[i] == name) return static_cast<EnterpriseStatus>(i);
    return std::nullopt;
}

std::optional<AttachmentBasis> attachment_basis(std::string_view name) {
    if (name.empty()) return std::nullopt;
    for (std::size_t i = 1; i < kAttachmentBasisNames.size(); ++i)
        if (kAttachmentBasisNames[i] == name) return static_cast<AttachmentBasis>(i);
    return std::nullopt;
}

std::optional<RelationType> relation_type(std::string_view name) {
    for (std::size_t i = 0; i < kRelationTypeNames.size(); ++i)
        if (kRelationTypeNames[i] == name) return static_cast<RelationType>(i);
    return std::nullopt;
}

bool EnterpriseTable::has_revenue(EnterpriseId e) const { return !std::isnan(revenue[e]); }

void EnterpriseTable::push(std::string id_, std::string name_, RegionId region_, double revenue_,
                           double employees_, int founded_, std::uint32_t labels_, bool aggregate_,
                           EnterpriseStatus status_, int until_, std::string_view region_source_) {
    id.push_back(std::move(id_));
    name.push_back(std::move(name_));
    region.push_back(region_);
    revenue.push_back(revenue_);
    employees.push_back(employees_);
    founded.push_back(founded_);
    labels.push_back(labels_);
    aggregate.push_back(aggregate_ ? 1 : 0);
    status.push_back(status_);
    until.push_back(until_);
    region_source.push_back(region_source_.empty() ? 0 : region_sources.intern(region_source_));  // 0 is ""
}

std::uint32_t AttachmentTable::add_evidence(std::string_view evidence_text, std::string_view rule_text,
                                            AttachmentBasis basis_) {
    if (evidence_text.empty() && rule_text.empty() && basis_ == AttachmentBasis::none) return 0;
    const AttachmentEvidence r{texts.intern(evidence_text), texts.intern(rule_text), basis_};
    auto [it, fresh] = record_index_.emplace(r, static_cast<std::uint32_t>(records.size()));
    if (fresh) records.push_back(r);
    return it->second;
}

void AttachmentTable::push(EnterpriseId e, NodeId n, double w, std::uint32_t evidence_record) {
    // evidence_of stays empty until the first attachment with evidence, then is kept aligned.
    const bool in_use = evidence_record != 0 || (!enterprise.empty() && evidence_of.size() == enterprise.size());
    if (in_use && evidence_of.size() < enterprise.size()) evidence_of.resize(enterprise.size(), 0);
    enterprise.push_back(e);
    node.push_back(n);
    weight.push_back(w);
    if (in_use) evidence_of.push_back(evidence_record);
}

void AttachmentTable::permute(const std::vector<std::size_t>& order) {
    if (order.size() != size()) throw UsageError("AttachmentTable::permute: the order is not one of the rows");
    if (!evidence_of.empty() && evidence_of.size() != size())
        throw UsageError("attachment evidence column is not aligned with the attachments");
    auto apply = [&](auto& column) {
        if (column.empty()) return;  // evidence_of: no evidence at all
        std::remove_reference_t<decltype(column)> sorted;
        resize_huge(sorted, order.size());
        for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = column[order[i]];
        column = std::move(sorted);
    };
    apply(enterprise);
    apply(node);
    apply(weight);
    apply(evidence_of);
}

}  // namespace chaingap
