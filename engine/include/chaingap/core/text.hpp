// Text and numbers at the edges: fixed-decimal formatting (no locale) and CSV quoting, shared by
// every writer (reports, dataset writers).
#pragma once
#include <string>

namespace chaingap {

// Fixed decimals, no locale: fmt(0.5, 3) = "0.500".
std::string fmt(double v, int decimals);

// CSV quoting per RFC 4180 (quotes when the field holds a comma, quote or line break).
std::string csv_field(const std::string& s);

}  // namespace chaingap
