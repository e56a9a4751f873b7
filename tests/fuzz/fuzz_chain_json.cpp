// libFuzzer harness: one chain file (load/chain_json), resolved into a dataset, with the shipped
// toy-free path: parse → resolve (parents, edges, same_as, cycles) → chain graph views.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chaingap/core/error.hpp"
#include "chaingap/load/chain_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace chaingap;
    try {
        ParsedChain pc = parse_chain_json(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
        std::vector<ParsedChain> base;
        base.push_back(std::move(pc));
        Dataset ds;
        resolve_chains(std::move(base), {}, ds);
        if (ds.chains.size() != 1) __builtin_trap();
    } catch (const InputError&) {
    }
    return 0;
}
