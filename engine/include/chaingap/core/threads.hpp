// Work split over threads for the few passes that are worth it at national scale (the all-regions
// presence, the targets candidate pass). Every user splits so that results do not depend on the
// number of threads (disjoint outputs, merged in a fixed order), and tests check the bits agree.
#pragma once
#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace chaingap {

// One thread per core, at most 8.
inline unsigned default_threads() {
    return std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
}

// Runs f(0), …, f(n − 1), f(0) on the calling thread and the others on threads of their own; waits
// for all, then rethrows the first exception (by index) any of them threw.
template <class F>
void run_on_threads(unsigned n, F f) {
    if (n <= 1) {
        f(0U);
        return;
    }
    std::vector<std::exception_ptr> failed(n);
    auto guarded = [&](unsigned t) {
        try {
            f(t);
        } catch (...) {
            failed[t] = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    workers.reserve(n - 1);
    for (unsigned t = 1; t < n; ++t) workers.emplace_back(guarded, t);
    guarded(0);
    for (std::thread& w : workers) w.join();
    for (const std::exception_ptr& e : failed)
        if (e) std::rethrow_exception(e);
}

}  // namespace chaingap
