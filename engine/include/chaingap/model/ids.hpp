// Dense integer ids used throughout the engine. Strings live only at the edges (I/O, output).
#pragma once
#include <cstdint>

namespace chaingap {

using ChainId = std::int32_t;
using NodeId = std::int32_t;       // global across all chains of a dataset
using EnterpriseId = std::int32_t;
using RegionId = std::int32_t;
inline constexpr std::int32_t kNone = -1;

}  // namespace chaingap
