// GB/T 2260 placement from Tushare area and full name. Method: chaingap/import/location.hpp.
#include "chaingap/import/location.hpp"

#include <algorithm>
#include <cctype>

#include "chaingap/core/error.hpp"
#include "chaingap/load/csv.hpp"

namespace chaingap {

namespace {

std::size_t utf8_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// The full name, then the name without the first suffix of `suffixes` that leaves ≥ 2 characters.
std::vector<std::string> forms(const std::string& name, std::initializer_list<const char*> suffixes) {
    std::vector<std::string> out{name};
    for (const char* sfx : suffixes) {
        const std::string s(sfx);
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
            std::string stem = name.substr(0, name.size() - s.size());
            if (utf8_chars(stem) >= 2) out.push_back(stem);
            break;
        }
    }
    return out;
}

bool digits(std::string_view s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

DivisionTable DivisionTable::read(const std::string& dir) {
    DivisionTable t;
    CsvTable p = CsvTable::read(dir + "/provinces.csv");
    {
        const auto cc = p.require_column("code"), cn = p.require_column("name");
        for (std::size_t r = 0; r < p.rows(); ++r) {
            const std::string code(p.text(r, cc)), name(p.text(r, cn));
            if (!digits(code, 2)) p.fail(r, cc, "a province code has two digits");
            t.provinces_.push_back({code + "0000", name, "",
                                    forms(name, {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"})});
            t.names_[code + "0000"] = name;
        }
    }
    CsvTable c = CsvTable::read(dir + "/cities.csv");
    {
        const auto cc = c.require_column("code"), cn = c.require_column("name"), cp = c.require_column("provinceCode");
        for (std::size_t r = 0; r < c.rows(); ++r) {
            const std::string code(c.text(r, cc)), name(c.text(r, cn)), prov(c.text(r, cp));
            if (!digits(code, 4)) c.fail(r, cc, "a city code has four digits");
            if (code.compare(0, 2, prov) != 0) c.fail(r, cp, "city " + code + " is not in province " + prov);
            // 市辖区 / 县 / 省直辖县级行政区划 are groupings, not cities: their counties hang under the province.
            if (name == "市辖区" || name == "县" || name.find("直辖") != std::string::npos) continue;
            t.cities_.push_back({code + "00", name, prov + "0000", forms(name, {"自治州", "地区", "市", "盟"})});
            t.names_[code + "00"] = name;
        }
    }
    CsvTable a = CsvTable::read(dir + "/areas.csv");
    {
        const auto cc = a.require_column("code"), cn = a.require_column("name"), ci = a.require_column("cityCode");
        for (std::size_t r = 0; r < a.rows(); ++r) {
            const std::string code(a.text(r, cc)), name(a.text(r, cn)), city(a.text(r, ci));
            if (!digits(code, 6)) a.fail(r, cc, "a county code has six digits");
            if (code.compare(0, 4, city) != 0) a.fail(r, ci, "county " + code + " is not in city " + city);
            // 市辖区 groups districts; a row with the city's own code (东莞市 441900, 中山市 442000: cities
            // without counties) is the city itself.
            if (name == "市辖区" || code.compare(4, 2, "00") == 0) continue;
            const std::string parent = t.names_.count(city + "00") ? city + "00" : code.substr(0, 2) + "0000";
            t.counties_.push_back({code, name, parent, forms(name, {"自治县", "自治旗", "新区", "林区", "特区", "区", "县", "市", "旗"})});
            t.names_[code] = name;
        }
    }
    return t;
}

const DivisionTable::Unit* DivisionTable::prefix(const std::vector<Unit>& units, const std::string& text,
                                                 const std::string& scope, std::size_t& consumed) const {
    const Unit* best = nullptr;
    std::size_t len = 0;
    bool tie = false;
    for (const Unit& u : units) {
        if (!starts_with(u.code, scope)) continue;
        for (const std::string& f : u.forms)
            if (starts_with(text, f)) {
                if (f.size() > len) {
                    best = &u, len = f.size(), tie = false;
                } else if (f.size() == len && best != &u) {
                    tie = true;
                }
            }
    }
    if (tie) return nullptr;
    consumed = len;
    return best;
}

std::string DivisionTable::province_of_area(const std::string& area) const {
    if (area.empty()) return "";
    if (area == "深圳") return "440300";  // Tushare lists Shenzhen apart from 广东
    std::string found;
    for (const Unit& p : provinces_)
        if (starts_with(p.name, area)) {
            if (!found.empty()) return "?";
            found = p.code;
        }
    return found.empty() ? "!" : found;
}

Place DivisionTable::place(const std::string& fullname, const std::string& province) const {
    Place out;
    std::string rest = fullname;
    std::string prov = province.empty() ? "" : province.substr(0, 2);
    std::size_t k = 0;
    bool named_province = false;
    if (const Unit* u = prefix(provinces_, rest, "", k)) {
        if (!prov.empty() && u->code.compare(0, 2, prov) != 0) return {};  // conflicts with the hint
        prov = u->code.substr(0, 2);
        rest = rest.substr(k);
        out = {u->code, "fullname_province", 1};
        named_province = true;
    }
    std::string city;
    if (const Unit* u = prefix(cities_, rest, prov, k)) {
        city = u->code.substr(0, 4);
        rest = rest.substr(k);
        out = {u->code, "fullname_city", 2};
    }
    if (!city.empty() || named_province) {
        if (const Unit* u = prefix(counties_, rest, city.empty() ? prov : city, k)) out = {u->code, "fullname_county", 3};
    }
    return out;
}

std::string DivisionTable::regions_csv(const std::set<std::string>& used) const {
    std::string s = "id,name,parent\n";
    auto q = [](const std::string& x) { return x.find(',') == std::string::npos ? x : "\"" + x + "\""; };
    for (const Unit& p : provinces_) s += p.code + "," + q(p.name) + ",\n";
    std::set<std::string> cities;
    for (const Unit& c : counties_)
        if (used.count(c.code) && c.parent.compare(2, 4, "0000") != 0) cities.insert(c.parent);
    for (const Unit& c : cities_)
        if (used.count(c.code) || cities.count(c.code)) s += c.code + "," + q(c.name) + "," + c.parent + "\n";
    for (const Unit& c : counties_)
        if (used.count(c.code)) s += c.code + "," + q(c.name) + "," + c.parent + "\n";
    return s;
}

const std::string& DivisionTable::name_of(const std::string& code) const {
    static const std::string empty;
    auto it = names_.find(code);
    return it == names_.end() ? empty : it->second;
}

}  // namespace chaingap
