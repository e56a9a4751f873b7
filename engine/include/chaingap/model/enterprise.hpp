// Enterprises, their attachments to chain links, and relations between them, as flat columns.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chaingap/model/ids.hpp"
#include "chaingap/model/string_pool.hpp"

namespace chaingap {

// Documented label vocabulary (docs/formats.md), one row per label: adding a label is one row here.
// Bit i of EnterpriseTable::labels is kLabels[i]. `points` is the label's default contribution to the
// target ranking's tier criterion (quality = min(1, Σ points), rank/criteria.hpp), re-settable as
// ranking parameter points_NAME; 0 for labels that carry no tier (they may still filter, as st does).
struct LabelInfo {
    std::string_view name;     // as written in enterprises.csv `labels`
    std::string_view name_zh;  // shown in tables and workbooks
    double points;             // default tier points, in [0, 1]
    std::string_view source;   // where the tier comes from
};
inline constexpr std::array<LabelInfo, 14> kLabels = {{
    {"fortune500", "世界500强", 1.0, "000 二.6"},
    {"china500", "中国500强", 0.8, "000 二.6"},
    {"top10", "行业前10强", 0.8, "000 二.6"},
    {"little_giant", "专精特新\"小巨人\"", 0.6, "000 二.6 (national tier of 专精特新)"},
    {"srdi", "专精特新", 0.4, "000 二.6"},
    {"hightech", "高新技术企业", 0.2, "000 二.6 以高端制造业和高新技术产业为重点"},
    {"listed", "上市公司", 0.3, "disclosed accounts; not named in 000 二.6"},
    {"chain_leader", "链主企业", 1.0, "000 二.6 开展链主型龙头企业招商"},
    {"st", "ST/*ST", 0.0, "exchange risk warning; excluded from targets unless asked (issue 11)"},
    {"star_market", "科创板", 0.0, "listing board; the listing itself scores as listed"},
    {"chinext", "创业板", 0.0, "listing board; the listing itself scores as listed"},
    {"bse", "北交所", 0.0, "listing board; the listing itself scores as listed"},
    {"gazelle", "瞪羚企业", 0.0, "registry-export label (issue 10); not a tier of 000 二.6, so no points unless set"},
    {"unicorn", "独角兽企业", 0.0, "registry-export label (issue 10); not a tier of 000 二.6, so no points unless set"},
}};
inline constexpr std::size_t kLabelCount = kLabels.size();
inline constexpr std::array<std::string_view, kLabelCount> kLabelNames = [] {
    std::array<std::string_view, kLabelCount> names{};
    for (std::size_t i = 0; i < kLabelCount; ++i) names[i] = kLabels[i].name;
    return names;
}();
static_assert(kLabelCount <= 32, "EnterpriseTable::labels is a 32-bit mask");
std::optional<int> label_bit(std::string_view name);

// Whether a firm operates today (docs/formats.md `status`). A firm that is not active stays in the
// dataset for history (backtests see it from `founded` to `until`) but never counts in present-day
// analyses (presence, gaps, targets).
enum class EnterpriseStatus : std::uint8_t { active, delisted, cancelled };
inline constexpr std::array<std::string_view, 3> kEnterpriseStatusNames = {"active", "delisted", "cancelled"};
std::optional<EnterpriseStatus> enterprise_status(std::string_view name);

struct EnterpriseTable {
    std::vector<std::string> id;
    std::vector<std::string> name;
    std::vector<RegionId> region;
    std::vector<double> revenue;     // 万元; NaN when not given
    std::vector<double> employees;   // persons; NaN when not given
    std::vector<int> founded;        // year; 0 when not given
    std::vector<std::uint32_t> labels;
    // 1 for an aggregate row (e.g. "Various companies", a country's residual share): it stands for
    // unnamed firms, counts toward presence and capacity, and is never listed as a target.
    std::vector<std::uint8_t> aggregate;
    std::vector<EnterpriseStatus> status;
    std::vector<int> until;                   // year the firm stopped (delisting, cancellation); 0 when not given
    std::vector<std::uint32_t> region_source;  // how the region was found: index into region_sources ("" = not given)
    StringPool region_sources;

