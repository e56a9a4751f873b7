// Terminal tables whose columns line up with Chinese text: widths are display columns (East Asian
// Wide and Fullwidth characters take two, per Unicode UAX #11), not bytes.
// Control characters in cells are shown as escapes (\x1b), never sent to the terminal raw.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chaingap {

std::size_t display_width(std::string_view utf8);

class TextTable {
public:
    // `right_aligned[i]`: numbers are right-aligned.
    TextTable(std::vector<std::string> header, std::vector<bool> right_aligned);
    void add_row(std::vector<std::string> cells);
    std::string render() const;

private:
    std::vector<std::string> header_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace chaingap
