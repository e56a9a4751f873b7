// Import report of `chaingap import firms`. Contents: chaingap/report/firms_import.hpp.
#include "chaingap/report/firms_import.hpp"

#include <memory>

namespace chaingap {

namespace {

Table files_table(const FirmsImportStats& st) {
    Table t{"files",
            {{"file", "文件 file", 36},
             {"encoding", "编码 encoding", 12},
             {"sheet", "工作表 sheet", 12},
             {"header_row", "表头行 header", 8, true},
             {"rows", "行 rows", 8, true},
             {"imported", "导入 imported", 8, true},
             {"rejected", "拒绝 rejected", 8, true},
             {"duplicates", "重复 duplicates", 8, true},
             {"notes", "注释行 notes", 8, true}},
            {}};
    for (const FirmsFileStats& f : st.files)
        t.add({Cell::str(f.file), Cell::str(f.encoding), Cell::str(f.sheet), Cell::integer(static_cast<long long>(f.header_row)),
               Cell::integer(f.rows), Cell::integer(f.imported), Cell::integer(f.rejected), Cell::integer(f.duplicates),
               Cell::integer(f.notes)});
    return t;
}

Table chains_table(const FirmsImportStats& st) {
    Table t{"chains", {{"chain", "产业链 chain", 24}, {"name", "名称 name", 20}, {"firms", "企业 firms", 8, true}, {"links", "环节 links", 8, true}}, {}};
    for (const FirmsChainCount& c : st.by_chain)
        t.add({Cell::str(c.chain), Cell::str(c.name), Cell::integer(c.firms), Cell::integer(c.links)});
    return t;
}

Table regions_table(const FirmsImportStats& st) {
    Table t{"regions", {{"region", "地区代码 region", 10}, {"name", "地区 name", 16}, {"firms", "企业 firms", 8, true}}, {}};
    for (const auto& [code, n] : st.by_region) {
        auto it = st.region_names.find(code);
        t.add({Cell::str(code), Cell::str(it == st.region_names.end() ? "" : it->second), Cell::integer(n)});
    }
    return t;
}

Table rejects_table(const FirmsImportStats& st) {
    Table t{"rejected",
            {{"file", "文件 file", 30}, {"row", "行 row", 6, true}, {"column", "列 column", 16}, {"reason", "原因 reason", 60}},
            {}};
    for (const FirmsReject& r : st.rejects)
        t.add({Cell::str(r.file), Cell::integer(static_cast<long long>(r.row)), Cell::str(r.column), Cell::str(r.reason)});
    return t;
}

std::string n(long long v) { return std::to_string(v); }

}  // namespace

Report firms_import_report(FirmsImportStats stats, std::string out, std::string reject_file) {
    auto st = std::make_shared<const FirmsImportStats>(std::move(stats));
    Report r;
    r.title = "企业登记名录导入 registry import";
    r.text = [st, out, reject_file] {
        const FirmsImportStats& s = *st;
        std::vector<Block> b;
        b.push_back(Block::line("已写入 wrote " + out + "：读取 " + n(s.rows) + " 行 rows read，导入 " + n(s.imported) +
                                " 家 imported，拒绝 " + n(s.rejected) + " 行 rejected，重复 " + n(s.duplicates) +
                                " 行 duplicates，注释行 " + n(s.notes) + " notes\n"));
        b.push_back(Block::of(files_table(s)));
        std::string src;
        for (const auto& [k, v] : s.region_source) src += (src.empty() ? "" : ", ") + k + " " + n(v);
        std::string lines;
        lines += "区位 placed：区县 county " + n(s.at_county) + " · 城市 city " + n(s.at_city) + " · 省份 province " +
                 n(s.at_province) + "（region_source: " + src + "）\n";
        lines += "编号 id：统一社会信用代码 credit code " + n(s.credit_codes) + " · 生成 generated " + n(s.generated_ids) + "\n";
        lines += "状态 status：存续 active " + n(s.active) + " · 注销/吊销 cancelled " + n(s.cancelled) + "（有年份 with year " +
                 n(s.cancelled_with_year) + "；保留作历史，不计入现状 kept for history, not present-day）\n";
        lines += "挂链 attached：" + n(s.attached) + " 家 firms（" + n(s.attachments) + " 条 attachments：主营产品 product " +
                 n(s.product_basis) + " · 经营范围 scope " + n(s.scope_basis) + "）；未挂链 unattached " + n(s.unattached) +
                 " 家（保留，计入地区规模 kept, they count in the region's size）\n";
        lines += "匹配 matcher：" + n(s.matcher.rows_matching) + " 条文本命中 texts matched；拒绝 refused：exclude " +
                 n(s.matcher.excluded_by_term) + " · exclude_industries " + n(s.matcher.excluded_by_industry) +
                 " · 行业不符 outside the link's industries " + n(s.matcher.outside_industries) + "（国标行业 vs. the catalogue's lists）\n";
        lines += "经营范围 scope items：" + n(s.scope_items) + "（作为证据 evidence " + n(s.scope_evidence) + " · 仅贸易 trade " +
                 n(s.scope_trade) + " · 通用表述 stock wording " + n(s.scope_generic) + " · 省略 elliptical " +
                 n(s.scope_elliptical) + "；删除套话 boilerplate removed " + n(s.scope_boilerplate) + "）\n";
        std::string labels;
        for (const auto& [k, v] : s.labels) labels += (labels.empty() ? "" : ", ") + k + " " + n(v);
        lines += "标签 labels：" + (labels.empty() ? std::string("无 none") : labels) + "；其他标签 other tags " +
                 n(static_cast<long long>(s.other_tags.size())) + " 种 kinds（enterprises.csv `tags`）\n";
        lines += "数据覆盖 coverage：" + s.coverage + "\n";
        if (!reject_file.empty()) lines += "拒绝行已写入 rejected rows written to " + reject_file + "（" + n(s.rejected) + " 行 rows）\n";
        lines += "\n按产业链 by chain：\n";
        b.push_back(Block::line(lines));
        b.push_back(Block::of(chains_table(s)));
        return b;
    };
    r.tables = [st] { return std::vector<Table>{files_table(*st), chains_table(*st), regions_table(*st), rejects_table(*st)}; };
    r.json = [st, out](JsonWriter& w) {
        const FirmsImportStats& s = *st;
        w.StartObject();
        w.Key("out"); w.String(out.c_str());
        w.Key("rows"); w.Int(s.rows);
        w.Key("imported"); w.Int(s.imported);
        w.Key("rejected"); w.Int(s.rejected);
        w.Key("duplicates"); w.Int(s.duplicates);
        w.Key("notes"); w.Int(s.notes);
        w.Key("files"); w.StartArray();
        for (const FirmsFileStats& f : s.files) {
            w.StartObject();
            w.Key("file"); w.String(f.file.c_str());
            w.Key("encoding"); w.String(f.encoding.c_str());
            w.Key("sheet"); w.String(f.sheet.c_str());
            w.Key("header_row"); w.Uint64(f.header_row);
            w.Key("rows"); w.Int(f.rows);
            w.Key("imported"); w.Int(f.imported);
            w.Key("rejected"); w.Int(f.rejected);
            w.EndObject();
        }
        w.EndArray();
        w.Key("placed"); w.StartObject();
        w.Key("county"); w.Int(s.at_county);
        w.Key("city"); w.Int(s.at_city);
        w.Key("province"); w.Int(s.at_province);
        w.EndObject();
        w.Key("region_source"); w.StartObject();
        for (const auto& [k, v] : s.region_source) { w.Key(k.c_str()); w.Int(v); }
        w.EndObject();
        w.Key("active"); w.Int(s.active);
        w.Key("cancelled"); w.Int(s.cancelled);
        w.Key("attached"); w.Int(s.attached);
        w.Key("unattached"); w.Int(s.unattached);
        w.Key("attachments"); w.Int(s.attachments);
        w.Key("coverage"); w.String(s.coverage.c_str());
        w.Key("by_chain"); w.StartArray();
        for (const FirmsChainCount& c : s.by_chain) {
            w.StartObject();
            w.Key("chain"); w.String(c.chain.c_str());
            w.Key("firms"); w.Int(c.firms);
            w.Key("links"); w.Int(c.links);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    };
    return r;
}

}  // namespace chaingap
