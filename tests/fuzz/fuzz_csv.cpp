// libFuzzer harness: the CSV reader (load/csv) and its typed cell accessors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chaingap/core/error.hpp"
#include "chaingap/load/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace chaingap;
    try {
        CsvTable t = CsvTable::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv");
        for (std::size_t r = 0; r < t.rows(); ++r) {
            if (t.line_of(r) == 0) __builtin_trap();  // every row knows its line
            for (std::size_t c = 0; c < t.header().size(); ++c) {
                try { (void)t.text(r, c); } catch (const InputError&) {}
                try { (void)t.number(r, c); } catch (const InputError&) {}
                try { (void)t.integer(r, c); } catch (const InputError&) {}
            }
        }
    } catch (const InputError&) {
    }
    return 0;
}
