// 经营范围 splitting. Method and rules: chaingap/import/business_scope.hpp.
#include "chaingap/import/business_scope.hpp"

#include <algorithm>

namespace chaingap {

namespace {

// Text that marks a bracket group or a clause as registry boilerplate (the licensing sentences of the
// standard wording, and restrictions such as （不含危险化学品）).
constexpr std::string_view kMarkers[] = {"依法须经批准", "经相关部门批准", "凭营业执照", "许可证件",     "批准文件",
                                         "审批结果",     "审批机关",       "国务院决定", "自主选择经营", "自主开展经营",
                                         "不得经营",     "禁止",           "不含",       "除外",         "须取得",
                                         "取得许可",     "以工商",         "以登记机关"};
constexpr std::string_view kHeaders[] = {
    "一般经营项目：", "许可经营项目：", "一般经营项目:", "许可经营项目:", "一般项目：",
    "许可项目：",     "一般项目:",      "许可项目:",     "经营范围：",    "经营范围:"};
constexpr std::string_view kClauseBreaks[] = {"；", ";", "。", "，", ",", "\n", "\r"};
// Stock entries of the standard wording that name no product (technology-service filler, customs).
constexpr std::string_view kGeneric[] = {
    "技术服务",         "技术开发",     "技术咨询",       "技术交流",         "技术转让",     "技术推广",
    "货物进出口",       "技术进出口",   "进出口代理",     "信息咨询服务",     "企业管理咨询", "社会经济咨询服务",
    "信息技术咨询服务", "企业管理",     "市场营销策划",   "广告设计",         "广告制作",     "广告发布",
    "品牌管理",         "办公服务",     "会议及展览服务", "非居住房地产租赁", "住房租赁",     "普通货物仓储服务",
    "装卸搬运",         "日用百货销售", "国内贸易代理",   "销售代理",         "互联网销售"};
// Activity words at the end of an item, longest first within each kind.
constexpr std::string_view kMaking[] = {"初加工", "制造", "生产", "加工", "种植", "养殖",    "研发",
                                        "设计",   "开发", "组装", "装配", "制作", "培育",    "酿造",
                                        "繁育",   "育种", "研制", "冶炼", "印刷", "生产加工"};
constexpr std::string_view kService[] = {"服务", "管理", "运营", "经营", "业务",
                                         "维修", "策划", "咨询", "检测", "运输"};
constexpr std::string_view kTrade[] = {"进出口", "批发", "零售", "销售", "经销", "代销",
                                       "购销",   "贸易", "代理", "租赁", "回收"};

bool contains_marker(std::string_view s) {
    return std::any_of(std::begin(kMarkers), std::end(kMarkers),
                       [&](std::string_view m) { return s.find(m) != std::string_view::npos; });
}

std::string trim(std::string_view s) {
    auto strip = [&](bool front) {
        for (bool again = true; again && !s.empty();) {
            again = false;
            for (std::string_view t :
                 {std::string_view(" "), std::string_view("\t"), std::string_view("　"), std::string_view("、"),
                  std::string_view("："), std::string_view(":"), std::string_view("*")}) {
                if (s.size() >= t.size() && (front ? s.substr(0, t.size()) == t : s.substr(s.size() - t.size()) == t)) {
                    front ? s.remove_prefix(t.size()) : s.remove_suffix(t.size());
                    again = true;
                }
            }
        }
    };
    strip(true);
    strip(false);
    return std::string(s);
}

struct Bracket {
    std::string_view open, close;
};
constexpr Bracket kBrackets[] = {{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}};

// Removes bracket groups holding a marker (with nesting across bracket kinds).
std::string drop_boilerplate_groups(std::string_view s, int& dropped) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const Bracket* b = nullptr;
        for (const Bracket& k : kBrackets)
            if (s.substr(i, k.open.size()) == k.open) b = &k;
        if (!b) {
            out += s[i++];
            continue;
        }
        // Find the matching close (any kind nests).
        int depth = 0;
        std::size_t j = i, end = std::string_view::npos;
        while (j < s.size()) {
            bool step = false;
            for (const Bracket& k : kBrackets) {
                if (s.substr(j, k.open.size()) == k.open) {
                    ++depth, j += k.open.size(), step = true;
                    break;
                }
                if (s.substr(j, k.close.size()) == k.close) {
                    --depth, j += k.close.size(), step = true;
                    break;
                }
            }
            if (!step) ++j;
            if (depth == 0) {
                end = j;
                break;
            }
        }
        if (end == std::string_view::npos) {  // unbalanced: keep the rest as it is
            out.append(s.substr(i));
            break;
        }
        const std::string_view group = s.substr(i, end - i);
        if (contains_marker(group))
            ++dropped;
        else
            out.append(group);
        i = end;
    }
    return out;
}

std::vector<std::string> cut(const std::string& s, std::initializer_list<std::string_view> seps) {
    std::vector<std::string> out;
    std::size_t start = 0, i = 0;
    while (i < s.size()) {
        std::size_t hit = 0;
        for (std::string_view sep : seps)
            if (s.compare(i, sep.size(), sep) == 0) {
                hit = sep.size();
                break;
            }
        if (hit) {
            out.push_back(s.substr(start, i - start));
            i += hit;
            start = i;
        } else {
            ++i;
        }
    }
    out.push_back(s.substr(start));
    return out;
}

