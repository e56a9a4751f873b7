#include "chaingap/analysis/importance.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>

namespace chaingap {
namespace {
using FlowGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<FlowGraph>::vertex_descriptor;

std::vector<std::size_t> reachable_from(const FlowGraph& g, Vertex s) {
    std::vector<boost::default_color_type> color(boost::num_vertices(g), boost::white_color);
    std::vector<std::size_t> seen;
    struct Recorder : boost::default_bfs_visitor {
        std::vector<std::size_t>* out;
        void discover_vertex(Vertex v, const FlowGraph&) const { out->push_back(v); }
    } rec;
    rec.out = &seen;
    boost::breadth_first_visit(g, s, boost::visitor(rec).color_map(
        boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g))));
    return seen;  // includes s
}

void compute_chain(const Dataset& ds, const Chain& c, const GapParams& params, std::vector<NodeImportance>& out) {
    const LeafFlow flow = leaf_flow(ds, c);
    const std::vector<NodeId>& leaves = flow.leaves;
    std::vector<int> leaf_index(ds.nodes.size(), -1);  // only this chain's range is used
    for (std::size_t i = 0; i < leaves.size(); ++i) leaf_index[leaves[i]] = static_cast<int>(i);
    const std::size_t L = leaves.size();
    std::vector<std::vector<NodeId>> sub(c.node_count());
    for (NodeId n = c.first_node; n < c.end_node; ++n) sub[n - c.first_node] = subtree_leaves(ds, n);

    FlowGraph g(L);
    for (const auto& [a, b] : flow.edges) boost::add_edge(static_cast<Vertex>(a), static_cast<Vertex>(b), g);

    std::vector<double> betweenness(L, 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(betweenness.begin(), boost::get(boost::vertex_index, g)));
    const double pairs = L > 2 ? static_cast<double>(L - 1) * static_cast<double>(L - 2) : 1.0;
    std::vector<std::vector<std::size_t>> reach_sets(L);
    for (std::size_t v = 0; v < L; ++v) reach_sets[v] = reachable_from(g, v);

    double max_raw = 0.0;
    std::vector<double> raw(c.node_count());
    for (NodeId n = c.first_node; n < c.end_node; ++n) {
        NodeImportance& ni = out[n];
        std::vector<char> in_subtree(L, 0), covered(L, 0);
        double best_betweenness = 0.0;
        for (NodeId l : sub[n - c.first_node]) {
            int li = leaf_index[l];
            in_subtree[li] = 1;
            best_betweenness = std::max(best_betweenness, betweenness[li] / pairs);
            for (std::size_t v : reach_sets[li]) covered[v] = 1;
        }
        std::size_t covered_count = 0;
        ni.downstream.clear();
        for (std::size_t v = 0; v < L; ++v) {
            if (!covered[v]) continue;
            ++covered_count;
            if (!in_subtree[v]) ni.downstream.push_back(leaves[v]);
        }
        ni.reach = static_cast<double>(covered_count) / static_cast<double>(L);
        ni.betweenness = best_betweenness;
        ni.weight = 1.0;  // own weight, else the nearest ancestor's that is given
        for (NodeId x = n; x != kNone; x = ds.nodes[x].parent)
            if (ds.nodes[x].weight_given) {
                ni.weight = ds.nodes[x].weight;
                break;
            }
        double r = ni.weight * (params.reach_weight * ni.reach + params.betweenness_weight * ni.betweenness);
        raw[n - c.first_node] = r;
        max_raw = std::max(max_raw, r);
    }
    for (NodeId n = c.first_node; n < c.end_node; ++n)
        out[n].importance = max_raw > 0 ? raw[n - c.first_node] / max_raw : 0.0;
}
}  // namespace

std::vector<NodeImportance> compute_importance(const Dataset& ds, const GapParams& params) {
    params.validate();
    std::vector<NodeImportance> out(ds.nodes.size());
    for (const Chain& c : ds.chains) compute_chain(ds, c, params, out);
    return out;
}

}  // namespace chaingap
