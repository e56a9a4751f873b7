// Reports that look things up in the dataset rather than analyse it: the region list, one link's
// presence by region (the 招商地图: where the capacity at a link is), and one enterprise.
// JSON contracts in docs/formats.md ("regions", "presence", "firm"); the web app reads them through
// `chaingap serve` (docs/webapp.md).
#pragma once
#include "chaingap/analysis/presence.hpp"
#include "chaingap/model/dataset.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// Every region: id, name, parent, depth (0 = top level) and the enterprises in it and below it.
// `ds` must outlive the report.
Report regions_report(const Dataset& ds);

// One link's presence in every region at `level` (region depth) with at least one firm there:
// distinct firms, capacity (Σ weight × size) and share of the national capacity at the link, highest
// capacity first; plus the source-region groups (rank/source_regions.hpp) with the members the
// dataset knows. `ds` and `matrix` must outlive the report.
Report presence_report(const Dataset& ds, const PresenceMatrix& matrix, NodeId node, int level);

// One enterprise: id, name, region, revenue, employees, founded, labels and its chain links.
Report firm_report(const Dataset& ds, EnterpriseId e);

}  // namespace chaingap
