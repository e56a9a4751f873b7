// Firm → catalogue-link matcher. Method, rules and complexity: chaingap/import/matcher.hpp.
#include "chaingap/import/matcher.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "chaingap/core/error.hpp"
#include "chaingap/load/chain_json.hpp"

namespace chaingap {

namespace {

constexpr std::string_view kIndustryPrefix = "申万:";

// Generic suffixes that may follow a term at the end of a segment (longest first within a match).
constexpr std::string_view kTails[] = {"事业部", "制造业", "业务", "产品", "系列", "板块", "分部", "小计", "制造",
                                       "生产", "收入", "销售", "系统", "合计", "类", "等"};

// Separators inside a product text: one segment each side.
constexpr std::string_view kSeparators[] = {"、", "，", "；", "：", "／", "（", "）", "【", "】", "＆", "＋", "–", "—",
                                            "及", "和", "与", ",", ";", ":", "/", "(", ")", "[", "]", "&", "+",
                                            " ", "-", "\t"};

std::size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(char c) { return ascii_letter(c) || (c >= '0' && c <= '9'); }
bool pure_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
bool ends_with(std::string_view s, std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; }

// Last UTF-8 character of s[0, end).
std::string_view last_char(std::string_view s, std::size_t end) {
    if (end == 0) return {};
    std::size_t b = end - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    return s.substr(b, end - b);
}

bool any_named(const std::vector<std::string>& firm, const std::vector<std::string>& list, std::size_t first = static_cast<std::size_t>(-1)) {
    const auto end = firm.begin() + static_cast<std::ptrdiff_t>(std::min(first, firm.size()));
    for (const std::string& x : list)
        if (std::find(firm.begin(), end, x) != end) return true;
    return false;
}

}  // namespace

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<std::string> Matcher::segments(std::string_view p) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < p.size();) {
        const std::size_t n = std::min(utf8_len(static_cast<unsigned char>(p[i])), p.size() - i);
        const std::string_view ch = p.substr(i, n);
        if (ch == "以" && p.substr(i + n, 3) == "及") {  // 以及
            flush();
            i += n + 3;
            continue;
        }
        if (std::find(std::begin(kSeparators), std::end(kSeparators), ch) != std::end(kSeparators)) {
            flush();
        } else {
            cur.append(ch);
        }
        i += n;
    }
    flush();
    return out;
}

bool Matcher::term_matches(std::string_view product, std::string_view term) {
    if (term.empty()) return false;
    const bool acronym = pure_ascii(term);
    for (const std::string& seg : segments(product)) {
        std::string_view s(seg);
        if (acronym) {
            for (std::size_t at = s.find(term); at != std::string_view::npos; at = s.find(term, at + 1)) {
                const bool left = at == 0 || !ascii_letter(s[at - 1]);
                const bool right = at + term.size() >= s.size() || !ascii_letter(s[at + term.size()]);
                if (left && right) return true;
            }
            continue;
        }
        // Head rule: strip generic tails one at a time; the term must end one of the variants.
        std::string_view v = s;
        for (int round = 0; round < 5; ++round) {
            if (ends_with(v, term)) {
                const std::size_t at = v.size() - term.size();
                const bool not_negated = last_char(v, at) != "非";
                const bool boundary = !ascii_alnum(term.front()) || at == 0 || !ascii_letter(v[at - 1]);
                if (not_negated && boundary) return true;
            }
            bool stripped = false;
            for (std::string_view t : kTails)
                if (v.size() > t.size() && ends_with(v, t)) {
                    v.remove_suffix(t.size());
                    stripped = true;
                    break;
                }
            if (!stripped) break;
        }
    }
    return false;
}