    std::size_t size() const { return id.size(); }
    bool is_aggregate(EnterpriseId e) const { return aggregate[e] != 0; }
    // Operates today: counts in present-day presence, gaps and targets.
    bool is_active(EnterpriseId e) const { return status[e] == EnterpriseStatus::active; }
    // Exists at `year` (backtests): founded ≤ year and (until = 0 or year < until). Undated firms
    // (founded = 0) exist at no year.
    bool exists_at(EnterpriseId e, int year) const {
        return founded[e] != 0 && founded[e] <= year && (until[e] == 0 || year < until[e]);
    }
    bool has_revenue(EnterpriseId e) const;
    // Size used for capacity: revenue when given, else 1.
    double size_of(EnterpriseId e) const { return has_revenue(e) ? revenue[e] : 1.0; }
    bool has_label(EnterpriseId e, int bit) const { return (labels[e] >> bit) & 1U; }
    void push(std::string id, std::string name, RegionId region, double revenue, double employees,
              int founded, std::uint32_t labels, bool aggregate = false,
              EnterpriseStatus status = EnterpriseStatus::active, int until = 0, std::string_view region_source = {});
};

// How an attachment was found (docs/formats.md `basis`); `none` when not given.
enum class AttachmentBasis : std::uint8_t { none, product, industry, scope, curated, share, synthetic };
inline constexpr std::array<std::string_view, 7> kAttachmentBasisNames = {
    "", "product", "industry", "scope", "curated", "share", "synthetic"};
// A non-empty name of the vocabulary; nullopt otherwise.
std::optional<AttachmentBasis> attachment_basis(std::string_view name);

// The evidence behind one attachment: the firm's own text that matched, the catalogue term or rule
// that matched (both indices into AttachmentTable::texts) and the basis.
struct AttachmentEvidence {
    std::uint32_t evidence = 0, rule = 0;
    AttachmentBasis basis = AttachmentBasis::none;
    bool operator==(const AttachmentEvidence&) const = default;
};

// enterprise works at chain node; weight in (0,1] is the share of its business there.
//
// Evidence is kept per attachment as a 4-byte index into a deduplicated table of (evidence, rule,
// basis) records (a national dataset has tens of millions of attachments and few distinct
// records). `evidence_of` is empty while no attachment has evidence (old datasets cost nothing),
// else it is aligned with the other columns; record 0 is "no evidence".
struct AttachmentTable {
    std::vector<EnterpriseId> enterprise;
    std::vector<NodeId> node;  // as written (may be a same_as alias)
    std::vector<double> weight;
    std::vector<std::uint32_t> evidence_of;           // per attachment: index into records; or empty
    std::vector<AttachmentEvidence> records{{}};       // [0]: none; deduplicated
    StringPool texts;                                  // evidence and rule texts

    std::size_t size() const { return enterprise.size(); }
    // Index of the record (evidence, rule, basis), adding it when new; 0 when all are empty.
    std::uint32_t add_evidence(std::string_view evidence, std::string_view rule, AttachmentBasis basis);
    void push(EnterpriseId e, NodeId n, double w, std::uint32_t evidence_record = 0);
    // Reorders the rows: row i becomes the old row order[i] (a permutation of 0..size()-1). The
    // evidence records and texts are shared by index, so they stay as they are. O(A).
    void permute(const std::vector<std::size_t>& order);

    const AttachmentEvidence& record_of(std::size_t a) const {
        return records[evidence_of.empty() ? 0 : evidence_of[a]];
    }
    std::string_view evidence(std::size_t a) const { return texts.at(record_of(a).evidence); }
    std::string_view rule(std::size_t a) const { return texts.at(record_of(a).rule); }
    AttachmentBasis basis(std::size_t a) const { return record_of(a).basis; }

private:
    struct RecordHash {
        std::size_t operator()(const AttachmentEvidence& r) const {
            return std::hash<std::uint64_t>{}((std::uint64_t{r.evidence} << 32) ^ r.rule ^
                                              (std::uint64_t{static_cast<std::uint8_t>(r.basis)} << 56));
        }
    };
    std::unordered_map<AttachmentEvidence, std::uint32_t, RecordHash> record_index_;
};

enum class RelationType : std::uint8_t { supply, invest, cooperate, compete, own, other };
inline constexpr std::array<std::string_view, 6> kRelationTypeNames = {
    "supply", "invest", "cooperate", "compete", "own", "other"};
std::optional<RelationType> relation_type(std::string_view name);

struct RelationTable {
    std::vector<EnterpriseId> from;
    std::vector<EnterpriseId> to;
    std::vector<RelationType> type;
    std::vector<double> weight;
    std::size_t size() const { return from.size(); }
};

}  // namespace chaingap
