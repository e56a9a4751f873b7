// Pieces shared by the request files of api/ (not public).
#pragma once
#include "chaingap/analysis/params.hpp"
#include "chaingap/api/options.hpp"

namespace chaingap::api {

// `--param NAME=VALUE` (repeatable) over the gap-analysis defaults, validated.
GapParams parse_gap_params(const Options& o);

}  // namespace chaingap::api