Matcher::Matcher(const Dataset& catalogue, MatcherParams params) : cat_(catalogue), params_(params) {
    const std::size_t N = cat_.nodes.size();
    rules_.resize(N);
    for (NodeId n = 0; n < static_cast<NodeId>(N); ++n) {
        // Inherit along the parent chain: exclude / exclude_industries accumulate, industries nearest.
        Rules& r = rules_[n];
        for (NodeId a = n; a != kNone; a = cat_.nodes[a].parent) {
            NodeMatchFields f = node_match_fields(cat_.nodes[a]);
            for (auto& x : f.exclude) r.exclude.push_back(ascii_lower(x));
            for (auto& x : f.exclude_industries) r.exclude_industries.push_back(x);
            if (r.industries.empty() && !f.industries.empty()) r.industries.push_back(f.industries);
        }
    }
    // An alias (same_as) also obeys its canonical node's rules: a keyword declared in another chain
    // cannot bypass the exclusions of the link it attaches to.
    std::vector<Rules> own = rules_;
    for (NodeId n = 0; n < static_cast<NodeId>(N); ++n) {
        const NodeId c = cat_.canonical[n];
        if (c == n) continue;
        Rules& r = rules_[n];
        r.exclude.insert(r.exclude.end(), own[c].exclude.begin(), own[c].exclude.end());
        r.exclude_industries.insert(r.exclude_industries.end(), own[c].exclude_industries.begin(), own[c].exclude_industries.end());
        r.industries.insert(r.industries.end(), own[c].industries.begin(), own[c].industries.end());
    }
    for (NodeId n = 0; n < static_cast<NodeId>(N); ++n) {
        for (const std::string& k : cat_.nodes[n].keywords) {
            if (k.compare(0, kIndustryPrefix.size(), kIndustryPrefix) == 0) {
                std::string name = k.substr(kIndustryPrefix.size());
                if (name.empty())
                    throw InputError(cat_.chains[cat_.nodes[n].chain].file, 0, "nodes." + cat_.nodes[n].id + ".keywords",
                                     "'申万:' needs an industry name");
                industry_terms_.emplace_back(name, ind_nodes_.size());
                ind_nodes_.emplace_back(n, cat_.canonical[n]);
                continue;
            }
            terms_.push_back({ascii_lower(k), k, n, cat_.canonical[n]});
            const std::string& t = terms_.back().text;
            by_first_[t.substr(0, utf8_len(static_cast<unsigned char>(t[0])))].push_back(terms_.size() - 1);
        }
    }
}

std::vector<LinkMatch> Matcher::match(const FirmEvidence& firm) {
    std::map<NodeId, LinkMatch> found;
    for (const FirmEvidence::Product& row : firm.products) {
        ++stats_.rows_seen;
        if (row.share <= 0) {
            ++stats_.rows_nonpositive;
            continue;
        }
        if (row.share < params_.scope_share) {
            ++stats_.rows_below_scope;
            continue;
        }
        const std::string p = ascii_lower(row.text);
        std::set<std::size_t> cand;
        for (std::size_t i = 0; i < p.size(); i += utf8_len(static_cast<unsigned char>(p[i]))) {
            auto b = by_first_.find(p.substr(i, utf8_len(static_cast<unsigned char>(p[i]))));
            if (b == by_first_.end()) continue;
            for (std::size_t k : b->second)
                if (p.compare(i, terms_[k].text.size(), terms_[k].text) == 0) cand.insert(k);
        }
        bool any = false;
        for (std::size_t k : cand) {
            const Term& t = terms_[k];
            if (!term_matches(p, t.text)) continue;
            const Rules& r = rules_[t.declared];
            if (std::any_of(r.exclude.begin(), r.exclude.end(), [&](const std::string& x) { return p.find(x) != std::string::npos; })) {
                ++stats_.excluded_by_term;
                continue;
            }
            if (any_named(firm.industries, r.exclude_industries)) {
                ++stats_.excluded_by_industry;
                continue;
            }
            const bool has_industries = !r.industries.empty();
            const bool confirmed = has_industries && std::all_of(r.industries.begin(), r.industries.end(), [&](const std::vector<std::string>& list) {
                                       return any_named(firm.industries, list);
                                   });
            if (has_industries && !confirmed) {
                ++stats_.outside_industries;
                continue;
            }
            // A low share needs the firm's own classification named by every list, not only a sector.
            const bool own_confirmed = confirmed && std::all_of(r.industries.begin(), r.industries.end(), [&](const std::vector<std::string>& list) {
                                           return any_named(firm.industries, list, firm.own_industries);
                                       });
            if (row.share < params_.min_share && !own_confirmed) {
                ++stats_.low_share_unconfirmed;
                continue;
            }
            any = true;
            const double w = std::min(row.share, 1.0);
            auto [it, fresh] = found.try_emplace(t.target);
            if (fresh || w > it->second.weight)
                it->second = {t.target, w, row.text, "term:" + t.original, "product"};
        }
        stats_.rows_matching += any;
    }
    for (const auto& [name, idx] : industry_terms_) {
        if (std::find(firm.industries.begin(), firm.industries.end(), name) == firm.industries.end()) continue;
        const auto [declared, target] = ind_nodes_[idx];
        if (any_named(firm.industries, rules_[declared].exclude_industries)) {
            ++stats_.excluded_by_industry;
            continue;
        }
        if (found.count(target)) continue;  // the product evidence is more specific
        found[target] = {target, params_.industry_weight, "申万 " + name, "industry:" + name, "industry"};
        ++stats_.industry_only;
    }
    std::set<NodeId> drop;
    for (const auto& [n, m] : found)
        for (NodeId a = cat_.nodes[n].parent; a != kNone; a = cat_.nodes[a].parent)
            if (found.count(cat_.canonical[a])) drop.insert(cat_.canonical[a]);
    stats_.ancestor_dropped += static_cast<long>(drop.size());
    std::vector<LinkMatch> out;
    for (auto& [n, m] : found)
        if (!drop.count(n)) out.push_back(std::move(m));
    return out;
}

}  // namespace chaingap
