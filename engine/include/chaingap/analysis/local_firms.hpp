// The local firms behind each link of a region: who makes up a link's local count and capacity,
// with the attachment that puts each firm there (its evidence is in AttachmentTable).
//
// Method: the rule of presence.hpp, firm by firm — an active firm of R counts once at every node
// its attachments count toward (the node, its ancestors, same_as aliases and theirs); its weight
// there is the sum of those attachments' weights and its capacity weight × size, so the firms'
// capacities add up to the link's local capacity. The firm's main attachment at the link is the
// one with the largest weight (ties: the first in attachment order, i.e. the lowest node id).
// Firms are sorted by capacity, largest first, ties by enterprise id.
// R's firms come from the analysis cache's region -> firms index (analysis/cache.hpp).
// Complexity: O(E_R + A_R·T + N + Σ_n k_n log k_n) for E_R firms of R with A_R attachments, T targets
// per attachment, k_n firms at node n; memory O(N + Σ k_n).
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

class AnalysisCache;

struct LocalFirm {
    EnterpriseId enterprise = kNone;
    double weight = 0;             // Σ weights of the firm's attachments counting toward the link
    double capacity = 0;           // weight × size (size: revenue in 万元, else 1)
    std::int32_t attachment = -1;  // its main attachment there (index into ds.attachments)
    // A what-if branch (rank/whatif.hpp): a copy of `enterprise` placed in this region, id
    // "ENTERPRISE@REGION", with the same attachments; kNone for a firm of the dataset.
    RegionId branch_in = kNone;
};
// A link's local firms in a report: a sorted list shared, read-only, with the analysis cache (or
// another report: what-if's two reports share every list the branches do not touch), copied only
// when edited. Reads like a const std::vector<LocalFirm>.
class FirmList {
public:
    using List = std::vector<LocalFirm>;
    FirmList() = default;
    explicit FirmList(std::shared_ptr<const List> list) : list_(std::move(list)) {}
    explicit FirmList(List list) : list_(std::make_shared<List>(std::move(list))), own_(true) {}
    const List& list() const { return list_ ? *list_ : empty_list(); }
    operator const List&() const { return list(); }  // NOLINT: reads as the vector it holds
    std::size_t size() const { return list().size(); }
    bool empty() const { return list().empty(); }
    const LocalFirm& operator[](std::size_t i) const { return list()[i]; }
    const LocalFirm& front() const { return list().front(); }
    List::const_iterator begin() const { return list().begin(); }
    List::const_iterator end() const { return list().end(); }
    // The list to change: a copy of its own first when it is shared. O(k) then, O(1) after.
    List& edit();

private:
    static const List& empty_list();
    std::shared_ptr<const List> list_;
    bool own_ = false;  // list_ was made here as a non-const List (so edit() may change it in place)
};

// The id a report shows for f: the enterprise id, or "ID@REGION" for a what-if branch.
std::string local_firm_id(const Dataset& ds, const LocalFirm& f);
// Its region: the enterprise's, or the branch's.
inline RegionId local_firm_region(const Dataset& ds, const LocalFirm& f) {
    return f.branch_in == kNone ? ds.enterprises.region[f.enterprise] : f.branch_in;
}
// The order of local_firms_by_node: capacity, largest first, ties by the id a report shows.
void sort_local_firms(const Dataset& ds, std::vector<LocalFirm>& firms);
// The same for firms without branches, ties by `id_order` (AnalysisCache::id_order: the rank of each
// id in id order, so the order is the one above). O(k log k) on 16-byte keys plus one permutation.
void sort_local_firms_by_rank(const std::vector<std::int32_t>& id_order, std::vector<LocalFirm>& firms);
// Entries of one firm at every node its attachments count toward (the rule above), as a branch in
// `branch_in` (or kNone); nodes outside `chain` are left out. O(A_e·T).
std::vector<std::pair<NodeId, LocalFirm>> firm_entries(const Dataset& ds, EnterpriseId e, RegionId branch_in,
                                                       std::optional<ChainId> chain = std::nullopt);

// Per node (indexed by NodeId): a link's sorted local firms, shared (null: none), as the analysis
// cache keeps them and reports hold them.
using LocalFirmLists = std::vector<std::shared_ptr<const std::vector<LocalFirm>>>;
// The lists of local_firms_by_node, moved into shared ones. O(N).
LocalFirmLists share_local_firms(std::vector<std::vector<LocalFirm>> by_node);

// Places the branch entry f (branch_in set) into `firms`, sorted as sort_local_firms leaves them, at
// the position sort_local_firms would give it: O(log k) comparisons and one insertion, where
// sorting again would compare "ID@REGION" strings O(k log k) times.
void insert_local_firm(const Dataset& ds, std::vector<LocalFirm>& firms, const LocalFirm& f);

// Per node (indexed by NodeId): R's active firms there. With `chain`, nodes of other chains stay
// empty (a segment's firms still include those reaching it through a same_as alias).
std::vector<std::vector<LocalFirm>> local_firms_by_node(const Dataset& ds, RegionId region,
                                                        std::optional<ChainId> chain = std::nullopt);
// The same with R's firms from `cache` (cache.dataset() is the dataset). `expected`, when given, is
// R's presence count per node (RegionPresence::count): each list is allocated once at that size.
std::vector<std::vector<LocalFirm>> local_firms_by_node(const AnalysisCache& cache, RegionId region,
                                                        std::optional<ChainId> chain = std::nullopt,
                                                        std::span<const std::int32_t> expected = {});

}  // namespace chaingap
