// The `chaingap` command line: a thin shell. Each sub-command lives in its own cmd_*.cpp and
// registers itself; it parses its options, calls the engine library and prints.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chaingap::cli {

// Parsed arguments. Options are `--name value` or `--name=value`; flags are `--name`.
class Args {
public:
    Args(std::vector<std::string> argv, const std::vector<std::string>& options, const std::vector<std::string>& flags);
    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& fallback) const;
    std::string require(const std::string& name) const;
    bool flag(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // Repeatable `--param name=value` pairs.
    const std::vector<std::string>& all(const std::string& name) const;

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

struct Command {
    std::string name;
    std::string summary;
    std::string usage;  // full --help text
    std::vector<std::string> options;  // options that take a value
    std::vector<std::string> flags;    // options without a value
    int (*run)(const Args& args);
};

void register_command(Command c);
const std::vector<Command>& commands();

struct Registrar {
    explicit Registrar(Command c) { register_command(std::move(c)); }
};

// Shared helpers for commands.
std::string format_of(const Args& args, const std::vector<std::string>& allowed, const std::string& fallback);

}  // namespace chaingap::cli
