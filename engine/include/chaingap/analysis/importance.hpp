// Importance of each link within its chain, from the chain's flow graph.
//
// Method. Edges are expanded to the leaf level (an edge between segments holds for all their
// sub-links), giving a digraph on the chain's L leaf links. For a leaf l:
//   reach(l)       = (1 + |leaves reachable downstream from l|) / L      — forward linkage: the share
//                    of the chain's output that depends on l (Hirschman 1958, "The Strategy of
//                    Economic Development", forward linkages; as reachability on a supply graph);
//   betweenness(l) = Brandes (2001) directed betweenness / ((L−1)(L−2)) — how many upstream→downstream
//                    paths run through l (Freeman 1977).
// A segment takes reach over the union of its sub-links (itself and what they feed) and the largest
// betweenness of its sub-links. raw(n) = weight(n) ·
// (reach_weight·reach + betweenness_weight·betweenness), weight(n) being the node's catalogue weight
// or, when it has none, its nearest weighted ancestor's (default 1); importance = raw / max raw over the chain,
// in [0, 1]. A chain without edges gives every link the same importance.
// Complexity per chain: O(L·(L + E_leaf)) for reach and betweenness (BGL brandes_betweenness_
// centrality), fine for chain graphs (hundreds of links).
#pragma once
#include <vector>

#include "chaingap/analysis/params.hpp"
#include "chaingap/graph/chain_graph.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct NodeImportance {
    double importance = 0;   // [0, 1]
    double reach = 0;        // (0, 1]
    double betweenness = 0;  // [0, 1]
    double weight = 1;       // effective catalogue weight (own, else nearest weighted ancestor's)
    std::vector<NodeId> downstream;  // leaf links this one feeds (outside its own subtree), sorted
};

// Importance of every node of every chain, indexed by global NodeId.
std::vector<NodeImportance> compute_importance(const Dataset& ds, const GapParams& params);

}  // namespace chaingap
