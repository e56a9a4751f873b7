// 延链 opportunities (eval/opportunities.hpp) as a report.
//
// JSON (the contract of `chaingap opportunities --format json`, docs/backtest.md): {"region",
// "region_name", "model", "year", "regions_compared", "links", "links_present", "opportunities":
// [{"rank", "link", "name", "chain", "score", "related_links": [{"id", "name", "proximity"}],
// "similar_regions": [{"id", "name", "similarity"}], "drivers": [{"id", "name", "contribution"}],
// "firms": [{"id", "name", "revenue"}]}]}.
// One table, one row per link: machine columns (CSV: region, rank, link, name, chain, score, and the
// reason lists as ';'-separated ids) and people columns (XLSX and text: Chinese labels, the reason
// lists as names joined with 、). Text view: a one-line summary in Chinese, then the table.
#pragma once
#include "chaingap/eval/opportunities.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// `result` must outlive the returned Report.
// `ds`: the dataset the result was computed on (its coverage line heads the report: a link the region
// "lacks" is one the data shows no firm at, which listed-only data cannot tell from a real absence).
Report opportunities_report(const OpportunityResult& result, const Dataset& ds);

}  // namespace chaingap
