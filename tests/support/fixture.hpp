// Test support: temporary dataset folders written from strings, and running the CLI.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "chaingap/load/dataset_loader.hpp"

namespace chaingap::test {

// A fresh temporary folder, removed when the object goes out of scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string str() const { return path_.string(); }
    // Writes `content` to `relative` (creating folders).
    void write(const std::string& relative, const std::string& content) const;

private:
    std::filesystem::path path_;
};

std::string source_dir();      // the repository root
std::string shared_data_dir(); // ../shared/data beside the repository ("" when absent)
std::string read_text(const std::string& path);

// A small chain used across unit tests (no catalogue):
//   raw → mid1 → mid2 → final, side → final; a segment `seg` with sub-links a, b feeding mid1.
extern const char* kToyChainJson;

// A synthetic dataset over the shipped catalogue (chaingap generate's model), in memory.
Dataset synthetic_dataset(std::int64_t enterprises, std::uint64_t seed, std::int64_t relations = 0);

// Loads a dataset folder with no catalogue (only the folder's chains/).
Dataset load_isolated(const std::string& dir);

struct CliResult {
    int exit_code;
    std::string out, err;
};
// Runs build/chaingap with the given arguments (shell-quoted by the caller).
CliResult run_cli(const std::string& args);

}  // namespace chaingap::test
