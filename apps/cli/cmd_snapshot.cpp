// `chaingap snapshot`: a loaded, validated dataset written as one binary file (docs/formats.md).
#include <cstdio>
#include <iostream>

#include "chaingap/core/error.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/load/snapshot.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int run(const Args& args) {
    const std::string out = args.require("out");
    if (out == "-") throw UsageError("--out must name a file (a snapshot is binary)");
    const Dataset ds = open_dataset(args.require("data"), load_options(args));
    const std::uint64_t bytes = write_snapshot(ds, out);
    std::cerr << "chaingap snapshot: " << out << ": " << ds.enterprises.size() << " enterprises, "
              << ds.attachments.size() << " attachments, " << ds.relations.size() << " relations, "
              << ds.regions.size() << " regions, " << ds.chains.size() << " chains; " << fmt(bytes / 1048576.0, 1)
              << " MiB\n";
    return 0;
}

const Registrar reg(Command{
    "snapshot", "write a dataset as one binary snapshot file that every command loads in a fraction of the time",
    std::string("usage: chaingap snapshot --data DIR --out FILE\n\n"
                "Loads and validates the dataset folder (with its chain catalogue) once and writes it, indices\n"
                "included, as one binary file: magic, format version, byte order, checksums, flat arrays laid out\n"
                "to be memory-mapped (docs/formats.md, \"Snapshot\"). Every command then takes --data FILE. A\n"
                "snapshot of another format version or a damaged file is refused, never read as data.\n\n") +
        kDataHelp + "  --out FILE         the snapshot to write (atomically)\n",
    {"data", "out", "catalogue"},
    {},
    run});
}  // namespace
}  // namespace chaingap::cli
