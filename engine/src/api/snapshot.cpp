// `chaingap snapshot`: the loaded, validated dataset written as one binary file (docs/formats.md).
#include <sstream>

#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/load/snapshot.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& SnapshotRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"out", OptionKind::text, "FILE", "the snapshot file to write (atomically)"},
    };
    return o;
}

SnapshotRequest SnapshotRequest::parse(const Options& o) {
    SnapshotRequest r;
    r.out = o.require("out");
    if (r.out == "-") throw UsageError("--out must name a file (a snapshot is binary)");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const SnapshotRequest& r) {
    const std::uint64_t bytes = write_snapshot(*ds, r.out);
    std::ostringstream out;
    out << "wrote " << r.out << ": " << ds->enterprises.size() << " enterprises, " << ds->attachments.size()
        << " attachments, " << ds->relations.size() << " relations, " << ds->regions.size() << " regions, "
        << ds->chains.size() << " chains; " << fmt(static_cast<double>(bytes) / 1048576.0, 1) << " MiB\n";
    Response resp;
    resp.keep = ds;
    const std::string text = out.str();
    resp.report.text = [text] { return std::vector<Block>{Block::line(text)}; };
    return resp;
}

}  // namespace chaingap::api
