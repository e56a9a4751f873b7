// The local firms behind each link of a region: who makes up a link's local count and capacity,
// with the attachment that puts each firm there (its evidence is in AttachmentTable).
//
// Method: the rule of presence.hpp, firm by firm — an active firm of R counts once at every node
// its attachments count toward (the node, its ancestors, same_as aliases and theirs); its weight
// there is the sum of those attachments' weights and its capacity weight × size, so the firms'
// capacities add up to the link's local capacity. The firm's main attachment at the link is the
// one with the largest weight (ties: the first in attachment order, i.e. the lowest node id).
// Firms are sorted by capacity, largest first, ties by enterprise id.
// Complexity: O(A_R·T + Σ_n k_n log k_n) for A_R attachments of R's firms, T targets per
// attachment, k_n firms at node n; memory O(Σ k_n).
#pragma once
#include <optional>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct LocalFirm {
    EnterpriseId enterprise = kNone;
    double weight = 0;             // Σ weights of the firm's attachments counting toward the link
    double capacity = 0;           // weight × size (size: revenue in 万元, else 1)
    std::int32_t attachment = -1;  // its main attachment there (index into ds.attachments)
};

// Per node (indexed by NodeId): R's active firms there. With `chain`, nodes of other chains stay
// empty (a segment's firms still include those reaching it through a same_as alias).
std::vector<std::vector<LocalFirm>> local_firms_by_node(const Dataset& ds, RegionId region,
                                                        std::optional<ChainId> chain = std::nullopt);

}  // namespace chaingap
