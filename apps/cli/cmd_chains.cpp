#include "chaingap/analysis/gaps.hpp"
#include "chaingap/report/chain_writers.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int run(const Args& args) {
    const Dataset ds = load_chains_only(args.get_or("data", ""), load_options(args));
    const auto& pos = args.positional();
    std::string out;
    if (pos.empty() || pos[0] == "list") {
        out = format_of(args, {"table", "json"}, "table") == "json" ? chains_listing_json(ds) : chains_listing_table(ds);
    } else if (pos[0] == "show") {
        if (pos.size() != 2) throw UsageError("usage: chaingap chains show CHAIN [--format table|dot|json]");
        const ChainId c = require_chain(ds, pos[1]);
        const std::string f = format_of(args, {"table", "dot", "json"}, "table");
        out = f == "dot" ? chain_to_dot(ds, c) : f == "json" ? chain_to_json(ds, c) : chain_to_tree(ds, c);
    } else {
        throw UsageError("unknown chains sub-command '" + pos[0] + "' (list, show)");
    }
    write_output(args.get_or("out", ""), out);
    return 0;
}

const Registrar reg(Command{
    "chains", "list the chain catalogue, or show one chain as a tree, DOT or JSON",
    std::string("usage: chaingap chains [list] [--data DIR] [--format table|json]\n"
                "       chaingap chains show CHAIN [--data DIR] [--format table|dot|json]\n\n"
                "Lists the shipped catalogue (plus a dataset's own chains/ when --data is given) with link\n"
                "and edge counts and clusters, or prints one chain: its segment → sub-link tree and its\n"
                "upstream → downstream edges. DOT renders with Graphviz: chaingap chains show semiconductor\n"
                "--format dot | dot -Tsvg > semiconductor.svg\n\n") +
        kDataHelp + "  --out FILE         write to FILE instead of stdout\n",
    {"data", "format", "out", "catalogue"},
    {},
    run});
}  // namespace
}  // namespace chaingap::cli
