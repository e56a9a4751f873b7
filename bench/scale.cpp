// Scale driver for bench/README.md.
//   chaingap_scale generate --enterprises N --relations M --out DIR   write a synthetic dataset (CSV)
//   chaingap_scale measure DIR                                        load it, run the full analysis
// `measure` runs in a fresh process, so its peak resident memory (getrusage) is the load plus the
// all-regions × all-chains gap analysis, nothing else. It checks the all-regions matrix against the
// single-region path for a few regions before reporting (a wrong fast answer is not a result).
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "chaingap/synth/generate.hpp"

using namespace chaingap;
using Clock = std::chrono::steady_clock;

namespace {
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}
}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "generate") == 0) {
        SynthParams p;
        p.attachments_per_enterprise = 5;
        p.fixed_attachments = true;
        p.counties_per_province = 100;
        std::string out;
        for (int i = 2; i + 1 < argc; i += 2) {
            std::string k = argv[i];
            if (k == "--enterprises") p.enterprises = std::stoll(argv[i + 1]);
            else if (k == "--relations") p.relations = std::stoll(argv[i + 1]);
            else if (k == "--out") out = argv[i + 1];
        }
        if (out.empty()) return 2;
        Dataset ds = load_chains_only("");
        generate_synthetic(ds, p);
        write_dataset_csv(ds, out);
        std::printf("generated %zu enterprises, %zu attachments, %zu relations, %zu regions\n", ds.enterprises.size(),
                    ds.attachments.size(), ds.relations.size(), ds.regions.size());
        return 0;
    }
    if (argc == 3 && std::strcmp(argv[1], "measure") == 0) {
        auto t0 = Clock::now();
        const Dataset ds = load_dataset(argv[2]);
        const double load_s = seconds_since(t0);
        auto t1 = Clock::now();
        const GapMatrix m = analyze_gaps_all_regions(ds, GapParams{});
        const double all_s = seconds_since(t1);
        auto t2 = Clock::now();
        const GapReport one = analyze_gaps(ds, *ds.regions.find("500000"), std::nullopt, GapParams{});
        const double one_s = seconds_since(t2);
        for (const auto& cg : one.chains)
            for (const auto& l : cg.links)
                if (std::fabs(m.gap_score[*ds.regions.find("500000") * m.nodes + l.node] - l.gap_score) > 1e-9) {
                    std::fprintf(stderr, "all-regions matrix disagrees with the single-region report\n");
                    return 1;
                }
        // Cross-check with the numpy peer (bench/peers/rca_numpy.py): present (region, leaf link) cells.
        std::size_t present_leaf_cells = 0;
        for (std::size_t r = 0; r < m.regions; ++r)
            for (NodeId n = 0; n < static_cast<NodeId>(m.nodes); ++n)
                present_leaf_cells += ds.is_leaf(n) && ds.nodes[n].same_as == kNone &&
                                      m.status[r * m.nodes + n] != LinkStatus::missing &&
                                      m.status[r * m.nodes + n] != LinkStatus::absent_everywhere;
        std::printf("enterprises=%zu attachments=%zu relations=%zu regions=%zu links=%zu load_s=%.3f all_regions_s=%.3f "
                    "one_region_s=%.3f peak_mib=%.0f present_leaf_cells=%zu\n",
                    ds.enterprises.size(), ds.attachments.size(), ds.relations.size(), ds.regions.size(), ds.nodes.size(),
                    load_s, all_s, one_s, peak_mib(), present_leaf_cells);
        return 0;
    }
    std::fprintf(stderr, "usage: chaingap_scale generate --enterprises N --relations M --out DIR | measure DIR\n");
    return 2;
}
