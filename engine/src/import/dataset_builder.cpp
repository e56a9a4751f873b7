// Rendering of the importers' dataset files. Rules: chaingap/import/dataset_builder.hpp.
#include "chaingap/import/dataset_builder.hpp"

#include <algorithm>
#include <stdexcept>

#include "chaingap/core/json_writer.hpp"
#include "chaingap/core/text.hpp"

namespace chaingap {

namespace {
constexpr const char* kStatus[] = {"active", "delisted", "cancelled"};
constexpr const char* kBasis[] = {"product", "industry", "scope", "curated", "share", "synthetic"};
constexpr const char* kCoverage[] = {"listed_only", "full_registry", "sample", "market_share", "synthetic"};
template <std::size_t N>
bool one_of(const std::string& s, const char* const (&list)[N]) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return s == x; });
}
}  // namespace

DatasetBuilder::DatasetBuilder(std::vector<std::string> enterprise_extra, std::vector<std::string> attachment_extra)
    : ent_extra_(std::move(enterprise_extra)), att_extra_(std::move(attachment_extra)) {}

void DatasetBuilder::add(EnterpriseRow row) {
    if (!one_of(row.status, kStatus)) throw std::invalid_argument("enterprise " + row.id + ": status '" + row.status + "'");
    if (row.extra.size() != ent_extra_.size()) throw std::invalid_argument("enterprise " + row.id + ": extra columns");
    ent_.push_back(std::move(row));
}

void DatasetBuilder::add(AttachmentRow row) {
    if (!one_of(row.basis, kBasis)) throw std::invalid_argument("attachment " + row.enterprise + ": basis '" + row.basis + "'");
    if (row.extra.size() != att_extra_.size()) throw std::invalid_argument("attachment " + row.enterprise + ": extra columns");
    att_.push_back(std::move(row));
}

void DatasetBuilder::set_coverage(const std::string& coverage, const std::string& description) {
    if (!one_of(coverage, kCoverage)) throw std::invalid_argument("coverage '" + coverage + "'");
    coverage_ = coverage;
    description_ = description;
}

void DatasetBuilder::add_file(std::string relative, std::string content) { other_.push_back({std::move(relative), std::move(content)}); }

std::vector<ImportedFile> DatasetBuilder::files() const {
    std::string e = "id,name,region,founded,labels,kind,status,until,region_source";
    for (const auto& c : ent_extra_) e += "," + c;
    e += "\n";
    for (const EnterpriseRow& r : ent_) {
        std::string labels;
        for (const auto& l : r.labels) labels += (labels.empty() ? "" : ";") + l;
        e += csv_field(r.id) + "," + csv_field(r.name) + "," + csv_field(r.region) + "," + (r.founded ? std::to_string(r.founded) : "") +
             "," + csv_field(labels) + "," + csv_field(r.kind) + "," + r.status + "," + (r.until ? std::to_string(r.until) : "") + "," +
             csv_field(r.region_source);
        for (const auto& x : r.extra) e += "," + csv_field(x);
        e += "\n";
    }
    std::string a = "enterprise,chain,node,weight,basis,rule,evidence";
    for (const auto& c : att_extra_) a += "," + c;
    a += "\n";
    for (const AttachmentRow& r : att_) {
        a += csv_field(r.enterprise) + "," + csv_field(r.chain) + "," + csv_field(r.node) + "," + fmt(r.weight, 6) + "," + r.basis + "," +
             csv_field(r.rule) + "," + csv_field(r.evidence);
        for (const auto& x : r.extra) a += "," + csv_field(x);
        a += "\n";
    }
    std::vector<ImportedFile> out{{"enterprises.csv", e}, {"attachments.csv", a}};
    if (!coverage_.empty()) {
        rapidjson::StringBuffer sb;
        JsonWriter w(sb);
        w.SetIndent(' ', 2);
        w.StartObject();
        w.Key("coverage");
        w.String(coverage_.c_str());
        w.Key("description");
        w.String(description_.c_str());
        w.EndObject();
        out.push_back({"dataset.json", std::string(sb.GetString()) + "\n"});
    }
    out.insert(out.end(), other_.begin(), other_.end());
    return out;
}

}  // namespace chaingap
