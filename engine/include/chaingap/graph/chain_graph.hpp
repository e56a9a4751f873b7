// Graph views of the chain catalogue, built once here for every layer above (importance in
// analysis/, the propagation models in eval/). Both views start from the same rule: an edge between
// two links holds for whatever a view keeps of them (project_node).
//
//   subtree_leaves(n)  the leaf links (links without sub-links) under n, n itself for a leaf; sorted.
//   project_node(x)    the kept node at or above x, else every kept node below x; sorted. With the
//                      leaves kept it is subtree_leaves(x).
//   leaf_flow(chain)   the chain's flow edges expanded to its leaf links: directed, deduplicated, no
//                      self loops, in catalogue edge order (importance: reach and betweenness).
//   ChainGraph         an undirected weighted CSR on a node selection: every flow edge joins the
//                      projections of its ends (weights add up), links with the same parent are joined
//                      with sibling_weight (eval: personalized PageRank, Katz); each node's parent and
//                      grandparent group (eval: the boosted model's parent-industry features).
// Complexity: subtree_leaves O(subtree); leaf_flow O(E · leaves per edge end²); build_chain_graph
// O(N + E · projection² · log) — chain graphs have hundreds of links (PERF.md: BGL/CSR is right there).
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

std::vector<NodeId> subtree_leaves(const Dataset& ds, NodeId n);

// `kept[n]` ≥ 0 marks the kept nodes (any value); returns the kept node ids.
std::vector<NodeId> project_node(const Dataset& ds, NodeId x, const std::vector<std::int32_t>& kept);

struct LeafFlow {
    std::vector<NodeId> leaves;                // the chain's leaf links, in node order
    std::vector<std::pair<int, int>> edges;    // (from, to) as indices into `leaves`
};
LeafFlow leaf_flow(const Dataset& ds, const Chain& chain);

struct ChainGraph {
    std::size_t nodes = 0;
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> targets;  // local node indices, sorted per row, no self loops
    std::vector<double> weights;
    // Local index of each node's parent and grandparent in the `parent` tree, numbered over the
    // distinct parents (grandparents) of the selected nodes; -1 when a node has none.
    std::vector<std::int32_t> parent, grandparent;
    std::int32_t parents = 0, grandparents = 0;  // number of distinct groups
    double degree(std::size_t i) const;  // weighted degree
};
ChainGraph build_chain_graph(const Dataset& ds, const std::vector<NodeId>& nodes, double sibling_weight);

}  // namespace chaingap
