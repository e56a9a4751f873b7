// Big arrays on transparent huge pages. With THP in "madvise" mode (the usual default) the kernel
// backs an anonymous range with 2 MiB pages only when asked: for arrays of tens of MB and more that
// removes most page faults while they are filled and most TLB misses while they are gathered from
// (../shared/PERF.md measured ≈ 1.8× on gathers; the 1M-firm CSV load spent a third of its samples in
// page faults). Below 4 MiB nothing is done.
#pragma once
#include <cstddef>
#include <vector>

namespace chaingap {

// madvise(MADV_HUGEPAGE) on the 2 MiB-aligned part of [data, data + bytes); a no-op when unsupported.
void advise_huge_pages(void* data, std::size_t bytes);

// Resizes `v` to n elements, asking for huge pages before the memory is first touched.
template <class T, class A>
void resize_huge(std::vector<T, A>& v, std::size_t n) {
    if (n > v.capacity()) {
        std::vector<T, A> fresh;
        fresh.reserve(n);
        advise_huge_pages(fresh.data(), n * sizeof(T));
        fresh.insert(fresh.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
        v.swap(fresh);
    }
    v.resize(n);
}

// Reserves room for n elements on huge pages (for columns filled by push_back).
template <class T, class A>
void reserve_huge(std::vector<T, A>& v, std::size_t n) {
    if (n <= v.capacity()) return;
    std::vector<T, A> fresh;
    fresh.reserve(n);
    advise_huge_pages(fresh.data(), n * sizeof(T));
    fresh.insert(fresh.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    v.swap(fresh);
}

}  // namespace chaingap