bool ends_with(std::string_view s, std::string_view t) {
    return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

template <std::size_t N>
std::string_view trailing(std::string_view s, const std::string_view (&words)[N]) {
    std::string_view best;
    for (std::string_view w : words)
        if (ends_with(s, w) && w.size() > best.size()) best = w;
    return best;
}

// Strips trailing activity words (and 及 / 和 / 与 left between them); records which kinds were seen.
std::string strip_activities(std::string_view s, bool& making, bool& service, bool& trade) {
    for (int round = 0; round < 6; ++round) {
        std::string_view m = trailing(s, kMaking), v = trailing(s, kService), t = trailing(s, kTrade);
        std::string_view w = m.size() >= v.size() && m.size() >= t.size() ? m : v.size() >= t.size() ? v : t;
        if (w.empty()) break;
        (w == m ? making : w == v ? service : trade) = true;
        s.remove_suffix(w.size());
        for (std::string_view j :
             {std::string_view("及"), std::string_view("和"), std::string_view("与"), std::string_view("、")})
            if (ends_with(s, j)) s.remove_suffix(j.size());
    }
    return std::string(s);
}

ScopeItem::Kind kind_of(bool making, bool service, bool trade) {
    if (making) return ScopeItem::Kind::making;
    if (service) return ScopeItem::Kind::service;
    if (trade) return ScopeItem::Kind::trade;
    return ScopeItem::Kind::product;
}

bool is_generic(const std::string& s) {
    return std::find(std::begin(kGeneric), std::end(kGeneric), s) != std::end(kGeneric);
}

}  // namespace

const char* scope_kind_name(ScopeItem::Kind k) {
    switch (k) {
        case ScopeItem::Kind::making:
            return "making";
        case ScopeItem::Kind::service:
            return "service";
        case ScopeItem::Kind::product:
            return "product";
        case ScopeItem::Kind::trade:
            return "trade";
        case ScopeItem::Kind::generic:
            return "generic";
        case ScopeItem::Kind::elliptical:
            return "elliptical";
    }
    return "";
}

ScopeSplit split_business_scope(std::string_view scope) {
    ScopeSplit out;
    std::string s = drop_boilerplate_groups(scope, out.boilerplate);
    for (std::string_view h : kHeaders)
        for (std::size_t at = s.find(h); at != std::string::npos; at = s.find(h, at)) {
            s.replace(at, h.size(), "；");
            ++out.boilerplate;
        }
    for (const std::string& raw : cut(s, {"；", ";", "。", "，", ",", "\n", "\r"})) {
        std::string clause = trim(raw);
        if (clause.empty()) continue;
        if (contains_marker(clause)) {
            ++out.boilerplate;
            continue;
        }
        // "生产、销售：眼镜、镜片": activities before the colon apply to every object after it.
        std::size_t colon = clause.find("：");
        std::size_t colon_len = 3;
        if (colon == std::string::npos) colon = clause.find(':'), colon_len = 1;
        if (colon != std::string::npos) {
            bool making = false, service = false, trade = false;
            bool only_activities = true;
            for (const std::string& a : cut(clause.substr(0, colon), {"、", "和", "及"})) {
                const std::string rest = strip_activities(trim(a), making, service, trade);
                if (!rest.empty()) only_activities = false;
            }
            if (only_activities && (making || service || trade)) {
                for (const std::string& o : cut(clause.substr(colon + colon_len), {"、"})) {
                    std::string obj = trim(o);
                    if (obj.empty()) continue;
                    bool m2 = making, s2 = service, t2 = trade;
                    std::string object = strip_activities(obj, m2, s2, t2);
                    out.items.push_back({obj, object.empty() ? obj : object, kind_of(m2, s2, t2)});
                }
                continue;
            }
        }
        std::vector<std::string> parts = cut(clause, {"、"});
        std::vector<ScopeItem> items;
        bool clause_has_activity = false;
        for (const std::string& p : parts) {
            std::string text = trim(p);
            if (text.empty()) continue;
            bool making = false, service = false, trade = false;
            std::string object = strip_activities(text, making, service, trade);
            ScopeItem it{text, object, kind_of(making, service, trade)};
            if (making || service || trade) clause_has_activity = true;
            if (is_generic(text))
                it.kind = ScopeItem::Kind::generic;
            else if (object.empty())
                it.kind = ScopeItem::Kind::elliptical;  // an activity without its object
            items.push_back(std::move(it));
        }
        for (ScopeItem& it : items) {
            // A bare object in a clause whose other items carry an activity: the activity is elided
            // and ambiguous (汽车、摩托车零部件制造).
            if (it.kind == ScopeItem::Kind::product && clause_has_activity) it.kind = ScopeItem::Kind::elliptical;
            out.items.push_back(std::move(it));
        }
    }
    return out;
}

}  // namespace chaingap
