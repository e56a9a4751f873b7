#include "chaingap/eval/baselines.hpp"

#include <algorithm>
#include <cstdint>

#include "chaingap/core/error.hpp"

namespace chaingap {
namespace {
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
}  // namespace

std::vector<double> random_scores(const EvalState& s, const EvalParams& p) {
    std::vector<double> out(s.regions * s.nodes);
    const auto seed = splitmix64(static_cast<std::uint64_t>(p.seed));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<double>(splitmix64(seed ^ (i * 0x632be59bd9b4e019ULL)) >> 11) * 0x1.0p-53;
    return out;
}

std::vector<double> popularity_scores(const EvalState& s, const EvalParams&) {
    std::vector<double> k(s.nodes, 0.0), out(s.regions * s.nodes);
    for (std::size_t r = 0; r < s.regions; ++r)
        for (std::size_t n = 0; n < s.nodes; ++n) k[n] += s.present[s.at(r, n)];
    for (std::size_t r = 0; r < s.regions; ++r)
        for (std::size_t n = 0; n < s.nodes; ++n) out[s.at(r, n)] = k[n];
    return out;
}

std::vector<double> diversity_scores(const EvalState& s, const EvalParams&) {
    std::vector<double> out(s.regions * s.nodes);
    for (std::size_t r = 0; r < s.regions; ++r) {
        double k = 0;
        for (std::size_t n = 0; n < s.nodes; ++n) k += s.present[s.at(r, n)];
        for (std::size_t n = 0; n < s.nodes; ++n) out[s.at(r, n)] = k;
    }
    return out;
}

std::vector<double> persistence_scores(const EvalState& s, const EvalParams&) {
    if (!s.previous) throw UsageError("persistence needs the state one horizon before " + std::to_string(s.year));
    const EvalState& prev = *s.previous;
    std::vector<double> er(s.regions), en(s.nodes, 0.0), out(s.regions * s.nodes);
    for (std::size_t r = 0; r < s.regions; ++r) er[r] = static_cast<double>(s.region_firms[r] - prev.region_firms[r]);
    for (std::size_t r = 0; r < s.regions; ++r)
        for (std::size_t n = 0; n < s.nodes; ++n) en[n] += s.count[s.at(r, n)] - prev.count[s.at(r, n)];
    // Net gains, never below 0: delisted and cancelled firms leave the later state (state.hpp), and a
    // loss must not turn the product's sign.
    for (double& v : er) v = std::max(0.0, v);
    for (double& v : en) v = std::max(0.0, v);
    for (std::size_t r = 0; r < s.regions; ++r)
        for (std::size_t n = 0; n < s.nodes; ++n) out[s.at(r, n)] = (1 + er[r]) * (1 + en[n]);
    return out;
}

}  // namespace chaingap
