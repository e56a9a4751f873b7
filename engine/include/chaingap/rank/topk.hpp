// Top-K by partial sort, for ranked lists of many candidates (targets at national scale): the k best
// rows under `better` (a strict weak order that breaks ties, e.g. score desc then id asc), sorted,
// the rest dropped. std::nth_element then std::sort of the first k: O(n + k log k) expected instead
// of O(n log n). keep_top_k(rows, 0, ...) sorts everything (no cut). The result is the same prefix a
// full std::sort would give, because `better` is total on distinct rows (tests/unit/test_snapshot.cpp).
#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

namespace chaingap {

template <class T, class Better>
void keep_top_k(std::vector<T>& rows, std::size_t k, Better better) {
    if (k == 0 || k >= rows.size()) {
        std::sort(rows.begin(), rows.end(), better);
        return;
    }
    std::nth_element(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(k), rows.end(), better);
    rows.resize(k);
    std::sort(rows.begin(), rows.end(), better);
}

}  // namespace chaingap
