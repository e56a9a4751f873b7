// Scale driver for bench/README.md.
//   chaingap_scale generate --enterprises N --relations M --out DIR   write a synthetic dataset (CSV)
//   chaingap_scale snapshot DIR FILE                                  load the folder, write a snapshot
//   chaingap_scale load PATH [--no-relations]                         load a folder or a snapshot only
//   chaingap_scale measure PATH [--matrix FILE.npy] [--no-relations]  load a folder or a snapshot, run
//                                                                     the queries, print key=value
// `measure` runs in a fresh process, so its peak resident memory (getrusage) is the load plus the
// queries, nothing else. Cold figures are the first query in the process; warm figures are the
// median of 5 repetitions after it, with the per-dataset AnalysisCache held as a server would.
// It checks the all-regions matrix against the single-region path before reporting (a wrong fast
// answer is not a result), and the incremental what-if against the recomputed one.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "chaingap/analysis/cache.hpp"
#include "chaingap/analysis/gaps.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/load/csv.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "chaingap/load/snapshot.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/whatif.hpp"
#include "chaingap/synth/generate.hpp"

using namespace chaingap;
namespace {
// Times are process CPU seconds (user + system, CLOCK_PROCESS_CPUTIME_ID), not wall time: the
// machine is shared, and a process waiting for a core should not count. Everything measured is
// single-threaded, so on an idle machine CPU time and wall time agree — except the all-regions
// report, whose presence pass runs on one thread per core: it is given in wall seconds as well
// (all_regions_wall_s), the CPU figure being the sum over its threads.
double wall_now() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}
struct Clock {
    using time_point = double;
    static double now() {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
    }
};
double seconds_since(double t) { return Clock::now() - t; }
double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}
template <class F>
double median_of(int runs, F f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        f();
        t.push_back(seconds_since(t0));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}
// The same in wall seconds, for passes that run on several threads.
template <class F>
double median_wall_of(int runs, F f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double t0 = wall_now();
        f();
        t.push_back(wall_now() - t0);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}
