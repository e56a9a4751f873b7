#include <filesystem>
#include <sstream>

#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/import/ashare.hpp"
#include "chaingap/import/eto.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& ImportRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"out", OptionKind::text, "DATASET", "folder to write (refused when it exists and is not empty)", true},
        {"force", OptionKind::flag, "", "replace an existing --out folder"},
        {"coverage", OptionKind::flag, "", "(ashare) print the keyword match coverage per catalogue chain"},
        {"catalogue", OptionKind::text, "DIR", "chain catalogue to start from (default: the shipped chains/; '' for none)"},
    };
    return o;
}

ImportRequest ImportRequest::parse(const Options& o) {
    const auto& pos = o.positional();
    if (pos.size() != 2) throw UsageError("usage: chaingap import eto|ashare DIR --out DATASET (see --help)");
    ImportRequest r;
    r.source = pos[0];
    r.input = pos[1];
    if (r.source != "eto" && r.source != "ashare") throw UsageError("unknown importer '" + r.source + "' (eto, ashare)");
    r.out = o.require("out");
    r.force = o.flag("force");
    r.coverage = o.flag("coverage");
    r.command = "chaingap import " + r.source + " " + r.input + " --out " + r.out;
    if (r.force) r.command += " --force";
    if (auto c = o.get("catalogue")) {
        r.catalogue = *c;
        r.command += " --catalogue " + *c;
    }
    return r;
}

namespace {
// An import replaces --out as a whole (with --force): --out must not be an input folder nor hold
// one, or the input would be deleted once the new dataset is in place.
void check_out_holds_no_input(const std::string& out, const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(out, ec)) return;
    for (const std::string& input : inputs) {
        if (input.empty()) continue;
        const fs::path in = fs::canonical(input, ec);
        if (ec) continue;
        for (fs::path p = in;; p = p.parent_path()) {
            if (fs::equivalent(p, out, ec) && !ec)
                throw UsageError("--out '" + out + "' " + (p == in ? "is" : "holds") + " the input folder '" + input +
                                 "': the import would delete it; choose another --out");
            if (p == p.parent_path()) break;
        }
    }
}
}  // namespace

Response run(const ImportRequest& r) {
    LoadOptions load;
    load.catalogue_dir = r.catalogue;
    check_out_holds_no_input(r.out, {r.input, load.catalogue_dir});  // before any work
    std::ostringstream out;
    if (r.source == "eto") {
        EtoImportOptions o;
        o.command = r.command;
        const EtoImportStats st = import_eto(r.input, r.out, r.force, o, load);
        out << "wrote " << r.out << ": chain eto_semiconductor (" << st.inputs + st.stages << " links, " << st.edges
            << " edges), " << st.organisations << " organisations + " << st.aggregates << " aggregates, "
            << st.attachments << " attachments\n"
            << "firm rows without a share: " << st.shareless_firm_rows << " (" << st.imputed_country_split
            << " country split, " << st.imputed_ancestor_split << " ancestor split, " << st.imputed_floor
            << " floor); inputs scaled to 1: " << st.scaled_inputs << "; see README.md in the output\n";
    } else {
        AshareImportOptions o;
        o.command = r.command;
        const AshareImportStats st = import_ashare(r.input, r.out, r.force, o, load);
        out << "wrote " << r.out << ": " << st.enterprises << " listed companies (" << st.region_from_tushare
            << " province from Tushare, " << st.region_from_fullname << " from the full name; "
            << st.unmapped_companies << " without a province left out, listed in unmapped_companies.csv), chain sw2021 ("
            << st.industries << " industries), " << st.industry_attachments << " industry and "
            << st.catalogue_attachments << " catalogue attachments\n";
        if (r.coverage) out << "\n" << coverage_table(st);
    }
    Response resp;
    const std::string text = out.str();
    resp.report.text = [text] { return std::vector<Block>{Block::line(text)}; };
    return resp;
}

}  // namespace chaingap::api
