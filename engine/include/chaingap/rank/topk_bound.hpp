// Top-K with one criterion read lazily: targets' relatedness, whose value needs the firm's relation
// rows (random reads, most of a candidate's cost at national scale) while every other criterion is
// already known.
//
// Method: branch and bound on an upper bound of the score. A row's score is Σ_u w_u·v_u over the
// criteria in use, summed in their order; the lazy criterion j has v_j ≤ bound(row). Each row's upper
// bound is the same sum with v_j replaced by bound(row): with w_j ≥ 0 it is ≥ the exact score, in
// floating point too (rounded products and sums are monotone). Rows are visited in decreasing upper
// bound; a visit reads v_j (`complete`) and scores the row exactly. The visit stops when k rows are
// exact, the statistics of the visited v_j already show criterion j in use (in_use: select_criteria
// can only keep it once more rows are added, so the weights assumed are the final ones), and the
// next upper bound is strictly below the k-th best exact score: no unvisited row can rank before it
// (an equal score would go to the tie-breaks, so such a row is visited). The unvisited rows are
// dropped; the rows kept contain the first k of the full list exactly. When every row is visited
// the rows are all complete and nothing is dropped (the caller then selects criteria on exact
// statistics). tests/unit/test_rank_targets_lean.cpp checks the lists against the full scoring.
// Source: the stopping rule of the threshold algorithm, Fagin, Lotem & Naor, "Optimal aggregation
// algorithms for middleware", J. Comput. Syst. Sci. 66 (2003), with one list sorted by the bound.
// Complexity: O(n·C + n log n) for the bounds and their order, then O(m·(C + log k)) plus m reads
// for the m rows visited (C criteria).
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "chaingap/rank/criteria.hpp"

namespace chaingap {

// lo/hi and "some row has data" of the lazy criterion over the rows completed so far.
struct LazyTermStats {
    std::size_t count = 0;
    double lo = 0, hi = 0;
    bool any = false;
    void add(double v, bool has_data) {
        lo = count == 0 ? v : std::min(lo, v);
        hi = count == 0 ? v : std::max(hi, v);
        any = any || has_data;
        ++count;
    }
    // select_criteria keeps the criterion (it has data and is not constant), whatever rows follow.
    bool in_use() const { return any && !(hi - lo <= 1e-12 * std::max(1.0, std::fabs(hi))); }
};

// Rows need `values` (indexed by Component) and `score`. `uses`: the criteria in use assuming the
// lazy one (index `lazy`) is used; bound(row) ≥ its value; complete(row, stats) sets the row's value
// and adds it to stats; better: the list's strict total order on scored rows.
template <class Row, class Bound, class Complete, class Better>
void prune_by_bound(std::vector<Row>& rows, std::size_t k, const std::vector<CriterionUse>& uses, std::size_t lazy,
                    Bound bound, Complete complete, LazyTermStats& stats, Better better) {
    auto score = [&](const Row& r, double v) {
        double s = 0;
        for (const CriterionUse& u : uses) {
            const auto c = static_cast<std::size_t>(u.id);
            s += u.effective_weight * (c == lazy ? v : r.values[c]);
        }
        return s;
    };
    std::vector<std::pair<double, std::size_t>> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order[i] = {score(rows[i], bound(rows[i])), i};
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // The k best exact rows so far, the worst of them on top.
    std::vector<std::size_t> heap;
    auto heap_order = [&](std::size_t a, std::size_t b) { return better(rows[a], rows[b]); };
    std::size_t visited = 0;
    for (; visited < order.size(); ++visited) {
        const auto [upper, i] = order[visited];
        if (k > 0 && heap.size() == k && stats.in_use() && upper < rows[heap.front()].score) break;
        complete(rows[i], stats);
        rows[i].score = score(rows[i], rows[i].values[lazy]);
        if (heap.size() < k) {
            heap.push_back(i);
            std::push_heap(heap.begin(), heap.end(), heap_order);
        } else if (k > 0 && better(rows[i], rows[heap.front()])) {
            std::pop_heap(heap.begin(), heap.end(), heap_order);
            heap.back() = i;
            std::push_heap(heap.begin(), heap.end(), heap_order);
        }
    }
    if (visited == order.size()) return;
    std::sort(heap.begin(), heap.end());  // enterprise order, as the rows came
    std::vector<Row> kept;
    kept.reserve(heap.size());
    for (std::size_t i : heap) kept.push_back(std::move(rows[i]));
    rows = std::move(kept);
}

}  // namespace chaingap
