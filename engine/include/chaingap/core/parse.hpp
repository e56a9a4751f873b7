// Parsing numbers and lists from text (command-line options, Python keyword arguments, HTTP query
// parameters): one set of rules for every front end. Errors are UsageError naming the option.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chaingap {

// A finite decimal number ("0.5", "1e3"); "OPTION: not a number: 'TEXT'" otherwise.
double parse_number(std::string_view text, std::string_view option);
// A whole number in [min, max]; "OPTION must be a whole number in [MIN, MAX], got 'TEXT'" otherwise
// (the upper bound is left out of the message when it is the type's maximum).
long long parse_integer(std::string_view text, std::string_view option, long long min, long long max);
// Comma-separated items, spaces around items trimmed, empty items dropped: "a, b,,c" → {a, b, c}.
std::vector<std::string> parse_list(std::string_view text);
// "name=value" → {name, number}; "OPTION expects name=value, got 'TEXT'" otherwise.
std::pair<std::string, double> parse_assignment(std::string_view text, std::string_view option);

}  // namespace chaingap
