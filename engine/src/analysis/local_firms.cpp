#include "chaingap/analysis/local_firms.hpp"

#include <algorithm>

namespace chaingap {

std::vector<std::vector<LocalFirm>> local_firms_by_node(const Dataset& ds, RegionId region,
                                                        std::optional<ChainId> chain) {
    const std::size_t N = ds.nodes.size();
    std::vector<std::vector<LocalFirm>> out(N);
    std::vector<char> inside(ds.regions.size(), 0);
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r)
        inside[r] = region == kNone || ds.regions.within(r, region) ? 1 : 0;
    std::vector<EnterpriseId> stamp(N, kNone);  // stamp[n] == e: e already has its entry at n (the last one)
    const auto& E = ds.enterprises;
    const auto& A = ds.attachments;
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e) {
        if (!inside[E.region[e]] || !E.is_active(e)) continue;
        const double size = E.size_of(e);
        for (std::int32_t a : ds.enterprise_attachments.row(e)) {
            const NodeId canon = ds.canonical[A.node[a]];
            for (NodeId t : ds.node_targets.row(canon)) {
                if (chain && ds.nodes[t].chain != *chain) continue;
                if (stamp[t] != e) {
                    stamp[t] = e;
                    out[t].push_back({e, 0.0, 0.0, a});
                }
                LocalFirm& f = out[t].back();
                f.weight += A.weight[a];
                f.capacity += A.weight[a] * size;
                if (A.weight[a] > A.weight[f.attachment]) f.attachment = a;
            }
        }
    }
    for (auto& firms : out)
        std::sort(firms.begin(), firms.end(), [&](const LocalFirm& x, const LocalFirm& y) {
            if (x.capacity != y.capacity) return x.capacity > y.capacity;
            return E.id[x.enterprise] < E.id[y.enterprise];
        });
    return out;
}

}  // namespace chaingap
