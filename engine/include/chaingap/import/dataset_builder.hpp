// The dataset files every importer writes (docs/formats.md; issue 9 data contract): enterprises.csv
// with status / until / region_source / labels, attachments.csv with evidence / rule / basis, and
// dataset.json with the coverage. Importers fill rows; the builder renders them with one header and
// one quoting rule, and checks the controlled values (status, basis, coverage) before anything is
// written. Complexity O(rows).
#pragma once
#include <string>
#include <vector>

#include "chaingap/import/dataset_writer.hpp"

namespace chaingap {

struct EnterpriseRow {
    std::string id, name, region;
    int founded = 0;                  // 0: unknown
    std::vector<std::string> labels;  // written `;`-separated
    std::string kind = "firm";
    std::string status = "active";    // active | delisted | cancelled
    int until = 0;                    // year the firm stopped; 0: none / unknown
    std::string region_source;
    std::vector<std::string> extra;   // values of DatasetBuilder::enterprise_extra, in order
};

struct AttachmentRow {
    std::string enterprise, chain, node;
    double weight = 1;
    std::string basis;     // product | industry | scope | curated | share | synthetic
    std::string rule;      // e.g. term:刻蚀设备, industry:半导体设备
    std::string evidence;  // the firm's own text that matched
    std::vector<std::string> extra;  // values of DatasetBuilder::attachment_extra, in order
};

class DatasetBuilder {
public:
    DatasetBuilder(std::vector<std::string> enterprise_extra = {}, std::vector<std::string> attachment_extra = {});

    // Throws std::invalid_argument on a status / basis outside the vocabulary or a wrong extra count
    // (programming errors of an importer, not input errors).
    void add(EnterpriseRow row);
    void add(AttachmentRow row);
    // coverage: listed_only | full_registry | sample | market_share | synthetic.
    void set_coverage(const std::string& coverage, const std::string& description);
    void add_file(std::string relative, std::string content);

    std::size_t enterprises() const { return ent_.size(); }
    std::size_t attachments() const { return att_.size(); }
    // enterprises.csv, attachments.csv, dataset.json (when a coverage is set), then the added files.
    std::vector<ImportedFile> files() const;

private:
    std::vector<std::string> ent_extra_, att_extra_;
    std::vector<EnterpriseRow> ent_;
    std::vector<AttachmentRow> att_;
    std::string coverage_, description_;
    std::vector<ImportedFile> other_;
};

}  // namespace chaingap
