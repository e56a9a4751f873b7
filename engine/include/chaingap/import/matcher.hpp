// Firm → catalogue-link matcher: attaches a firm to chain links from its own evidence — its main
// product texts (with business shares) and its industry (申万 path) — under the catalogue's terms and
// rules. Used by every importer that attaches by text (today `import ashare`).
//
// Method (docs/importers.md "Matcher" has the rules with examples; docs/formats.md the catalogue fields):
//   terms     a node's `keywords` are its product terms; a keyword `申万:NAME` is an industry term
//             (the firm's industry path names NAME at any level).
//   texts     a product text is ASCII-lowercased and cut into segments at separators
//             (、，,；;/（）()[]【】 space + & - – — 及 和 与 以及).
//   rule      a Chinese (or mixed) term T matches a segment S when T is the head of S: S = prefix + T
//             + tail where tail is empty or a chain of generic suffixes (业务 类 产品 系列 板块 分部
//             事业部 小计 制造 制造业 生产 收入 销售 系统 等 …, kTails), the character before T is not
//             非, and, when T starts with an ASCII letter or digit, the byte before T is not an ASCII
//             letter. So 刻蚀设备 matches 等离子刻蚀设备 but not 刻蚀设备零部件; 汽车 matches 汽车制造
//             but not 非汽车用发动机 or 汽车零部件. A pure ASCII term (an acronym) matches anywhere in
//             S on token boundaries (no ASCII letter on either side): CMO ≠ CMOS, PC ≠ FPC.
//   node rules (inherited from the ancestors of the declaring node and, for an alias, of its canonical
//             node: exclude and exclude_industries
//             accumulate, industries takes the nearest list; an alias must satisfy both its own
//             nearest list and its canonical node's)
//             exclude             a product text containing one of them never matches the node;
//             exclude_industries  a firm whose industry path names one of them never attaches;
//             industries          when present, a product term attaches only firms whose industry
//                                 path names one of them.
//   share     a product row with share below scope_share (0.02: business-scope lines, eliminations,
//             traces — judged right 62 % of the time even when the industry agreed) never attaches; one
//             below min_share (0.08; rows of 0.05–0.08 on the 53 chains without reviewed industry
//             lists were right 67 % of the time in the judged set, 0.08–0.1 93 %) attaches only when
//             the node's `industries` list confirms it: the
//             list names the firm's own classification (FirmEvidence::own_industries — for A-shares the
//             L3), not only a sector above it (a sector-wide gate such as 消费电子 admits a firm, it does
//             not vouch for a 0.03 模具 row).
//   weight    product basis: the largest share among the firm's matching product rows (rows of one
//             firm overlap — several years, product vs segment breakdowns — so shares are not
//             summed); industry basis (no product matched): industry_weight.
//   specific  when a firm matches a link and one of its descendants, only the descendant is kept.
//   evidence  every match keeps the firm's text (product text, or 申万 NAME), the rule
//             (`term:T` or `industry:NAME`) and the basis (`product` | `industry`).
// Complexity: building O(Σ term length); match O(Σ_products Σ_segments |S| · t_c) where t_c is the
// number of terms sharing a first character (terms indexed by first UTF-8 character), plus
// O(k · depth) for the specificity step over the k matched links. The 54k A-share product rows take
// well under a second.
// Source: issue 9 (error classes), tests/truth/README.md (judging rules).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct MatcherParams {
    double scope_share = 0.02;     // product rows below this are business-scope lines: never attach
    double min_share = 0.08;       // product rows below this need the node's industries to confirm
    double industry_weight = 1.0;  // weight of an attachment made on the industry alone
};

struct FirmEvidence {
    struct Product {
        std::string text;
        double share = 0;
    };
    std::vector<std::string> industries;  // industry path: names and codes, any level, the firm's own first
    // industries[0, own_industries) is the firm's own classification (A-share: L3 name and code); the
    // rest are its ancestors. Only an own entry confirms a low-share row (see `share` above); every
    // entry gates. Default: every entry is the firm's own.
    std::size_t own_industries = static_cast<std::size_t>(-1);
    std::vector<Product> products;
};

struct LinkMatch {
    NodeId node = kNone;  // canonical node of the catalogue dataset
    double weight = 0;
    std::string evidence, rule, basis;  // CONTRACT: evidence text, `term:T` / `industry:N`, product|industry
};

struct MatcherStats {
    long rows_seen = 0, rows_nonpositive = 0, rows_below_scope = 0, rows_matching = 0;
    long excluded_by_term = 0, excluded_by_industry = 0, outside_industries = 0, low_share_unconfirmed = 0;
    long industry_only = 0, ancestor_dropped = 0;
};

class Matcher {
public:
    // `catalogue` must outlive the matcher. Throws InputError (chain file, node field) on an empty
    // industry term (`申万:`).
    explicit Matcher(const Dataset& catalogue, MatcherParams params = {});

    // The firm's links, sorted by node id. Updates stats().
    std::vector<LinkMatch> match(const FirmEvidence& firm);
    const MatcherStats& stats() const { return stats_; }
    const MatcherParams& params() const { return params_; }

    // The text rule alone (both arguments ASCII-lowercased, UTF-8): does `term` match `product`?
    static bool term_matches(std::string_view product, std::string_view term);
    // Segments of a product text (lowercased) as the rule sees them.
    static std::vector<std::string> segments(std::string_view product);

private:
    struct Term {
        std::string text;      // lowercased
        std::string original;  // as written in the catalogue
        NodeId declared;   // node whose keyword it is (its rules apply)
        NodeId target;     // canonical node
    };
    struct Rules {
        std::vector<std::string> exclude, exclude_industries;
        // Each list is one constraint (the node's nearest `industries`, and for an alias also its
        // canonical node's): the firm's industry path must name one entry of every list.
        std::vector<std::vector<std::string>> industries;
    };
    const Dataset& cat_;
    MatcherParams params_;
    MatcherStats stats_;
    std::vector<Term> terms_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
    std::vector<Rules> rules_;  // by declared node
    std::vector<std::pair<std::string, std::size_t>> industry_terms_;  // (name, term-like index into ind_nodes_)
    std::vector<std::pair<NodeId, NodeId>> ind_nodes_;                // (declared, target)
};

// ASCII lower-casing (UTF-8 bytes ≥ 0x80 untouched).
std::string ascii_lower(std::string s);

}  // namespace chaingap