// The gap-score matrix as a NumPy .npy file (format 1.0, little-endian float64, C order).
void write_npy(const std::string& path, const std::vector<double>& v, std::size_t rows, std::size_t cols) {
    std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + std::to_string(rows) + ", " +
                         std::to_string(cols) + "), }";
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    std::ofstream out(path, std::ios::binary);
    out.write("\x93NUMPY\x01\x00", 8);
    const auto len = static_cast<std::uint16_t>(header.size());
    out.write(reinterpret_cast<const char*>(&len), 2);
    out << header;
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(double)));
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
    if (argc == 4 && std::strcmp(argv[1], "snapshot") == 0) {
        auto t0 = Clock::now();
        const Dataset ds = load_dataset(argv[2]);
        const double load_s = seconds_since(t0);
        auto t1 = Clock::now();
        const std::uint64_t bytes = write_snapshot(ds, argv[3]);
        std::printf("csv_load_s=%.3f snapshot_write_s=%.3f snapshot_mib=%.1f peak_mib=%.0f\n", load_s, seconds_since(t1),
                    bytes / 1048576.0, peak_mib());
        return 0;
    }
    if (argc == 5 && std::strcmp(argv[1], "report") == 0 && std::strcmp(argv[3], "--matrix") == 0) {
        // End to end as a user runs it: load (no relations: the gap report does not use them), the
        // all-regions report, write it. The process's wall time is taken by the caller.
        LoadOptions options;
        options.relations = false;
        auto t0 = Clock::now();
        const Dataset ds = open_dataset(argv[2], options);
        const double load_s = seconds_since(t0);
        auto t1 = Clock::now();
        const double w1 = wall_now();
        const GapMatrix m = analyze_gaps_all_regions(ds, GapParams{});
        const double all_s = seconds_since(t1), all_wall_s = wall_now() - w1;
        auto t2 = Clock::now();
        write_npy(argv[4], m.gap_score, m.regions, m.nodes);
        std::printf("load_s=%.3f all_regions_s=%.3f all_regions_wall_s=%.3f matrix_write_s=%.3f peak_mib=%.0f\n", load_s,
                    all_s, all_wall_s, seconds_since(t2), peak_mib());
        return 0;
    }
    if (argc >= 3 && std::strcmp(argv[1], "load") == 0) {
        // Load only (a folder or a snapshot), as every command starts: CPU seconds and peak memory.
        LoadOptions options;
        if (argc == 4 && std::strcmp(argv[3], "--no-relations") == 0) options.relations = false;
        auto t0 = Clock::now();
        const Dataset ds = open_dataset(argv[2], options);
        std::printf("load_s=%.3f enterprises=%zu attachments=%zu relations=%zu peak_mib=%.0f\n", seconds_since(t0),
                    ds.enterprises.size(), ds.attachments.size(), ds.relations.size(), peak_mib());
        return 0;
    }
    if (argc == 3 && std::strcmp(argv[1], "csvscan") == 0) {
        // Per file: a plain scan (one read + counting line breaks) against the CSV parse, in MB/s.
        for (const char* f : {"enterprises.csv", "attachments.csv", "relations.csv"}) {
            const std::string path = std::string(argv[2]) + "/" + f;
            auto t0 = Clock::now();
            const std::string text = read_file(path);
            const auto lines = std::count(text.begin(), text.end(), '\n');
            const double scan_s = seconds_since(t0);
            auto t1 = Clock::now();
            const CsvTable t = CsvTable::read(path);
            const double parse_s = seconds_since(t1);
            // The streamed reader the loader uses for these files: every record, every cell's length.
            auto t2 = Clock::now();
            std::size_t cell_bytes = 0;
            {
                CsvReader r(path);
                while (r.next())
                    for (std::size_t c = 0; c < r.columns(); ++c) cell_bytes += r.cell(c).size();
            }
            const double stream_s = seconds_since(t2);
            const double mb = text.size() / 1e6;
            const std::string k = std::string(f).substr(0, std::string(f).find('.'));
            std::printf("%s_mb=%.1f %s_lines=%ld %s_scan_mb_s=%.0f %s_parse_mb_s=%.0f %s_stream_mb_s=%.0f (%zu cell bytes) ", k.c_str(), mb,
                        k.c_str(), static_cast<long>(lines), k.c_str(), mb / scan_s, k.c_str(), mb / parse_s, k.c_str(),
                        mb / stream_s, cell_bytes);
        }
        std::printf("\n");
        return 0;
    }
    // One warm query in a loop, for a profiler (perf record -g -- chaingap_scale repeat ...): the
    // dataset is loaded and its cache built first, then QUERY runs N times; prints the median.
    if (argc == 5 && std::strcmp(argv[1], "repeat") == 0) {
        const Dataset ds = open_dataset(argv[2], LoadOptions{});
        const std::string what = argv[3];
        const int n = std::max(1, std::atoi(argv[4]));
        const RegionId cq = *ds.regions.find("500000");
        const AnalysisCache& cache = analysis_cache(ds);
        (void)cache.national();
        (void)cache.importance(GapParams{});
        TargetQuery q;
        q.region = cq;
        q.keep = 20;
        q.chain = ds.find_chain("semiconductor");
        std::vector<EnterpriseId> add;
        for (const TargetRow& r : rank_targets(ds, q).targets)
            if (add.size() < 2) add.push_back(r.enterprise);
        double med = 0;
        if (what == "gaps") med = median_of(n, [&] { (void)analyze_gaps(cache, cq, std::nullopt, GapParams{}); });
        else if (what == "gaps_chain") med = median_of(n, [&] { (void)analyze_gaps(cache, cq, q.chain, GapParams{}); });
        else if (what == "targets_chain") med = median_of(n, [&] { (void)rank_targets(ds, q); });
        else if (what == "whatif") med = median_of(n, [&] { (void)run_whatif(cache, cq, std::nullopt, add, GapParams{}); });
        else {
            std::fprintf(stderr, "repeat: QUERY is gaps, gaps_chain, targets_chain or whatif\n");
            return 2;
        }
        // The same queries again in wall time (the targets pass runs on one thread per core).
        double wall = 0;
        if (what == "gaps") wall = median_wall_of(n, [&] { (void)analyze_gaps(cache, cq, std::nullopt, GapParams{}); });
        else if (what == "gaps_chain") wall = median_wall_of(n, [&] { (void)analyze_gaps(cache, cq, q.chain, GapParams{}); });
        else if (what == "targets_chain") wall = median_wall_of(n, [&] { (void)rank_targets(ds, q); });
        else wall = median_wall_of(n, [&] { (void)run_whatif(cache, cq, std::nullopt, add, GapParams{}); });
        std::printf("%s_median_s=%.4f %s_median_wall_s=%.4f runs=%d\n", what.c_str(), med, what.c_str(), wall, n);
        return 0;
    }
    if (argc >= 3 && std::strcmp(argv[1], "measure") == 0) {
        std::string matrix_out;
        LoadOptions options;
        for (int i = 3; i < argc; ++i) {
            if (std::strcmp(argv[i], "--matrix") == 0 && i + 1 < argc) matrix_out = argv[++i];
            else if (std::strcmp(argv[i], "--no-relations") == 0) options.relations = false;
        }
        auto t0 = Clock::now();
        const Dataset ds = open_dataset(argv[2], options);
        const double load_s = seconds_since(t0);
        auto t1 = Clock::now();
        const double w1 = wall_now();
        const GapMatrix m = analyze_gaps_all_regions(ds, GapParams{});
        const double all_s = seconds_since(t1), all_wall_s = wall_now() - w1;
        double write_s = 0;
        if (!matrix_out.empty()) {
            auto tw = Clock::now();
            write_npy(matrix_out, m.gap_score, m.regions, m.nodes);
            write_s = seconds_since(tw);
        }
        const RegionId cq = *ds.regions.find("500000");
        auto t2 = Clock::now();
        const GapReport one = analyze_gaps(ds, cq, std::nullopt, GapParams{});
        const double one_s = seconds_since(t2);
        for (const auto& cg : one.chains)
            for (const auto& l : cg.links)
                if (std::fabs(m.gap_score[cq * m.nodes + l.node] - l.gap_score) > 1e-9) {
                    std::fprintf(stderr, "all-regions matrix disagrees with the single-region report\n");
                    return 1;
                }
        TargetQuery q;
        q.region = cq;
        q.keep = 20;  // as `chaingap targets` (--top 20): every candidate scored, 20 rows built
        auto t3 = Clock::now();
        const TargetList list = rank_targets(ds, q);
        const double targets_s = seconds_since(t3);

        // Warm: the dataset and its analysis cache stay in memory (a server, the Python module).
        const AnalysisCache cache(ds);
        auto t4 = Clock::now();
        (void)cache.national();
        (void)cache.importance(GapParams{});
        const double cache_s = seconds_since(t4);
        // The first query on a region the cache has not seen (it builds that region's presence and
        // firm lists; national presence and importance are ready): medians over five provinces, the
        // same five for each kind, gaps and what-if each on a cache of their own, targets on the
        // dataset's (which has seen only Chongqing so far).
        std::vector<RegionId> fresh;
        for (const char* id : {"440000", "320000", "330000", "370000", "410000"})
            if (const auto r = ds.regions.find(id)) fresh.push_back(*r);
        auto first_queries = [&](auto query) {
            std::vector<double> t;
            for (const RegionId r : fresh) {
                auto t0 = Clock::now();
                query(r);
                t.push_back(seconds_since(t0));
            }
            std::sort(t.begin(), t.end());
            return t.empty() ? 0.0 : t[t.size() / 2];
        };
        auto primed = [&](const AnalysisCache& c) {
            (void)c.national();
            (void)c.importance(GapParams{});
        };
        double gaps_new_region_s = 0, whatif_new_region_s = 0;
        {
            const AnalysisCache own(ds);
            primed(own);
            gaps_new_region_s = first_queries([&](RegionId r) { (void)analyze_gaps(own, r, std::nullopt, GapParams{}); });
        }
        {
            const AnalysisCache own(ds);
            primed(own);
            whatif_new_region_s = first_queries([&](RegionId r) {
                std::vector<EnterpriseId> outside;  // Chongqing's two best targets that lie outside r
                for (const TargetRow& row : list.targets)
                    if (outside.size() < 2 && !ds.regions.within(ds.enterprises.region[row.enterprise], r))
                        outside.push_back(row.enterprise);
                (void)run_whatif(own, r, std::nullopt, outside, GapParams{});
            });
        }
        const double targets_chain_new_region_s = first_queries([&](RegionId r) {
            TargetQuery qr = q;
            qr.region = r;
            qr.chain = ds.find_chain("semiconductor");
            (void)rank_targets(ds, qr);
        });
        const double gaps_warm_s = median_of(5, [&] { (void)analyze_gaps(cache, cq, std::nullopt, GapParams{}); });
        const double targets_warm_s = median_of(3, [&] { (void)rank_targets(ds, q); });
        // One chain (the usual 招商 question: semiconductor for Chongqing): fewer candidates.
        TargetQuery qc = q;
        qc.chain = ds.find_chain("semiconductor");
        std::int64_t chain_candidates = 0;
        const double targets_chain_warm_s =
            qc.chain ? median_of(5, [&] { chain_candidates = rank_targets(ds, qc).candidates; }) : 0.0;
        const double targets_chain_warm_wall_s =
            qc.chain ? median_wall_of(5, [&] { (void)rank_targets(ds, qc); }) : 0.0;
        std::vector<EnterpriseId> add;
        for (std::size_t i = 0; i < list.targets.size() && i < 2; ++i) add.push_back(list.targets[i].enterprise);
        WhatIfResult w;
        const double whatif_warm_s = median_of(5, [&] { w = run_whatif(cache, cq, std::nullopt, add, GapParams{}); });
        // Peak of everything a server or Python session does, before the reference what-if below
        // copies the whole dataset (a check of the incremental one, not a user path).
        const double peak_queries_mib = peak_mib();
        auto t5 = Clock::now();
        const WhatIfResult ref = run_whatif_reference(ds, cq, std::nullopt, add, GapParams{});
        const double whatif_copy_s = seconds_since(t5);
        if (ref.total_gap_after != w.total_gap_after || ref.changes.size() != w.changes.size()) {
            std::fprintf(stderr, "incremental what-if disagrees with the recomputed one\n");
            return 1;
        }
        std::size_t present_leaf_cells = 0;
        for (std::size_t r = 0; r < m.regions; ++r)
            for (NodeId n = 0; n < static_cast<NodeId>(m.nodes); ++n)
                present_leaf_cells += ds.is_leaf(n) && ds.nodes[n].same_as == kNone &&
                                      m.status[r * m.nodes + n] != LinkStatus::missing &&
                                      m.status[r * m.nodes + n] != LinkStatus::absent_everywhere;
        std::printf("enterprises=%zu attachments=%zu relations=%zu regions=%zu links=%zu load_s=%.3f all_regions_s=%.3f "
                    "matrix_write_s=%.3f one_region_s=%.4f targets_s=%.3f cache_s=%.3f gaps_warm_s=%.4f "
                    "targets_warm_s=%.3f targets_chain_warm_s=%.4f chain_candidates=%lld whatif_warm_s=%.4f whatif_copy_s=%.3f candidates=%zu peak_mib=%.0f "
                    "present_leaf_cells=%zu gaps_new_region_s=%.4f targets_chain_new_region_s=%.4f whatif_new_region_s=%.4f "
                    "all_regions_wall_s=%.3f peak_queries_mib=%.0f targets_chain_warm_wall_s=%.4f\n",
                    ds.enterprises.size(), ds.attachments.size(), ds.relations.size(), ds.regions.size(), ds.nodes.size(),
                    load_s, all_s, write_s, one_s, targets_s, cache_s, gaps_warm_s, targets_warm_s, targets_chain_warm_s,
                    static_cast<long long>(chain_candidates), whatif_warm_s,
                    whatif_copy_s, static_cast<std::size_t>(list.candidates), peak_mib(), present_leaf_cells,
                    gaps_new_region_s, targets_chain_new_region_s, whatif_new_region_s, all_wall_s, peak_queries_mib,
                    targets_chain_warm_wall_s);
        return 0;
    }
    std::fprintf(stderr,
                 "usage: chaingap_scale generate --enterprises N --relations M --out DIR | snapshot DIR FILE | "
                 "measure PATH [--matrix FILE.npy] [--no-relations] | repeat PATH gaps|gaps_chain|targets_chain|whatif N\n");
    return 2;
}
