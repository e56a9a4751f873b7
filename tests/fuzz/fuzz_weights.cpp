// libFuzzer harness: the --weights file (rank/params): JSON object of ranking parameters. Accepted
// parameters must pass their own range check.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chaingap/core/error.hpp"
#include "chaingap/rank/params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace chaingap;
    try {
        const RankParams p = parse_rank_weights(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
        p.validate();  // throws UsageError if an out-of-range value slipped through
    } catch (const InputError&) {
    } catch (const UsageError&) {
        __builtin_trap();  // parse_rank_weights must report range errors as InputError with a line
    }
    return 0;
}
