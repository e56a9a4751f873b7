// The dataset: chain catalogue + enterprises + attachments (+ relations, regions), immutable once
// `finalize()` has built its indices. Everything downstream takes `const Dataset&`.
//
// Indices (all CSR over dense ids, built in O(nodes + attachments + relations)):
//   - node children, and for every canonical node the nodes its attachments count toward
//     (itself, its ancestors, every same_as alias and the aliases' ancestors);
//   - attachments by enterprise (sorted by enterprise, then node);
//   - relations by source enterprise.
#pragma once
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chaingap/model/chain.hpp"
#include "chaingap/model/enterprise.hpp"
#include "chaingap/model/id_index.hpp"
#include "chaingap/model/region.hpp"

namespace chaingap {

struct Csr {
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> values;
    std::span<const std::int32_t> row(std::size_t i) const {
        return {values.data() + offsets[i], values.data() + offsets[i + 1]};
    }
    std::size_t rows() const { return offsets.size() - 1; }
};

// What the dataset's firms stand for (dataset.json `coverage`, docs/formats.md). It decides what a
// link with no firm anywhere means: only a full registry lets "no firm" read as "no supply"
// (absent_everywhere); any other coverage leaves it "not covered by the data" (no_data).
enum class Coverage : std::uint8_t { unknown, listed_only, full_registry, sample, market_share, synthetic };
inline constexpr std::array<std::string_view, 6> kCoverageNames = {
    "unknown", "listed_only", "full_registry", "sample", "market_share", "synthetic"};
// A value allowed in dataset.json (every name above but "unknown", which is the absence of one).
std::optional<Coverage> coverage_from_name(std::string_view name);
inline std::string_view coverage_name(Coverage c) { return kCoverageNames[static_cast<std::size_t>(c)]; }

struct Dataset {
    std::string source;  // folder (or description) it was loaded from
    Coverage coverage = Coverage::unknown;  // dataset.json; unknown when absent
    std::string description;                // dataset.json: one line, Chinese first
    std::vector<Chain> chains;
    std::vector<ChainNode> nodes;
    std::vector<Cluster> clusters;
    RegionTable regions;
    EnterpriseTable enterprises;
    AttachmentTable attachments;
    RelationTable relations;

    // ---- built by finalize() ----
    Csr node_children;
    Csr node_targets;            // canonical node -> nodes its attachments count toward
    std::vector<NodeId> canonical;  // node -> canonical node (itself unless same_as)
    Csr enterprise_attachments;  // enterprise -> attachment indices
    Csr enterprise_relations;    // enterprise -> relation indices (outgoing)

    // Sorts attachments, validates references and builds the indices above. Throws UsageError
    // on an inconsistent structure (callers that load files report errors before this point).
    void finalize();
    // Lookup indices alone (finalize() calls both); loaders call them early to resolve references.
    void index_chains();
    void index_enterprises();

    std::optional<ChainId> find_chain(std::string_view id) const;
    std::optional<NodeId> find_node(ChainId chain, std::string_view id) const;
    std::optional<EnterpriseId> find_enterprise(std::string_view id) const;
    std::string node_key(NodeId n) const { return chains[nodes[n].chain].id + "/" + nodes[n].id; }
    bool is_leaf(NodeId n) const { return node_children.row(n).empty(); }

private:
    std::vector<std::string> chain_ids_;
    IdIndex chain_index_;
    std::vector<std::vector<std::string>> node_ids_;  // per chain, local order
    std::vector<IdIndex> node_index_;                 // per chain
    IdIndex enterprise_index_;
};

}  // namespace chaingap
