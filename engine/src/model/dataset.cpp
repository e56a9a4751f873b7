#include "chaingap/model/dataset.hpp"

#include <algorithm>
#include <numeric>
#include <type_traits>

#include "chaingap/core/error.hpp"

namespace chaingap {
namespace {
// Builds a CSR from (row, value) pairs given as two parallel arrays; rows in [0, n).
template <class RowOf>
Csr build_csr(std::size_t n, std::size_t m, RowOf row_of) {
    Csr csr;
    csr.offsets.assign(n + 1, 0);
    for (std::size_t i = 0; i < m; ++i) ++csr.offsets[row_of(i) + 1];
    for (std::size_t r = 0; r < n; ++r) csr.offsets[r + 1] += csr.offsets[r];
    csr.values.resize(m);
    std::vector<std::int64_t> fill(csr.offsets.begin(), csr.offsets.end() - 1);
    for (std::size_t i = 0; i < m; ++i) csr.values[fill[row_of(i)]++] = static_cast<std::int32_t>(i);
    return csr;
}
}  // namespace

std::optional<Coverage> coverage_from_name(std::string_view name) {
    for (std::size_t i = 1; i < kCoverageNames.size(); ++i)
        if (kCoverageNames[i] == name) return static_cast<Coverage>(i);
    return std::nullopt;
}

void Dataset::index_chains() {
    chain_ids_.clear();
    node_ids_.assign(chains.size(), {});
    node_index_.assign(chains.size(), IdIndex{});
    for (ChainId c = 0; c < static_cast<ChainId>(chains.size()); ++c) {
        chain_ids_.push_back(chains[c].id);
        for (NodeId n = chains[c].first_node; n < chains[c].end_node; ++n) node_ids_[c].push_back(nodes[n].id);
        node_index_[c].build(node_ids_[c]);
    }
    chain_index_.build(chain_ids_);
}

void Dataset::index_enterprises() {
    enterprise_index_.build(enterprises.id);
    enterprise_index_size_ = enterprises.size();
    enterprise_sorted_lookup_ = false;
}

bool Dataset::enterprise_ids_sorted() const {
    for (std::size_t i = 1; i < enterprises.id.size(); ++i)
        if (!(enterprises.id[i - 1] < enterprises.id[i])) return false;
    return true;
}

void Dataset::index_enterprises_sorted() {
    enterprise_index_ = IdIndex{};
    enterprise_index_size_ = enterprises.size();
    enterprise_sorted_lookup_ = true;
}

void Dataset::finalize() {
    derived.reset();
    index_chains();
    if (enterprise_index_size_ != enterprises.size() || enterprise_sorted_lookup_) index_enterprises();
    finalize_nodes();

    // Attachments sorted by (enterprise, node) so results never depend on row order; loaders that
    // already deliver them in this order skip the sort (one O(A) check).
    bool sorted = true;
    for (std::size_t i = 1; i < attachments.size() && sorted; ++i)
        sorted = attachments.enterprise[i - 1] < attachments.enterprise[i] ||
                 (attachments.enterprise[i - 1] == attachments.enterprise[i] && attachments.node[i - 1] <= attachments.node[i]);
    if (!sorted) {
        std::vector<std::size_t> order(attachments.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (attachments.enterprise[a] != attachments.enterprise[b])
                return attachments.enterprise[a] < attachments.enterprise[b];
            return attachments.node[a] < attachments.node[b];
        });
        attachments.permute(order);
    }
    enterprise_attachments = build_csr(enterprises.size(), attachments.size(),
                                       [&](std::size_t i) { return attachments.enterprise[i]; });
    enterprise_relations = build_csr(enterprises.size(), relations.size(),
                                     [&](std::size_t i) { return relations.from[i]; });
    node_attachments = build_csr(nodes.size(), attachments.size(),
                                 [&](std::size_t i) { return canonical[attachments.node[i]]; });
}

void Dataset::finalize_nodes() {
    const std::size_t n_nodes = nodes.size();
    // Node hierarchy: children lists, depth.
    {
        Csr by_parent = build_csr(n_nodes + 1, n_nodes, [&](std::size_t i) {
            return nodes[i].parent == kNone ? n_nodes : static_cast<std::size_t>(nodes[i].parent);
        });
        node_children.offsets.assign(by_parent.offsets.begin(), by_parent.offsets.end() - 1);
        node_children.values.assign(by_parent.values.begin(),
                                    by_parent.values.begin() + by_parent.offsets[n_nodes]);
        for (NodeId n = 0; n < static_cast<NodeId>(n_nodes); ++n) {
            int d = 0;
            for (NodeId p = nodes[n].parent; p != kNone; p = nodes[p].parent) {
                if (++d > static_cast<int>(n_nodes)) throw UsageError("cycle in node parents");
            }
            nodes[n].depth = d;
        }
    }

    // Canonical nodes and, for each canonical node, every node its attachments count toward.
    canonical.resize(n_nodes);
    for (NodeId n = 0; n < static_cast<NodeId>(n_nodes); ++n)
        canonical[n] = nodes[n].same_as == kNone ? n : nodes[n].same_as;
    std::vector<std::vector<NodeId>> targets(n_nodes);
    for (NodeId n = 0; n < static_cast<NodeId>(n_nodes); ++n) {
        auto& t = targets[canonical[n]];
        for (NodeId x = n; x != kNone; x = nodes[x].parent) t.push_back(x);
    }
    node_targets = Csr{};
    for (auto& t : targets) {
        std::sort(t.begin(), t.end());
        t.erase(std::unique(t.begin(), t.end()), t.end());
        node_targets.values.insert(node_targets.values.end(), t.begin(), t.end());
        node_targets.offsets.push_back(static_cast<std::int64_t>(node_targets.values.size()));
    }

}

std::optional<ChainId> Dataset::find_chain(std::string_view id) const { return chain_index_.find(id, chain_ids_); }

std::optional<NodeId> Dataset::find_node(ChainId chain, std::string_view id) const {
    auto local = node_index_[chain].find(id, node_ids_[chain]);
    if (!local) return std::nullopt;
    return chains[chain].first_node + *local;
}

std::optional<EnterpriseId> Dataset::find_enterprise(std::string_view id) const {
    if (enterprise_sorted_lookup_) {
        auto it = std::lower_bound(enterprises.id.begin(), enterprises.id.end(), id,
                                   [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
        if (it == enterprises.id.end() || *it != id) return std::nullopt;
        return static_cast<EnterpriseId>(it - enterprises.id.begin());
    }
    return enterprise_index_.find(id, enterprises.id);
}

void Dataset::find_enterprises(const std::string_view* ids, std::size_t n, EnterpriseId* out) const {
    static_assert(std::is_same_v<EnterpriseId, std::int32_t>);
    if (enterprise_sorted_lookup_) {
        for (std::size_t i = 0; i < n; ++i) out[i] = find_enterprise(ids[i]).value_or(kNone);
        return;
    }
    enterprise_index_.find_many(ids, n, out, enterprises.id);
}

}  // namespace chaingap
