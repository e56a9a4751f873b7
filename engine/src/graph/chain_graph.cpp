#include "chaingap/graph/chain_graph.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace chaingap {

std::vector<NodeId> subtree_leaves(const Dataset& ds, NodeId n) {
    std::vector<NodeId> out, stack{n};
    while (!stack.empty()) {
        NodeId x = stack.back();
        stack.pop_back();
        auto kids = ds.node_children.row(x);
        if (kids.empty()) out.push_back(x);
        stack.insert(stack.end(), kids.begin(), kids.end());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<NodeId> project_node(const Dataset& ds, NodeId x, const std::vector<std::int32_t>& kept) {
    for (NodeId a = x; a != kNone; a = ds.nodes[a].parent)
        if (kept[a] >= 0) return {a};
    std::vector<NodeId> out, stack{x};
    while (!stack.empty()) {
        NodeId y = stack.back();
        stack.pop_back();
        if (kept[y] >= 0) {
            out.push_back(y);
            continue;
        }
        for (NodeId c : ds.node_children.row(y)) stack.push_back(c);
    }
    std::sort(out.begin(), out.end());
    return out;
}

LeafFlow leaf_flow(const Dataset& ds, const Chain& c) {
    LeafFlow f;
    std::vector<std::int32_t> index(ds.nodes.size(), -1);  // only this chain's range is used
    for (NodeId n = c.first_node; n < c.end_node; ++n)
        if (ds.is_leaf(n)) {
            index[n] = static_cast<std::int32_t>(f.leaves.size());
            f.leaves.push_back(n);
        }
    std::set<std::pair<int, int>> added;
    for (const ChainEdge& e : c.edges) {
        const auto from = project_node(ds, e.from, index), to = project_node(ds, e.to, index);
        for (NodeId a : from)
            for (NodeId b : to)
                if (a != b && added.emplace(index[a], index[b]).second) f.edges.emplace_back(index[a], index[b]);
    }
    return f;
}

double ChainGraph::degree(std::size_t i) const {
    double d = 0;
    for (auto k = offsets[i]; k < offsets[i + 1]; ++k) d += weights[k];
    return d;
}

ChainGraph build_chain_graph(const Dataset& ds, const std::vector<NodeId>& nodes, double sibling_weight) {
    std::vector<std::int32_t> local(ds.nodes.size(), -1);
    for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<std::int32_t>(i);
    std::map<std::pair<std::int32_t, std::int32_t>, double> w;
    auto add = [&](std::int32_t a, std::int32_t b, double weight) {
        if (a == b || weight <= 0) return;
        w[{a, b}] += weight;
        w[{b, a}] += weight;
    };
    std::vector<char> chain_used(ds.chains.size(), 0);
    for (NodeId n : nodes) chain_used[ds.nodes[n].chain] = 1;
    for (ChainId c = 0; c < static_cast<ChainId>(ds.chains.size()); ++c) {
        if (!chain_used[c]) continue;
        for (const ChainEdge& e : ds.chains[c].edges) {
            const auto from = project_node(ds, e.from, local), to = project_node(ds, e.to, local);
            for (NodeId a : from)
                for (NodeId b : to) add(local[a], local[b], e.weight);
        }
    }
    if (sibling_weight > 0) {
        std::map<NodeId, std::vector<std::int32_t>> by_parent;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (ds.nodes[nodes[i]].parent != kNone)
                by_parent[ds.nodes[nodes[i]].parent].push_back(static_cast<std::int32_t>(i));
        for (const auto& [p, kids] : by_parent)
            for (std::size_t i = 0; i < kids.size(); ++i)
                for (std::size_t j = i + 1; j < kids.size(); ++j) add(kids[i], kids[j], sibling_weight);
    }
    ChainGraph g;
    g.nodes = nodes.size();
    std::map<NodeId, std::int32_t> pid, gid;
    for (NodeId n : nodes) {
        const NodeId p = ds.nodes[n].parent;
        const NodeId gp = p != kNone ? ds.nodes[p].parent : kNone;
        g.parent.push_back(p == kNone ? -1 : pid.emplace(p, static_cast<std::int32_t>(pid.size())).first->second);
        g.grandparent.push_back(gp == kNone ? -1 : gid.emplace(gp, static_cast<std::int32_t>(gid.size())).first->second);
    }
    g.parents = static_cast<std::int32_t>(pid.size());
    g.grandparents = static_cast<std::int32_t>(gid.size());
    g.offsets.assign(g.nodes + 1, 0);
    for (const auto& [ab, weight] : w) ++g.offsets[ab.first + 1];
    for (std::size_t i = 0; i < g.nodes; ++i) g.offsets[i + 1] += g.offsets[i];
    for (const auto& [ab, weight] : w) {  // std::map order: by source, then target
        g.targets.push_back(ab.second);
        g.weights.push_back(weight);
    }
    return g;
}

}  // namespace chaingap
