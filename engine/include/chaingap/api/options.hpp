// Options as every front end hands them over: names → text values. The CLI fills it from argv
// (`--name value`, `--name=value`, flags), Python from keyword arguments, the server from the query
// string. Each request (requests.hpp) declares its options once (OptionSpec); the same rules parse,
// validate and default them for every front end, and the CLI help, the Python keywords and the
// server's accepted parameters are read from the same declarations.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chaingap::api {

enum class OptionKind {
    text,    // one value
    count,   // a whole number ≥ 0 (0 has the meaning the help gives, e.g. "all")
    number,  // a finite number
    list,    // comma-separated, repeatable: values accumulate
    param,   // NAME=VALUE, repeatable (parameter-table overrides)
    flag     // no value
};

struct OptionSpec {
    std::string name;  // without "--"
    OptionKind kind = OptionKind::text;
    std::string metavar;  // e.g. "DIR", "K" (help only)
    std::string help;     // one line; the default is given in the text where there is one
    bool required = false;
};

class Options {
public:
    // Adds a value; `spec` decides whether repeating is allowed (checked by validate).
    void add(const std::string& name, std::string value);
    void add_positional(std::string value) { positional_.push_back(std::move(value)); }

    // Checks every given name against the specs (unknown option, value given twice, required missing).
    void validate(const std::vector<OptionSpec>& specs) const;

    bool has(const std::string& name) const { return values_.count(name) != 0; }
    std::optional<std::string> get(const std::string& name) const;  // the single value
    std::string require(const std::string& name) const;             // non-empty, else UsageError
    bool flag(const std::string& name) const;                       // given (and not "0"/"false")
    const std::vector<std::string>& all(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

    // Typed values under the shared rules (core/parse.hpp).
    std::optional<long long> count(const std::string& name, long long min = 0) const;
    std::optional<double> number(const std::string& name) const;
    std::vector<std::string> list(const std::string& name) const;  // every value's items, in order
    std::vector<std::pair<std::string, double>> params(const std::string& name) const;

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

// "  --name METAVAR     help" lines for the CLI's --help, from the specs.
std::string options_help(const std::vector<OptionSpec>& specs);

}  // namespace chaingap::api
