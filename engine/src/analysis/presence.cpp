#include "chaingap/analysis/presence.hpp"

#include "chaingap/analysis/cache.hpp"
#include "chaingap/core/memory.hpp"
#include "chaingap/core/threads.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace chaingap {
namespace {

// Adds enterprise e's attachments into count/capacity (rows of length N). `stamp[n] == e` marks a
// node already counted for e, so a firm at two sub-links counts once at their segment.
void accumulate(const Dataset& ds, EnterpriseId e, std::int32_t* count, double* capacity, std::vector<EnterpriseId>& stamp) {
    const double size = ds.enterprises.size_of(e);
    for (std::int32_t a : ds.enterprise_attachments.row(e)) {
        const NodeId canon = ds.canonical[ds.attachments.node[a]];
        const double c = ds.attachments.weight[a] * size;
        for (NodeId t : ds.node_targets.row(canon)) {
            if (stamp[t] != e) {
                stamp[t] = e;
                ++count[t];
            }
            capacity[t] += c;
        }
    }
}

// The presence of the active firms among `firms` (in increasing index: the sums of a whole scan).
template <class Firms>
RegionPresence presence_of(const Dataset& ds, const Firms& firms) {
    const std::size_t N = ds.nodes.size();
    RegionPresence p;
    p.count.assign(N, 0);
    p.capacity.assign(N, 0.0);
    std::vector<EnterpriseId> stamp(N, kNone);
    for (EnterpriseId e : firms) {
        if (!ds.enterprises.is_active(e)) continue;
        p.size += ds.enterprises.size_of(e);
        ++p.enterprises;
        accumulate(ds, e, p.count.data(), p.capacity.data(), stamp);
    }
    return p;
}

// 0, 1, …, n-1 without storing them.
struct AllFirms {
    struct It {
        EnterpriseId e;
        EnterpriseId operator*() const { return e; }
        It& operator++() {
            ++e;
            return *this;
        }
        bool operator!=(const It& o) const { return e != o.e; }
    };
    EnterpriseId n;
    It begin() const { return {0}; }
    It end() const { return {n}; }
};
}  // namespace

RegionPresence presence_in(const Dataset& ds, RegionId region) {
    if (region == kNone) return presence_of(ds, AllFirms{static_cast<EnterpriseId>(ds.enterprises.size())});
    return presence_in(analysis_cache(ds), region);
}

RegionPresence presence_in(const AnalysisCache& cache, RegionId region) {
    const Dataset& ds = cache.dataset();
    if (region == kNone) return presence_in(ds, kNone);
    return presence_of(ds, cache.firms_within_by_index(region));
}

void add_branch_presence(const Dataset& ds, EnterpriseId e, RegionPresence& p) {
    // A fresh stamp (no node marked) so the branch counts once per node like any enterprise.
    std::vector<EnterpriseId> stamp(p.count.size(), kNone);
    p.size += ds.enterprises.size_of(e);
    ++p.enterprises;
    accumulate(ds, e, p.count.data(), p.capacity.data(), stamp);
}

RegionPresence presence_reference(const Dataset& ds, RegionId region) {
    const std::size_t N = ds.nodes.size();
    RegionPresence p;
    p.count.assign(N, 0);
    p.capacity.assign(N, 0.0);
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
        if (region != kNone && !ds.regions.within(ds.enterprises.region[e], region)) continue;
        if (ds.enterprises.status[e] != EnterpriseStatus::active) continue;
        p.size += ds.enterprises.size_of(e);
        ++p.enterprises;
        std::set<NodeId> touched;
        for (std::size_t a = 0; a < ds.attachments.size(); ++a) {
            if (ds.attachments.enterprise[a] != e) continue;
            NodeId canon = ds.canonical[ds.attachments.node[a]];
            // every node whose canonical is `canon`, with its ancestors
            for (NodeId n = 0; n < static_cast<NodeId>(N); ++n) {
                if (ds.canonical[n] != canon) continue;
                for (NodeId x = n; x != kNone; x = ds.nodes[x].parent) {
                    touched.insert(x);
                    p.capacity[x] += ds.attachments.weight[a] * ds.enterprises.size_of(e);
                }
            }
        }
        for (NodeId n : touched) ++p.count[n];
    }
    return p;
}

PresenceMatrix presence_all_regions(const Dataset& ds, unsigned threads) {
    PresenceMatrix m;
    m.regions = ds.regions.size();
    m.nodes = ds.nodes.size();
    resize_huge(m.count, m.regions * m.nodes);  // zeros, on huge pages: 2.8M cells at national scale
    resize_huge(m.capacity, m.regions * m.nodes);
    m.size.assign(m.regions, 0.0);
    m.enterprises.assign(m.regions, 0);
    if (threads == 0) threads = default_threads();
    // Small datasets: one thread (starting threads costs more than the pass).
    if (ds.attachments.size() < 100000) threads = 1;
    const auto T = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(m.regions, 1)));
    run_on_threads(T, [&](unsigned t) {
        std::vector<EnterpriseId> stamp(m.nodes, kNone);
        const auto& E = ds.enterprises;
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e) {
            const RegionId r = E.region[e];
            if (static_cast<unsigned>(r) % T != t || !E.is_active(e)) continue;
            m.size[r] += E.size_of(e);
            ++m.enterprises[r];
            accumulate(ds, e, &m.count[r * m.nodes], &m.capacity[r * m.nodes], stamp);
        }
    });
    // Roll up: deepest regions first, each row added into its parent's.
    std::vector<RegionId> order(m.regions);
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> depth(m.regions);
    for (RegionId r = 0; r < static_cast<RegionId>(m.regions); ++r) depth[r] = ds.regions.depth(r);
    std::stable_sort(order.begin(), order.end(), [&](RegionId a, RegionId b) { return depth[a] > depth[b]; });
    m.national.count.assign(m.nodes, 0);
    m.national.capacity.assign(m.nodes, 0.0);
    for (RegionId r : order) {
        const RegionId p = ds.regions.parent(r);
        std::int32_t* dst_count = p == kNone ? m.national.count.data() : &m.count[p * m.nodes];
        double* dst_cap = p == kNone ? m.national.capacity.data() : &m.capacity[p * m.nodes];
        const std::int32_t* src_count = &m.count[r * m.nodes];
        const double* src_cap = &m.capacity[r * m.nodes];
        for (std::size_t n = 0; n < m.nodes; ++n) {
            dst_count[n] += src_count[n];
            dst_cap[n] += src_cap[n];
        }
        if (p == kNone) {
            m.national.size += m.size[r];
            m.national.enterprises += m.enterprises[r];
        } else {
            m.size[p] += m.size[r];
            m.enterprises[p] += m.enterprises[r];
        }
    }
    return m;
}

}  // namespace chaingap
